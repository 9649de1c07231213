/**
 * A stand-in for OneSignal's `OneSignalSDK.page.js` (Web SDK v16), so the demo and the browser
 * tests can walk every push path without a OneSignal account. It follows the documented
 * behaviour (shared/reference/onesignal-web-sdk.md) wherever our element could observe it.
 *
 * Load it like the real SDK, as a classic script: `<script src=".../onesignal-page-sdk.ts?…" defer>`.
 * So no runtime import/export here (types only), and everything sits in one closure because a
 * second copy of the script must not collide with the first.
 *
 * Script URL query, applied when nothing is persisted yet or with `reset=1`:
 *   permission=default|granted|denied   subscribed=1 (granted, with a push subscription and a user)
 *   tags=key:value,key2:value2          (tags the existing user already has)
 *   externalId=<id>        a user logged in (OneSignal.login) on an earlier page view
 * Read on every load (and changeable through `OneSignalSimulator.config`):
 *   unsupported=1          the loader finds no push support: no SDK, no callbacks, ever
 *   initDelay=<ms>         the server config download (default 50): `config` and the real
 *                          namespaces (`permissionNative` defined) appear this long after `init`
 *   initHold=<ms>|never    after that, `init` resolves this much later (session init, the user
 *                          create answering late), or never settles; the SDK is ready meanwhile
 *   userCreate=<ms>        a new push subscription's id and the OneSignal user reach the page this
 *                          long after the browser holds the subscription (the user create POST);
 *                          meanwhile only the browser knows: the SDK's PushSubscription has no
 *                          token or id and fires no `change` until that POST answers (its first
 *                          `change` carries both), as the real SDK 160608 was seen to do
 *   swFails=1              the site's service worker file is missing (404): with permission
 *                          granted `init` rejects with the browser's TypeError; no subscription
 *   subscribeFails=1       pushManager.subscribe fails (offline push service, Brave without
 *                          Google's push service): permission granted, no subscription id
 *   answer=grant|deny|dismiss   what the simulated visitor answers to requestPermission()
 *   store=<localStorage key>    (default `onesignal-simulator`)
 *
 * The browser beside the SDK: `Notification.permission` answers the simulated permission, and
 * `navigator.serviceWorker.getRegistrations()` includes the SDK's worker registration, whose
 * `pushManager.getSubscription()` answers the browser's push subscription (held before the SDK's
 * own `PushSubscription.id` arrives). Headless browsers have no push service to give a real one.
 * Where a real worker that is not OneSignal's (a site's own) already holds the worker's scope,
 * the SDK's worker is registered for real (the server must serve `/OneSignalSDKWorker.js`, as
 * test/support/service-workers.mjs does), so the browser replaces the site's worker as it would,
 * and each page view of a user logs `[WM] No SW registration for postMessage` meanwhile.
 *
 * Marks for benchmarks: `performance.mark('onesignal-simulator:init-called')` on every `init`
 * call and `'onesignal-simulator:sdk-ready'` when `config` and `permissionNative` are set.
 *
 * Controls and logs: `window.OneSignalSimulator`; `onesignal-simulator-change` on window.
 */
import type {
  DeferredCallback,
  Listener,
  OneSignalSimulator,
  PushSubscriptionSnapshot,
  SimAnswer,
  SimCalls,
  SimNotifications,
  SimOneSignal,
  SimPushSubscription,
  SimState,
  SimUser,
  SimWindow,
} from './onesignal-page-sdk.types.js';
import type { PushPermission } from '../../src/wire/contract.js';

