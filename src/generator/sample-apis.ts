// Sample API folders: requests that call Adobe APIs the way they want it, authenticated by the collection.

import { stableId } from "./ids.js";
import { inlineEvent, scriptLines } from "./scripts.js";
import type { ItemDefinition } from "./requests.js";

export const PLATFORM_FOLDER = "Platform";
export const LIST_SANDBOXES = "Platform: List sandboxes";

/** The request's own test: the 401 watcher (renew after a revoked token) and a status check. */
export function statusTest(name: string, owner: string) {
  return inlineEvent(
    "test",
    [...scriptLines("api-response"), `pm.test(${JSON.stringify(name)}, function () {`, "  pm.response.to.have.status(200);", "});"],
    owner,
  );
}

/** Experience Platform: Bearer token from the collection, plus the API key, org and sandbox headers. */
export function platformFolder(): ItemDefinition {
  const id = stableId(`request/${LIST_SANDBOXES}`);
  return {
    id: stableId(`folder/${PLATFORM_FOLDER}`),
    name: PLATFORM_FOLDER,
    description: "Adobe Experience Platform sample: the collection's auth adds Authorization: Bearer {{ACCESS_TOKEN}}, renewed when needed.",
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
        event: [statusTest("Platform answered 200", id)],
      },
    ],
  };
}
