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
 * Read on every load: unsupported=1, initDelay=<ms> (default 50), answer=grant|deny|dismiss
 * (what the simulated visitor answers to requestPermission()), store=<localStorage key>
 * (default `onesignal-simulator`).
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
import type { PushPermission } from '../../src/contract.js';

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

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const uuid = () => crypto.randomUUID();
  const answers: SimAnswer[] = ['grant', 'deny', 'dismiss'];
  const answer = params.get('answer') as SimAnswer;
  const initDelay = Number(params.get('initDelay') ?? 50);
  const config: OneSignalSimulator['config'] = {
    answer: answers.includes(answer) ? answer : 'grant',
    initDelay: initDelay >= 0 ? initDelay : 50,
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
      token: subscribed ? `https://fcm.googleapis.com/fcm/send/sim-${uuid()}` : null,
      optedIn: true,
      onesignalId: subscribed ? uuid() : null,
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

  /** Creates the push subscription, and with it the OneSignal user, then sends queued tags. */
  const subscribe = async () => {
    if (state.subscriptionId && state.optedIn) return;
    await sleep(SUBSCRIBE_MS);
    if (state.permission !== 'granted') return;
    const previous = snapshot();
    const newUser = !state.onesignalId;
    state.subscriptionId ??= uuid();
    state.token ??= `https://fcm.googleapis.com/fcm/send/sim-${uuid()}`;
    state.optedIn = true;
    state.onesignalId ??= uuid();
    changed();
    emitSubscriptionChange(previous);
    if (newUser) userEvents.emit('change', { current: { onesignalId: state.onesignalId } });
    const queued = state.queuedTags;
    state.queuedTags = {};
    if (Object.keys(queued).length) send(queued);
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
    if (state.permission !== 'granted') return false;
    await subscribe();
    return true;
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
      return (live && state.token) || undefined;
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
        if (live) body(...args);
      };
    return {
      get onesignalId() {
        return (live && state.onesignalId) || undefined;
      },
      externalId: undefined,
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

  const sdk: SimOneSignal = Object.assign(function OneSignal() {}, {
    config: null,
    Notifications: notifications(false),
    User: user(false),
    async init(options: { appId?: string; [key: string]: unknown }) {
      calls.init++;
      changed();
      if (initCalled) throw new Error('SDK already initialized');
      initCalled = true;
      await sleep(config.initDelay); // the server config download
      sdk.config = { appId: options.appId, userConfig: { ...options } };
      sdk.Notifications = notifications(true);
      sdk.User = user(true);
      initialized = true;
      // autoResubscribe: a visitor who granted before but has no subscription gets one now.
      if (state.permission === 'granted' && !state.subscriptionId) await subscribe();
      markInitialized();
      sdkEvents.emit('initialize');
    },
    push(callback: unknown) {
      if (typeof callback !== 'function') throw new Error('Callback is not a function');
      return (callback as DeferredCallback)(sdk);
    },
  });

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
    dismiss() {
      if (state.permission === 'default') setPermission('default');
    },
    unsubscribe() {
      const previous = snapshot();
      state.subscriptionId = state.token = null;
      changed();
      emitSubscriptionChange(previous);
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
    Object.defineProperty(queue, 'push', {
      configurable: true,
      writable: true,
      value: async (callback: unknown) => {
        await drained;
        return sdk.push(callback);
      },
    });
  };

  if (!w.OneSignalSimulator) {
    w.OneSignalSimulator = api;
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
