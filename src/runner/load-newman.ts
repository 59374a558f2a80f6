// Newman is an optional peer dependency: only `demo` (and the bench) run collections with it, so it is
// loaded when they do, and its absence is a coded error that says how to install it.

import type Newman from "newman";
import { ImsAuthError } from "../core/errors.js";

/** The Newman the collection is tested with (docs/ci.md, CI recipes). */
export const NEWMAN_VERSION = "6.2.2";

type NewmanApi = typeof Newman;

/** Whether `error` says the package `name` itself cannot be found (not one of its own dependencies). */
function isMissing(error: unknown, name: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") && new RegExp(`['"]${name}['"]`).test(String(message));
}

export function newmanMissing(): ImsAuthError {
  return new ImsAuthError(
    "ERR_NEWMAN_MISSING",
    `demo runs the collection with Newman, which is not installed: it is an optional peer dependency, which generate, env, roster, inject, token and doctor do not need. Install it next to postman-ims-auth (npm install newman@${NEWMAN_VERSION}), or run the collection with npx newman@${NEWMAN_VERSION} run.`,
  );
}

/** Newman's library API, imported on first use; `importer` is for tests. */
export async function loadNewman(importer: () => Promise<unknown> = () => import("newman")): Promise<NewmanApi> {
  try {
    const module = (await importer()) as { default?: NewmanApi } & NewmanApi;
    return module.default ?? module;
  } catch (error) {
    throw isMissing(error, "newman") ? newmanMissing() : error;
  }
}
