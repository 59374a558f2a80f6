// A collection of real-world size and shape to inject into: folders in folders, the user's own scripts and variables, requests with their own auth.
// Every request calls the emulator's Platform route, so that the collection runs green once it is authenticated.

type Json = Record<string, unknown>;

const SANDBOXES = "/data/foundation/sandbox-management/sandboxes";
const HEADERS = [
  { key: "Accept", value: "application/json" },
  { key: "x-api-key", value: "{{API_KEY}}" },
  { key: "x-gw-ims-org-id", value: "{{IMS_ORG}}" },
  { key: "x-sandbox-name", value: "{{SANDBOX_NAME}}" },
  { key: "x-request-id", value: "{{requestId}}", disabled: true },
];

/** A URL as the Postman app exports it: raw plus its parts. */
function url(query: Record<string, string>): Json {
  const entries = Object.entries(query).map(([key, value]) => ({ key, value }));
  const search = entries.map(({ key, value }) => `${key}=${value}`).join("&");
  return {
    raw: `{{baseUrl}}${SANDBOXES}${search ? `?${search}` : ""}`,
    host: ["{{baseUrl}}"],
    path: SANDBOXES.slice(1).split("/"),
    ...(entries.length > 0 ? { query: entries } : {}),
  };
}

interface RequestShape {
  readonly name: string;
  readonly status?: number;
  readonly auth?: Json;
  /** The request's own test script: lines, one text (Postman accepts both), or none. */
  readonly tests?: "lines" | "text" | "none" | "disabled";
  readonly query?: Record<string, string>;
  readonly id?: boolean;
}

function request(shape: RequestShape, folder: string): Json {
  const status = shape.status ?? 200;
  const check = [
    `pm.test(${JSON.stringify(`${shape.name}: status ${status}`)}, function () {`,
    `  pm.response.to.have.status(${status});`,
    "});",
    `pm.test(${JSON.stringify(`${shape.name}: collection script ran`)}, function () {`,
    '  pm.expect(pm.variables.get("requestId")).to.match(/^acme-/);',
    "});",
    ...(status === 200
      ? [
          `pm.test(${JSON.stringify(`${shape.name}: folder script ran`)}, function () {`,
          `  pm.expect(pm.variables.get("folderMarker")).to.eql(${JSON.stringify(folder)});`,
          "});",
        ]
      : []),
  ];
  const events: Json[] = [];
  if (shape.tests === "text") events.push({ listen: "test", script: { exec: check.join("\n"), type: "text/javascript" } });
  else if (shape.tests === "disabled") {
    events.push({
      listen: "test",
      disabled: true,
      script: { exec: ['pm.test("never runs", function () { throw new Error("disabled"); });'], type: "text/javascript" },
    });
    events.push({ listen: "test", script: { id: `${shape.name}-t`, exec: check, type: "text/javascript", packages: {} } });
  } else if (shape.tests !== "none")
    events.push({ listen: "test", script: { id: `${shape.name}-t`, exec: check, type: "text/javascript", packages: {} } });
  events.push({ listen: "prerequest", script: { exec: [""], type: "text/javascript", packages: {} } });
  return {
    name: shape.name,
    ...(shape.id ? { id: `id-${shape.name.toLowerCase().replace(/\W+/g, "-")}` } : {}),
    event: events,
    protocolProfileBehavior: { disableBodyPruning: true },
    request: {
      ...(shape.auth ? { auth: shape.auth } : {}),
      method: "GET",
      header: HEADERS,
      url: url(shape.query ?? {}),
      description: { content: `${shape.name}. Lists sandboxes (read-only).`, type: "text/markdown" },
    },
    response: [
      {
        name: `${shape.name} example`,
        originalRequest: { method: "GET", header: [], url: url({}) },
        status: "OK",
        code: 200,
        _postman_previewlanguage: "json",
        header: [{ key: "Content-Type", value: "application/json" }],
        cookie: [],
        body: '{\n  "sandboxes": []\n}',
      },
    ],
  };
}

function folder(name: string, items: Json[], extra: Json = {}): Json {
  return {
    name,
    description: `Requests about ${name.toLowerCase()}.`,
    item: items,
    event: [
      { listen: "prerequest", script: { type: "text/javascript", exec: [`pm.variables.set("folderMarker", ${JSON.stringify(name)});`] } },
      { listen: "test", script: { type: "text/javascript", exec: [""] } },
    ],
    ...extra,
  };
}