(() => {
  const w = window as SimWindow;
  const script = document.currentScript as HTMLScriptElement | null;
  const params = new URL(script?.src || location.href).searchParams;
  const flag = (name: string) => params.get(name) === '1';
  /** The localStorage key; tests running side by side on one origin each pass their own. */
  const STORE = params.get('store') || 'onesignal-simulator';
  /** How long the simulated visitor takes to answer the native prompt. */
  const ANSWER_MS = 30;
  /** pushManager.subscribe plus the user-create POST: the subscription id arrives after the permission. */
  const SUBSCRIBE_MS = 200;

  /** login's round trip: the identify (PATCH identity) or the user create. */
  const LOGIN_MS = 100;

  /** The SDK's default `serviceWorkerPath`. */
  const DEFAULT_WORKER = 'OneSignalSDKWorker.js';

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const uuid = () => crypto.randomUUID();
  const endpoint = () => `https://fcm.googleapis.com/fcm/send/sim-${uuid()}`;
  const mark = (name: string) => performance.mark(`onesignal-simulator:${name}`);
  const answers: SimAnswer[] = ['grant', 'deny', 'dismiss'];
  const answer = params.get('answer') as SimAnswer;
  const ms = (name: string, fallback: number) => {
    const value = Number(params.get(name) ?? fallback);
    return value >= 0 ? value : fallback;
  };
  const config: OneSignalSimulator['config'] = {
    answer: answers.includes(answer) ? answer : 'grant',
    initDelay: ms('initDelay', 50),
    initHold: params.get('initHold') === 'never' ? 'never' : ms('initHold', 0),
    userCreate: ms('userCreate', 0),
    swFails: flag('swFails'),
    subscribeFails: flag('subscribeFails'),
    unsupported: flag('unsupported'),
  };

  const initial = (): SimState => {
    const subscribed = flag('subscribed');
    const permission = params.get('permission');
    const tags: Record<string, string> = {};
    for (const pair of (params.get('tags') ?? '').split(',').filter(Boolean)) {
      const [key = '', ...value] = pair.split(':');
      tags[key] = value.join(':');
    }
    return {
      permission: subscribed
        ? 'granted'
        : permission === 'granted' || permission === 'denied'
          ? permission
          : 'default',
      subscriptionId: subscribed ? uuid() : null,
      token: subscribed ? endpoint() : null,
      worker: subscribed
        ? { scope: new URL('/', location.href).href, script: DEFAULT_WORKER }
        : null,
      optedIn: true,
      onesignalId: subscribed || params.get('externalId') ? uuid() : null,
      externalId: params.get('externalId'),
      tags,
      queuedTags: {},
    };
  };
  const load = (): SimState | null => {
    try {
      return JSON.parse(localStorage.getItem(STORE) ?? 'null') as SimState | null;
    } catch {
      return null;
    }
  };
  let state: SimState = (!flag('reset') && load()) || initial();

  const calls: SimCalls = {
    init: 0,
    addTag: [],
    addTags: [],
    removeTag: [],
    addSms: [],
    login: [],
    sentTagWrites: [],
  };
  const copy = () => JSON.parse(JSON.stringify(state)) as SimState;
  // A copy whose globals a test has cleared away must not write over the next copy's storage.
  const current = () => w.OneSignalSimulator === api;
  const changed = () => {
    if (!current()) return;
    try {
      localStorage.setItem(STORE, JSON.stringify(state));
    } catch {
      // storage can be unavailable (private modes); the simulation still runs for this page view
    }
    dispatchEvent(
      new CustomEvent('onesignal-simulator-change', { detail: { calls, state: copy() } }),
    );
  };

  // Like the SDK's Emitter: listeners run in order, each awaited, with no try/catch, so a
  // throwing listener stops the ones after it.
  const emitter = () => {
    const events = new Map<string, Listener[]>();
    return {
      on: (name: string, fn: Listener) => void events.set(name, [...(events.get(name) ?? []), fn]),
      off: (name: string, fn: Listener) =>
        void events.set(
          name,
          (events.get(name) ?? []).filter((f) => f !== fn),
        ),
      emit(name: string, payload?: unknown) {
        void (async () => {
          for (const fn of [...(events.get(name) ?? [])])
            await (fn as (p: unknown) => unknown)(payload);
        })().catch((error: unknown) => console.error(error));
      },
    };
  };
  /** `OneSignal._emitter`: static, so listeners added before init keep working. */
  const sdkEvents = emitter();
  /** `UserNamespace._emitter`, a separate static emitter. */
  const userEvents = emitter();

  let initCalled = false;
  let initialized = false;
  let pendingInit = false;
  /** requiresUserPrivacyConsent (or setConsentRequired(true)) without setConsentGiven(true), as the SDK keeps them. */
  const consentPending = () =>
    (localStorage.getItem('requiresPrivacyConsent') === 'true' ||
      !!sdk.config?.userConfig.requiresUserPrivacyConsent) &&
    localStorage.getItem('userConsent') !== 'true';
  let markInitialized = () => {};
  const whenInitialized = new Promise<void>((resolve) => (markInitialized = resolve));

  /** The `{id, token, optedIn}` the SDK reports, undefined fields left out. */
  const snapshot = (): PushSubscriptionSnapshot =>
    JSON.parse(
      JSON.stringify({
        id: state.subscriptionId ?? undefined,
        token: state.token ?? undefined,
        optedIn: state.optedIn && state.permission === 'granted',
      }),
    ) as PushSubscriptionSnapshot;
  const emitSubscriptionChange = (previous: PushSubscriptionSnapshot) => {
    const next = snapshot();
    if (initialized && JSON.stringify(previous) !== JSON.stringify(next)) {
      sdkEvents.emit('change', { previous, current: next });
    }
  };

  /** Tag writes reach the server only for a real user; a local-only user's wait in the queue. */
  const send = (tags: Record<string, string>) => {
    if (state.onesignalId) calls.sentTagWrites.push({ onesignalId: state.onesignalId, tags });
    else Object.assign(state.queuedTags, tags);
    changed();
  };
  /** A real user at last: the tag writes made meanwhile go to it. */
  const flushQueuedTags = () => {
    const queued = state.queuedTags;
    state.queuedTags = {};
    if (Object.keys(queued).length) send(queued);
    changed();
  };
  const setTags = (tags: Record<string, string>) => {
    state.tags = Object.fromEntries(
      Object.entries({ ...state.tags, ...tags }).filter(([, value]) => value !== ''),
    );
    send(tags);
  };

  const setPermission = (permission: PushPermission) => {
    state.permission = permission;
    changed();
    // The getter has already moved (the SDK's string event comes first); a dismiss is forced through as false.
    if (initialized) sdkEvents.emit('permissionChange', permission === 'granted');
  };

  /** The service worker the SDK registers: `<path><serviceWorkerPath>` at `serviceWorkerParam.scope`. */
  let worker = { scope: new URL('/', location.href).href, script: DEFAULT_WORKER };
  /** `getServiceWorkerHref`: the worker's URL with the app and SDK version as its query. */
  const workerHref = () =>
    `${new URL(worker.script, location.href).href}?appId=${sdk.config?.appId}&sdkVersion=160608`;
  /** The browser's TypeError for a worker script answering 404, as `register()` rejects with it. */
  const workerMissing = () =>
    new TypeError(
      `Failed to register a ServiceWorker for scope ('${worker.scope}') with script ('${workerHref()}'): A bad HTTP response code (404) was received when fetching the script.`,
    );
  const fileName = (url: string) => new URL(url, location.href).pathname.split('/').pop();
  /**
   * The browser's own registration for the worker's scope when the worker it runs (active, else
   * installing, else waiting) is not OneSignal's by file name: `_getActiveState`'s ThirdParty,
   * a site's own worker. OneSignal's registration is not there either (`_getOneSignalRegistration`).
   */
  const thirdParty = async () => {
    try {
      const registration = await navigator.serviceWorker?.getRegistration(worker.scope);
      const running = registration?.active ?? registration?.installing ?? registration?.waiting;
      return running && fileName(running.scriptURL) !== fileName(worker.script);
    } catch {
      return false;
    }
  };
  /**
   * `_installWorker`: registers the worker, or rejects like the browser when its file is missing.
   * Over a site's own worker the browser really registers OneSignal's (`OneSignalSDKWorker.js`,
   * served by the tests): at the same scope it replaces the site's, at once when no page is
   * controlled, else once those pages are gone. Elsewhere the registration is only simulated.
   */
  const installWorker = async () => {
    if (config.swFails) throw workerMissing();
    if (await thirdParty()) {
      const registration = await navigator.serviceWorker.register(workerHref(), {
        scope: worker.scope,
      });
      // waitUntilActive: at once while the site's worker is still the active one.
      await new Promise<void>((resolve) => {
        const pending = registration.installing ?? registration.waiting;
        pending?.addEventListener('statechange', () => registration.active && resolve());
        if (registration.active) resolve();
      });
    }
    state.worker = { ...worker };
    changed();
  };
  /**
   * SessionManager's upsert (every page view of a user, and their user create): a message to
   * OneSignal's worker, which the page cannot find while another worker runs at its scope.
   */
  const upsertSession = async () => {
    if (state.onesignalId && (await thirdParty()))
      console.error('[WM] No SW registration for postMessage');
  };

  /**
   * registerForPush: the worker, then pushManager.subscribe (the browser holds the subscription
   * from then on), then the user create, whose answer brings the subscription id and the user.
   * Failures are logged and swallowed, as the SDK does; resolves whether a subscription exists.
   */
  const subscribe = async (): Promise<boolean> => {
    if (state.subscriptionId && state.optedIn) return true;
    await sleep(SUBSCRIBE_MS);
    if (state.permission !== 'granted') return false;
    try {
      await installWorker();
      if (config.subscribeFails)
        throw new DOMException('Registration failed - push service error', 'AbortError');
    } catch (error) {
      console.error(error);
      return false;
    }
    const previous = snapshot();
    state.token ??= endpoint();
    changed();
    await sleep(config.userCreate);
    if (state.permission !== 'granted' || !state.token) return false;
    const newUser = !state.onesignalId;
    state.subscriptionId ??= uuid();
    state.optedIn = true;
    state.onesignalId ??= uuid();
    changed();
    emitSubscriptionChange(previous);
    if (newUser) userEvents.emit('change', { current: { onesignalId: state.onesignalId } });
    if (newUser) void upsertSession();
    flushQueuedTags();
    return true;
  };

  /** The visitor's answer to the native prompt. */
  const answerPrompt = async (): Promise<boolean> => {
    if (state.permission === 'default') {
      sdkEvents.emit('permissionPromptDisplay');
      await sleep(ANSWER_MS);
      setPermission(
        config.answer === 'grant' ? 'granted' : config.answer === 'deny' ? 'denied' : 'default',
      );
    }
    if (state.permission === 'denied') console.error(new Error('Permission blocked'));
    return state.permission === 'granted' && subscribe();
  };

  // Namespaces are made twice: a placeholder at load and the real one at init. A reference kept
  // from before init stays a placeholder (permissionNative undefined, User methods no-ops).
  const notifications = (live: boolean): SimNotifications => ({
    get permissionNative() {
      return live ? state.permission : undefined;
    },
    get permission() {
      return live && state.permission === 'granted';
    },
    isPushSupported: () => true,
    requestPermission: async () => {
      if (consentPending()) return false;
      await whenInitialized;
      return answerPrompt();
    },
    addEventListener: sdkEvents.on,
    removeEventListener: sdkEvents.off,
  });

  const pushSubscription = (live: boolean): SimPushSubscription => ({
    get id() {
      return (live && state.subscriptionId) || undefined;
    },
    get token() {
      return (live && state.subscriptionId && state.token) || undefined;
    },
    get optedIn() {
      return live && state.optedIn && state.permission === 'granted';
    },
    optIn: async () => {
      await whenInitialized;
      if (state.permission === 'granted') await subscribe();
      else await answerPrompt();
    },
    optOut: async () => {
      await whenInitialized;
      const previous = snapshot();
      state.optedIn = false;
      changed();
      emitSubscriptionChange(previous);
    },
    addEventListener: sdkEvents.on,
    removeEventListener: sdkEvents.off,
  });

  const user = (live: boolean): SimUser => {
    // Every call is logged; before init (`live` false) it then does nothing, like `_currentUser?.…`.
    const method =
      <A extends unknown[]>(log: A[], body: (...args: A) => void) =>
      (...args: A) => {
        log.push(args);
        changed();
        if (live && !consentPending()) body(...args);
      };
    return {
      get onesignalId() {
        return (live && state.onesignalId) || undefined;
      },
      get externalId() {
        return (live && state.externalId) || undefined;
      },
      PushSubscription: pushSubscription(live),
      addTag: method(calls.addTag, (key, value) => {
        if (typeof key !== 'string') throw new Error('"key" is the wrong type');
        if (typeof value !== 'string') throw new Error('"value" is the wrong type');
        if (!value) throw new Error('"value" is empty');
        setTags({ [key]: value });
      }),
      addTags: method(calls.addTags, (tags) => setTags({ ...tags })),
      removeTag: method(calls.removeTag, (key) => setTags({ [key]: '' })),
      getTags: () => (live ? { ...state.tags } : {}),
      // Recorded so tests can prove nobody calls it; SMS registration belongs to the backend.
      addSms: method(calls.addSms, (_sms: string) => {}),
      addEventListener: userEvents.on,
      removeEventListener: userEvents.off,
    };
  };

  /** Where the SDK notes a dismissed push prompt (timedStorage: a JSON value with an expiry). */
  const DISMISSED_KEY = 'onesignal-notification-prompt';
  /** markPromptDismissedWithType(Push): OneSignal leaves the visitor alone 3, then 7, then 30 days. */
  const markDismissed = () => {
    const count = (state.promptDismissCount ?? 0) + 1;
    state.promptDismissCount = count;
    changed();
    const days = count === 1 ? 3 : count === 2 ? 7 : 30;
    const timestamp = Date.now() + days * 864e5;
    localStorage.setItem(DISMISSED_KEY, JSON.stringify({ value: '"dismissed"', timestamp }));
  };
  const wasDismissed = () => {
    try {
      const record = JSON.parse(localStorage.getItem(DISMISSED_KEY) ?? 'null') as {
        timestamp: number;
      } | null;
      return !!record && Date.now() < record.timestamp;
    } catch {
      return false;
    }
  };

  /** The push slidedown on the page, while it waits for the visitor's click. */
  let slidedown: ((allow: boolean) => void) | undefined;
  const Slidedown: SimOneSignal['Slidedown'] = {
    // Awaits init (a queued callback calling it holds the queue until someone calls init), then
    // resolves once the slidedown is up, not when the visitor decides.
    async promptPush(options) {
      if (consentPending()) return;
      await whenInitialized;
      // Nothing for a subscriber, a blocked permission, or within the rest after a dismissal.
      if (state.permission !== 'default' || slidedown || (wasDismissed() && !options?.force))
        return;
      slidedown = (allow) => {
        slidedown = undefined;
        sdkEvents.emit(allow ? 'slidedownAllowClick' : 'slidedownCancelClick');
        sdkEvents.emit('slidedownClosed');
        if (allow) void answerPrompt();
        else markDismissed();
      };
      sdkEvents.emit('slidedownShown');
    },
    addEventListener: sdkEvents.on,
    removeEventListener: sdkEvents.off,
  };

  const sdk: SimOneSignal = Object.assign(function OneSignal() {}, {
    Slidedown,
    config: null,
    Notifications: notifications(false),
    User: user(false),
    async init(options: { appId?: string; [key: string]: unknown }) {
      calls.init++;
      mark('init-called');
      changed();
      if (initCalled) throw new Error('SDK already initialized');
      initCalled = true;
      await sleep(config.initDelay); // the server config download
      sdk.config = { appId: options.appId, userConfig: { ...options } };
      // Its IndexedDB must open (private modes and storage policies can refuse it): otherwise
      // init logs this and resolves, and the namespaces are never replaced.
      try {
        await new Promise((resolve, reject) => {
          const request = indexedDB.open('ONE_SIGNAL_SDK_DB');
          request.onsuccess = () => resolve(request.result.close());
          request.onerror = () => reject(request.error);
        });
      } catch (error) {
        console.error('IndexedDB unavailable, close & reopen the page to retry init', error);
        return;
      }
      const scope = (options.serviceWorkerParam as { scope?: string } | undefined)?.scope;
      worker = {
        scope: new URL(scope ?? '/', location.href).href,
        script: String(options.path ?? '/') + String(options.serviceWorkerPath ?? DEFAULT_WORKER),
      };
      sdk.Notifications = notifications(true);
      sdk.User = user(true);
      initialized = true;
      mark('sdk-ready');
      changed();
      // Consent required and not given: init resolves here, ready; the rest waits for setConsentGiven(true).
      if (consentPending()) return void (pendingInit = true);
      await delayedInit();
    },
    async setConsentGiven(consent: boolean) {
      localStorage.setItem('userConsent', String(consent));
      if (consent && pendingInit) {
        pendingInit = false;
        await delayedInit();
      }
    },
    async setConsentRequired(required: boolean) {
      localStorage.setItem('requiresPrivacyConsent', String(required));
      await Promise.resolve();
    },
    login,
    push(callback: unknown) {
      if (typeof callback !== 'function') throw new Error('Callback is not a function');
      return (callback as DeferredCallback)(sdk);
    },
  });

  /**
   * `OneSignal.login` (LoginManager): the identity and tag models are replaced at once (a local
   * user with the external id, no tags; tag writes still queued for the old local user are lost).
   * Then an anonymous real user is identified in place (no User `change`), or a user is created,
   * or OneSignal answers 409 and the existing user takes over with its tags: both fire `change`.
   */
  async function login(externalId: string): Promise<void> {
    calls.login.push([externalId]);
    changed();
    if (consentPending()) return;
    if (externalId === undefined) throw new Error('"externalId" is empty');
    if (typeof externalId !== 'string') throw new Error('"externalId" is the wrong type');
    // Before init the SDK's core is missing: a TypeError from a mangled name.
    if (!initialized) throw new TypeError("Cannot read properties of undefined (reading 'Qe')");
    if (state.externalId === externalId) return;
    const anonymous = state.externalId ? null : state.onesignalId;
    Object.assign(state, { externalId, onesignalId: null, tags: {}, queuedTags: {} });
    changed();
    await sleep(LOGIN_MS);
    const users = (state.users ??= {});
    const taken = users[externalId];
    if (anonymous && !taken) {
      state.onesignalId = anonymous;
      users[externalId] = { onesignalId: anonymous, tags: {} };
    } else {
      const onesignalId = taken?.onesignalId ?? uuid();
      users[externalId] = { onesignalId, tags: taken?.tags ?? {} };
      state.onesignalId = onesignalId;
      state.tags = { ...taken?.tags };
      userEvents.emit('change', { current: { onesignalId, externalId } });
    }
    flushQueuedTags();
  }

  /** `_delayedInit`: internalInit and the session init. */
  const delayedInit = async () => {
    // internalInit: the worker is (re)installed where permission is granted; a 404 rejects init.
    if (state.permission === 'granted') await installWorker();
    // The session init, with the user create when push is new: the SDK stays ready meanwhile.
    await (config.initHold === 'never' ? new Promise(() => {}) : sleep(config.initHold));
    // autoResubscribe: a visitor who granted before but has no subscription gets one now.
    if (state.permission === 'granted' && !state.subscriptionId) await subscribe();
    else void upsertSession();
    markInitialized();
    sdkEvents.emit('initialize');
  };

  const api: OneSignalSimulator = {
    config,
    calls,
    get state() {
      return copy();
    },
    grant() {
      setPermission('granted');
      if (initialized) void subscribe();
    },
    deny: () => setPermission('denied'),
    get slidedown() {
      return !!slidedown;
    },
    slidedownAllow: () => slidedown?.(true),
    slidedownCancel: () => slidedown?.(false),
    dismiss() {
      if (state.permission === 'default') setPermission('default');
    },
    unsubscribe() {
      const previous = snapshot();
      state.subscriptionId = state.token = null;
      changed();
      emitSubscriptionChange(previous);
    },
    serverUser(externalId, tags = {}) {
      const onesignalId = uuid();
      (state.users ??= {})[externalId] = { onesignalId, tags };
      changed();
      return onesignalId;
    },
    reset() {
      localStorage.removeItem(STORE);
      state = initial();
      changed();
    },
  };

  /** The es6 bundle (`pageSdkInit`), which the shim loads as a second script. */
  const es6Stage = () => {
    w.__oneSignalSdkLoadCount = (w.__oneSignalSdkLoadCount ?? 0) + 1;
    // "SDK included more than once" is a trace-level warning in the SDK: nothing is printed.
    if (w.__oneSignalSdkLoadCount > 1 || !current()) return;
    w.OneSignal = sdk;
    const queue = (w.OneSignalDeferred ??= []) as DeferredCallback[];
    const drained = (async () => {
      // A live walk: callbacks pushed while the first one runs synchronously are still taken.
      for (const callback of queue) {
        try {
          await sdk.push(callback);
        } catch (error) {
          console.error(error);
        }
      }
    })();
    // Like the SDK: neither writable nor configurable. A callback pushed now runs at once (after
    // the initial ones); its rejection is the page's, unhandled unless the page catches it.
    Object.defineProperty(queue, 'push', {
      value: async (callback: unknown) => {
        await drained;
        return sdk.push(callback);
      },
    });
  };

  /** The browser beside the SDK: its permission, and the push subscription its worker holds. */
  const simulateBrowser = () => {
    if (typeof Notification !== 'undefined') {
      Object.defineProperty(Notification, 'permission', {
        configurable: true,
        get: () => state.permission,
      });
    }
    const container = navigator.serviceWorker as ServiceWorkerContainer | undefined;
    if (!container) return;
    const real = container.getRegistrations.bind(container);
    const registration = () => ({
      scope: state.worker?.scope,
      active: { scriptURL: new URL(state.worker?.script ?? '', location.href).href },
      pushManager: {
        getSubscription: async () => (state.token ? { endpoint: state.token } : null),
      },
    });
    Object.defineProperty(container, 'getRegistrations', {
      configurable: true,
      value: async () => [...(await real()), ...(state.worker ? [registration()] : [])],
    });
  };

  if (!w.OneSignalSimulator) {
    w.OneSignalSimulator = api;
    simulateBrowser();
    console.info(
      '[OneSignal simulator] Standing in for OneSignal Web SDK v16 (OneSignalSDK.page.js): nothing reaches OneSignal.',
    );
    changed();
  }

  // The shim: the SDK's own push-support test.
  const supported =
    !config.unsupported &&
    ((typeof PushSubscriptionOptions !== 'undefined' &&
      Object.prototype.hasOwnProperty.call(
        PushSubscriptionOptions.prototype,
        'applicationServerKey',
      )) ||
      !!w.safari?.pushNotification);
  if (!supported) {
    const ios = /Apple/.test(navigator.vendor) && navigator.maxTouchPoints > 0;
    console.info(
      'Incompatible browser.' + (ios ? ' Try these steps: https://tinyurl.com/bdh2j9f7' : ''),
    );
    return;
  }
  setTimeout(es6Stage);
})();
