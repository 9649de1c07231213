/**
 * Browser-test helpers for pages with the OneSignal page SDK simulator
 * (demo/simulators/onesignal-page-sdk.ts). Tests in one file share a page, so every test
 * ends with `await resetOneSignalPage()`.
 */
import type {
  OneSignalSimulator,
  SimOneSignal,
  SimWindow,
} from '../../demo/simulators/onesignal-page-sdk.types.js';
// Its hook skips tests that declare a need this browser lacks (`[needs push]` in the title).
import './needs.js';

export const SIMULATOR_PATH = '/demo/simulators/onesignal-page-sdk.ts';

/** The page's OneSignal globals, typed by the simulator's types. */
export const page = window as SimWindow & {
  _oneSignalInitOptions?: unknown;
  __pushSmsFallbackOneSignal?: unknown;
};

/**
 * This page's own localStorage key for the simulator. Test files run side by side, and in
 * Firefox they share one profile and so one localStorage per origin.
 */
export const SIMULATOR_STORE = `onesignal-simulator-test-${crypto.randomUUID()}`;

export type SimulatorQuery = Record<string, string | number>;

export function simulatorUrl(query: SimulatorQuery = {}): string {
  const params = new URLSearchParams({ store: SIMULATOR_STORE });
  for (const [key, value] of Object.entries(query)) params.set(key, String(value));
  return `${SIMULATOR_PATH}?${params}`;
}

// Script load/error events do not bubble, but capturing on the document sees them all.
const settled = new WeakSet<EventTarget>();
const settle = (event: Event) => event.target && settled.add(event.target);
document.addEventListener('load', settle, true);
document.addEventListener('error', settle, true);

// Firefox runs test files side by side as tabs of one window. A hidden tab's timers fire at most
// once a second, so every wait here (and in the SDK simulator) takes seconds instead of milliseconds.
if (document.visibilityState === 'hidden') {
  console.warn('[onesignal-page] This test page is a hidden tab: its timers are throttled to 1 s.');
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves with the first truthy result of `check`, polling; rejects after `timeoutMs`. */
export async function until<T>(
  check: () => T,
  what = 'condition',
  timeoutMs = 8000,
): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** Adds the simulator the way a site adds the real SDK: `<script src defer>`. */
export function addSdkScript(query: SimulatorQuery = {}): HTMLScriptElement {
  const script = document.createElement('script');
  script.src = simulatorUrl(query);
  script.defer = true;
  document.head.append(script);
  return script;
}

/** Adds the simulator and waits for its es6 stage: `window.OneSignal` is defined. */
export async function loadSimulator(query: SimulatorQuery = {}): Promise<SimOneSignal> {
  addSdkScript(query);
  return until(() => page.OneSignal, 'window.OneSignal');
}

/** The simulator's control API (present as soon as its script has run). */
export function simulator(): OneSignalSimulator {
  const api = page.OneSignalSimulator;
  if (!api) throw new Error('The OneSignal simulator is not on the page');
  return api;
}

// The simulator stands in for the browser's permission and push subscription too: what it
// replaces is put back after each test.
const browserPermission =
  typeof Notification === 'undefined'
    ? undefined
    : Object.getOwnPropertyDescriptor(Notification, 'permission');

/** Puts back the browser's own `Notification.permission` and `getRegistrations()`. */
function restoreBrowser(): void {
  if (browserPermission) Object.defineProperty(Notification, 'permission', browserPermission);
  if (navigator.serviceWorker)
    delete (navigator.serviceWorker as Partial<ServiceWorkerContainer>).getRegistrations;
}

/**
 * The browser as an earlier page view left it, with no SDK on this one (blocked): permission,
 * and one service worker registration that holds a push subscription or none.
 */
export function browserPush(permission: NotificationPermission, subscribed: boolean): void {
  Object.defineProperty(Notification, 'permission', { configurable: true, get: () => permission });
  const subscription = subscribed
    ? { endpoint: 'https://fcm.googleapis.com/fcm/send/earlier' }
    : null;
  const registration = {
    scope: location.origin + '/',
    pushManager: { getSubscription: async () => subscription },
  };
  Object.defineProperty(navigator.serviceWorker, 'getRegistrations', {
    configurable: true,
    value: async () => [registration],
  });
}

const isOneSignalScript = (s: HTMLScriptElement) =>
  /onesignal/i.test(s.src) || s.id === 'push-sms-fallback-onesignal-sdk';

/** Storage refused as a browser policy refuses it: `indexedDB.open` throws. */
export function blockIndexedDb(): () => void {
  const proto = IDBFactory.prototype;
  const { open } = proto;
  // Only `open`, as the real SDK's trial page had it: deleting a database still works.
  proto.open = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  return () => void (proto.open = open);
}

/**
 * Leaves the page as if OneSignal had never been there: waits for pending SDK scripts (a script
 * removed mid-load still runs), removes them and every global the SDK, the simulator and the
 * adapter's window guard (`__pushSmsFallbackOneSignal`) set, puts the browser's own permission
 * and service worker registrations back, and clears localStorage.
 */
export async function resetOneSignalPage(): Promise<void> {
  const scripts = [...document.scripts].filter(isOneSignalScript);
  await until(() => scripts.every((s) => settled.has(s)), 'SDK scripts to settle', 3000).catch(
    () => {},
  );
  await sleep(10); // the es6 stage runs a task after its script
  for (const s of scripts) s.remove();
  document.querySelectorAll('meta[name="onesignal-plugin"]').forEach((m) => m.remove());
  delete page.OneSignal;
  delete page.OneSignalDeferred;
  delete page.__oneSignalSdkLoadCount;
  delete page.OneSignalSimulator;
  delete page._oneSignalInitOptions;
  delete page.__pushSmsFallbackOneSignal;
  restoreBrowser();
  localStorage.clear();
}
