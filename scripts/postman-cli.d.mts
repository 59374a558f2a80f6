// Types of scripts/postman-cli.mjs, for the Postman CLI tests and the typecheck.
export const POSTMAN_CLI_VERSION: string;
export const POSTMAN_CLI_PACKAGE_JSON: string;
export function postmanCliDir(): string;
export function postmanCliBinary(): string | undefined;
export function installPostmanCli(): string;
