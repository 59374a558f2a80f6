// How long and how thorough a benchmark run is: the full run, and the quick smoke run tests use.

export interface BenchSettings {
  readonly quick: boolean;
  /** API requests per timed run (200 for a full run). */
  readonly requests: number;
  /** Interleaved rounds: every variant in both runtimes once per round, in a rotated order. */
  readonly rounds: number;
  /** The baseline signs and exchanges on every request: fewer requests and rounds keep the bench short. */
  readonly adobeRequests: number;
  readonly adobeRounds: number;
  readonly signingBatches: number;
  readonly signingPerBatch: number;
}

export const FULL: BenchSettings = {
  quick: false,
  requests: 200,
  rounds: 5,
  adobeRequests: 5,
  adobeRounds: 3,
  signingBatches: 4,
  signingPerBatch: 2,
};
export const QUICK: BenchSettings = {
  quick: true,
  requests: 8,
  rounds: 1,
  adobeRequests: 2,
  adobeRounds: 1,
  signingBatches: 2,
  signingPerBatch: 1,
};
