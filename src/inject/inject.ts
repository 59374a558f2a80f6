// Adds our authentication to an existing v2.1 collection: Bearer auth, the auto-auth script, the 401 watcher, the Authenticate folder.

import sdk from "postman-collection";
import { authenticateFolder, collectionAuthParts, COLLECTION_FLOWS, type FlowOption } from "../generator/collection/collection.js";
import { isObject, type Json } from "../inputs/collection-input.js";
import { stableId } from "../generator/collection/ids.js";
import { execLines, scriptBlock, withoutBlocks } from "./script-blocks.js";
import { scriptLines } from "../generator/collection/scripts.js";
import { withRawUrls } from "../generator/collection/raw-urls.js";

export interface InjectOptions {
  /** Which Authenticate requests the folder carries (default: both). */
  readonly flows?: readonly FlowOption[];
}

export interface Injected {
  readonly collection: Json;
  /** Things the user should know: auth overridden by folders or requests, a replaced collection auth. */
  readonly warnings: string[];
  /** Requests that use the collection's auth (and so its token, renewed after a 401). */
  readonly watched: number;
}

const FOLDER_MARK = "(Added by postman-ims-auth inject: running inject again replaces this folder.)";
const FOLDER_ID = stableId("folder/Authenticate");
/**
 * The unmarked scripts of a collection `generate` made: replaced by the marked blocks rather than run twice. The
 * watcher was named api-response before 0.1.0 was published: collections generated then carry that id.
 */
const GENERATED_SCRIPT_IDS = new Set(
  ["collection/auto-auth/prerequest", "collection/401-watcher/test", "collection/api-response/test"].map(stableId),
);

/**
 * The collection with our parts, everything of its own kept: events, variables, items and their
 * order. Our parts are marked (script blocks, the folder's description), and any earlier copy is
 * removed first, so injecting an injected collection gives the same JSON. Takes JSON that
 * readCollection accepted; the input is not changed.
 */
export function injectAuth(input: Json, options: InjectOptions = {}): Injected {
  const collection = structuredClone(input);
  const warnings: string[] = [];
  const ours = collectionAuthParts();

  const items = (collection.item as unknown[]).filter((item) => !isOurFolder(item));
  collection.item = [authenticateFolderJson(options.flows ?? COLLECTION_FLOWS), ...items];

  const previous = ownAuth(collection.auth);
  if (previous !== undefined && !isBearerAccessToken(collection.auth)) {
    warnings.push(
      `the collection's own auth (${previous}) is replaced by Bearer {{ACCESS_TOKEN}}, which every request that inherits it now sends.`,
    );
  }
  collection.auth = ours.auth;

  const events = stripEvents(collection.event, "the collection's scripts").events.filter(
    (event) => !(isObject(event) && isObject(event.script) && GENERATED_SCRIPT_IDS.has(String(event.script.id))),
  );
  // First in the collection's scripts, so that an exception in the user's code after ours cannot stop them. The 401
  // watcher is the collection's test script: requests added later are watched too (older injects put it in each request).
  const withAutoAuth = addBlock(events, "prerequest", scriptBlock("auto-auth", scriptLines("auto-auth")), "start");
  collection.event = addBlock(withAutoAuth, "test", scriptBlock("401-watcher", scriptLines("401-watcher")), "start");

  const state = { warnings, watched: 0 };
  walk(items, [], true, state);
  return { collection, warnings, watched: state.watched };
}

interface WalkState {
  readonly warnings: string[];
  watched: number;
}

function walk(items: unknown[], names: string[], inherits: boolean, state: WalkState): void {
  for (const item of items) {
    if (!isObject(item)) continue;
    const path = [...names, String(item.name ?? "unnamed")];
    const where = `"${path.join(" / ")}"`;
    if (Array.isArray(item.item)) {
      const own = overridingAuth(item.auth);
      if (inherits && own !== undefined) {
        const count = countRequests(item.item);
        state.warnings.push(
          `folder ${where} has its own auth (${own}): its ${count} request${count === 1 ? "" : "s"} do not send the collection's token. ` +
            'Set the folder\'s Authorization to "Inherit auth from parent" to use it.',
        );
      }
      if (item.event !== undefined) item.event = stripEvents(item.event, `the scripts of folder ${where}`).events;
      walk(item.item, path, inherits && own === undefined, state);
      continue;
    }
    const own = isObject(item.request) ? overridingAuth(item.request.auth) : undefined;
    if (inherits && own !== undefined) {
      state.warnings.push(
        `request ${where} has its own auth (${own}): it does not send the collection's token. Set its Authorization to "Inherit auth from parent" to use it.`,
      );
    }
    if (inherits && own === undefined) state.watched++;
    // A 401 watcher an earlier inject put in the request is taken out (the collection's watches it now).
    const { events, held } = stripEvents(item.event, `the scripts of request ${where}`);
    if (item.event !== undefined) item.event = events.filter((event) => !isEmptyShell(event, held));
  }
}

