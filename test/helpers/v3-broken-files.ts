// v3 files that `postman collection lint` 1.62.0 refuses (measured), each with what is wrong: our own structural
// check must refuse them too (test/generator/postman-v3-files.test.ts), and the opt-in lint test keeps the list honest.

export interface BrokenFile {
  readonly why: string;
  /** A request file, a folder's definition, or the collection's own definition (whose auth may be a multi-auth list). */
  readonly kind: "request" | "folder" | "collection";
  readonly text: string;
}

const request = (extra: string) => `$kind: http-request\nurl: https://api.example.test\nmethod: GET\n${extra}`;

export const BROKEN_V3_FILES: readonly BrokenFile[] = [
  {
    why: "a request's auth as a list (the multi-auth form is a collection's)",
    kind: "request",
    text: request("auth:\n  - type: bearer\n"),
  },
  { why: "a header without a value", kind: "request", text: request("headers:\n  - key: Accept\n") },
  { why: "headers that are a number", kind: "request", text: request("headers: 3\n") },
  {
    why: "a form field's value that is a number",
    kind: "request",
    text: request("body:\n  type: urlencoded\n  content:\n    - key: a\n      value: 1\n"),
  },
  { why: "a body without a type", kind: "request", text: request("body:\n  content: x\n") },
  { why: "a JSON body that is a map, not text", kind: "request", text: request("body:\n  type: json\n  content:\n    a: 1\n") },
  { why: "a script whose code is a number", kind: "request", text: request("scripts:\n  - type: beforeRequest\n    code: 1\n") },
  { why: "a script without a type", kind: "request", text: request("scripts:\n  - code: x\n") },
  { why: "an order in quotes", kind: "request", text: request('order: "1000"\n') },
  { why: "a request file without $kind", kind: "request", text: "url: https://api.example.test\nmethod: GET\n" },
  { why: "a folder's definition of $kind folder", kind: "folder", text: "$kind: folder\n" },
  {
    why: "a folder's auth as a multi-auth list (the collection's alone may be one)",
    kind: "folder",
    text: "$kind: collection\nauth:\n  - id: a1\n    type: bearer\n    credentials:\n      token: x\n",
  },
  { why: "credentials that are a number", kind: "collection", text: "$kind: collection\nauth:\n  type: bearer\n  credentials: 3\n" },
  {
    why: "a multi-auth entry without its id",
    kind: "collection",
    text: "$kind: collection\nauth:\n  - type: bearer\n    credentials:\n      token: x\n",
  },
];

/** Where a file of each kind sits in a collection folder (index: to give each its own name). */
export function brokenPath(broken: BrokenFile, index: number): string {
  if (broken.kind === "request") return `r${index}.request.yaml`;
  return broken.kind === "folder" ? `F${index}/.resources/definition.yaml` : ".resources/definition.yaml";
}
