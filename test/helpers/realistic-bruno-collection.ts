// A user's Bruno collection as the Bruno app writes it (block YAML, blank lines between blocks), with hand-written comments.

import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

/** Relative path → text. Its own collection auth (basic) and scripts; folders with and without their own auth. */
export const ACME_BRUNO: Readonly<Record<string, string>> = {
  "opencollection.yml": `opencollection: 1.0.0

# Acme's API: the team keeps this comment
info:
  name: Acme API

request:
  headers:
    - name: x-team
      value: platform
  auth:
    type: basic
    username: "{{USER}}"
    password: "{{PASS}}"
  variables:
    - name: BASE_URL # where the API lives
      value: https://api.acme.test
  scripts:
    - type: before-request
      code: |-
        // the team's own pre-request code
        bru.setVar("startedAt", Date.now());
    - type: tests
      code: |-
        test("answers", function () {
          expect(res.getStatus()).to.be.below(500);
        });

docs:
  content: Acme's API, for the platform team.
  type: text/markdown

bundled: false
extensions: {}
`,
  "Users/folder.yml": `info:
  name: Users
  seq: 1
`,
  "Users/List users.yml": `info:
  name: List users
  type: http
  seq: 1

# the team's main call
http:
  method: GET
  url: "{{BASE_URL}}/users"
  auth: inherit

runtime:
  scripts:
    - type: tests
      code: |-
        test("lists users", function () {
          expect(res.getStatus()).to.equal(200);
        });

settings:
  encodeUrl: true
`,
  "Users/Get user.yml": `info:
  name: Get user
  type: http
  seq: 2

http:
  method: GET
  url: "{{BASE_URL}}/users/1"
  auth: inherit

docs: Reads one user.
`,
  "Users/Public ping.yml": `info:
  name: Public ping
  type: http
  seq: 3

http:
  method: GET
  url: "{{BASE_URL}}/ping"
`,
  "Users/Search/folder.yml": `info:
  name: Search
  seq: 1

request:
  auth: inherit
`,
  "Users/Search/By name.yml": `info:
  name: By name
  type: graphql
  seq: 1

graphql:
  url: "{{BASE_URL}}/graphql"
  body:
    query: "{ users(name: \\"ada\\") { id } }"
  auth:
    type: bearer
    token: "{{ACCESS_TOKEN}}"
`,
  "Admin/folder.yml": `info:
  name: Admin
  seq: 2

request:
  auth:
    type: apikey
    key: x-admin-key
    value: "{{ADMIN_KEY}}"
    placement: header
`,
  "Admin/Stats.yml": `info:
  name: Stats
  type: http
  seq: 1

http:
  method: GET
  url: "{{BASE_URL}}/admin/stats"
  auth: inherit
`,
  "environments/dev.yml": `name: dev
variables:
  - name: BASE_URL
    value: https://api.acme.test
`,
  ".env": "ADMIN_KEY=not-a-real-key\n",
};

/** Requests that inherit the collection's auth (their own Bearer {{ACCESS_TOKEN}} included), and so send its token. */
export const ACME_INHERITING = ["Users/List users.yml", "Users/Get user.yml", "Users/Search/By name.yml"];

/** Fresh copies of a collection (with changes), each in its own folder under `dir`. */
export function copies(dir: string, base: Readonly<Record<string, string>>): (changes?: Record<string, string>) => string {
  let count = 0;
  return (changes = {}) => {
    const copy = join(dir, `acme-${++count}`);
    writeTree(copy, { ...base, ...changes });
    return copy;
  };
}

export function writeTree(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  if (files[".env"] !== undefined) chmodSync(join(dir, ".env"), 0o600);
}

/** Every file under `dir`, relative path → text. */
export function readTree(dir: string, under = ""): Record<string, string> {
  const tree: Record<string, string> = {};
  for (const name of readdirSync(join(dir, under)).sort()) {
    const path = join(dir, under, name);
    if (statSync(path).isDirectory()) Object.assign(tree, readTree(dir, relative(dir, path)));
    else tree[relative(dir, path)] = readFileSync(path, "utf8");
  }
  return tree;
}

/** The same kind of collection in the older .bru format, as Bruno's jsonToBru writes it (a blank line between blocks). */
export const ACME_BRU: Readonly<Record<string, string>> = {
  "bruno.json": '{\n  "version": "1",\n  "name": "Acme API",\n  "type": "collection",\n  "ignore": ["node_modules", ".git"]\n}\n',
  "collection.bru": `headers {
  x-team: platform
}

auth {
  mode: basic
}

auth:basic {
  username: {{USER}}
  password: {{PASS}}
}

script:pre-request {
  // the team's own pre-request code
  bru.setVar("startedAt", Date.now());
}

tests {
  test("answers", function () {
    expect(res.getStatus()).to.be.below(500);
  });
}

docs {
  Acme's API, for the platform team.
}
`,
  "Users/folder.bru": "meta {\n  name: Users\n  seq: 1\n}\n",
  "Users/List users.bru": `meta {
  name: List users
  type: http
  seq: 1
}

get {
  url: {{BASE_URL}}/users
  body: none
  auth: inherit
}

tests {
  test("lists users", function () {
    expect(res.getStatus()).to.equal(200);
  });
}

settings {
  encodeUrl: true
}
`,
  "Users/Get user.bru": `meta {
  name: Get user
  type: http
  seq: 2
}

get {
  url: {{BASE_URL}}/users/1
  body: none
  auth: inherit
}

docs {
  Reads one user.
}
`,
  "Users/Public ping.bru":
    "meta {\n  name: Public ping\n  type: http\n  seq: 3\n}\n\nget {\n  url: {{BASE_URL}}/ping\n  body: none\n  auth: none\n}\n",
  "Admin/folder.bru":
    "meta {\n  name: Admin\n  seq: 2\n}\n\nauth {\n  mode: apikey\n}\n\nauth:apikey {\n  key: x-admin-key\n  value: {{ADMIN_KEY}}\n  placement: header\n}\n",
  "Admin/Stats.bru":
    "meta {\n  name: Stats\n  type: http\n  seq: 1\n}\n\nget {\n  url: {{BASE_URL}}/admin/stats\n  body: none\n  auth: inherit\n}\n",
  "environments/dev.bru": "vars {\n  BASE_URL: https://api.acme.test\n}\n",
};
