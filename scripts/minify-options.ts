// The terser options of every sandbox script: one place, so a test can minify the readable engine and compare.

/** Comments go (each script gets its header afterwards); ASCII only, so the engine's digest is over plain bytes. */
export const minifyOptions = (preamble?: string) => ({
  format: { comments: false as const, ascii_only: true, ...(preamble === undefined ? {} : { preamble }) },
  compress: { passes: 2 },
});
