// Types of scripts/browser-tests.mjs, for the TypeScript that imports it (test/browser).

export declare const PLAYWRIGHT_VERSION: string;
export declare const CHROMIUM: string;
export declare function playwrightDir(): string;
export declare function playwrightEntry(): string | undefined;
export declare function installPlaywright(): string;
