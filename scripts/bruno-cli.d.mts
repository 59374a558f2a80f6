// Types of scripts/bruno-cli.mjs, for the Bruno tests and the typecheck.
export const BRUNO_CLI_VERSION: string;
export function brunoCliDir(): string;
export function brunoCliEntry(): string | undefined;
export function installBrunoCli(): string;
