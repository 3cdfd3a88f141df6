/** Statuses worth retrying: timeouts, rate limits and transient server errors. */
const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE.has(status);
}

export interface BackoffOptions {
  /** First delay in ms (default 100). */
  baseDelayMs: number;
  /** Cap on one delay in ms (default 5000). */
  maxDelayMs: number;
}

/** Exponential backoff with full jitter; `attempt` starts at 0. */
export function backoffDelay(attempt: number, options: BackoffOptions, random = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** `Retry-After` in ms (seconds or an HTTP date), capped; undefined when absent or unreadable. */
export function retryAfterMs(
  header: string | null,
  maxDelayMs: number,
  now = Date.now(),
): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, maxDelayMs);
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, date - now), maxDelayMs);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
