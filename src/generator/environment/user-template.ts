// The oauth-user environment template: a user's sign-in with an OAuth Web App, Single-Page App or Native App credential.

import type { EnvironmentTemplate } from "./template.js";

/** What the Developer Console must hold for `login` and for the Postman app's sign-in (docs/sign-in.md says why). */
const REGISTER =
  "Register in the Developer Console (the credential's Redirect URI pattern, regular expressions, dots escaped): " +
  "https://oauth\\.pstmn\\.io for the Postman app (its callback https://oauth.pstmn.io/v1/callback) and " +
  "https://localhost:8443/callback for postman-ims-auth login (the Default redirect URI may be either).";

export const USER_TEMPLATE: EnvironmentTemplate = {
  file: "oauth-user.postman_environment.json",
  name: "Adobe IMS user sign-in",
  variables: [
    "IMS",
    "API_KEY",
    "CLIENT_SECRET",
    "SCOPES",
    "REFRESH_TOKEN",
    "AUTH_FLOW",
    "ACCESS_TOKEN",
    "ACCESS_TOKEN_EXPIRES_AT",
    "ACCESS_TOKEN_BINDING",
  ],
  descriptions: {
    API_KEY: `Client ID of the OAuth Web App, Single-Page App or Native App credential (Developer Console → your project → the credential). ${REGISTER}`,
    CLIENT_SECRET:
      "OAuth Web App credentials only (Retrieve client secret); leave empty for a Single-Page or Native App credential. Only Web App credentials get a refresh token, so only they renew without signing in again.",
    SCOPES:
      "The scopes to ask for at sign-in, comma- or space-separated, as the credential's Scopes tab lists them; include offline_access for a refresh token. " +
      "Frame.io V4: openid,email,profile,offline_access,additional_info.roles. Analytics: openid,AdobeID,read_organizations,additional_info.projectedProductContext,additional_info.job_function,offline_access. " +
      "AEM OpenAPI (user context): the scopes the credential's Scopes tab lists once the AEM API is added, plus offline_access.",
    REFRESH_TOKEN:
      "Written by `postman-ims-auth login --env THIS_FILE` after you sign in in the browser; each renewal replaces it and the collection stores the new one here. Lasts 14 days unused. Leave empty to sign in with the Postman app's OAuth 2.0 instead (collection → Authorization → Get New Access Token).",
    AUTH_FLOW: "user: this environment signs a user in (keep it).",
    ACCESS_TOKEN: "Filled in by the collection (or by login): the user's access token. Leave empty.",
  },
  defaults: { AUTH_FLOW: "user" },
  flows: ["oauth-user"],
  required: ["API_KEY", "SCOPES"],
};
