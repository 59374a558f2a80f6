// Filled in by rollup.config.ts: the engine after it has built dist/sandbox/engine.js, and the slow path of Bruno's auto-auth.
declare module "virtual:engine" {
  /** The engine's source, raw-deflated and base64-encoded. */
  export const ENGINE_BLOB: string;
  /** Its length in bytes once inflated. */
  export const ENGINE_SIZE: number;
  /** SHA-256 (hex) of the inflated source. */
  export const ENGINE_DIGEST: string;
}

declare module "tiny-inflate" {
  export default function inflate(source: Uint8Array, destination: Uint8Array): Uint8Array;
}

// Filled in by rollup.config.ts after it has built the slow path of Bruno's auto-auth.
declare module "virtual:bruno-auto-auth-slow" {
  /** dist/build/bruno-auto-auth-slow.js: an IIFE that defines `__imsAuth` with its `run`. */
  export const AUTO_AUTH_SLOW: string;
}
