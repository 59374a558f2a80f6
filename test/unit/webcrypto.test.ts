// The WebCrypto signer of the engine: byte-identical to jsrsasign, chosen only where crypto.subtle can sign, checked the same way.

import { createPublicKey, generateKeyPairSync, verify } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sandboxDir } from "../../src/generator/files/paths.js";
import type { SandboxHost } from "../../src/sandbox/host/host.js";
import { holdUntilSettled } from "../../src/sandbox/host/promise-hold.js";
import { fakePm } from "../helpers/fake-pm.js";
import { rfc7520PrivateKeyPem, rsaKeyPems } from "../helpers/keys.js";
import { VALID_JWT_VARIABLES } from "../helpers/variables.js";

// The compiled engine, evaluated as the scripts' loader does it: jsrsasign's RSA build and our code as shipped.
type Engine = typeof import("../../src/sandbox/scripts/engine.js");
const engine = new Function(`${readFileSync(`${sandboxDir()}/engine.js`, "utf8")}\nreturn __imsAuthEngine;`)() as Engine;
const subtle = engine.webCryptoSigner(globalThis.crypto)!;

const PAYLOAD = JSON.stringify({ iss: "ABC@AdobeOrg", note: "naïve € 😀", exp: 1_700_000_000 });

function verifies(jwt: string, pem: string): boolean {
  const [header, payload, signature] = jwt.split(".") as [string, string, string];
  return verify("sha256", Buffer.from(`${header}.${payload}`), createPublicKey(pem), Buffer.from(signature, "base64url"));
}

describe("choosing the signer", () => {
  it("WebCrypto only where crypto.subtle has importKey and sign (the Postman app); jsrsasign elsewhere (Newman)", () => {
    for (const crypto of [
      undefined,
      null,
      {},
      { subtle: null },
      { subtle: {} },
      { subtle: { importKey() {} } },
      { subtle: { sign() {} } },
      "crypto",
    ]) {
      expect(engine.webCryptoSigner(crypto)).toBeUndefined();
    }
    expect(engine.webCryptoSigner(globalThis.crypto)).toBe(globalThis.crypto.subtle);
  });
});

describe("WebCrypto and jsrsasign give the same RS256 bytes", () => {
  it("for RFC 7520's key (PKCS#1)", async () => {
    const key = engine.loadPrivateKey(rfc7520PrivateKeyPem());
    const expected = engine.signRs256(engine.JWT_HEADER, PAYLOAD, key);
    await expect(engine.signRs256WebCrypto(engine.JWT_HEADER, PAYLOAD, key, subtle)).resolves.toBe(expected);
  });

  it.each([2048, 2048, 2048, 3072, 4096])("for a fresh %i-bit key, PKCS#8 and PKCS#1 alike", async (bits) => {
    const pems = rsaKeyPems(bits);
    for (const pem of [pems.pkcs8, pems.pkcs1]) {
      const key = engine.loadPrivateKey(pem);
      const viaJsrsasign = engine.signRs256(engine.JWT_HEADER, PAYLOAD, key);
      const viaWebCrypto = await engine.signRs256WebCrypto(engine.JWT_HEADER, PAYLOAD, key, subtle);
      expect(viaWebCrypto).toBe(viaJsrsasign);
      expect(verifies(viaWebCrypto, pems.spki)).toBe(true);
    }
  });

  it("with a public exponent other than 65537", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048, publicExponent: 3 });
    const key = engine.loadPrivateKey(privateKey.export({ type: "pkcs1", format: "pem" }).toString());
    const viaWebCrypto = await engine.signRs256WebCrypto(engine.JWT_HEADER, PAYLOAD, key, subtle);
    expect(viaWebCrypto).toBe(engine.signRs256(engine.JWT_HEADER, PAYLOAD, key));
    expect(verifies(viaWebCrypto, publicKey.export({ type: "spki", format: "pem" }).toString())).toBe(true);
  });
});

