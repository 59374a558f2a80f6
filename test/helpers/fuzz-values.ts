// Seeded random values for the fuzz test: malformed variable values, damaged and hostile keys, odd IMS answers.

import { randomPem } from "./fuzz-keys.js";
import type { ImsAnswer } from "./sandbox-harness.js";

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  string(alphabet: string, maxLength: number): string {
    let out = "";
    for (let i = this.int(maxLength + 1); i > 0; i--) out += alphabet[this.int(alphabet.length)];
    return out;
  }
}

const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join("");
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
const WEIRD = "\u0000\u0001\t\n\r\u000b\u001f\u007f\u00a0\u00ad\u200b\u2028\u2029\ufeff\ufffd\ud800\udfff\u{1f600}é€✓\"'\\{}<>[]%$&?#@:;,/";

/** A random string of many kinds: empty, spaces, control and astral characters, lone surrogates, template text, URLs, huge. */
export function randomText(random: Random): string {
  switch (random.int(14)) {
    case 0:
      return "";
    case 1:
      return random.string(" \t\n\r", 8);
    case 2:
      return random.string(ASCII, 60);
    case 3:
      return random.string(WEIRD + ASCII, 40);
    case 4:
      return random.string(BASE64, 300);
    case 5:
      return `{{${random.string(ASCII, 12)}}}`;
    case 6:
      return `<${random.string(ASCII, 20)}>`;
    case 7:
      return random.pick(["https://", "http://", "//", ""]) + random.string("abcdefghijklmnop.-:/?#0123456789", 50);
    case 8:
      return (
        random.string("0123456789ABCDEF", 30) +
        random.pick(["@AdobeOrg", "@adobeorg", "@techacct.adobe.com", "@", "", "@AdobeOrg ", " @AdobeOrg"])
      );
    case 9:
      return random.string("abcdefghij_,. ;", 80);
    case 10:
      return random.pick([
        "undefined",
        "null",
        "NaN",
        "true",
        "0",
        "-1",
        "1e309",
        "YOUR_VALUE",
        "changeme",
        "...",
        "p8e-abc",
        "eyJ.eyJ.x",
        '["a",1]',
        "[",
        "{}",
      ]);
    case 11:
      return random.string(ASCII, 5).repeat(random.int(20_000));
    case 12:
      return `-----BEGIN ${random.pick(["PRIVATE KEY", "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "CERTIFICATE", "X"])}-----${random.string(`${BASE64}\n`, 200)}`;
    default:
      return `"${random.string(ASCII, 30)}"`;
  }
}

/** What pm.variables.get can return: mostly strings, sometimes numbers, booleans, objects, arrays, null. */
export function randomValue(random: Random): unknown {
  switch (random.int(12)) {
    case 0:
      return undefined;
    case 1:
      return random.pick([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, 1e21]);
    case 2:
      return random.pick([true, false, null]);
    case 3:
      return random.pick([{}, { a: 1 }, [], ["x", "y"], [1, [2]]]);
    default:
      return randomText(random);
  }
}

export const JWT_VARIABLES = [
  "IMS",
  "IMS_ORG",
  "TECHNICAL_ACCOUNT_ID",
  "API_KEY",
  "CLIENT_SECRET",
  "META_SCOPE",
  "PRIVATE_KEY",
  "PRIVATE_KEY_PASSPHRASE",
];
export const OTHER_VARIABLES = ["SCOPES", "AUTH_FLOW", "TOKEN_MARGIN_MINUTES", "ACCESS_TOKEN", "ACCESS_TOKEN_EXPIRES_AT"];

/**
 * A configuration with a few variables broken (and sometimes a damaged or hostile key). Mostly one of the
 * JWT flow's own variables is among them: a configuration that passes every check is signed, which is
 * the slow part (tens of milliseconds), and the interesting cases are the refusals.
 */
export function randomVariables(
  random: Random,
  valid: Record<string, unknown>,
  keys: { pkcs1: string; pkcs8: string; encrypted: string; passphrase: string },
): Record<string, unknown> {
  const variables: Record<string, unknown> = { ...valid };
  const names = [...JWT_VARIABLES, ...OTHER_VARIABLES];
  if (variables.PRIVATE_KEY === keys.pkcs8 && random.chance(0.3)) variables.PRIVATE_KEY = keys.encrypted;
  // The passphrase matters only to an encrypted key; a second broken variable makes signing rarer still.
  const own = JWT_VARIABLES.filter((name) => name !== "PRIVATE_KEY_PASSPHRASE" || variables.PRIVATE_KEY === keys.encrypted);
  if (random.chance(0.95)) variables[random.pick(own)] = randomValue(random);
  if (random.chance(0.5)) variables[random.pick(own)] = randomValue(random);
  for (let count = random.int(3); count > 0; count--) variables[random.pick(names)] = randomValue(random);
  if (random.chance(0.35)) variables.PRIVATE_KEY = randomPem(random, keys);
  if (random.chance(0.15)) variables.ACCESS_TOKEN = randomToken(random);
  return variables;
}

/** Token-shaped text: JWTs with odd payloads, Bearer prefixes, JSON, broken base64. */
export function randomToken(random: Random): string {
  const b64 = (text: string) => Buffer.from(text, "latin1").toString("base64url");
  const payloads = [
    JSON.stringify({ created_at: String(Date.now() - random.int(1e8)), expires_in: String(random.int(2e8)) }),
    JSON.stringify({ created_at: random.pick([-1, 0, 1e300, "x", null]), expires_in: random.pick([1, "86400000", 1e308]) }),
    random.string(WEIRD + ASCII, 40),
    "\u00f7\u00bf\u00bf\u00bf",
  ];
  const token = `${b64('{"alg":"RS256"}')}.${b64(random.pick(payloads))}.${random.string(BASE64, 40)}`;
  return random.pick([
    token,
    `Bearer ${token}`,
    `{"accessToken":"${token}"}`,
    token.replace(".", random.pick([" ", "\n", ".."])),
    token.slice(0, random.int(token.length)),
  ]);
}

/** An IMS answer of any kind: tokens, errors, busy, garbage, nothing. */
export function randomImsAnswer(random: Random): ImsAnswer {
  const token = `${Buffer.from('{"alg":"RS256"}').toString("base64url")}.${Buffer.from(JSON.stringify({ created_at: String(Date.now()), expires_in: "86400000" })).toString("base64url")}.sig`;
  switch (random.int(8)) {
    case 0:
      return {
        status: 200,
        body: JSON.stringify({
          access_token: token,
          token_type: "bearer",
          expires_in: random.pick([86_399_999, 86_399, -1, 0, "86399", null]),
        }),
      };
    case 1:
      return {
        status: random.pick([400, 401, 403]),
        body: JSON.stringify({ error: randomText(random), error_description: randomText(random) }),
      };
    case 2:
      return {
        status: random.pick([429, 500, 502, 503]),
        body: "",
        headers: random.chance(0.5)
          ? { "Retry-After": random.pick(["0", "1", "abc", "Wed, 21 Oct 2015 07:28:00 GMT", "99999"]) }
          : ({} as Record<string, string>),
      };
    case 3:
      return { error: { code: random.pick(["ECONNREFUSED", "ENOTFOUND", "CERT_HAS_EXPIRED"]) } };
    case 4:
      return { status: random.int(600), body: randomText(random) };
    case 5:
      return { status: 200, body: random.pick(["", "null", "[]", "{}", '{"access_token":""}', '{"access_token":1,"expires_in":1}']) };
    default:
      return { status: 200, body: JSON.stringify({ access_token: token, expires_in: 86_399 }) };
  }
}
