// What this device remembers between page views, in localStorage. Storage can throw
// (private modes, sandboxed iframes, quota): then the element simply forgets.

export const DISMISSED_KEY = 'push-sms-fallback:dismissed-until';
export const REGISTERED_KEY = 'push-sms-fallback:registered';
/** Submissions waiting to be delivered: see `submission/queue.ts`. */
export const QUEUE_KEY = 'push-sms-fallback:queue';

export function readItem(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeItem(key: string, value: string | null): void {
  try {
    if (value == null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Forgetting is the only option left.
  }
}

export const isDismissed = (now = Date.now()): boolean => Number(readItem(DISMISSED_KEY)) > now;

export function rememberDismissal(days: number, now = Date.now()): void {
  writeItem(DISMISSED_KEY, String(now + days * 86_400_000));
}
