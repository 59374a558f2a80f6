// Well-formed, clearly fake variable values for unit tests: each test changes the one it is about.

/** The JWT flow's seven variables, shaped like a real credential's; the key is a placeholder, not a key. */
export const VALID_JWT_VARIABLES: Readonly<Record<string, string>> = {
  IMS: "ims-na1.adobelogin.com",
  IMS_ORG: "0123456789ABCDEF01234567@AdobeOrg",
  TECHNICAL_ACCOUNT_ID: "ABCDEF0123456789ABCDEF01@techacct.adobe.com",
  API_KEY: "0123456789abcdef0123456789abcdef",
  CLIENT_SECRET: "p8e-FAKE-SECRET-value",
  META_SCOPE: "ent_dataservices_sdk",
  PRIVATE_KEY: "-----BEGIN PRIVATE KEY-----\nFAKE\n-----END PRIVATE KEY-----",
};
