// A team's Postman v3 collection folder (postman/collections/acme-api) as Postman v12 writes it, with hand-written
// comments, a CRLF file, nested folders, an example, a GraphQL request; `postman collection lint` 1.62 accepts it.

/** Relative path → text. Its own collection auth (basic, Postman's multi-auth form) and scripts; folders with and without auth. */
export const ACME_V3: Readonly<Record<string, string>> = {
  ".resources/definition.yaml": `$kind: collection
# Acme's API: the team keeps this comment
name: Acme API
description: Acme's API, for the platform team.
variables:
  - key: BASE_URL
    value: https://api.acme.test
    description: where the API lives
scripts:
  - type: http:beforeRequest
    code: |-
      // the team's own pre-request code
      pm.variables.set("startedAt", Date.now());
    language: text/javascript
  - type: http:afterResponse
    code: |-
      pm.test("answers", function () {
        pm.expect(pm.response.code).to.be.below(500);
      });
    language: text/javascript
auth:
  - id: 4f1c2a9e-0b6d-4c31-9a52-7d1e8f3b6a20
    type: basic
    name: basic auth
    credentials:
      username: "{{USER}}"
      password: "{{PASS}}"
`,
  "Users/.resources/definition.yaml": `$kind: collection
order: 1000
`,
  "Users/List users.request.yaml": `$kind: http-request
url: "{{BASE_URL}}/users"
method: GET
headers:
  Accept: application/json
# the team's main call
scripts:
  - type: afterResponse
    code: |-
      pm.test("lists users", function () {
        pm.response.to.have.status(200);
      });
    language: text/javascript
order: 1000
`,
  "Users/Get user.request.yaml": `$kind: http-request
url: "{{BASE_URL}}/users/:id"
method: GET
pathVariables:
  - key: id
    value: "42"
order: 2000
`,
  "Users/.resources/List users.resources/examples/200 OK.example.yaml": `$kind: http-example
request:
  url: "{{BASE_URL}}/users"
  method: GET
response:
  statusCode: 200
  statusText: OK
  headers:
    - key: Content-Type
      value: application/json
  body:
    type: json
    content: '[{"id": 42}]'
`,
  "Users/Search/.resources/definition.yaml": `$kind: collection
description: Searches
scripts:
  - type: http:beforeRequest
    code: console.log("searching")
    language: text/javascript
order: 3000
`,
  "Users/Search/By name.request.yaml": `$kind: http-request
url: "{{BASE_URL}}/users?name=ada"
method: GET
order: 1000
`,
  // Its own auth, as the single-object form Postman's reference documents; a CRLF file indented by 4.
  "Admin/.resources/definition.yaml": `$kind: collection
auth:
  type: apikey
  credentials:
    - key: key
      value: X-Admin-Key
    - key: value
      value: "{{ADMIN_KEY}}"
order: 2000
`,
  "Admin/Delete user.request.yaml":
    '$kind: http-request\r\nurl: "{{BASE_URL}}/users/42"\r\nmethod: DELETE\r\nscripts:\r\n    -   type: afterResponse\r\n        code: pm.test("deleted", function () { pm.response.to.have.status(204); });\r\n        language: text/javascript\r\norder: 1000\r\n',
  "Public ping.request.yaml": `$kind: http-request
url: "{{BASE_URL}}/ping"
method: GET
auth:
  type: noauth
order: 3000
`,
  "Graph.request.yaml": `$kind: graphql-request
url: "{{BASE_URL}}/graphql"
query: "{ me { id } }"
order: 4000
`,
  "README.md": "# acme-api\n\nThe team's notes: not part of the collection.\n",
};

/** The requests that inherit the collection's auth, and so send its token (watched by its 401 watcher) once injected. */
export const ACME_V3_WATCHED = ["Users/List users.request.yaml", "Users/Get user.request.yaml", "Users/Search/By name.request.yaml"];
