// Access tokens the emulator issues, shaped like Adobe's: an RS256 JWT whose payload carries IMS's claims
// (created_at and expires_in in milliseconds, as strings; `as` the IMS region, so Adobe's libraries resolve it).

import { randomUUID, sign } from "node:crypto";

export interface IssuedAccessToken {
  readonly token: string;
  readonly clientId: string;
  readonly orgId: string;
  /** The user the token acts for: a technical account for service tokens, a signed-in user's ID for user tokens. */
  readonly userId: string;
  readonly scopes: readonly string[];
  readonly expiresAt: number;
}

export class AccessTokenIssuer {
  private readonly issued = new Map<string, IssuedAccessToken>();

  constructor(private readonly signingKeyPem: string) {}

  issue(clientId: string, orgId: string, userId: string, scopes: readonly string[], lifetimeMs: number, nowMs: number): IssuedAccessToken {
    const payload = {
      id: `${nowMs}_${randomUUID()}_emu`,
      type: "access_token",
      client_id: clientId,
      user_id: userId,
      state: "",
      // "ims-na1": @adobe/aio-lib-ims's Ims.fromToken maps `https://{as}.adobelogin.com` to its prod environment.
      as: "ims-na1",
      aa_id: userId,
      ctp: 0,
      scope: scopes.join(","),
      created_at: String(nowMs),
      expires_in: String(lifetimeMs),
    };
    const record = { token: this.signJwt("at", payload), clientId, orgId, userId, scopes, expiresAt: nowMs + lifetimeMs };
    this.issued.set(record.token, record);
    return record;
  }

  /**
   * A JWT signed with the emulator's key, shaped as IMS shapes its tokens: the header names the key by region
   * and token type (`itt` "at": access token, "rt": refresh token, "ac": authorization code).
   */
  signJwt(itt: string, payload: Record<string, unknown>): string {
    const header = { alg: "RS256", x5u: `ims_na1_emulator-key-${itt}-1.cer`, kid: `ims_na1_emulator-key-${itt}-1`, itt };
    const input = `${Buffer.from(JSON.stringify(header)).toString("base64url")}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}`;
    return `${input}.${sign("sha256", Buffer.from(input), this.signingKeyPem).toString("base64url")}`;
  }

  /** The record of a token this emulator issued and that has not expired or been revoked. */
  live(token: string, nowMs: number): IssuedAccessToken | undefined {
    const record = this.issued.get(token);
    return record && record.expiresAt > nowMs ? record : undefined;
  }

  revokeAll(): void {
    this.issued.clear();
  }
}
