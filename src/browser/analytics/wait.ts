/**
 * How long a tool may take to appear: Segment's snippet and Google's tags sit in the page's head,
 * so one that is not there by then is not coming (or an ad blocker stopped it).
 */
export const WAIT_MS = 10_000;
const EVERY_MS = 250;

/**
 * Calls `found` with what `look` finds, now or on a later look within `WAIT_MS`; else `missing`.
 * Polling, because nothing announces these tools: Segment's own docs say to poll
 * `analytics.initialized`, and `gtag` is a plain global.
 */
export function whenFound<T>(
  look: () => T | undefined,
  found: (value: T) => void,
  missing?: () => void,
): void {
  const started = Date.now();
  const check = () => {
    const value = look();
    if (value !== undefined) found(value);
    else if (Date.now() - started < WAIT_MS) setTimeout(check, EVERY_MS);
    else missing?.();
  };
  check();
}
