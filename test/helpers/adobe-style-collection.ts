// A collection shaped like Adobe's own Platform samples: a token request whose test script stores ACCESS_TOKEN alone, then API requests.

/** Adobe's token request: the credential in a form body, `pm.environment.set("ACCESS_TOKEN", …)` and nothing else. */
function tokenRequest(path: string) {
  return {
    name: "IMS: Access Token",
    request: {
      method: "POST",
      url: `https://{{IMS}}${path}`,
      header: [{ key: "Content-Type", value: "application/x-www-form-urlencoded" }],
      body: {
        mode: "urlencoded",
        urlencoded: [
          { key: "grant_type", value: "client_credentials" },
          { key: "client_id", value: "{{API_KEY}}" },
          { key: "client_secret", value: "{{CLIENT_SECRET}}" },
          { key: "scope", value: "{{SCOPES}}" },
        ],
      },
    },
    event: [
      {
        listen: "test",
        script: {
          type: "text/javascript",
          exec: ["var data = JSON.parse(responseBody);", 'pm.environment.set("ACCESS_TOKEN", data.access_token);'],
        },
      },
    ],
  };
}

function apiRequest(index: number) {
  return {
    name: `Sandboxes ${index}`,
    request: {
      method: "GET",
      url: "https://{{PLATFORM_HOST}}/data/foundation/sandbox-management/sandboxes",
      header: [
        { key: "Authorization", value: "Bearer {{ACCESS_TOKEN}}" },
        { key: "x-api-key", value: "{{API_KEY}}" },
        { key: "x-gw-ims-org-id", value: "{{IMS_ORG}}" },
        { key: "x-sandbox-name", value: "{{SANDBOX_NAME}}" },
      ],
    },
    event: [
      {
        listen: "test",
        script: { type: "text/javascript", exec: ['pm.test("status 200", function () { pm.response.to.have.status(200); });'] },
      },
    ],
  };
}

/** `requests` API requests after the token request, in one folder, as Adobe's collections order them. */
export function adobeStyleCollection(requests: number, tokenPath = "/ims/token/v3"): Record<string, unknown> {
  return {
    info: { name: "Adobe-style Platform samples", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    item: [{ name: "Platform", item: [tokenRequest(tokenPath), ...Array.from({ length: requests }, (_, index) => apiRequest(index + 1))] }],
  };
}
