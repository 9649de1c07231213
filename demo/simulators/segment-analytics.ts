/**
 * A stand-in for Segment's analytics.js on a page, so the demo and the browser tests can walk
 * `identity="segment"` and `analytics="segment"` without a Segment account. Written from Segment's
 * docs (Analytics.js source page, the snippet from `@segment/snippet`), never from its code:
 *
 * - `installSnippet()` is what a site pastes into its head: `window.analytics` becomes an array,
 *   the stub queue, whose methods (`identify`, `track`, `ready`, `on`…, but no `user`) push
 *   `[method, ...args]` into it; once the library runs (`analytics.initialized`), a stub kept by
 *   the page forwards to it, as snippet 4.16 and later do.
 * - `loadLibrary()` is analytics.js arriving from Segment's CDN: it takes over `window.analytics`,
 *   replays the queue in order, and runs `ready` callbacks once its destinations have loaded.
 *   `classic` (analytics.js 1.x/4.x) tells `on('identify')` listeners synchronously and answers
 *   calls with itself; `next` (Analytics 2.0) answers promises and tells listeners once the event
 *   is dispatched.
 * - `user()`: `id()` (null until `identify(userId)`), `anonymousId()` (a UUID from the first
 *   visit), kept in localStorage as `ajs_user_id` and `ajs_anonymous_id` (JSON), like the library.
 *
 * Every call the library receives is logged in `segmentCalls` and announced as the window event
 * `segment-simulator-call`.
 */

export type SegmentVersion = 'classic' | 'next';

export interface SegmentCall {
  method: string;
  args: unknown[];
}

type Listener = (...args: unknown[]) => void;
type Page = Window & { analytics?: unknown };

const METHODS = [
  'trackSubmit',
  'trackClick',
  'trackLink',
  'trackForm',
  'pageview',
  'identify',
  'reset',
  'group',
  'track',
  'ready',
  'alias',
  'debug',
  'page',
  'screen',
  'once',
  'off',
  'on',
  'addSourceMiddleware',
  'addIntegrationMiddleware',
  'setAnonymousId',
  'addDestinationMiddleware',
  'register',
];

export const segmentCalls: SegmentCall[] = [];

/** Calls whose stub adds the buffered page context (`__t: 'bpc'`) as a last argument. */
const WITH_PAGE_CONTEXT = ['track', 'screen', 'alias', 'group', 'page', 'identify'];

const page = () => window as Page;
const USER_KEY = 'ajs_user_id';
const ANONYMOUS_KEY = 'ajs_anonymous_id';
const stored = (key: string): string | null =>
  JSON.parse(localStorage.getItem(key) ?? 'null') as string | null;
const store = (key: string, value: string | null) =>
  value == null ? localStorage.removeItem(key) : localStorage.setItem(key, JSON.stringify(value));

/** The snippet: `window.analytics` as a stub queue, unless something is there already. */
export function installSnippet(): unknown[] {
  const w = page();
  const analytics = (w.analytics ??= []) as unknown[] & Record<string, unknown>;
  if (analytics['initialize'] || analytics['invoked']) return analytics;
  analytics['invoked'] = true;
  for (const method of METHODS) {
    analytics[method] = (...args: unknown[]) => {
      const loaded = w.analytics as Record<string, unknown> | undefined;
      if (loaded?.['initialized']) return (loaded[method] as (...a: unknown[]) => unknown)(...args);
      const context = { __t: 'bpc', p: location.pathname, u: location.href, t: document.title };
      analytics.push([method, ...args, ...(WITH_PAGE_CONTEXT.includes(method) ? [context] : [])]);
      return analytics;
    };
  }
  analytics['load'] = () => {};
  analytics['SNIPPET_VERSION'] = '5.2.0';
  return analytics;
}

/** The library, as `window.analytics` once it runs. */
export interface SimulatedAnalytics {
  initialized: true;
  VERSION: string;
  initialize(): void;
  user(): { id(id?: string | null): string | null; anonymousId(): string; traits(): object };
  identify(...args: unknown[]): unknown;
  track(event: string, properties?: object, ...rest: unknown[]): unknown;
  page(...args: unknown[]): unknown;
  reset(): void;
  ready(callback?: () => void): unknown;
  on(event: string, callback: Listener): unknown;
  once(event: string, callback: Listener): unknown;
  off(event: string, callback: Listener): unknown;
}

