/**
 * The one place that knows OneSignal's page SDK (v16). It loads or reuses the SDK, waits for
 * readiness, follows permission and subscription changes, and writes the push tag.
 * See shared/reference/onesignal-web-sdk.md §2.3 and §7 for the rules followed here.
 */
import type { PushPermission } from './contract.js';

export type SdkStatus = 'loading' | 'ready' | 'unavailable';

export interface PushFacts {
  sdk: SdkStatus;
  /** SDK's permissionNative when ready (trust the permissionChange payload / Notification.permission right after a change, the getter lags), else Notification.permission where it exists, else 'default'. */
  permission: PushPermission;
  optedIn: boolean;
  /** permission 'granted' and User.PushSubscription.id != null */
  subscribed: boolean;
  /** User.onesignalId when a real OneSignal user exists, else null */
  onesignalId: string | null;
  /** the visitor answered a prompt this page view without deciding (forced permissionChange(false) while still 'default') */
  dismissed: boolean;
}

export interface OneSignalOptions {
  /** When set and nobody else loads/initialises OneSignal, load sdkSrc and call init({ appId }) once. */
  appId?: string;
  /** Script URL (default in the element: https://cdn.onesignal.com/sdks/web/v16/OneSignalSDK.page.js). */
  sdkSrc: string;
  /** From connect: no readiness by then → sdk 'unavailable' (becomes 'ready' later if the SDK still arrives). */
  timeoutMs: number;
  /** Called on every change (debounced a little), never synchronously inside connect. */
  onChange(facts: PushFacts): void;
}

export interface OneSignalLink {
  facts(): PushFacts;
  /** Writes key=value with OneSignal.User.addTag only when the SDK is ready, a real user exists (onesignalId != null), and getTags()[key] differs. Returns whether it wrote. */
  syncTag(key: string, value: 'true' | 'false'): boolean;
  /** Removes every listener, timer. */
  disconnect(): void;
}

/** The slice of the SDK we touch. Always read through `window.OneSignal`: init replaces the namespaces. */
interface Events {
  addEventListener(name: string, fn: (payload: never) => void): void;
  removeEventListener(name: string, fn: (payload: never) => void): void;
}
interface Sdk {
  config?: unknown;
  init(options: { appId: string }): Promise<void>;
  Notifications?: Events & { permissionNative?: PushPermission };
  User: Events & {
    onesignalId?: string;
    getTags(): Record<string, string>;
    addTag(key: string, value: string): void;
    PushSubscription: Events & { id?: string | null; optedIn?: boolean };
  };
}
interface Deferred {
  push(callback: (sdk: Sdk) => unknown): unknown;
}
type Page = Window & {
  Notification?: typeof Notification;
  OneSignal?: Sdk;
  OneSignalDeferred?: Deferred;
  _oneSignalInitOptions?: unknown;
  /** Set once any copy of this package has injected the SDK and queued init: never twice per page. */
  __pushSmsFallbackOneSignal?: 1;
};

const SCRIPT_ID = 'push-sms-fallback-onesignal-sdk';

export function linkOneSignal({
  appId,
  sdkSrc,
  timeoutMs,
  onChange,
}: OneSignalOptions): OneSignalLink {
  const w = window as Page;
  const doc = document;
  let status: SdkStatus = 'loading';
  /** The last permissionChange payload: believed over the getter, which can lag it. */
  let said: boolean | undefined;
  let dismissed = false;
  /** The permission last worked out, to tell a dismiss (default before and after) from a reset. */
  let known: PushPermission | undefined;
  let dead = false;
  let last = '';
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let poller: ReturnType<typeof setTimeout> | undefined;

  const sdk = () => (status === 'ready' ? w.OneSignal : undefined);
  const permission = (): PushPermission => {
    const browser = w.Notification?.permission;
    const native = sdk()?.Notifications?.permissionNative;
    if (!native) return browser ?? 'default';
    if (said == null) return native;
    // After a `false` the browser tells deny from dismiss before the getter does.
    return said
      ? 'granted'
      : browser === 'denied'
        ? 'denied'
        : native === 'granted'
          ? 'default'
          : native;
  };
  const facts = (): PushFacts => {
    const p = (known = permission());
    const user = sdk()?.User;
    return {
      sdk: status,
      permission: p,
      optedIn: !!user?.PushSubscription.optedIn,
      subscribed: p === 'granted' && user?.PushSubscription.id != null,
      onesignalId: user?.onesignalId || null,
      dismissed: dismissed && p === 'default',
    };
  };
  const schedule = () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      const next = facts();
      const key = JSON.stringify(next);
      if (!dead && key !== last) {
        last = key;
        onChange(next);
      }
    }, 30);
  };
  const setStatus = (next: SdkStatus) => {
    status = next;
    schedule();
  };

  // The SDK's emitter has no try/catch: a throw here would stop its own listeners. (`schedule`,
  // the other listener, cannot throw.)
  const onPermission = (granted: boolean) => {
    try {
      said = granted;
      if (!granted && known === 'default' && permission() === 'default') dismissed = true;
      schedule();
    } catch {
      // ignore: nothing here may break the SDK
    }
  };
  const poll = () => {
    const os = w.OneSignal;
    if (dead) return;
    if (os?.config && os.Notifications?.permissionNative !== undefined) {
      os.Notifications.addEventListener('permissionChange', onPermission);
      os.User.PushSubscription.addEventListener('change', schedule);
      setStatus('ready');
    } else poller = setTimeout(poll, status === 'loading' ? 100 : 1000);
  };
  const unavailable = () => {
    if (status === 'loading') setStatus('unavailable');
  };
  const timer = setTimeout(unavailable, timeoutMs);

  const bare = (url: string) => new URL(url, doc.baseURI).href.split(/[?#]/)[0];
  const queue = (w.OneSignalDeferred ??= []) as Deferred;
  const present =
    w.__pushSmsFallbackOneSignal ||
    w.OneSignal ||
    w._oneSignalInitOptions ||
    queue.push !== [].push ||
    doc.querySelector('meta[name="onesignal-plugin"]') ||
    [...doc.scripts].some(
      (s) => /OneSignalSDK\.page/.test(s.src) || (s.src && bare(s.src) === bare(sdkSrc)),
    );
  if (appId && !present) {
    w.__pushSmsFallbackOneSignal = 1;
    queue.push(async (os) => {
      try {
        await os.init({ appId });
      } catch (error) {
        // Someone else initialised first: that is what we wanted. Anything else is the site's to see.
        if (!/already initialized/.test(String(error))) console.error(error);
      }
    });
    const tag = doc.createElement('script');
    tag.id = SCRIPT_ID;
    tag.src = sdkSrc;
    tag.defer = true;
    // Blocked or missing: remembered on the tag for adapters that connect later.
    tag.onerror = () => (tag.dataset.failed = '');
    doc.head.append(tag);
  }
  const ours = doc.getElementById(SCRIPT_ID);
  if (ours?.dataset.failed != null) unavailable();
  ours?.addEventListener('error', unavailable);
  queue.push(poll);
  addEventListener('focus', schedule);
  doc.addEventListener('visibilitychange', schedule);
  schedule();

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
      clearTimeout(timer);
      clearTimeout(poller);
      clearTimeout(debounce);
      removeEventListener('focus', schedule);
      doc.removeEventListener('visibilitychange', schedule);
      ours?.removeEventListener('error', unavailable);
      const os = w.OneSignal;
      os?.Notifications?.removeEventListener('permissionChange', onPermission);
      os?.User?.PushSubscription.removeEventListener('change', schedule);
    },
  };
}
