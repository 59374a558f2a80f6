// Our Authenticate folder as .bru files: the OpenCollection values generate writes, in the blocks Bruno's jsonToBru writes.

import { indented } from "./bru-blocks.js";

interface RequestValue {
  info: { name: string; seq: number };
  http: {
    method: string;
    url: string;
    headers?: { name: string; value: string }[];
    body?: { type: string; data: { name: string; value: string }[] };
    auth?: string;
  };
  runtime?: { scripts: { type: string; code: string }[] };
  docs?: { content: string };
}

interface FolderValue {
  info: { name: string; seq: number };
  docs?: { content: string };
}

/** The same files in .bru: folder.yml → folder.bru, each request's .yml → .bru. */
export function bruFolderFiles(values: ReadonlyMap<string, unknown>): Map<string, string> {
  const files = new Map<string, string>();
  for (const [path, value] of values) {
    const bru = path.replace(/\.yml$/, ".bru");
    files.set(bru, path === "folder.yml" ? folderText(value as FolderValue) : requestText(value as RequestValue));
  }
  return files;
}

const dictionary = (name: string, entries: readonly (readonly [string, string | number])[]): string =>
  `${name} {\n${entries.map(([key, value]) => `  ${key}: ${value}`).join("\n")}\n}\n`;
const text = (name: string, content: string): string => `${name} {\n${indented(content).join("\n")}\n}\n`;

function folderText({ info, docs }: FolderValue): string {
  const blocks = [
    dictionary("meta", [
      ["name", info.name],
      ["seq", info.seq],
    ]),
  ];
  if (docs) blocks.push(text("docs", docs.content));
  return blocks.join("\n");
}

function requestText({ info, http, runtime, docs }: RequestValue): string {
  const form = http.body?.type === "form-urlencoded" ? http.body.data : undefined;
  const blocks = [
    dictionary("meta", [
      ["name", info.name],
      ["type", "http"],
      ["seq", info.seq],
    ]),
    dictionary(http.method.toLowerCase(), [
      ["url", http.url],
      ["body", form ? "formUrlEncoded" : "none"],
      ["auth", http.auth ?? "none"],
    ]),
  ];
  if (http.headers?.length)
    blocks.push(
      dictionary(
        "headers",
        http.headers.map(({ name, value }) => [name, value] as const),
      ),
    );
  if (form)
    blocks.push(
      dictionary(
        "body:form-urlencoded",
        form.map(({ name, value }) => [name, value] as const),
      ),
    );
  const script = (type: string) => runtime?.scripts.find((entry) => entry.type === type)?.code;
  const pre = script("before-request");
  const tests = script("tests");
  if (pre) blocks.push(text("script:pre-request", pre));
  if (tests) blocks.push(text("tests", tests));
  if (docs) blocks.push(text("docs", docs.content));
  return blocks.join("\n");
}
