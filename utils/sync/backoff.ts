/**
 * Retry delays after network errors and 5xx answers: exponential with full jitter
 * (a uniformly random delay between 0 and min(max, base · 2^attempt)).
 */
export const RETRY_BASE_MS = 30_000;
export const RETRY_MAX_MS = 30 * 60_000;

/**
 * The delay before retry number `attempt + 1`: `attempt` is 0 after the first failure.
 * `random` returns a number in [0, 1) (Math.random in production, a fixed source in tests).
 */
export function nextRetryDelay(attempt: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(Math.floor(attempt), 30));
  const ceiling = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1 - Number.EPSILON);
  return Math.floor(r * ceiling);
}
