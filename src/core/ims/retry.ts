// When to try IMS again: 429, 5xx and network failures, a bounded number of times, honouring Retry-After.

export const MAX_ATTEMPTS = 4;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

/**
 * Network failures that trying again will not mend: an untrusted TLS certificate, a host name that
 * does not resolve (a typo in IMS), a proxy that refuses the tunnel. Retrying them would only make the student wait.
 */
const PERMANENT_FAILURE = /CERT|SIGNATURE|SSL|TLS|ENOTFOUND|EAI_NONAME|ERR_INVALID_URL|PROXY_REFUSED/i;

/**
 * Milliseconds to wait before the next attempt, or undefined when not to retry. `status` undefined:
 * no answer (network failure), whose `failureCode` (Node's error code) says whether it may pass.
 */
export function retryDelayMs(
  attemptsMade: number,
  status: number | undefined,
  retryAfter: string | undefined,
  nowMs: number,
  failureCode?: string,
): number | undefined {
  if (attemptsMade >= MAX_ATTEMPTS) return undefined;
  if (status === undefined && failureCode !== undefined && PERMANENT_FAILURE.test(failureCode)) return undefined;
  if (status !== undefined && status !== 429 && status < 500) return undefined;
  const header = (retryAfter ?? "").trim();
  if (/^\d+$/.test(header)) return Math.min(Number(header) * 1000, MAX_DELAY_MS);
  if (header !== "") {
    const at = Date.parse(header);
    if (Number.isFinite(at)) return Math.min(Math.max(at - nowMs, 0), MAX_DELAY_MS);
  }
  return Math.min(BASE_DELAY_MS * 2 ** (attemptsMade - 1), MAX_DELAY_MS);
}
