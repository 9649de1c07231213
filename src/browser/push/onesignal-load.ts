/**
 * Whether the element loads OneSignal and calls `init`, or leaves both to the page (README: "How
 * OneSignal is loaded or reused"). Part of the OneSignal adapter: only `onesignal*.ts` files touch
 * `window.OneSignal` and `OneSignalDeferred`.
 */
import { misconfigured } from '../element/attributes.js';
import type { Deferred, OneSignalPage, Sdk } from './onesignal-types.js';
import { siteWorker } from './site-worker.js';

/**
 * How long after the window's `load` a page's own OneSignal snippet (a tag manager, a consent
 * manager, a slowly streamed document) still wins over the element's `init({ appId })`.
 */
export const PAGE_INIT_GRACE_MS = 3000;

/** How long a page's init in flight (its config download) may take before the element calls its own. */
const STUCK_MS = 1000;

const SCRIPT_ID = 'push-sms-fallback-onesignal-sdk';

/** The script tag this package injected, if any (one per page, whichever copy of us did it). */
export const ourScript = (): HTMLElement | null => document.getElementById(SCRIPT_ID);

/** Signs that the page (or a CMS plugin) loads or initialises OneSignal itself. */
export function pageHasOneSignal(w: OneSignalPage, sdkSrc: string): boolean {
  const bare = (url: string) => new URL(url, document.baseURI).href.split(/[?#]/)[0];
  const queue = w.OneSignalDeferred;
  return !!(
    w.__pushSmsFallbackOneSignal ||
    w.OneSignal ||
    w._oneSignalInitOptions ||
    // The SDK has loaded (it replaces the array's push), or something else sits there.
    (queue && queue.push !== [].push) ||
    document.querySelector('meta[name="onesignal-plugin"]') ||
    [...document.scripts].some(
      (s) => /OneSignalSDK\.page/.test(s.src) || (s.src && bare(s.src) === bare(sdkSrc)),
    )
  );
}

/**
 * Requests the SDK at once (unless a site worker holds OneSignal's scope), but queues `init({ appId })` only `PAGE_INIT_GRACE_MS` after `load`,
 * and calls it only if nobody has initialised OneSignal by then: a page snippet arriving earlier
 * runs its own `init` first (the SDK runs a callback pushed after it loaded at once). Should ours
 * still meet "SDK already initialized" (a page init in flight), the page owns OneSignal, as
 * wanted. `onInit` hears when our `init` is called, and with the error if it failed.
 */
export function loadOneSignal(
  w: OneSignalPage,
  appId: string,
  sdkSrc: string,
  onInit: (failed?: unknown) => void,
): void {
  w.__pushSmsFallbackOneSignal = appId;
  const tag = document.createElement('script');
  tag.id = SCRIPT_ID;
  tag.defer = true;
  // Blocked or missing: remembered on the tag for adapters that connect later.
  tag.onerror = () => (tag.dataset.failed = '');
  // In the page at once, so every element on it hears how this ends (src comes below).
  document.head.append(tag);

  /**
   * Whether a worker of the site's own holds OneSignal's scope: then push is unavailable as if
   * the SDK were blocked (every element hears the tag's error), with one warning.
   */
  const siteWorkerInTheWay = async () => {
    const worker = await siteWorker();
    if (worker) {
      misconfigured('site-worker', worker);
      tag.dispatchEvent(new Event('error'));
    }
    return worker;
  };
  let called = false;
  const init = async (os: Sdk) => {
    if (called || os.config) return;
    called = true;
    // Asked again: a site may register its worker while its first page loads.
    if (await siteWorkerInTheWay()) return;
    onInit();
    try {
      await os.init({ appId });
    } catch (error) {
      if (/already initialized/.test(String(error))) return;
      console.error(error);
      onInit(error);
    }
  };
  const initUnlessThePageDid = () => {
    try {
      // Behind any callback the page queued: the SDK awaits each, so a page's awaited init is
      // done by the time this runs.
      (w.OneSignalDeferred ??= [] as Deferred).push(init);
    } catch (error) {
      onInit(error);
    }
    // Unless one of them awaits an init nobody calls (Slidedown.promptPush with app-id on the
    // element): it holds ours forever. So once the SDK is there, a page init in flight has
    // `STUCK_MS` to bring the config; without it, ours goes directly.
    const direct = (): unknown =>
      w.OneSignal
        ? setTimeout(() => w.OneSignal && init(w.OneSignal), STUCK_MS)
        : (tag.dataset.failed ?? setTimeout(direct, 50));
    direct();
  };
  const afterGrace = () => {
    const loaded = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    const since = performance.now() - (loaded?.loadEventEnd || performance.now());
    setTimeout(initUnlessThePageDid, PAGE_INIT_GRACE_MS - since);
  };
  // The SDK is requested only where OneSignal's worker would replace no worker of the site's.
  void siteWorkerInTheWay().then((inTheWay) => {
    if (inTheWay) return;
    tag.src = sdkSrc;
    if (document.readyState === 'complete') afterGrace();
    else addEventListener('load', afterGrace, { once: true });
  });
}
