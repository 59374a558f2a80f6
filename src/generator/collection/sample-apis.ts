// Sample API folders: requests that call Adobe APIs the way they want it, authenticated by the collection.

import type { SampleSwitch } from "../../core/config/sample-checks.js";
import { stableId } from "./ids.js";
import { inlineEvent, scriptLines } from "./scripts.js";
import type { ItemDefinition } from "./requests.js";

export const PLATFORM_FOLDER = "Platform";
export const LIST_SANDBOXES = "Platform: List sandboxes";
export const AEM_FOLDER = "AEM";
export const AEM_DAM = "AEM: GET /content/dam.json";
export const AEM_CURRENT_USER = "AEM: GET current user";

/** The request's own test: a status check (the collection's test script watches for 401s). */
export function statusTest(name: string, owner: string) {
  return inlineEvent("test", [`pm.test(${JSON.stringify(name)}, function () {`, "  pm.response.to.have.status(200);", "});"], owner);
}

/**
 * The request's own guard: skipped with a console note while its folder's switch is unset, refused
 * with a failed test per problem when a variable it sends is missing or malformed. Not a folder or
 * collection script: only these requests pay for it.
 */
export function sampleGuard(sample: SampleSwitch, owner: string) {
  return inlineEvent("prerequest", ["(function (sample) {", ...scriptLines("sample-guard"), `})(${JSON.stringify(sample)});`], owner);
}

export const PLATFORM: SampleSwitch = {
  folder: "Platform",
  on: "SANDBOX_NAME",
  needs: ["PLATFORM_HOST", "API_KEY", "IMS_ORG", "SANDBOX_NAME"],
};
export const AEM: SampleSwitch = { folder: "AEM", on: "AEM_HOST", needs: ["AEM_HOST"] };

/** Experience Platform: Bearer token from the collection, plus the API key, org and sandbox headers. */
export function platformFolder(): ItemDefinition {
  const id = stableId(`request/${LIST_SANDBOXES}`);
  return {
    id: stableId(`folder/${PLATFORM_FOLDER}`),
    name: PLATFORM_FOLDER,
    description:
      "Adobe Experience Platform sample, switched on by SANDBOX_NAME (e.g. prod): without it its requests are skipped with a " +
      "console note. It sends API_KEY, IMS_ORG and SANDBOX_NAME as headers, each checked before sending; the collection's " +
      "auth adds Authorization: Bearer {{ACCESS_TOKEN}}, renewed when needed.",
    item: [
      {
        id,
        name: LIST_SANDBOXES,
        description: "Lists the sandboxes of the organization (read-only).",
        request: {
          method: "GET",
          url: "https://{{PLATFORM_HOST}}/data/foundation/sandbox-management/sandboxes",
          header: [
            { key: "Accept", value: "application/json" },
            { key: "x-api-key", value: "{{API_KEY}}" },
            { key: "x-gw-ims-org-id", value: "{{IMS_ORG}}" },
            { key: "x-sandbox-name", value: "{{SANDBOX_NAME}}" },
          ],
        },
        event: [sampleGuard(PLATFORM, id), statusTest("Platform answered 200", id)],
      },
    ],
  };
}

function aemRequest(name: string, path: string, description: string): ItemDefinition {
  const id = stableId(`request/${name}`);
  return {
    id,
    name,
    description,
    request: { method: "GET", url: `https://{{AEM_HOST}}${path}`, header: [{ key: "Accept", value: "application/json" }] },
    event: [sampleGuard(AEM, id), statusTest("AEM answered 200", id)],
  };
}

/** AEM as a Cloud Service: the Bearer token is all AEM needs (JWT flow with the service credentials, or a pasted token). */
export function aemFolder(): ItemDefinition {
  return {
    id: stableId(`folder/${AEM_FOLDER}`),
    name: AEM_FOLDER,
    description:
      "AEM as a Cloud Service samples (read-only), switched on by AEM_HOST, the author or publish host (without it its " +
      "requests are skipped with a console note). The token comes from the service credentials (JWT flow), an OAuth " +
      "Server-to-Server credential, or a pasted local development token.",
    item: [
      aemRequest(AEM_DAM, "/content/dam.json", "Lists the top of the DAM (the request Adobe's documentation uses to try a token)."),
      aemRequest(
        AEM_CURRENT_USER,
        "/libs/granite/security/currentuser.json",
        "Who AEM thinks the token belongs to: the technical account user (give it permissions in AEM after its first request).",
      ),
    ],
  };
}