/**
 * analytics.js arrives: it takes over `window.analytics` (the snippet's queue, or nothing) and
 * replays what was queued. `readyAfterMs`: its destinations load this long after.
 */
export function loadLibrary({
  version = 'next',
  readyAfterMs = 20,
}: { version?: SegmentVersion; readyAfterMs?: number } = {}): SimulatedAnalytics {
  const w = page();
  const queue = Array.isArray(w.analytics) ? [...(w.analytics as unknown[][])] : [];
  const listeners = new Map<string, Listener[]>();
  const emit = (event: string, ...args: unknown[]) => {
    for (const fn of listeners.get(event) ?? []) fn(...args);
  };
  let readied = false;
  const waiting: (() => void)[] = [];
  const log = (method: string, args: unknown[]) => {
    segmentCalls.push({ method, args });
    dispatchEvent(new CustomEvent('segment-simulator-call', { detail: { method, args } }));
  };
  // classic answers with itself; 2.0 with a promise of the dispatched event's context
  const answer = (event: () => void) => {
    if (version === 'classic') {
      event();
      return analytics;
    }
    return Promise.resolve().then(() => {
      event();
      return { event: 'dispatched' };
    });
  };
  if (!stored(ANONYMOUS_KEY)) store(ANONYMOUS_KEY, crypto.randomUUID());

  const user = {
    id(id?: string | null) {
      if (id !== undefined) store(USER_KEY, id);
      return stored(USER_KEY);
    },
    anonymousId: () => stored(ANONYMOUS_KEY) ?? '',
    traits: () => ({}),
  };

  const analytics: SimulatedAnalytics = {
    initialized: true,
    VERSION: version === 'classic' ? '4.1.0' : '1.70.0',
    initialize() {},
    user: () => user,
    identify(...args) {
      // identify([userId], [traits], [options], [callback]): traits alone keep the user id.
      const [first] = args;
      if (typeof first === 'string' || typeof first === 'number') user.id(String(first));
      log('identify', args);
      return answer(() => emit('identify', user.id(), args[1] ?? {}, args[2] ?? {}));
    },
    track(event, properties = {}, ...rest) {
      log('track', [event, properties, ...rest]);
      return answer(() => emit('track', event, properties, rest[0] ?? {}));
    },
    page(...args) {
      log('page', args);
      return answer(() => emit('page', ...args));
    },
    reset() {
      store(USER_KEY, null);
      store(ANONYMOUS_KEY, crypto.randomUUID());
      log('reset', []);
    },
    ready(callback) {
      const run = () => callback?.();
      if (version === 'next')
        return new Promise<void>((resolve) =>
          readied ? resolve(run()) : waiting.push(() => resolve(run())),
        );
      if (readied) setTimeout(run);
      else waiting.push(run);
      return analytics;
    },
    on(event, callback) {
      listeners.set(event, [...(listeners.get(event) ?? []), callback]);
      return analytics;
    },
    once(event, callback) {
      const once: Listener = (...args) => {
        analytics.off(event, once);
        callback(...args);
      };
      return analytics.on(event, once);
    },
    off(event, callback) {
      listeners.set(
        event,
        (listeners.get(event) ?? []).filter((fn) => fn !== callback),
      );
      return analytics;
    },
  };
  w.analytics = analytics;
  // The queue in the order it was made (a stub call's trailing page context is dropped).
  for (const [method, ...args] of queue as [string, ...unknown[]][]) {
    if ((args.at(-1) as { __t?: string } | undefined)?.__t === 'bpc') args.pop();
    const fn = (analytics as unknown as Record<string, (...a: unknown[]) => unknown>)[method];
    if (typeof fn !== 'function') continue;
    const result = fn(...args);
    if (result instanceof Promise) result.catch(() => {});
  }
  setTimeout(() => {
    readied = true;
    for (const run of waiting.splice(0)) run();
  }, readyAfterMs);
  return analytics;
}

/** Forget the visitor and the page's Segment: the stored ids, the log, `window.analytics`. */
export function resetSegment(): void {
  store(USER_KEY, null);
  store(ANONYMOUS_KEY, null);
  segmentCalls.length = 0;
  delete page().analytics;
}