const BEARER_LEGACY = { type: "bearer", bearer: [{ key: "token", value: "{{access_token}}", type: "string" }] };
const API_KEY_AUTH = {
  type: "apikey",
  apikey: [
    { key: "key", value: "x-legacy-key", type: "string" },
    { key: "value", value: "{{legacyKey}}", type: "string" },
  ],
};

/** Requests in folders named after Experience Platform services, `perFolder` each. */
function serviceFolder(name: string, perFolder: number, offset: number): Json {
  const requests = Array.from({ length: perFolder }, (_, index) => {
    const n = offset + index;
    const tests: RequestShape["tests"] = n % 7 === 3 ? "text" : n % 11 === 5 ? "none" : n % 13 === 6 ? "disabled" : "lines";
    return request(
      { name: `${name} ${index + 1}`, tests, query: n % 2 === 0 ? { limit: "{{pageSize}}", start: String(n) } : {}, id: n % 3 === 0 },
      name,
    );
  });
  return folder(name, requests);
}

/**
 * "Acme Experience Platform": 12 folders, three sub-folders, 57 requests, saved responses, the
 * collection's own Bearer auth, collection- and folder-level scripts, variables, and four places
 * whose auth overrides the collection's: the Public folder's request (noauth), the Legacy folder
 * (apikey), one request in Segments (its own Bearer) and one in Identity / Graphs (noauth), all
 * expected to get 401.
 */
export function realisticCollection(): Json {
  const services = ["Schemas", "Datasets", "Batches", "Flows", "Query Service", "Destinations", "Tags"];
  const items: Json[] = [];
  let offset = 0;
  for (const name of services) {
    items.push(serviceFolder(name, 6, offset));
    offset += 6;
  }
  items.push(
    folder("Sandboxes", [
      folder("Read", [
        request({ name: "List sandboxes", query: { property: "state==active" } }, "Read"),
        request({ name: "List sandbox types" }, "Read"),
      ]),
      folder("Admin", [request({ name: "Sandbox details", tests: "text" }, "Admin"), request({ name: "Sandbox quotas" }, "Admin")]),
    ]),
    folder("Identity", [
      request({ name: "Identity namespaces", id: true }, "Identity"),
      folder("Graphs", [
        request({ name: "Cluster members" }, "Graphs"),
        request({ name: "Cluster history" }, "Graphs"),
        request({ name: "Graph without auth", status: 401, auth: { type: "noauth" } }, "Graphs"),
      ]),
    ]),
    folder("Segments", [
      request({ name: "Segment definitions" }, "Segments"),
      request({ name: "Segment jobs" }, "Segments"),
      request({ name: "Segment with legacy token", status: 401, auth: BEARER_LEGACY }, "Segments"),
      request({ name: "Segment estimates" }, "Segments"),
    ]),
    folder(
      "Legacy",
      [request({ name: "Legacy list", status: 401 }, "Legacy"), request({ name: "Legacy details", status: 401, tests: "text" }, "Legacy")],
      { auth: API_KEY_AUTH },
    ),
    folder("Public", [request({ name: "Public health check", status: 401, auth: { type: "noauth" } }, "Public")]),
  );
  return {
    info: {
      _postman_id: "6f1c6f2e-0b7a-4c35-9f55-6c2b3c1d9e01",
      name: "Acme Experience Platform",
      description: { content: "Acme's requests to Adobe Experience Platform.", type: "text/markdown" },
      schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
      _exporter_id: "1234567",
    },
    item: items,
    auth: BEARER_LEGACY,
    event: [
      {
        listen: "prerequest",
        script: {
          type: "text/javascript",
          exec: [
            "// Acme: a request id for the logs, and a count of requests sent.",
            'pm.variables.set("requestId", "acme-" + Date.now());',
            'pm.collectionVariables.set("requestCount", Number(pm.collectionVariables.get("requestCount") || 0) + 1);',
          ],
        },
      },
      {
        listen: "test",
        script: {
          type: "text/javascript",
          exec: [
            'pm.test("collection script: answered in time", function () {',
            "  pm.expect(pm.response.responseTime).to.be.below(10000);",
            "});",
          ],
        },
      },
    ],
    variable: [
      { key: "baseUrl", value: "https://{{PLATFORM_HOST}}", type: "string" },
      { key: "pageSize", value: "20", type: "string" },
      { key: "requestCount", value: "0", type: "string" },
      { key: "legacyKey", value: "", type: "string" },
    ],
  };
}

/** Request names by whether their own auth overrides the collection's (directly or through their folder). */
export const OWN_AUTH_REQUESTS = [
  "Graph without auth",
  "Segment with legacy token",
  "Legacy list",
  "Legacy details",
  "Public health check",
];
