// v3 files that `postman collection lint` 1.62.0 refuses (measured), each with what is wrong: our own structural
// check must refuse them too (test/generator/postman-v3-files.test.ts), and the opt-in lint test keeps the list honest.

export interface BrokenFile {
  readonly why: string;
  /** Relative to a collection folder whose root definition is `$kind: collection` and which has a folder F. */
  readonly path: string;
  readonly text: string;
}

const request = (extra: string) => `$kind: http-request\nurl: https://api.example.test\nmethod: GET\n${extra}`;

export const BROKEN_V3_FILES: readonly BrokenFile[] = [
  {
    why: "a request's auth as a list (the multi-auth form is a collection's)",
    path: "r.request.yaml",
    text: request("auth:\n  - type: bearer\n"),
  },
  { why: "a header without a value", path: "r.request.yaml", text: request("headers:\n  - key: Accept\n") },
  { why: "headers that are a number", path: "r.request.yaml", text: request("headers: 3\n") },
  {
    why: "a form field's value that is a number",
    path: "r.request.yaml",
    text: request("body:\n  type: urlencoded\n  content:\n    - key: a\n      value: 1\n"),
  },
  { why: "a body without a type", path: "r.request.yaml", text: request("body:\n  content: x\n") },
  { why: "a JSON body that is a map, not text", path: "r.request.yaml", text: request("body:\n  type: json\n  content:\n    a: 1\n") },
  { why: "a script whose code is a number", path: "r.request.yaml", text: request("scripts:\n  - type: beforeRequest\n    code: 1\n") },
  { why: "a script without a type", path: "r.request.yaml", text: request("scripts:\n  - code: x\n") },
  { why: "an order in quotes", path: "r.request.yaml", text: request('order: "1000"\n') },
  { why: "a request file without $kind", path: "r.request.yaml", text: "url: https://api.example.test\nmethod: GET\n" },
  { why: "a folder's definition of $kind folder", path: "F/.resources/definition.yaml", text: "$kind: folder\n" },
  {
    why: "credentials that are a number",
    path: ".resources/definition.yaml",
    text: "$kind: collection\nauth:\n  type: bearer\n  credentials: 3\n",
  },
  {
    why: "a multi-auth entry without its id",
    path: ".resources/definition.yaml",
    text: "$kind: collection\nauth:\n  - type: bearer\n    credentials:\n      token: x\n",
  },
];
