// The OneSignal page SDK simulator must behave like the documented v16 SDK wherever our element
// could observe it (shared/reference/onesignal-web-sdk.md), or the demo and the tests would lie.
import { expect } from '@open-wc/testing';
import type {
  DeferredCallback,
  PushSubscriptionChange,
  SimOneSignal,
} from '../../demo/simulators/onesignal-page-sdk.types.js';
import {
  addSdkScript,
  loadSimulator,
  page,
  resetOneSignalPage,
  SIMULATOR_STORE,
  simulator,
  sleep,
  until,
} from '../support/onesignal-page.js';

const APP_ID = '00000000-0000-4000-8000-000000000000';

/** Records what the page prints with console.info or console.error until restored. */
function spyConsole(method: 'info' | 'error') {
  const original = { info: console.info, error: console.error };
  const lines: string[] = [];
  const record = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  if (method === 'info') console.info = record;
  else console.error = record;
  return {
    lines,
    restore: () => {
      console.info = original.info;
      console.error = original.error;
    },
  };
}

/** Pushes onto OneSignalDeferred whatever it is right now (an array before load). */
function defer(callback: DeferredCallback): unknown {
  page.OneSignalDeferred ??= [];
  return page.OneSignalDeferred.push(callback);
}

async function loadAndInit(query: Record<string, string | number> = {}): Promise<SimOneSignal> {
  const os = await loadSimulator(query);
  await os.init({ appId: APP_ID });
  return os;
}

afterEach(resetOneSignalPage);

describe('OneSignal simulator: loading', () => {
  it('announces itself and defines window.OneSignal once its es6 stage has run [needs push]', async () => {
    const info = spyConsole('info');
    try {
      const os = await loadSimulator();
      expect(typeof os).to.equal('function');
      expect(page.__oneSignalSdkLoadCount).to.equal(1);
      expect(info.lines.filter((l) => l.startsWith('[OneSignal simulator]'))).to.have.length(1);
    } finally {
      info.restore();
    }
  });

  it('returns early when included a second time, leaving the first instance in place [needs push]', async () => {
    const os = await loadSimulator();
    const second = addSdkScript();
    await until(() => page.__oneSignalSdkLoadCount === 2, 'second load');
    expect(second.isConnected).to.equal(true);
    expect(page.OneSignal).to.equal(os);
  });

  it('drains the initial OneSignalDeferred array in order, awaiting each, and survives a failing callback [needs push]', async () => {
    const order: string[] = [];
    const error = spyConsole('error');
    try {
      expect(
        defer(async () => {
          await sleep(30);
          order.push('slow');
        }),
      ).to.be.a('number');
      defer(() => {
        throw new Error('host bug');
      });
      defer((os) => {
        order.push(`last:${typeof os.init}`);
      });
      await loadSimulator();
      await until(() => order.length === 2, 'both callbacks');
      expect(order).to.deep.equal(['slow', 'last:function']);
      expect(error.lines.some((l) => l.includes('host bug'))).to.equal(true);
    } finally {
      error.restore();
    }
  });

  it('turns OneSignalDeferred.push into an async function that runs callbacks at once, even before init [needs push]', async () => {
    await loadSimulator();
    let sawConfig: unknown = 'not run';
    const result = defer((os) => {
      sawConfig = os.config;
    });
    expect(result).to.be.instanceOf(Promise);
    await result;
    expect(sawConfig).to.equal(null);
  });

  it('rejects a non-function with "Callback is not a function" [needs push]', async () => {
    const os = await loadSimulator();
    expect(() => os.push(42)).to.throw('Callback is not a function');
    let message = '';
    await (defer('nope' as unknown as DeferredCallback) as Promise<void>).catch(
      (e: Error) => (message = e.message),
    );
    expect(message).to.equal('Callback is not a function');
  });

  it('in an unsupported browser only logs "Incompatible browser." and never defines OneSignal', async () => {
    const info = spyConsole('info');
    let ran = false;
    try {
      defer(() => {
        ran = true;
      });
      addSdkScript({ unsupported: 1 });
      await until(() => info.lines.includes('Incompatible browser.'), 'the shim message');
      await sleep(200);
      expect(page.OneSignal).to.equal(undefined);
      expect(page.__oneSignalSdkLoadCount).to.equal(undefined);
      expect(ran).to.equal(false);
      expect(Array.isArray(page.OneSignalDeferred)).to.equal(true);
    } finally {
      info.restore();
    }
  });
});

