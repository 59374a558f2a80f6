// The emulator answers token requests as IMS takes them: both body encodings on every endpoint, /ims/token/v2 with its
// query string, trailing slashes (faults included), the exp window Adobe's own collection relies on, IMS-shaped tokens.

import { createPublicKey, sign, verify } from "node:crypto";
import { request } from "node:https";
import { describe, expect, it } from "vitest";
import { CLOCK_SKEW_SECONDS, MAX_EXP_AHEAD_SECONDS } from "../../src/emulator/service/assertion-check.js";
import { useEmulator } from "../helpers/emulator.js";

const shared = useEmulator({ metascopes: ["ent_aem_cloud_sdk", "ent_cloudmgr_sdk"], scopes: ["openid", "AdobeID"] });

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** One POST to the emulator over HTTPS, trusting its certificate; `fields` go as `encoding` says ("none": no body). */
function post(path: string, fields: Record<string, string>, encoding: "urlencoded" | "multipart" | "none" = "urlencoded"): Promise<Answer> {
  const boundary = "----emulator-test-boundary";
  if (encoding === "none") return send(path, "", undefined);
  if (encoding === "urlencoded") return send(path, new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded");
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return send(path, `${parts.join("")}--${boundary}--\r\n`, `multipart/form-data; boundary=${boundary}`);
}

function send(path: string, body: string, contentType: string | undefined): Promise<Answer> {
  const { emulator } = shared.ctx;
  const headers: Record<string, string> = { "content-length": String(Buffer.byteLength(body)) };
  if (contentType !== undefined) headers["content-type"] = contentType;
  const [host, port] = emulator.host.split(":");
  return new Promise((resolve, reject) => {
    const req = request({ host, port: Number(port), path, method: "POST", headers, ca: emulator.caCertificatePem }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown> }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** An RS256 JWT assertion for the throwaway credential, signed with node:crypto; `claims` change the defaults. */
function assertion(claims: Record<string, unknown> = {}): string {
  const { integration, privateKeyPem } = shared.ctx.credential;
  const ims = shared.ctx.emulator.host;
  const payload = {
    exp: Math.floor(Date.now() / 1000) + 300,
    iss: integration.orgId,
    sub: integration.technicalAccountId,
    aud: `https://${ims}/c/${integration.clientId}`,
    [`https://${ims}/s/ent_aem_cloud_sdk`]: true,
    [`https://${ims}/s/ent_cloudmgr_sdk`]: true,
    ...claims,
  };
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${part({ alg: "RS256", typ: "JWT" })}.${part(payload)}`;
  return `${input}.${sign("sha256", Buffer.from(input), privateKeyPem).toString("base64url")}`;
}

const jwtFields = (claims?: Record<string, unknown>) => {
  const { integration } = shared.ctx.credential;
  return { client_id: integration.clientId, client_secret: integration.clientSecret, jwt_token: assertion(claims) };
};

const clientCredentials = (overrides: Record<string, string> = {}) => {
  const { integration } = shared.ctx.credential;
  return {
    grant_type: "client_credentials",
    client_id: integration.clientId,
    client_secret: integration.clientSecret,
    scope: "openid,AdobeID",
    ...overrides,
  };
};

describe("both body encodings on every token endpoint, trailing slash or not", () => {
  for (const encoding of ["urlencoded", "multipart"] as const) {
    for (const path of ["/ims/exchange/jwt", "/ims/exchange/jwt/"]) {
      it(`JWT exchange at ${path}, ${encoding}: a token, expires_in in milliseconds`, async () => {
        const answer = await post(path, jwtFields(), encoding);
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        expect(answer.body.expires_in).toBe(86_399_999);
        expect(shared.ctx.emulator.calls.jwtExchange).toBe(1);
      });
    }
    for (const path of ["/ims/token/v2", "/ims/token/v3", "/ims/token/v3/"]) {
      it(`client credentials at ${path}, ${encoding}: a token, expires_in in seconds`, async () => {
        const answer = await post(path, clientCredentials(), encoding);
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        expect(answer.body.expires_in).toBe(86_399);
        expect(shared.ctx.emulator.calls[path.startsWith("/ims/token/v2") ? "tokenV2" : "tokenV3"]).toBe(1);
      });
    }
  }
  it("a wrong secret gets IMS's error body in either encoding", async () => {
    for (const encoding of ["urlencoded", "multipart"] as const) {
      expect(await post("/ims/token/v2", clientCredentials({ client_secret: "wrong" }), encoding)).toEqual({
        status: 400,
        body: { error: "invalid_client", error_description: "invalid client_secret parameter" },
      });
      expect(await post("/ims/exchange/jwt/", { ...jwtFields(), client_secret: "wrong" }, encoding)).toEqual({
        status: 401,
        body: { error: "invalid_client", error_description: "invalid client_secret parameter" },
      });
    }
  });
  it("a multipart body cut short is refused with IMS's error shape, not read as a missing client_id", async () => {
    const body = `--b\r\nContent-Disposition: form-data; name="client_id"\r\n\r\n${shared.ctx.credential.integration.clientId}\r\n`;
    expect(await send("/ims/token/v3", body, "multipart/form-data; boundary=b")).toEqual({
      status: 400,
      body: { error: "invalid_request", error_description: "The multipart/form-data body is malformed (no closing boundary)." },
    });
  });
  it("a body over a megabyte is refused with 413 before it is parsed", async () => {
    expect((await send("/ims/token/v3", "x".repeat(1024 * 1024 + 1), "application/x-www-form-urlencoded")).status).toBe(413);
  });
});

describe("parameters in the query string", () => {
  it("/ims/token/v2 takes them all there, with no body, as Adobe's IMS collection sends them", async () => {
    const answer = await post(`/ims/token/v2?${new URLSearchParams(clientCredentials())}`, {}, "none");
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(shared.ctx.emulator.calls.tokenV2).toBe(1);
  });
  it("/ims/token/v3 takes client_id there (the rest in the body) but refuses client_secret in the URL", async () => {
    const { client_id, ...rest } = clientCredentials();
    expect((await post(`/ims/token/v3?client_id=${client_id}`, rest)).status).toBe(200);
    const refused = await post(`/ims/token/v3?${new URLSearchParams(clientCredentials())}`, {}, "none");
    expect(refused).toEqual({
      status: 400,
      body: { error: "invalid_request", error_description: "client_secret must be sent in the request body, not in the URL." },
    });
  });
  it("the JWT exchange refuses the secret and the JWT in the URL", async () => {
    const fields = jwtFields();
    expect(
      (await post(`/ims/exchange/jwt?jwt_token=${fields.jwt_token}`, { client_id: fields.client_id, client_secret: fields.client_secret }))
        .body.error,
    ).toBe("invalid_request");
  });
});

describe("faults apply to a route, trailing slash or not", () => {
  it("a fault injected for /ims/exchange/jwt answers /ims/exchange/jwt/ (what @adobe/jwt-auth posts to), once", async () => {
    shared.ctx.emulator.injectFaults("/ims/exchange/jwt", [{ status: 503 }]);
    expect((await post("/ims/exchange/jwt/", jwtFields())).status).toBe(503);
    expect((await post("/ims/exchange/jwt/", jwtFields())).status).toBe(200);
    expect(shared.ctx.emulator.calls.jwtExchange).toBe(2);
  });
});

describe("the exp window", () => {
  const now = () => Math.floor(Date.now() / 1000);
  const outcome = async (exp: number) => {
    const answer = await post("/ims/exchange/jwt", jwtFields({ exp }));
    return answer.status === 200 ? "accepted" : String(answer.body.error_description);
  };
  it("accepts exp = now + 87000 s, as Adobe's IMS collection signs it, and a past exp within the 30 s skew", async () => {
    expect(await outcome(now() + MAX_EXP_AHEAD_SECONDS)).toBe("accepted");
    expect(await outcome(now() - CLOCK_SKEW_SECONDS + 5)).toBe("accepted");
  });
  it("refuses exp beyond the window and exp past the skew", async () => {
    expect(await outcome(now() + MAX_EXP_AHEAD_SECONDS + CLOCK_SKEW_SECONDS + 60)).toMatch(/more than 24 hours ahead/);
    expect(await outcome(now() - CLOCK_SKEW_SECONDS - 5)).toBe("JWT token is expired.");
  });
});

describe("tokens shaped like IMS's", () => {
  it("an RS256 JWT signed by the emulator's key, with as: ims-na1, created_at and expires_in in milliseconds", async () => {
    const answer = await post("/ims/exchange/jwt", jwtFields());
    const [header, payload, signature] = String(answer.body.access_token).split(".") as [string, string, string];
    const decode = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;
    expect(decode(header)).toMatchObject({ alg: "RS256", itt: "at" });
    const claims = decode(payload);
    const { integration } = shared.ctx.credential;
    expect(claims).toMatchObject({
      type: "access_token",
      as: "ims-na1",
      client_id: integration.clientId,
      user_id: integration.technicalAccountId,
      expires_in: "86399999",
    });
    expect(claims.scope).toBe("ent_aem_cloud_sdk,ent_cloudmgr_sdk");
    expect(Math.abs(Number(claims.created_at) - Date.now())).toBeLessThan(60_000);
    const key = createPublicKey(shared.ctx.emulator.caCertificatePem);
    expect(verify("sha256", Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, "base64url"))).toBe(true);
  });
});
