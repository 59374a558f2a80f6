import { describe, expect, it } from "vitest";
import { ImsAuthError } from "../../src/core/errors.js";
import { readTokenResponse } from "../../src/core/ims/ims-response.js";

const NOW = 1_700_000_000_000;

function rejection(flow: "jwt" | "s2s", status: number, body: unknown): ImsAuthError {
  try {
    readTokenResponse(flow, status, typeof body === "string" ? body : JSON.stringify(body), NOW);
  } catch (error) {
    if (error instanceof ImsAuthError) return error;
    throw error;
  }
  throw new Error("accepted");
}

describe("readTokenResponse", () => {
  it("reads expires_in as milliseconds for the JWT exchange", () => {
    const body = JSON.stringify({ token_type: "bearer", access_token: "tok", expires_in: 86_399_999 });
    expect(readTokenResponse("jwt", 200, body, NOW)).toEqual({ accessToken: "tok", expiresAt: NOW + 86_399_999 });
  });

  it("reads expires_in as seconds for client credentials", () => {
    const body = JSON.stringify({ token_type: "bearer", access_token: "tok", expires_in: 86_399 });
    expect(readTokenResponse("s2s", 200, body, NOW)).toEqual({ accessToken: "tok", expiresAt: NOW + 86_399_000 });
  });

  it.each([
    [401, "invalid_client", "invalid client_secret parameter", /Check CLIENT_SECRET: IMS did not accept it/],
    [400, "invalid_client", "invalid client_secret parameter", /Check CLIENT_SECRET: IMS did not accept it/],
    [401, "invalid_client", "Client authentication failed", /Check API_KEY and CLIENT_SECRET/],
    [400, "invalid_client", "invalid client_id parameter", /Check API_KEY/],
    [400, "invalid_scope", "The metascopes in the JWT are not a subset of the metascopes in the binding.", /Check META_SCOPE/],
    [400, "invalid_token", "Could not match JWT signature to any of the bindings", /PRIVATE_KEY: it does not match/],
    [400, "invalid_token", "JWT token is expired.", /clock/],
    [400, "bad_request", "iss must be an organization ID", /IMS_ORG/],
  ])("HTTP %i %s carries IMS's reason and a hint", (status, error, description, hint) => {
    const failure = rejection("jwt", status, { error, error_description: description });
    expect(failure.code).toBe("ERR_IMS_REJECTED");
    expect(failure.message).toContain(`HTTP ${status} ${error}: "${description}"`);
    expect(failure.message).toMatch(hint);
  });

  it("the JWT exchange's invalid_client also says that Adobe ended Developer Console JWT credentials, naming the migration guide", () => {
    const jwt = rejection("jwt", 401, { error: "invalid_client", error_description: "Client authentication failed" }).message;
    expect(jwt).toMatch(
      /Check API_KEY and CLIENT_SECRET: .* Adobe ended Developer Console Service Account \(JWT\) credentials \(end of life 2025-06-30;/,
    );
    expect(jwt).toContain('Adobe\'s guide "Migrating from Service Account (JWT) credential to OAuth Server-to-Server credential"');
    expect(jwt).toContain("AEM as a Cloud Service service credentials (client id cm-p…-e…) are not affected.");
    // OAuth Server-to-Server is where that guide leads: its invalid_client says nothing of it.
    expect(rejection("s2s", 400, { error: "invalid_client", error_description: "invalid client_secret parameter" }).message).not.toMatch(
      /JWT|migration/i,
    );
  });

  it("points client-credential scope errors at SCOPES", () => {
    expect(rejection("s2s", 400, { error: "invalid_scope", error_description: "x" }).message).toMatch(/Check SCOPES/);
  });

  it.each([
    [200, "<html>not json</html>", "ERR_IMS_RESPONSE"],
    [200, { token_type: "bearer" }, "ERR_IMS_RESPONSE"],
    [200, { access_token: "t", expires_in: -1 }, "ERR_IMS_RESPONSE"],
    [502, "Bad gateway", "ERR_IMS_UNREACHABLE"],
    [404, "", "ERR_IMS_REJECTED"],
  ])("HTTP %i with %j is %s", (status, body, code) => {
    expect(rejection("jwt", status, body).code).toBe(code);
  });
});
