// What a collection run takes and gives back, the same for Newman and for postman-runtime driven directly.

export interface RunOptions {
  readonly collection: unknown;
  readonly environment?: unknown;
  /** PEM of a CA to trust (the emulator's certificate). */
  readonly caFile?: string;
  /** Newman reporters; postman-runtime has none and ignores them. */
  readonly reporters?: string[];
  readonly reporter?: Record<string, unknown>;
  readonly envVar?: Array<{ key: string; value: string }>;
  readonly folder?: string;
  readonly iterationCount?: number;
  readonly verbose?: boolean;
  /** Milliseconds to wait between requests. */
  readonly delayRequest?: number;
  /** postman-runtime only: the user's Postman Vault, as the app hands it to a run. */
  readonly vault?: VaultOption;
  /** postman-runtime only: these environment variables are secure variables with an external source, as the app resolves them. */
  readonly secureVariables?: SecureVariablesOption;
}

export interface VaultOption {
  /** Secrets by key, as {{vault:KEY}} names them. */
  readonly secrets: Readonly<Record<string, string>>;
  /** Whether the user allowed this collection's scripts to read the vault (Postman Vault → Settings). */
  readonly scriptAccess: boolean;
  /** Called with the key of every pm.vault.get, to count what the scripts read. */
  readonly onRead?: (key: string) => void;
}

export interface SecureVariablesOption {
  /** Each variable's value, as its source (AWS, Azure, HashiCorp, 1Password…) gives it. */
  readonly values: Readonly<Record<string, string>>;
  /** False: postman-runtime gives the value to requests and hides it from scripts. */
  readonly allowedInScript: boolean;
}

export interface RunFailure {
  /** Test name, or where it happened (prerequest-script, request…). */
  readonly test: string;
  readonly name: string;
  readonly message: string;
  readonly item: string;
}

export interface RunAssertion {
  readonly item: string;
  readonly test: string;
  readonly passed: boolean;
}

/** One console call of a script, or a warning the sandbox printed itself (deprecated globals). */
export interface ConsoleEntry {
  readonly level: string;
  readonly messages: unknown[];
}

/** The counters callers use, as in Newman's summary.run.stats (which postman-runtime does not compute). */
export interface RunStats {
  readonly requests: { readonly total: number; readonly failed: number };
  readonly assertions: { readonly total: number; readonly failed: number };
}

export interface RunResult {
  readonly stats: RunStats;
  readonly failures: RunFailure[];
  /** Every assertion by name with its outcome, in run order. */
  readonly assertions: RunAssertion[];
  /** The environment at the end of the run, as key → value. */
  readonly environment: Record<string, string>;
  /** postman-runtime only: the collection's variables at the end of the run, which the Postman app keeps for the next Send. */
  readonly collectionVariables?: Record<string, string>;
  /** Everything the sandbox printed, in order. */
  readonly console: ConsoleEntry[];
}

/** A script's uncaught error as a console entry (level "error"), as the Postman console shows it. */
export function exceptionEntry(error: { name?: string; message?: string } | undefined): ConsoleEntry {
  return { level: "error", messages: [`${error?.name ?? "Error"}: ${error?.message ?? ""}`] };
}

/** Console entries that show a problem: warnings, errors, or any mention of deprecation. */
export function consoleProblems(entries: readonly ConsoleEntry[]): ConsoleEntry[] {
  return entries.filter(
    (entry) => entry.level === "warn" || entry.level === "error" || entry.messages.some((message) => /deprecat/i.test(text(message))),
  );
}

function text(message: unknown): string {
  if (typeof message === "string") return message;
  try {
    return JSON.stringify(message) ?? String(message);
  } catch {
    return String(message);
  }
}
