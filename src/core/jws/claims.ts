// The JWT claims Adobe IMS expects for a service-account (JWT) exchange.

/** How long a signed JWT stays valid: it is exchanged at once, so a few minutes is enough. */
export const JWT_LIFETIME_SECONDS = 5 * 60;

export interface ClaimsInput {
  readonly ims: string;
  readonly orgId: string;
  readonly technicalAccountId: string;
  readonly clientId: string;
  readonly metascopes: readonly string[];
}

export type JwtClaims = Record<string, string | number | boolean>;

/** One `https://{ims}/s/{metascope}: true` claim per metascope; `exp` in whole seconds. */
export function buildClaims(input: ClaimsInput, nowMs: number): JwtClaims {
  const claims: JwtClaims = {
    exp: Math.floor(nowMs / 1000) + JWT_LIFETIME_SECONDS,
    iss: input.orgId,
    sub: input.technicalAccountId,
    aud: `https://${input.ims}/c/${input.clientId}`,
  };
  for (const metascope of input.metascopes) claims[`https://${input.ims}/s/${metascope}`] = true;
  return claims;
}