describe("the engine signs with WebCrypto only when the sandbox hands it crypto.subtle", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const pems = rsaKeyPems();
  const variables: Record<string, string> = { ...VALID_JWT_VARIABLES, PRIVATE_KEY: pems.pkcs8 };

  /** Runs the JWT request's pre-request step as the sandbox would, and returns the jwt_token it filled in. */
  async function jwtTokenFilled(crypto: unknown): Promise<{ jwt: string | undefined; tests: string[] }> {
    let finished: () => void = () => undefined;
    const whenFinished = new Promise<void>((resolve) => (finished = resolve));
    let pending = 0;
    const track = (change: number) => {
      pending += change;
      if (pending === 0) finished();
    };
    const host: SandboxHost = {
      setTimeout: (callback, delayMs) => {
        track(1);
        return setTimeout(() => {
          callback();
          track(-1);
        }, delayMs);
      },
      clearTimeout: (handle) => {
        clearTimeout(handle as NodeJS.Timeout);
        track(-1);
      },
      crypto,
    };
    const { pm, outcome } = fakePm({ variables, path: "/ims/exchange/jwt" });
    engine.jwtExchange(pm as never, host);
    if (pending > 0) await whenFinished;
    return { jwt: outcome.form.jwt_token, tests: outcome.tests.map((test) => test.name) };
  }

  it("same jwt_token from the same variables at the same time, WebCrypto used only when given", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2030-01-02T03:04:05Z") });
    const counting = { signs: 0 };
    const real = globalThis.crypto.subtle;
    const spied = {
      subtle: {
        importKey: real.importKey.bind(real),
        sign: (...args: Parameters<typeof real.sign>) => {
          counting.signs += 1;
          return real.sign(...args);
        },
      },
    };
    const withWebCrypto = await jwtTokenFilled(spied);
    expect(counting.signs).toBe(1);
    const withoutWebCrypto = await jwtTokenFilled(undefined);
    expect(counting.signs).toBe(1);
    expect(withWebCrypto.tests).toEqual([]);
    expect(withWebCrypto.jwt).toBeDefined();
    expect(withWebCrypto.jwt).toBe(withoutWebCrypto.jwt);
    expect(verifies(withWebCrypto.jwt!, pems.spki)).toBe(true);
  });

  it("a WebCrypto that fails still gets a token: jsrsasign signs, same bytes", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2030-01-02T03:04:05Z") });
    const broken = {
      subtle: { importKey: () => Promise.reject(new Error("NotSupportedError")), sign: () => Promise.reject(new Error("no")) },
    };
    const fallback = await jwtTokenFilled(broken);
    expect(fallback.tests).toEqual([]);
    expect(fallback.jwt).toBe((await jwtTokenFilled(undefined)).jwt);
  });

  it("every key check applies on the WebCrypto path: a 1024-bit key, an EC key, a certificate-less public key", async () => {
    const small = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const config = {
      ims: "ims.example",
      orgId: "A@AdobeOrg",
      technicalAccountId: "B@techacct.adobe.com",
      clientId: "c",
      clientSecret: "s",
      metascopes: ["m"],
      privateKeyPassphrase: "",
    };
    await expect(engine.createJwtAssertionAsync({ ...config, privateKey: small }, Date.now(), subtle)).rejects.toMatchObject({
      code: "ERR_PRIVATE_KEY_SIZE",
    });
    await expect(engine.createJwtAssertionAsync({ ...config, privateKey: ec }, Date.now(), subtle)).rejects.toMatchObject({
      code: "ERR_PRIVATE_KEY_TYPE",
    });
    await expect(engine.createJwtAssertionAsync({ ...config, privateKey: pems.spki }, Date.now(), subtle)).rejects.toMatchObject({
      code: "ERR_PRIVATE_KEY_TYPE",
    });
    const key = engine.loadPrivateKey(pems.pkcs8);
    await expect(engine.signRs256WebCrypto('{"alg":"none"}', PAYLOAD, key, subtle)).rejects.toMatchObject({ code: "ERR_SIGNING" });
    await expect(engine.signRs256WebCrypto('{"alg":"HS256"}', PAYLOAD, key, subtle)).rejects.toMatchObject({ code: "ERR_SIGNING" });
  });
});

describe("holdUntilSettled: the sandbox waits for a promise, and no rejection is ever left unhandled", () => {
  function fakeHost() {
    const cleared: unknown[] = [];
    const timers: Array<() => void> = [];
    const host: SandboxHost = {
      setTimeout: (callback) => timers.push(callback),
      clearTimeout: (handle) => cleared.push(handle),
      crypto: undefined,
    };
    return { host, cleared, fire: () => timers[0]?.() };
  }
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

  it("a value: onValue runs, then the holding timer is cleared", async () => {
    const { host, cleared } = fakeHost();
    const seen: unknown[] = [];
    holdUntilSettled(
      host,
      Promise.resolve(42),
      (value) => seen.push(["value", value, cleared.length]),
      (error) => seen.push(["error", error]),
    );
    await flush();
    expect(seen).toEqual([["value", 42, 0]]);
    expect(cleared).toEqual([1]);
  });

  it("a rejection, or a throwing callback, goes to onError; a throwing onError is dropped, not unhandled", async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", listener);
    try {
      const { host } = fakeHost();
      const errors: unknown[] = [];
      holdUntilSettled(
        host,
        Promise.reject(new Error("rejected")),
        () => undefined,
        (error) => errors.push(error),
      );
      holdUntilSettled(
        host,
        Promise.resolve(1),
        () => {
          throw new Error("thrown");
        },
        (error) => errors.push(error),
      );
      holdUntilSettled(
        host,
        Promise.reject(new Error("again")),
        () => undefined,
        () => {
          throw new Error("from onError");
        },
      );
      await flush();
      await flush();
      expect(errors.map((error) => (error as Error).message)).toEqual(["rejected", "thrown"]);
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", listener);
    }
  });

  it("a promise that never settles: the timer fails it with ERR_SIGNING, and a late value is ignored", async () => {
    const { host, cleared, fire } = fakeHost();
    const seen: unknown[] = [];
    let resolveLate: (value: number) => void = () => undefined;
    holdUntilSettled(
      host,
      new Promise<number>((resolve) => (resolveLate = resolve)),
      (value) => seen.push(value),
      (error) => seen.push(error),
    );
    fire();
    resolveLate(7);
    await flush();
    expect(seen).toEqual([expect.objectContaining({ code: "ERR_SIGNING" })]);
    // The fired timer is not cleared again: the sandbox would count it twice.
    expect(cleared).toEqual([]);
  });
});
