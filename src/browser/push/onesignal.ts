/**
 * The one place that knows OneSignal's page SDK (v16), with `onesignal-load.ts` (whether we load
 * it and call `init`) and `browser-push.ts` (the browser's own push subscription). It waits for
 * readiness, follows permission and subscription changes, and writes the push tag.
 * See shared/reference/onesignal-web-sdk.md §2.3 and §7 for the rules followed here.
 */
import { misconfigured } from '../element/attributes.js';
import { hasBrowserPushSubscription, whenStorageRefused } from './browser-push.js';
import type { PushPermission } from '../../wire/contract.js';
import { loadOneSignal, ourScript, pageHasOneSignal } from './onesignal-load.js';
import type { OneSignalPage } from './onesignal-types.js';
import { consentPending, promptDismissed } from './onesignal-prompts.js';

export { PAGE_INIT_GRACE_MS } from './onesignal-load.js';

export type SdkStatus = 'loading' | 'ready' | 'unavailable';

export interface PushFacts {
  sdk: SdkStatus;
  /** SDK's permissionNative when ready (trust the permissionChange payload / Notification.permission right after a change, the getter lags), else Notification.permission where it exists, else 'default'. */
  permission: PushPermission;
  optedIn: boolean;
  /** Permission 'granted' with a push subscription: the SDK's `User.PushSubscription.id`, or the browser's own while that id is late or the SDK is unavailable. */
  subscribed: boolean;
  /** User.onesignalId when a real OneSignal user exists, else null; a new one (User `change`) moves the push tag to it. */
  onesignalId: string | null;
  /** the visitor answered a prompt this page view without deciding (forced permissionChange(false) while still 'default') */
  dismissed: boolean;
  /** Permission 'granted', yet no push subscription is coming: the browser holds none, and the SDK is unavailable, our `init` failed, or no id came within `SUBSCRIPTION_WAIT_MS`. */
  stalled: boolean;
}

/**
 * How long a visitor who granted permission may go without any push subscription (the SDK's id
 * or the browser's own) before push counts as unavailable: `pushManager.subscribe` answers within
 * about a second when it works; a missing service worker or a dead push service never answers.
 */
const SUBSCRIPTION_WAIT_MS = 5000;
/**
 * How often the browser is asked meanwhile: its subscription comes seconds before the SDK says
 * anything (the SDK's first `change` waits for its user create), so this bounds how late a new
 * subscriber is noticed. Two cheap reads per ask.
 */
const ASK_EVERY_MS = 250;

export interface OneSignalOptions {
  /** When set and nobody else loads/initialises OneSignal, load sdkSrc and call init({ appId }) once. */
  appId?: string;
  /** Script URL (default in the element: https://cdn.onesignal.com/sdks/web/v16/OneSignalSDK.page.js). */
  sdkSrc: string;
  /** Bounds the wait for readiness, from connect (from our own `init` call when we hold it for the page). */
  timeoutMs: number;
  /** Called on every change (once per task), never synchronously inside connect. */
  onChange(facts: PushFacts): void;
}

export interface OneSignalLink {
  facts(): PushFacts;
  /** Writes key=value with OneSignal.User.addTag only when the SDK is ready, a real user exists (onesignalId != null), and getTags()[key] differs. Returns whether it wrote. */
  syncTag(key: string, value: 'true' | 'false'): boolean;
  /** Removes every listener, timer. */
  disconnect(): void;
}

const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;

