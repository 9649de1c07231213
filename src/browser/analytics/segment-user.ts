import { page, type Segment } from './page-tools.js';
import { whenFound } from './wait.js';

/** The library itself, once loaded: the snippet's stub has no `user()`. */
const library = (): Segment | undefined => {
  const analytics = page().analytics;
  return analytics?.initialized && typeof analytics.user === 'function' ? analytics : undefined;
};

/** A known user's id; never the anonymous id, which names a browser, not a person. */
function userId(analytics: Segment): string | null {
  const user = analytics.user?.();
  const id: unknown = user?.id();
  const value = typeof id === 'number' ? String(id) : id;
  return typeof value === 'string' && value !== '' && value !== user?.anonymousId() ? value : null;
}

/**
 * Follows Segment's user id (`analytics.user().id()`): once analytics.js runs, whether it loaded
 * before the element or after, and after every `identify` (a visitor who signs in later).
 */
export function followSegmentUser(changed: (id: string | null) => void): void {
  let linked = false;
  const link = () => {
    const analytics = library();
    if (linked || !analytics) return;
    linked = true;
    const read = () => {
      try {
        changed(userId(library() ?? analytics));
      } catch {
        // a Segment that throws knows no user
      }
    };
    analytics.on?.('identify', read);
    read();
  };
  try {
    // Queued in the snippet's stub: a library that loads after the wait below still links.
    // (2.0's `ready` answers a promise, which rejects when a destination fails to load.)
    if (!library()) void Promise.resolve(page().analytics?.ready?.(link)).catch(() => {});
  } catch {
    // not Segment's stub after all
  }
  whenFound(library, link, () => {
    if (!linked)
      console.info(
        `<push-sms-fallback>: identity="segment", but Segment's analytics.js has not loaded on this page: registrations carry no Segment user id.`,
      );
  });
}
