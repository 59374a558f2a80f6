// Newman loaded on demand: its absence is ERR_NEWMAN_MISSING, any other failure stays what it is.

import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../../src/files/paths.js";
import { loadNewman, NEWMAN_VERSION } from "../../src/runner/load-newman.js";

const failing = (error: unknown) => () => Promise.reject(error);
const notFound = (name: string) =>
  Object.assign(new Error(`Cannot find package '${name}' imported from /x/load-newman.js`), { code: "ERR_MODULE_NOT_FOUND" });

describe("loadNewman", () => {
  it("returns Newman's library API (the default export of its CommonJS module)", async () => {
    const newman = await loadNewman();
    expect(typeof newman.run).toBe("function");
    const api = { run: () => undefined };
    expect(await loadNewman(() => Promise.resolve({ default: api }))).toBe(api);
  });

  it("Newman not installed: ERR_NEWMAN_MISSING, saying how to install it", async () => {
    await expect(loadNewman(failing(notFound("newman")))).rejects.toMatchObject({
      name: "ImsAuthError",
      code: "ERR_NEWMAN_MISSING",
      message: expect.stringMatching(/^demo runs the collection with Newman, which is not installed: .*npm install newman@6\.2\.2/),
    });
  });

  it("a dependency of Newman missing, or another error: rethrown unchanged", async () => {
    const inner = notFound("postman-runtime");
    await expect(loadNewman(failing(inner))).rejects.toBe(inner);
    const other = new SyntaxError("Unexpected token");
    await expect(loadNewman(failing(other))).rejects.toBe(other);
  });

  it("names the Newman version package.json pins as the peer dependency", () => {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { peerDependencies: Record<string, string> };
    expect(NEWMAN_VERSION).toBe(pkg.peerDependencies.newman);
  });
});
