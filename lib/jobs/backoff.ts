/**
 * Delay before retry n (1-based): 30 s doubling, capped at 2 h. With the
 * default 8 attempts all retries land within ~64 minutes, well inside
 * Resend's 24-hour idempotency window.
 */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** (attempt - 1), 2 * 3_600_000);
}
