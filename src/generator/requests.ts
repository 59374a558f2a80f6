// The IMS requests of the Authenticate folder, as Postman item definitions.

import { JWT_EXCHANGE_PATH } from "../core/jwt-exchange.js";
import { stableId } from "./ids.js";
import { scriptEvent } from "./scripts.js";

export const JWT_REQUEST_NAME = "IMS: JWT Generate + Auth via User Token";

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

export function jwtExchangeRequest(): ItemDefinition {
  const id = stableId(`request/${JWT_REQUEST_NAME}`);
  return {
    id,
    name: JWT_REQUEST_NAME,
    description:
      "Signs a JWT for the service account (JWT) credential with PRIVATE_KEY, inside this request's pre-request script " +
      "(jsrsasign is compiled in: nothing is downloaded), and exchanges it with Adobe IMS for an access token. " +
      "On success ACCESS_TOKEN and ACCESS_TOKEN_EXPIRES_AT are stored in the environment. " +
      "Variables: IMS, IMS_ORG, TECHNICAL_ACCOUNT_ID, API_KEY, CLIENT_SECRET, META_SCOPE, PRIVATE_KEY.",
    request: {
      method: "POST",
      url: `https://{{IMS}}${JWT_EXCHANGE_PATH}`,
      auth: { type: "noauth" },
      header: [{ key: "Content-Type", value: "application/x-www-form-urlencoded" }],
      body: {
        mode: "urlencoded",
        urlencoded: [
          formField("client_id", "{{API_KEY}}", "Client ID of the credential (API_KEY)."),
          formField("client_secret", "{{CLIENT_SECRET}}", "Client secret of the credential (CLIENT_SECRET)."),
          formField("jwt_token", "", "Filled in by the pre-request script: the signed JWT."),
        ],
      },
    },
    event: [scriptEvent("prerequest", "jwt-exchange", id), scriptEvent("test", "token-response", id)],
  };
}