interface Stripped {
  readonly events: unknown[];
  /** The events that held a block of ours. */
  readonly held: ReadonlySet<unknown>;
}

/** Every event with our blocks taken out; events and their other lines stay as they were. */
function stripEvents(events: unknown, where: string): Stripped {
  const held = new Set<unknown>();
  if (!Array.isArray(events)) return { events: [], held };
  const result = events.map((event) => {
    if (!isObject(event) || !isObject(event.script) || event.script.exec === undefined) return event;
    const { exec, found } = withoutBlocks(execLines(event.script.exec), where);
    if (!found) return event;
    const stripped = { ...event, script: { ...event.script, exec: inFormOf(event.script.exec, exec) } };
    held.add(stripped);
    return stripped;
  });
  return { events: result, held };
}

/** An event we added that is empty now (its request has its own auth): dropped; the user's own events are kept. */
function isEmptyShell(event: unknown, held: ReadonlySet<unknown>): boolean {
  if (!held.has(event) || !isObject(event) || !isObject(event.script) || event.script.id !== undefined) return false;
  return execLines(event.script.exec).every((line) => line.trim() === "");
}

/** Our block at the start or end of the first enabled script that listens to `listen`; a new event when there is none. */
function addBlock(events: unknown[], listen: "prerequest" | "test", block: string[], at: "start" | "end"): unknown[] {
  const index = events.findIndex(
    (event) =>
      isObject(event) &&
      event.listen === listen &&
      event.disabled !== true &&
      !(isObject(event.script) && event.script.src !== undefined && event.script.exec === undefined),
  );
  if (index < 0) return [...events, { listen, script: { type: "text/javascript", exec: block } }];
  const result = [...events];
  const event = result[index] as Json;
  const script = isObject(event.script) ? event.script : { type: "text/javascript" };
  const own = execLines(script.exec);
  result[index] = {
    ...event,
    script: { ...script, exec: inFormOf(script.exec, at === "start" ? [...block, ...own] : [...own, ...block]) },
  };
  return result;
}

/** Lines back in the form the script had: a list of lines, or one text. */
function inFormOf(original: unknown, lines: string[]): string[] | string {
  return typeof original === "string" ? lines.join("\n") : lines;
}

/** The auth type an item sets for itself; undefined when it inherits (no auth, null, or "inherit"). */
function ownAuth(auth: unknown): string | undefined {
  if (!isObject(auth)) return undefined;
  const type = String(auth.type);
  return type === "inherit" ? undefined : type;
}

/** An item's own auth that keeps the collection's token out: its own Bearer {{ACCESS_TOKEN}} sends the same token, so it does not count. */
function overridingAuth(auth: unknown): string | undefined {
  return isBearerAccessToken(auth) ? undefined : ownAuth(auth);
}

function isBearerAccessToken(auth: unknown): boolean {
  if (!isObject(auth) || auth.type !== "bearer") return false;
  const entries = Array.isArray(auth.bearer) ? auth.bearer : [];
  return entries.some((entry) => isObject(entry) && entry.key === "token" && entry.value === "{{ACCESS_TOKEN}}");
}

function countRequests(items: unknown[]): number {
  return items.reduce<number>((count, item) => count + (isObject(item) && Array.isArray(item.item) ? countRequests(item.item) : 1), 0);
}

function isOurFolder(item: unknown): boolean {
  if (!isObject(item) || !Array.isArray(item.item)) return false;
  const description = isObject(item.description) ? item.description.content : item.description;
  return item.id === FOLDER_ID || (typeof description === "string" && description.includes(FOLDER_MARK));
}

/** The folder as v2.1 JSON, as the generated collection has it, with the mark that finds it again. */
function authenticateFolderJson(flows: readonly FlowOption[]): Json {
  const folder = withRawUrls(new sdk.ItemGroup(authenticateFolder(flows) as never).toJSON() as Json);
  // The SDK writes a description as { content, type }: its text is the content.
  const text = isObject(folder.description) ? folder.description.content : folder.description;
  return { ...folder, description: `${typeof text === "string" ? text : ""} ${FOLDER_MARK}`.trim() };
}