describe('OneSignal simulator: init [needs push]', () => {
  it('fetches its config before init resolves, and a second init rejects "SDK already initialized"', async () => {
    const os = await loadSimulator({ initDelay: 80 });
    expect(os.config).to.equal(null);
    const first = os.init({ appId: APP_ID });
    expect(os.config).to.equal(null);
    await first;
    expect(os.config?.appId).to.equal(APP_ID);
    let message = '';
    await os.init({ appId: APP_ID }).catch((e: Error) => (message = e.message));
    expect(message).to.equal('SDK already initialized');
    expect(simulator().calls.init).to.equal(2);
  });

  it('replaces Notifications and User at init: references kept from before stay uninitialised', async () => {
    const os = await loadSimulator({ permission: 'denied' });
    const staleNotifications = os.Notifications;
    const staleUser = os.User;
    expect(os.Notifications.permissionNative).to.equal(undefined);
    expect(os.Notifications.permission).to.equal(false);
    await os.init({ appId: APP_ID });
    expect(os.Notifications).not.to.equal(staleNotifications);
    expect(os.User).not.to.equal(staleUser);
    expect(os.Notifications.permissionNative).to.equal('denied');
    expect(staleNotifications.permissionNative).to.equal(undefined);
    staleUser.addTag('late', 'yes');
    expect(os.User.getTags()).to.deep.equal({});
  });

  it('drops every User call made before init, silently and without validation', async () => {
    const os = await loadSimulator();
    os.User.addTag('subscribed_to_push', 'false');
    os.User.addTag('empty', '');
    os.User.addTags({ a: 'b' });
    os.User.removeTag('a');
    expect(os.User.getTags()).to.deep.equal({});
    expect(os.User.onesignalId).to.equal(undefined);
    await os.init({ appId: APP_ID });
    expect(os.User.getTags()).to.deep.equal({});
    const { calls } = simulator();
    expect(calls.addTag).to.deep.equal([
      ['subscribed_to_push', 'false'],
      ['empty', ''],
    ]);
    expect(calls.sentTagWrites).to.deep.equal([]);
  });

  it('lets a callback queued before load run after an awaited init (the official snippet)', async () => {
    let seen: unknown;
    defer(async (os) => {
      await os.init({ appId: APP_ID });
    });
    defer((os) => {
      seen = os.Notifications.permissionNative;
    });
    await loadSimulator({ permission: 'granted', initDelay: 60 });
    await until(() => seen, 'the second callback');
    expect(seen).to.equal('granted');
  });
});

