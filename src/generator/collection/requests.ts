// The IMS requests of the Authenticate folder, as Postman item definitions.

import { JWT_EXCHANGE_PATH } from "../../core/ims/jwt-exchange-form.js";
import { TOKEN_V3_PATH } from "../../core/config/s2s-config.js";
import { stableId } from "./ids.js";
import { scriptEvent } from "./scripts.js";

/** The Authenticate requests' names (Adobe's workshop collection named the JWT one so). */
export const JWT_REQUEST_NAME = "IMS: JWT Generate + Auth via User Token";
export const S2S_REQUEST_NAME = "IMS: OAuth Server-to-Server Token";

/** Minimal shape of an item definition we hand to postman-collection's Item. */
export interface ItemDefinition {
  id: string;
  name: string;
  description?: string;
  request?: Record<string, unknown>;
  event?: unknown[];
  item?: ItemDefinition[];
  auth?: Record<string, unknown>;
}

function formField(key: string, value: string, description: string) {
  return { key, value, type: "text", description };
}

function imsRequest(
  name: string,
  path: string,
  description: string,
  form: ReturnType<typeof formField>[],
  preRequest: "jwt-exchange" | "s2s-exchange",
): ItemDefinition {
  const id = stableId(`request/${name}`);
  return {
    id,
    name,
    description,
    request: {
      method: "POST",
      url: `https://{{IMS}}${path}`,
      // IMS requests authenticate with the form; the collection's Bearer auth is not theirs.
      auth: { type: "noauth" },
      header: [{ key: "Content-Type", value: "application/x-www-form-urlencoded" }],
      body: { mode: "urlencoded", urlencoded: form },
    },
    event: [scriptEvent("prerequest", preRequest, id), scriptEvent("test", "token-response", id)],
  };
}

export function jwtExchangeRequest(): ItemDefinition {
  return imsRequest(
    JWT_REQUEST_NAME,
    JWT_EXCHANGE_PATH,
    "Service account (JWT) credential: signs a JWT with PRIVATE_KEY in the pre-request script (the signer ships inside " +
      "this collection: nothing is downloaded) and exchanges it for an access token, stored as ACCESS_TOKEN. " +
      "Variables: IMS, IMS_ORG, TECHNICAL_ACCOUNT_ID, API_KEY, CLIENT_SECRET, META_SCOPE, PRIVATE_KEY.",
    [
      formField("client_id", "{{API_KEY}}", "Client ID of the credential (API_KEY)."),
      formField("client_secret", "{{CLIENT_SECRET}}", "Client secret of the credential (CLIENT_SECRET)."),
      formField("jwt_token", "", "Filled in by the pre-request script: the signed JWT."),
    ],
    "jwt-exchange",
  );
}

export function s2sTokenRequest(): ItemDefinition {
  return imsRequest(
    S2S_REQUEST_NAME,
    TOKEN_V3_PATH,
    "OAuth Server-to-Server credential (client credentials): asks IMS for an access token, stored as ACCESS_TOKEN. " +
      "Variables: IMS, API_KEY, CLIENT_SECRET, SCOPES.",
    [
      formField("grant_type", "client_credentials", "OAuth grant: client credentials."),
      formField("client_id", "{{API_KEY}}", "Client ID of the credential (API_KEY)."),
      formField("client_secret", "{{CLIENT_SECRET}}", "Client secret of the credential (CLIENT_SECRET)."),
      formField("scope", "{{SCOPES}}", "Scopes of the credential, comma-separated (SCOPES)."),
    ],
    "s2s-exchange",
  );
}
