// Filled in by rollup.config.ts after it has built dist/sandbox/signer.js.
declare module "virtual:signer" {
  /** SHA-256 (hex) of the signer source the collection carries. */
  export const SIGNER_DIGEST: string;
  /** Name of the collection variable that carries it. */
  export const SIGNER_VARIABLE: string;
}
