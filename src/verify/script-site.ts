// One script of a collection as verify judges it, whichever reader (v2.1 JSON, v3 folder) found it.

/** One script of a collection: where it runs, and its lines as the file holds them. */
export interface ScriptSite {
  readonly where: string;
  readonly lines: readonly string[];
}
