// The canary search: recognisable fake secrets, looked for in everything a Newman run wrote, after taking out
// the few places where a secret may legitimately be (the variable that holds it, and the HTTP traffic itself
// that the verbose CLI and the JSON reporter record by design).

export interface Secret {
  readonly name: string;
  readonly value: string;
}

export interface Found {
  readonly secret: string;
  readonly where: string;
  readonly excerpt: string;
}

const WINDOW = 16;

/** Needles: the whole secret (16+ chars) and 16-character windows of its base64/hex-like runs, so a partial leak is found too. */
function needles(secret: Secret): string[] {
  const found = new Set<string>();
  const value = secret.value.trim();
  if (value.length >= 12) found.add(value);
  for (const run of value.match(/[A-Za-z0-9+/_-]{16,}/g) ?? []) {
    for (let i = 0; i + WINDOW <= run.length; i += 8) {
      const window = run.slice(i, i + WINDOW);
      // Windows of one repeated character (base64 of zero bytes) are not distinctive.
      if (new Set(window).size > 5) found.add(window);
    }
  }
  return [...found];
}

/**
 * Where each wanted 16-character window first occurs in `haystack`, in one pass: a window is compared only where
 * the haystack's next three characters start one (an indexOf per window made the canary test spend most of
 * its CPU here: ~1,000 windows of four keys over megabytes of reports).
 */
function windowPositions(haystack: string, wanted: ReadonlySet<string>): Map<string, number> {
  const prefixes = new Set<number>();
  for (const window of wanted) prefixes.add(prefixOf(window, 0));
  const first = new Map<string, number>();
  for (let i = 0; i + WINDOW <= haystack.length; i++) {
    if (!prefixes.has(prefixOf(haystack, i))) continue;
    const piece = haystack.slice(i, i + WINDOW);
    if (wanted.has(piece) && !first.has(piece)) first.set(piece, i);
  }
  return first;
}

function prefixOf(text: string, at: number): number {
  return text.charCodeAt(at) * 0x1_0000_0000 + text.charCodeAt(at + 1) * 0x1_0000 + text.charCodeAt(at + 2);
}

/** Text as a reporter may have wrapped it: no ANSI colours, no whitespace, no box-drawing characters. */
export function flatten(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, "").replace(/[\s│┌└─┐┘├┤┬┴┼]+/g, "");
}

/** Every needle of every secret in `text` (flattened, and URL-decoded as a form body would carry it). */
export function search(text: string, where: string, secrets: readonly Secret[]): Found[] {
  const flat = flatten(text);
  let decoded = flat;
  try {
    decoded = decodeURIComponent(flat.replace(/\+/g, " ").replace(/%(?![0-9A-Fa-f]{2})/g, "%25"));
  } catch {
    decoded = flat;
  }
  const all = secrets.map((secret) => ({ secret, needles: needles(secret) }));
  const windows = new Set(all.flatMap((item) => item.needles.filter((needle) => needle.length === WINDOW)));
  const haystacks = [flat, decoded].map((haystack) => ({ haystack, windows: windowPositions(haystack, windows) }));
  const found: Found[] = [];
  for (const { secret, needles: wanted } of all) {
    for (const needle of wanted) {
      for (const { haystack, windows: positions } of haystacks) {
        const at = needle.length === WINDOW ? (positions.get(needle) ?? -1) : haystack.indexOf(needle);
        if (at >= 0) {
          found.push({ secret: secret.name, where, excerpt: haystack.slice(Math.max(0, at - 60), at + needle.length + 20) });
          break;
        }
      }
    }
  }
  // One finding per secret and place is enough to read.
  return found.filter((item, index) => found.findIndex((other) => other.secret === item.secret && other.where === item.where) === index);
}

/**
 * The CLI output without the request and response bodies of the token requests (POST …/ims/…): with
 * --verbose, Newman prints every request's body and answer, pm.sendRequest's included.
 */
export function withoutTokenRequestBodies(stdout: string): string {
  const out: string[] = [];
  let tokenRequest = false;
  let inBody = false;
  for (const line of stdout.replace(/\u001b\[[0-9;]*m/g, "").split("\n")) {
    if (/^\s*(GET|POST|PUT|PATCH|DELETE) https?:\/\//.test(line)) tokenRequest = /^\s*POST https?:\/\/[^/\s]+\/ims\//.test(line);
    if (tokenRequest && /^\s*┌/.test(line)) inBody = true;
    if (!inBody) out.push(line);
    if (inBody && /^\s*└/.test(line)) inBody = false;
  }
  return out.join("\n");
}

/** Turns Buffer-shaped JSON ({"type":"Buffer","data":[…]}) back into text, so that response bodies are searched as text. */
function decodeBuffers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeBuffers);
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (record.type === "Buffer" && Array.isArray(record.data)) return Buffer.from(record.data as number[]).toString("utf8");
    return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, decodeBuffers(item)]));
  }
  return value;
}

/** Which variables may hold which secret: a secret's own variable, or ACCESS_TOKEN for a token IMS issued. */
export type Allowed = (key: string, value: string) => boolean;

/** An environment file (or the JSON reporter's environment): the values each variable may hold are removed, the rest kept. */
export function withoutOwnVariables(values: ReadonlyArray<{ key: string; value: unknown }>, allowed: Allowed): unknown[] {
  return values.map((item) => (allowed(item.key, String(item.value ?? "")) ? { ...item, value: "(its own variable)" } : item));
}

/**
 * The JSON report without what Newman records of the HTTP traffic by design: the Authorization header of API
 * requests (the token they carry) and the form and answer of token requests (client secret, JWT, token).
 * Everything else (failures, assertions, console output, collection) is kept and searched.
 */
export function jsonReportToSearch(report: Record<string, unknown>, allowed: Allowed): string {
  const copy = decodeBuffers(JSON.parse(JSON.stringify(report))) as {
    environment?: { values?: Array<{ key: string; value: unknown }> };
    run?: { executions?: Array<{ request?: Record<string, unknown>; response?: Record<string, unknown> }> };
  };
  if (copy.environment?.values) copy.environment.values = withoutOwnVariables(copy.environment.values, allowed) as never;
  // The bearer token an API request carries, when it is the token of ACCESS_TOKEN; anything else stays to be searched.
  const carriesToken = (value: string) => allowed("ACCESS_TOKEN", value);
  for (const execution of copy.run?.executions ?? []) withoutTraffic(execution.request ?? {}, execution.response, "header", carriesToken);
  return JSON.stringify(copy);
}

/**
 * One request of a report (Newman's `request.header`, the Postman CLI's `requestExecuted.headers`) without what
 * it records by design: an Authorization header or bearer auth carrying the token, and a token request's form and answer.
 */
export function withoutTraffic(
  request: Record<string, unknown>,
  response: Record<string, unknown> | undefined,
  headersKey: "header" | "headers",
  isToken: (value: string) => boolean,
): void {
  const carriesToken = (value: unknown) => isToken(String(value ?? "").replace(/^Bearer /, ""));
  const path = ((request.url as { path?: string[] } | undefined)?.path ?? []).join("/");
  request[headersKey] = ((request[headersKey] as Array<{ key: string; value: unknown }> | undefined) ?? []).filter(
    (header) => !(header.key.toLowerCase() === "authorization" && carriesToken(header.value)),
  );
  const bearer = (request.auth as { bearer?: Array<{ value: unknown }> } | undefined)?.bearer;
  if (bearer?.every((item) => carriesToken(item.value))) delete request.auth;
  if (path.startsWith("ims/")) {
    delete request.body;
    if (response) delete response.stream;
  }
}
