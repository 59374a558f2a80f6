// Authorization codes and refresh tokens the emulator issued: single use, lifetimes, rotation, revocation and reuse detection.

import { randomUUID } from "node:crypto";
import type { PkceMethod } from "./user-clients.js";

/** Shaped like IMS's: a JWT whose payload has `type`, `created_at` and `expires_in` (milliseconds, as strings). */
export type SignToken = (itt: string, payload: Record<string, unknown>) => string;

export interface CodeGrant {
  readonly clientId: string;
  readonly userId: string;
  readonly scopes: readonly string[];
  /** What the token request must repeat when the authorize request named it (RFC 6749 §4.1.3). */
  readonly redirectUri: string | undefined;
  readonly challenge: { readonly value: string; readonly method: PkceMethod } | undefined;
}

export interface RefreshGrant {
  readonly clientId: string;
  readonly userId: string;
  readonly scopes: readonly string[];
}

type Redeemed<T> = { readonly ok: true; readonly grant: T } | { readonly ok: false; readonly description: string };

interface CodeRecord extends CodeGrant {
  readonly expiresAt: number;
  used: boolean;
  /** The refresh-token family its redemption started, so that a replayed code revokes it (RFC 6749 §4.1.2). */
  family?: string;
}

interface RefreshRecord extends RefreshGrant {
  readonly expiresAt: number;
  readonly family: string;
  state: "live" | "used" | "revoked";
}

/** RFC 6749 §4.1.2 recommends at most 10 minutes. */
export const CODE_LIFETIME_MS = 10 * 60_000;
/** Adobe's API reference: refresh tokens "expire in 14 days" by default. */
export const REFRESH_TOKEN_LIFETIME_MS = 14 * 86_400_000;

export class UserGrants {
  private readonly codes = new Map<string, CodeRecord>();
  private readonly refreshTokens = new Map<string, RefreshRecord>();
  private readonly revokedFamilies = new Set<string>();

  constructor(private readonly sign: SignToken) {}

  issueCode(grant: CodeGrant, nowMs: number): string {
    const code = this.token("ac", "authorization_code", grant, CODE_LIFETIME_MS, nowMs);
    this.codes.set(code, { ...grant, expiresAt: nowMs + CODE_LIFETIME_MS, used: false });
    return code;
  }

  /** Single use: a second redemption fails and revokes whatever the first one issued. */
  redeemCode(code: string, clientId: string, nowMs: number): Redeemed<CodeGrant> {
    const record = this.codes.get(code);
    if (!record) return { ok: false, description: "The authorization code is invalid." };
    if (record.clientId !== clientId) return { ok: false, description: "The authorization code was issued to another client." };
    if (record.used) {
      if (record.family) this.revokeFamily(record.family);
      return { ok: false, description: "The authorization code has already been used." };
    }
    record.used = true;
    if (record.expiresAt <= nowMs) return { ok: false, description: "The authorization code has expired." };
    return { ok: true, grant: record };
  }

  /** A refresh token for what a code granted; `code` links it to that code for replay detection. */
  issueRefreshToken(grant: RefreshGrant, lifetimeMs: number, nowMs: number, code?: string, family: string = randomUUID()): string {
    const token = this.token("rt", "refresh_token", grant, lifetimeMs, nowMs);
    this.refreshTokens.set(token, { ...grant, expiresAt: nowMs + lifetimeMs, family, state: "live" });
    const codeRecord = code === undefined ? undefined : this.codes.get(code);
    if (codeRecord) codeRecord.family = family;
    return token;
  }

  /**
   * Rotation: the token presented is spent and a new one of the same family is issued by the caller. A spent
   * token presented again means it leaked or a client kept an old copy: the whole family is revoked (the
   * OAuth 2.0 Security Best Current Practice, RFC 9700 §4.14.2), so the newest token stops working too.
   */
  redeemRefreshToken(token: string, clientId: string, nowMs: number): Redeemed<RefreshGrant & { readonly family: string }> {
    const record = this.refreshTokens.get(token);
    if (!record) return { ok: false, description: "The refresh token is invalid." };
    if (record.clientId !== clientId) return { ok: false, description: "The refresh token was issued to another client." };
    if (record.state === "revoked" || this.revokedFamilies.has(record.family))
      return { ok: false, description: "The refresh token has been revoked." };
    if (record.state === "used") {
      this.revokeFamily(record.family);
      return { ok: false, description: "The refresh token has already been used." };
    }
    if (record.expiresAt <= nowMs) return { ok: false, description: "The refresh token has expired." };
    record.state = "used";
    return { ok: true, grant: record };
  }

  /** POST /ims/revoke with a refresh token: it and its family stop working. False when the token is unknown. */
  revokeRefreshToken(token: string): boolean {
    const record = this.refreshTokens.get(token);
    if (!record) return false;
    this.revokeFamily(record.family);
    return true;
  }

  /** Every refresh token issued so far stops working (the user removed the app's access, an admin revoked it). */
  revokeAll(): void {
    for (const record of this.refreshTokens.values()) this.revokeFamily(record.family);
  }

  private revokeFamily(family: string): void {
    this.revokedFamilies.add(family);
    for (const record of this.refreshTokens.values()) if (record.family === family) record.state = "revoked";
  }

  private token(itt: string, type: string, grant: RefreshGrant, lifetimeMs: number, nowMs: number): string {
    return this.sign(itt, {
      id: `${nowMs}_${randomUUID()}_emu`,
      type,
      client_id: grant.clientId,
      user_id: grant.userId,
      as: "ims-na1",
      scope: grant.scopes.join(","),
      created_at: String(nowMs),
      expires_in: String(lifetimeMs),
    });
  }
}