export function linkOneSignal({
  appId,
  sdkSrc,
  timeoutMs,
  onChange,
}: OneSignalOptions): OneSignalLink {
  const w = window as OneSignalPage;
  let status: SdkStatus = 'loading';
  /** An SDK whose state threw at us: never read again. */
  let broken = false;
  /** The last permissionChange payload: believed over the getter, which can lag it. */
  let said: boolean | undefined;
  let dismissed = false;
  /** The permission last worked out, to tell a dismiss (default before and after) from a reset. */
  let known: PushPermission | undefined;
  /** The browser's answer: a push subscription or not (undefined while asked again). */
  let browser: boolean | undefined;
  let asking = false;
  let initFailed = false;
  let waited = false;
  let asked = 0;
  let dead = false;
  let last = '';
  let notifying: ReturnType<typeof setTimeout> | undefined;
  let poller: ReturnType<typeof setTimeout> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wait: ReturnType<typeof setTimeout> | undefined;

  const sdk = () => (status === 'ready' ? w.OneSignal : undefined);
  const permission = (): PushPermission => {
    const browserSays = w.Notification?.permission;
    const native = sdk()?.Notifications?.permissionNative;
    if (!native) return browserSays ?? 'default';
    if (said == null) return native;
    // After a `false` the browser tells deny from dismiss before the getter does.
    return said
      ? 'granted'
      : browserSays === 'denied'
        ? 'denied'
        : native === 'granted'
          ? 'default'
          : native;
  };
  const hasId = () => sdk()?.User?.PushSubscription.id != null;
  const read = (): PushFacts => {
    const p = (known = permission());
    const user = sdk()?.User;
    const granted = p === 'granted';
    const id = hasId();
    return {
      sdk: status,
      permission: p,
      optedIn: !!user?.PushSubscription.optedIn,
      subscribed: granted && (id || !!browser),
      onesignalId: user?.onesignalId || null,
      dismissed: (dismissed || promptDismissed()) && p === 'default',
      stalled:
        granted && !id && browser === false && (status === 'unavailable' || initFailed || waited),
    };
  };
  // Unknown or hostile SDK states (getters that throw, OneSignal replaced by something else)
  // count as an unavailable SDK: the page and the element carry on.
  const facts = (): PushFacts => {
    try {
      return read();
    } catch {
      broken = true;
      status = 'unavailable';
      return read();
    }
  };
  // One change per task however many events the SDK fires in it; no longer than that, since
  // the element decides on it (a 30 ms wait here was most of the decision's time after readiness).
  const schedule = () => {
    // While the browser is asked again its old answer is set aside, so the facts are incomplete:
    // the answer schedules them. (Told meanwhile, a stalled visitor flipped form → waiting → form.)
    if (asking) return;
    clearTimeout(notifying);
    notifying = setTimeout(() => {
      const next = facts();
      const key = JSON.stringify(next);
      if (!dead && key !== last) {
        last = key;
        onChange(next);
      }
    });
  };
  /** Asks the browser again; a "no" is not believed meanwhile, so it never stalls on an old one. */
  const askBrowser = () => {
    if (asking) return;
    asking = true;
    if (!browser) browser = undefined;
    void hasBrowserPushSubscription().then((has) => {
      asking = false;
      browser = has;
      schedule();
    });
  };
  const tick = () => {
    // The wait for a subscription starts once a consent manager's page gave consent, however late.
    if (!consentPending(sdk())) asked++;
    waited = asked * ASK_EVERY_MS >= SUBSCRIPTION_WAIT_MS;
    if (!waited) wait = setTimeout(tick, ASK_EVERY_MS);
    recheck();
  };
  /** On every event: while permission is granted without the SDK's id, ask the browser and bound the wait. */
  const recheck = () => {
    try {
      if (permission() === 'granted' && !hasId()) {
        askBrowser();
        if (status === 'ready') wait ??= setTimeout(tick, ASK_EVERY_MS);
      } else {
        clearTimeout(wait);
        wait = undefined;
        waited = false;
        asked = 0;
      }
    } catch {
      // facts() below reports the SDK as unavailable
    }
    schedule();
  };
  const setStatus = (next: SdkStatus) => {
    status = next;
    recheck();
  };

  // The SDK's emitter has no try/catch: a throw here would stop its own listeners.
  const onPermission = (granted: boolean) => {
    try {
      said = granted;
      if (!granted && known === 'default' && permission() === 'default') dismissed = true;
    } catch {
      // ignore: nothing here may break the SDK
    }
    recheck();
  };
  // "No thanks" in OneSignal's slidedown: declined as clearly as a block, the permission untouched.
  const onCancel = () => {
    dismissed = true;
    recheck();
  };
  // Readiness is read off `window.OneSignal` on a timer rather than from a OneSignalDeferred
  // callback: the SDK runs those one at a time, awaiting each, so a callback would only run once
  // the page's (or our) `init` has finished, seconds after readiness or never. Two property reads
  // every 25 ms while loading cost nothing; after the timeout a slower poll still sees a late SDK.
  const poll = () => {
    if (dead || broken) return;
    try {
      const os = w.OneSignal;
      if (os?.config && os.Notifications?.permissionNative !== undefined) {
        os.Notifications.addEventListener('permissionChange', onPermission);
        os.Slidedown?.addEventListener('slidedownCancelClick', onCancel);
        os.User?.PushSubscription.addEventListener('change', recheck);
        os.User?.addEventListener('change', recheck);
        return setStatus('ready');
      }
    } catch {
      broken = true;
      return setStatus('unavailable');
    }
    poller = setTimeout(poll, status === 'loading' ? 25 : 1000);
  };
  const unavailable = () => {
    if (status === 'loading') setStatus('unavailable');
  };
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!appId && !w.OneSignal && status === 'loading') misconfigured('no-onesignal');
      unavailable();
    }, timeoutMs);
  };
  arm();

  const first = w.__pushSmsFallbackOneSignal;
  if (appId && !UUID.test(appId)) misconfigured('app-id', appId);
  // One page, one OneSignal app: the element that came first set it up.
  else if (appId && typeof first === 'string' && first !== appId)
    misconfigured('app-ids', `${appId} ${first}`);
  else if (appId && !pageHasOneSignal(w, sdkSrc)) {
    loadOneSignal(w, appId, sdkSrc, (error) => {
      if (dead) return;
      if (!error) return arm(); // the time we held init for the page does not count
      initFailed = true;
      if (status === 'loading') unavailable();
      else recheck();
    });
  }
  whenStorageRefused(unavailable);
  const ours = ourScript();
  if (ours?.dataset.failed != null) unavailable();
  ours?.addEventListener('error', unavailable);
  addEventListener('focus', recheck);
  document.addEventListener('visibilitychange', recheck);
  poll();
  recheck();

  return {
    facts,
    syncTag(key, value) {
      try {
        const user = sdk()?.User;
        if (!user?.onesignalId || user.getTags()[key] === value) return false;
        user.addTag(key, value);
        return true;
      } catch {
        return false;
      }
    },
    disconnect() {
      dead = true;
      for (const t of [timer, poller, notifying, wait]) clearTimeout(t);
      removeEventListener('focus', recheck);
      document.removeEventListener('visibilitychange', recheck);
      ours?.removeEventListener('error', unavailable);
      try {
        const os = w.OneSignal;
        os?.Notifications?.removeEventListener('permissionChange', onPermission);
        os?.Slidedown?.removeEventListener('slidedownCancelClick', onCancel);
        os?.User?.PushSubscription.removeEventListener('change', recheck);
        os?.User?.removeEventListener('change', recheck);
      } catch {
        // a hostile SDK keeps its listeners
      }
    },
  };
}