describe('OneSignal simulator: slow and failing init [needs push]', () => {
  it('is ready (config, permissionNative) while init is held, and marks both moments', async () => {
    performance.clearMarks();
    const os = await loadSimulator({ permission: 'granted', initDelay: 20, initHold: 300 });
    let settled = false;
    void os.init({ appId: APP_ID }).then(() => (settled = true));
    await until(() => os.config && os.Notifications.permissionNative, 'readiness');
    expect(os.Notifications.permissionNative).to.equal('granted');
    expect(settled).to.equal(false);
    const marks = performance.getEntriesByType('mark').map((m) => m.name);
    expect(marks).to.deep.equal([
      'onesignal-simulator:init-called',
      'onesignal-simulator:sdk-ready',
    ]);
    await until(() => settled, 'init to resolve');
  });

  it('initHold=never: init never settles, and a callback queued behind it never runs', async () => {
    let later = false;
    defer(async (os) => {
      await os.init({ appId: APP_ID });
    });
    defer(() => {
      later = true;
    });
    const os = await loadSimulator({ initHold: 'never' });
    await until(() => os.config && os.Notifications.permissionNative, 'readiness');
    await sleep(300);
    expect(later).to.equal(false);
  });

  it('swFails=1 with permission granted: init rejects with the browser’s TypeError after readiness', async () => {
    const os = await loadSimulator({ permission: 'granted', swFails: 1 });
    let error: unknown;
    await os
      .init({ appId: APP_ID, serviceWorkerPath: 'push/OneSignalSDKWorker.js' })
      .catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(TypeError);
    expect(String(error)).to.match(
      /Failed to register a ServiceWorker for scope .* with script \('.*\/push\/OneSignalSDKWorker\.js\?appId=.*\(404\)/,
    );
    expect(os.Notifications.permissionNative).to.equal('granted');
    expect(os.User.PushSubscription).to.include({ optedIn: true, id: undefined });
    expect(await navigator.serviceWorker.getRegistrations()).to.deep.equal([]);
  });

  it('subscribeFails=1: requestPermission grants but resolves false, with no subscription anywhere', async () => {
    const os = await loadAndInit({ subscribeFails: 1, answer: 'grant' });
    const error = spyConsole('error');
    try {
      expect(await os.Notifications.requestPermission()).to.equal(false);
    } finally {
      error.restore();
    }
    expect(error.lines.some((l) => l.includes('push service error'))).to.equal(true);
    expect(Notification.permission).to.equal('granted');
    expect(os.User.PushSubscription.id).to.equal(undefined);
    const [registration] = await navigator.serviceWorker.getRegistrations();
    expect(await registration?.pushManager.getSubscription()).to.equal(null);
  });

  it('userCreate=<ms>: the browser holds the push subscription long before the SDK’s id', async () => {
    const os = await loadSimulator({ permission: 'granted', userCreate: 600 });
    let settled = false;
    void os
      .init({ appId: APP_ID, serviceWorkerParam: { scope: '/push/' } })
      .then(() => (settled = true));
    const browserSubscription = async () => {
      const registrations = await navigator.serviceWorker.getRegistrations();
      return registrations[0]?.pushManager.getSubscription();
    };
    let held: PushSubscription | null | undefined;
    for (const end = Date.now() + 3000; !held && Date.now() < end; await sleep(20)) {
      held = await browserSubscription();
    }
    expect(held?.endpoint).to.match(/^https:\/\/fcm\.googleapis\.com\//);
    expect((await navigator.serviceWorker.getRegistrations())[0]?.scope).to.equal(
      new URL('/push/', location.href).href,
    );
    expect(os.User.PushSubscription.id).to.equal(undefined);
    expect(settled).to.equal(false);
    await until(() => settled, 'init, after the user create');
    expect(os.User.PushSubscription.id).to.be.a('string');
  });

  it('userCreate=<ms>: while the user create is out only the browser holds the subscription; the first `change` brings token and id together', async () => {
    const os = await loadSimulator({ permission: 'granted', userCreate: 600 });
    const changes: PushSubscriptionChange[] = [];
    os.User.PushSubscription.addEventListener('change', (c: never) => changes.push(c));
    void os.init({ appId: APP_ID });
    const token = await until(() => simulator().state.token, 'the browser’s subscription');
    const [registration] = await navigator.serviceWorker.getRegistrations();
    expect(await registration?.pushManager.getSubscription()).to.deep.equal({ endpoint: token });
    expect([os.User.PushSubscription.id, os.User.PushSubscription.token, changes]).to.deep.equal([
      undefined,
      undefined,
      [],
    ]);
    await until(() => changes.length, 'the change');
    const id = os.User.PushSubscription.id;
    expect(id).to.be.a('string');
    expect(changes).to.deep.equal([
      { previous: { optedIn: true }, current: { id, token, optedIn: true } },
    ]);
  });

  it('a second init in a callback pushed after load rejects unhandled in the page', async () => {
    const os = await loadAndInit();
    const unhandled: unknown[] = [];
    const listener = (event: PromiseRejectionEvent) => {
      unhandled.push(event.reason);
      event.preventDefault();
    };
    addEventListener('unhandledrejection', listener);
    try {
      // The official snippet, arriving after the SDK (e.g. from a tag manager).
      defer(async (sdk) => {
        await sdk.init({ appId: APP_ID });
      });
      await until(() => unhandled.length, 'the unhandled rejection');
    } finally {
      removeEventListener('unhandledrejection', listener);
    }
    expect(String(unhandled[0])).to.equal('Error: SDK already initialized');
    expect(os.config?.appId).to.equal(APP_ID);
  });
});

describe('OneSignal simulator: tags [needs push]', () => {
  it('validates addTag after init but not addTags, and keeps getTags local', async () => {
    const os = await loadAndInit({ subscribed: 1 });
    expect(() => os.User.addTag('k', '')).to.throw('"value" is empty');
    os.User.addTags({ a: '1', b: '2' });
    os.User.removeTag('a');
    expect(os.User.getTags()).to.deep.equal({ b: '2' });
    const id = os.User.onesignalId;
    expect(id).to.be.a('string');
    expect(simulator().calls.sentTagWrites).to.deep.equal([
      { onesignalId: id, tags: { a: '1', b: '2' } },
      { onesignalId: id, tags: { a: '' } },
    ]);
  });

  it('queues tags of a local-only user and sends them once push subscription creates the user', async () => {
    const os = await loadAndInit();
    os.User.addTag('subscribed_to_push', 'true');
    expect(os.User.getTags()).to.deep.equal({ subscribed_to_push: 'true' });
    expect(os.User.onesignalId).to.equal(undefined);
    expect(simulator().calls.sentTagWrites).to.deep.equal([]);
    simulator().grant();
    const id = await until(() => os.User.onesignalId, 'a OneSignal user');
    expect(simulator().calls.sentTagWrites).to.deep.equal([
      { onesignalId: id, tags: { subscribed_to_push: 'true' } },
    ]);
  });

  it('announces calls and state changes on window for the demo', async () => {
    const os = await loadAndInit();
    const seen: unknown[] = [];
    const listener = (e: CustomEvent) => seen.push(e.detail.calls.addTag.length);
    addEventListener('onesignal-simulator-change', listener);
    os.User.addTag('a', 'b');
    removeEventListener('onesignal-simulator-change', listener);
    expect(seen).to.include(1);
  });
});

describe('OneSignal simulator: login [needs push]', () => {
  it('a new external id: the models are replaced at once (local user, no tags), then the user create answers and User change fires', async () => {
    const os = await loadAndInit({ permission: 'denied', tags: 'a:1' });
    const changes: unknown[] = [];
    os.User.addEventListener('change', (c: never) => changes.push(c));
    const done = os.login('shopper-1');
    await until(() => os.User.externalId, 'the external id');
    expect([os.User.onesignalId, os.User.getTags()]).to.deep.equal([undefined, {}]);
    await done;
    const onesignalId = os.User.onesignalId;
    expect(onesignalId).to.be.a('string');
    await until(() => changes.length, 'User change');
    expect(changes).to.deep.equal([{ current: { onesignalId, externalId: 'shopper-1' } }]);
  });

  it('an anonymous push subscriber is identified: the same onesignalId, and no User change', async () => {
    const os = await loadAndInit({ subscribed: 1 });
    const before = os.User.onesignalId;
    const changes: unknown[] = [];
    os.User.addEventListener('change', (c: never) => changes.push(c));
    await os.login('shopper-2');
    await sleep(50);
    expect([os.User.onesignalId, os.User.externalId, changes]).to.deep.equal([
      before,
      'shopper-2',
      [],
    ]);
  });

  it('an external id OneSignal already has (409): the existing user takes over with its tags, then User change', async () => {
    const os = await loadAndInit({ subscribed: 1, tags: 'subscribed_to_push:true' });
    const existing = simulator().serverUser('shopper-3', { subscribed_to_push: 'false' });
    const changes: unknown[] = [];
    os.User.addEventListener('change', (c: never) => changes.push(c));
    await os.login('shopper-3');
    expect([os.User.onesignalId, os.User.getTags()]).to.deep.equal([
      existing,
      { subscribed_to_push: 'false' },
    ]);
    await until(() => changes.length, 'User change');
    expect(changes).to.deep.equal([
      { current: { onesignalId: existing, externalId: 'shopper-3' } },
    ]);
  });
});

describe('OneSignal simulator: permission and subscription events [needs push]', () => {
  it('requestPermission waits for init, then grants: permissionChange(true), then the subscription id', async () => {
    const os = await loadSimulator({ answer: 'grant' });
    const events: unknown[] = [];
    os.Notifications.addEventListener('permissionChange', (granted: never) => events.push(granted));
    os.User.PushSubscription.addEventListener('change', (change: never) => events.push(change));
    let resolved: boolean | undefined;
    void os.Notifications.requestPermission().then((r) => (resolved = r));
    await sleep(100);
    expect(resolved).to.equal(undefined);
    await os.init({ appId: APP_ID });
    await until(() => resolved !== undefined, 'requestPermission');
    expect(resolved).to.equal(true);
    const sub = os.User.PushSubscription;
    expect(events).to.deep.equal([
      true,
      { previous: { optedIn: true }, current: { id: sub.id, token: sub.token, optedIn: true } },
    ]);
    expect(sub.id).to.be.a('string');
    expect(os.Notifications.permission).to.equal(true);
  });

  it('a denied prompt resolves false and emits permissionChange(false)', async () => {
    const os = await loadAndInit({ answer: 'deny' });
    const events: unknown[] = [];
    os.Notifications.addEventListener('permissionChange', (granted: never) => events.push(granted));
    const error = spyConsole('error');
    try {
      expect(await os.Notifications.requestPermission()).to.equal(false);
    } finally {
      error.restore();
    }
    expect(events).to.deep.equal([false]);
    expect(os.Notifications.permissionNative).to.equal('denied');
    expect(error.lines.some((l) => l.includes('Permission blocked'))).to.equal(true);
  });

  it('a dismissed prompt resolves false with a forced permissionChange(false) and stays default', async () => {
    const os = await loadAndInit({ answer: 'dismiss' });
    const events: unknown[] = [];
    os.Notifications.addEventListener('permissionChange', (granted: never) => events.push(granted));
    expect(await os.Notifications.requestPermission()).to.equal(false);
    expect(events).to.deep.equal([false]);
    expect(os.Notifications.permissionNative).to.equal('default');
    expect(os.User.PushSubscription.id).to.equal(undefined);
  });

  it('follows answers given outside the page: grant, unsubscribe, deny', async () => {
    const os = await loadAndInit();
    const changes: PushSubscriptionChange[] = [];
    const permissions: boolean[] = [];
    os.Notifications.addEventListener('permissionChange', (granted: never) =>
      permissions.push(granted),
    );
    os.User.PushSubscription.addEventListener('change', (change: never) => changes.push(change));
    simulator().grant();
    expect(os.Notifications.permissionNative).to.equal('granted');
    expect(os.User.PushSubscription.id).to.equal(undefined);
    await until(() => changes.length === 1, 'the subscription');
    const id = os.User.PushSubscription.id;
    expect(changes[0]?.current.id).to.equal(id);
    simulator().unsubscribe();
    expect(changes[1]).to.deep.equal({
      previous: { id, token: changes[0]?.current.token, optedIn: true },
      current: { optedIn: true },
    });
    simulator().deny();
    expect(os.User.PushSubscription.optedIn).to.equal(false);
    expect(permissions).to.deep.equal([true, false]);
  });

  it('a listener that throws stops the listeners after it, like the SDK emitter', async () => {
    const os = await loadAndInit();
    const error = spyConsole('error');
    let later = false;
    try {
      os.Notifications.addEventListener('permissionChange', () => {
        throw new Error('listener bug');
      });
      os.Notifications.addEventListener('permissionChange', () => (later = true));
      simulator().deny();
      await sleep(20);
    } finally {
      error.restore();
    }
    expect(later).to.equal(false);
  });
});

describe('OneSignal simulator: persistence [needs push]', () => {
  it('keeps permission, subscription, user and tags across a reload, until reset=1', async () => {
    let os = await loadAndInit({ subscribed: 1, tags: 'subscribed_to_push:true,plan:pro' });
    const before = {
      subscription: os.User.PushSubscription.id,
      user: os.User.onesignalId,
      tags: os.User.getTags(),
    };
    expect(before.tags).to.deep.equal({ subscribed_to_push: 'true', plan: 'pro' });
    // A reload: the globals go, the origin's storage stays.
    const saved = localStorage.getItem(SIMULATOR_STORE);
    await resetOneSignalPage();
    localStorage.setItem(SIMULATOR_STORE, saved ?? '');
    os = await loadAndInit({ permission: 'denied' });
    expect(os.Notifications.permissionNative).to.equal('granted');
    expect({
      subscription: os.User.PushSubscription.id,
      user: os.User.onesignalId,
      tags: os.User.getTags(),
    }).to.deep.equal(before);
    await resetOneSignalPage();
    localStorage.setItem(SIMULATOR_STORE, saved ?? '');
    os = await loadAndInit({ permission: 'denied', reset: 1 });
    expect(os.Notifications.permissionNative).to.equal('denied');
    expect(os.User.onesignalId).to.equal(undefined);
  });
});
