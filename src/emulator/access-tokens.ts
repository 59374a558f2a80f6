// Access tokens the emulator issues: JWT-shaped like Adobe's (created_at and expires_in in milliseconds, as strings).

import { randomUUID, sign } from "node:crypto";

export interface IssuedAccessToken {
  readonly token: string;
  readonly clientId: string;
  readonly orgId: string;
  readonly scopes: readonly string[];
  readonly expiresAt: number;
}

export class AccessTokenIssuer {
  private readonly issued = new Map<string, IssuedAccessToken>();

  constructor(private readonly signingKeyPem: string) {}

  issue(clientId: string, orgId: string, userId: string, scopes: readonly string[], lifetimeMs: number, nowMs: number): IssuedAccessToken {
    const header = { alg: "RS256", x5u: "ims_emulator-key-1.cer", kid: "ims_emulator-key-1" };
    const payload = {
      id: `${nowMs}_${randomUUID()}_emu`,
      type: "access_token",
      client_id: clientId,
      user_id: userId,
      as: "ims-emulator",
      scope: scopes.join(","),
      created_at: String(nowMs),
      expires_in: String(lifetimeMs),
    };
    const input = `${Buffer.from(JSON.stringify(header)).toString("base64url")}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}`;
    const signature = sign("sha256", Buffer.from(input), this.signingKeyPem).toString("base64url");
    const record = { token: `${input}.${signature}`, clientId, orgId, scopes, expiresAt: nowMs + lifetimeMs };
    this.issued.set(record.token, record);
    return record;
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
