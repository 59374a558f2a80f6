// The emulator's one test user, and what IMS tells about a user: /ims/userinfo/v2 (claims by scope) and /ims/profile/v1.

export interface TestUser {
  /** IMS's user ID: hex digits @AdobeID (an individual account) or @<hex> (an enterprise one). */
  readonly userId: string;
  readonly email: string;
  readonly givenName: string;
  readonly familyName: string;
  /** ind: an individual (Adobe ID) account; ent: an account of an organization. */
  readonly accountType: "ind" | "ent";
  readonly countryCode: string;
}

/** Clearly a test account: the reserved .example domain (RFC 2606). */
export const TEST_USER: TestUser = {
  userId: "0000000000000000000TEST0@AdobeID",
  email: "test.user@example.com",
  givenName: "Test",
  familyName: "User",
  accountType: "ind",
  countryCode: "US",
};

const fullName = (user: TestUser): string => `${user.givenName} ${user.familyName}`;

/**
 * GET /ims/userinfo/v2: the claims each scope projects, as Adobe's User Authentication API reference lists
 * them (sub: openid; name, given_name, family_name, account_type: profile; email, email_verified: email;
 * address with the country only: address).
 */
export function userInfo(user: TestUser, scopes: readonly string[]): Record<string, unknown> {
  const has = (scope: string) => scopes.includes(scope);
  return {
    sub: user.userId,
    ...(has("profile")
      ? { account_type: user.accountType, name: fullName(user), given_name: user.givenName, family_name: user.familyName }
      : {}),
    ...(has("email") ? { email: user.email, email_verified: true } : {}),
    ...(has("address") ? { address: { country: user.countryCode } } : {}),
  };
}

/** GET /ims/profile/v1: the profile Adobe's own web apps read (field names as @adobe/exc-app's ImsProfile types them). */
export function userProfile(user: TestUser): Record<string, unknown> {
  return {
    userId: user.userId,
    authId: user.userId,
    account_type: user.accountType,
    displayName: fullName(user),
    name: fullName(user),
    first_name: user.givenName,
    last_name: user.familyName,
    email: user.email,
    emailVerified: true,
    countryCode: user.countryCode,
  };
}
