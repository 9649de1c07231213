// The OneSignal adapter against the page SDK simulator: every way a page can have (or not have)
// OneSignal, and what the element is told about it.
import { expect } from '@open-wc/testing';
import {
  linkOneSignal,
  type OneSignalOptions,
  type PushFacts,
} from '../../src/browser/push/onesignal.js';
import { detectPushSupport } from '../../src/browser/push/push-support.js';
import { iosHint } from '../../src/browser/element/ios-hint.js';
import {
  addSdkScript,
  loadSimulator,
  page,
  resetOneSignalPage,
  simulator,
  simulatorUrl,
  sleep,
  until,
  type SimulatorQuery,
} from '../support/onesignal-page.js';

const APP_ID = '00000000-0000-4000-8000-000000000000';
const OUR_SCRIPT = '#push-sms-fallback-onesignal-sdk';

const links: { disconnect(): void }[] = [];

/** Links an adapter and records every onChange. Defaults: owns init, simulator SDK with `query`. */
function connect(query: SimulatorQuery = {}, options: Partial<OneSignalOptions> = {}) {
  const changes: PushFacts[] = [];
  const link = linkOneSignal({
    appId: APP_ID,
    sdkSrc: simulatorUrl(query),
    timeoutMs: 5000,
    onChange: (facts) => changes.push(facts),
    ...options,
  });
  links.push(link);
  const latest = () => changes.at(-1);
  /** Waits for an onChange whose facts include `expected`, and returns those facts. */
  const reaches = (expected: Partial<PushFacts>, timeoutMs?: number) =>
    until(
      () =>
        changes.find((f) =>
          Object.entries(expected).every(([k, v]) => f[k as keyof PushFacts] === v),
        ),
      `facts ${JSON.stringify(expected)}; got ${JSON.stringify(latest())}`,
      timeoutMs,
    );
  /** Waits until the latest facts include `expected`. */
  const becomes = (expected: Partial<PushFacts>) =>
    until(
      () => {
        const facts = latest();
        const match =
          facts && Object.entries(expected).every(([k, v]) => facts[k as keyof PushFacts] === v);
        return match ? facts : undefined;
      },
      `latest facts ${JSON.stringify(expected)}; got ${JSON.stringify(latest())}`,
    );
  return { link, changes, latest, reaches, becomes };
}

/** `OneSignal.Notifications` as init left it (the object from before init is a placeholder). */
const initialisedNotifications = () =>
  until(() => page.OneSignal?.config && page.OneSignal.Notifications, 'the initialised SDK');

const simulatorScripts = () =>
  [...document.scripts].filter((s) => s.src.includes('/demo/simulators/onesignal-page-sdk.ts'));

afterEach(async () => {
  for (const link of links.splice(0)) link.disconnect();
  await resetOneSignalPage();
});

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

describe('detectPushSupport and the iOS hint', () => {
  it('finds push in this browser (secure context with PushSubscriptionOptions) [needs push]', () => {
    expect(detectPushSupport()).to.deep.equal({ supported: true });
  });

  it('an iPhone Safari tab: no push, and the home-screen hint until it runs from the Home Screen', () => {
    const before = detectPushSupport();
    const saved = Object.getOwnPropertyDescriptor(window, 'PushSubscriptionOptions');
    delete (window as { PushSubscriptionOptions?: unknown }).PushSubscriptionOptions;
    Object.defineProperty(navigator, 'userAgent', { value: IPHONE_SAFARI, configurable: true });
    Object.defineProperty(navigator, 'maxTouchPoints', { value: 5, configurable: true });
    try {
      expect(detectPushSupport()).to.deep.equal({ supported: false });
      expect(iosHint()).to.equal('ios-home-screen');
      Object.defineProperty(navigator, 'standalone', { value: true, configurable: true });
      expect(iosHint()).to.equal(undefined);
    } finally {
      if (saved) Object.defineProperty(window, 'PushSubscriptionOptions', saved);
      const own = navigator as Partial<
        Record<'userAgent' | 'maxTouchPoints' | 'standalone', unknown>
      >;
      delete own.userAgent;
      delete own.maxTouchPoints;
      delete own.standalone;
    }
    expect(detectPushSupport()).to.deep.equal(before);
    expect(iosHint()).to.equal(undefined);
  });
});

describe('linkOneSignal: loading and readiness', () => {
  it('never calls onChange inside connect, and starts out loading [needs push]', async () => {
    const { link, changes, reaches } = connect();
    expect(changes).to.have.length(0);
    expect(link.facts().sdk).to.equal('loading');
    await reaches({ sdk: 'ready' });
  });

  it('with an app id and no OneSignal on the page: injects one deferred script and calls init once [needs push]', async () => {
    const { reaches } = connect();
    const script = document.querySelector<HTMLScriptElement>(OUR_SCRIPT);
    expect(script?.defer).to.equal(true);
    const facts = await reaches({ sdk: 'ready' });
    expect(facts).to.deep.equal({
      sdk: 'ready',
      permission: 'default',
      optedIn: false,
      subscribed: false,
      onesignalId: null,
      dismissed: false,
      stalled: false,
    });
    expect(page.OneSignal?.config?.appId).to.equal(APP_ID);
    expect(simulator().calls.init).to.equal(1);
    expect(simulator().calls.addSms).to.deep.equal([]);
  });

  it('reports a subscribed returning visitor [needs push]', async () => {
    const { reaches } = connect({ subscribed: 1 });
    const facts = await reaches({ sdk: 'ready' });
    expect(facts).to.deep.include({ permission: 'granted', optedIn: true, subscribed: true });
    expect(facts.onesignalId).to.equal(simulator().state.onesignalId);
  });

  it('reports a visitor who denied push earlier [needs push]', async () => {
    const facts = await connect({ permission: 'denied' }).reaches({ sdk: 'ready' });
    expect(facts).to.deep.include({ permission: 'denied', subscribed: false, onesignalId: null });
  });

  it('reports granted and opted in, but not subscribed, while there is no push subscription [needs push]', async () => {
    const { reaches, becomes } = connect({ subscribed: 1 });
    await reaches({ subscribed: true });
    simulator().unsubscribe();
    const facts = await becomes({ subscribed: false });
    expect(facts).to.deep.include({ permission: 'granted', optedIn: true, sdk: 'ready' });
  });

  it('marks the SDK unavailable at once when its script fails to load, also for a later adapter', async () => {
    const missing = '/missing/OneSignalSDK.page.js';
    const first = connect({}, { sdkSrc: missing, timeoutMs: 60_000 });
    await first.reaches({ sdk: 'unavailable' }, 3000);
    const second = connect({}, { sdkSrc: missing, timeoutMs: 60_000 });
    expect(second.link.facts().sdk).to.equal('unavailable');
    expect(document.querySelectorAll(OUR_SCRIPT)).to.have.length(1);
  });

  it('times out to unavailable, then becomes ready when the SDK still arrives [needs push]', async () => {
    const { reaches, changes } = connect({}, { appId: undefined, timeoutMs: 150 });
    await reaches({ sdk: 'unavailable' });
    addSdkScript();
    await until(() => page.OneSignal, 'the late SDK');
    await page.OneSignal?.init({ appId: APP_ID });
    await reaches({ sdk: 'ready' });
    expect(changes.map((f) => f.sdk)).to.deep.equal(['loading', 'unavailable', 'ready']);
  });

  it('without an app id and without OneSignal on the page, injects nothing', async () => {
    const { reaches } = connect({}, { appId: undefined, timeoutMs: 100 });
    await reaches({ sdk: 'unavailable' });
    expect(document.querySelector(OUR_SCRIPT)).to.equal(null);
    expect(simulatorScripts()).to.have.length(0);
  });

  it('stays unavailable in a browser where the SDK loader finds no push support', async () => {
    addSdkScript({ unsupported: 1 });
    const { reaches, latest } = connect({}, { appId: undefined, timeoutMs: 200 });
    await reaches({ sdk: 'unavailable' });
    await sleep(300);
    expect(latest()?.sdk).to.equal('unavailable');
  });
});

describe('linkOneSignal: reusing OneSignal the page already has [needs push]', () => {
  it('a WordPress-v3 page (script tag plus deferred init): init is called exactly once', async () => {
    const meta = Object.assign(document.createElement('meta'), {
      name: 'onesignal-plugin',
      content: 'wordpress-3.0.0',
    });
    document.head.append(meta);
    addSdkScript({ permission: 'denied' });
    page.OneSignalDeferred ??= [];
    page.OneSignalDeferred.push(async (os) => {
      await os.init({ appId: APP_ID, serviceWorkerOverrideForTypical: true });
    });
    const facts = await connect().reaches({ sdk: 'ready' });
    expect(facts.permission).to.equal('denied');
    expect(simulator().calls.init).to.equal(1);
    expect(document.querySelector(OUR_SCRIPT)).to.equal(null);
    expect(simulatorScripts()).to.have.length(1);
  });

  it('a page whose SDK has already loaded and initialised: no script, no init', async () => {
    const os = await loadSimulator({ subscribed: 1 });
    await os.init({ appId: APP_ID });
    const facts = await connect().reaches({ sdk: 'ready' });
    expect(facts.subscribed).to.equal(true);
    expect(simulator().calls.init).to.equal(1);
    expect(simulatorScripts()).to.have.length(1);
  });

  it('a WordPress plugin that has not initialised yet (custom init): waits and never calls init', async () => {
    const meta = Object.assign(document.createElement('meta'), {
      name: 'onesignal-plugin',
      content: 'wordpress-3.0.0',
    });
    document.head.append(meta);
    const { reaches } = connect({}, { timeoutMs: 300 });
    await reaches({ sdk: 'unavailable' });
    expect(document.querySelector(OUR_SCRIPT)).to.equal(null);
    // The site initialises later itself.
    await loadSimulator();
    await page.OneSignal?.init({ appId: APP_ID });
    await reaches({ sdk: 'ready' });
    expect(simulator().calls.init).to.equal(1);
  });

  it('two adapters (or two copies of the bundle) on one page: one script, one init', async () => {
    const a = connect();
    const b = connect();
    await a.reaches({ sdk: 'ready' });
    await b.reaches({ sdk: 'ready' });
    expect(simulatorScripts()).to.have.length(1);
    expect(simulator().calls.init).to.equal(1);
  });

  it('a second copy of the bundle with another SDK URL still relies on the first one', async () => {
    const a = connect();
    const b = connect({}, { sdkSrc: '/another/copy/sdk.js' });
    await a.reaches({ sdk: 'ready' });
    await b.reaches({ sdk: 'ready' });
    expect([...document.scripts].filter((s) => s.src.includes('/another/'))).to.have.length(0);
    expect(simulator().calls.init).to.equal(1);
  });

  it('a page that queued its init before its script tag: its init alone runs, and no error [needs push]', async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(...args);
    try {
      // The page queued its init but its script tag comes later (e.g. in the footer).
      page.OneSignalDeferred = [
        async (os) => {
          await os.init({ appId: APP_ID, serviceWorkerPath: 'site/OneSignalSDKWorker.js' });
        },
      ];
      const { reaches } = connect();
      addSdkScript();
      await reaches({ sdk: 'ready' });
      await sleep(100);
    } finally {
      console.error = original;
    }
    expect(simulator().calls.init).to.equal(1);
    expect(page.OneSignal?.config?.userConfig.serviceWorkerPath).to.equal(
      'site/OneSignalSDKWorker.js',
    );
    expect(errors).to.deep.equal([]);
  });
});

describe('linkOneSignal: live changes [needs push]', () => {
  it('follows a grant: permission first, the subscription id and the user after', async () => {
    const { reaches, changes } = connect({ answer: 'grant' });
    await reaches({ sdk: 'ready' });
    void page.OneSignal?.Notifications.requestPermission();
    const granted = await reaches({ permission: 'granted', subscribed: false });
    expect(granted.onesignalId).to.equal(null);
    const subscribed = await reaches({ subscribed: true });
    expect(subscribed.onesignalId).to.equal(simulator().state.onesignalId);
    expect(changes.indexOf(granted)).to.be.below(changes.indexOf(subscribed));
  });

  it('follows a deny made outside the element', async () => {
    const { reaches } = connect();
    await reaches({ sdk: 'ready' });
    simulator().deny();
    const facts = await reaches({ permission: 'denied' });
    expect(facts.dismissed).to.equal(false);
  });

  it('reports a dismissed prompt while the permission stays default', async () => {
    const { reaches } = connect({ answer: 'dismiss' });
    await reaches({ sdk: 'ready' });
    expect(await page.OneSignal?.Notifications.requestPermission()).to.equal(false);
    const facts = await reaches({ dismissed: true });
    expect(facts.permission).to.equal('default');
  });

  it('a visitor who revokes push is neither subscribed nor dismissed', async () => {
    const { reaches } = connect({ subscribed: 1 });
    await reaches({ subscribed: true });
    simulator().deny();
    const facts = await reaches({ permission: 'denied' });
    expect(facts).to.deep.include({ subscribed: false, optedIn: false, dismissed: false });
  });

  it('believes permissionChange over a getter that lags behind it', async () => {
    const { reaches } = connect();
    await reaches({ sdk: 'ready' });
    const notifications = await initialisedNotifications();
    Object.defineProperty(notifications, 'permissionNative', { get: () => 'default' });
    simulator().grant();
    await reaches({ permission: 'granted' });
  });

  it('after permissionChange(false), takes a deny from the browser while the getter still says default', async () => {
    const { reaches, becomes } = connect();
    await reaches({ sdk: 'ready' });
    const notifications = await initialisedNotifications();
    Object.defineProperty(notifications, 'permissionNative', { get: () => 'default' });
    simulator().deny();
    // The simulator's browser answers at once: Notification.permission is 'denied'.
    expect(Notification.permission).to.equal('denied');
    await becomes({ permission: 'denied', dismissed: false });
  });

  it('does not call a permission reset to default (no prompt answered) a dismissal', async () => {
    const { reaches, becomes } = connect({ subscribed: 1 });
    await reaches({ subscribed: true });
    const notifications = await initialisedNotifications();
    // The visitor resets the site's permission in the browser settings: the SDK says false, default.
    Object.defineProperty(notifications, 'permissionNative', { get: () => 'default' });
    Object.defineProperty(Notification, 'permission', { get: () => 'default', configurable: true });
    simulator().deny();
    const facts = await becomes({ permission: 'default' });
    expect(facts.dismissed).to.equal(false);
  });

  it('after permissionChange(false), stops reporting granted while the getter still says granted', async () => {
    const { reaches, becomes } = connect({ subscribed: 1 });
    await reaches({ subscribed: true });
    const notifications = await initialisedNotifications();
    Object.defineProperty(notifications, 'permissionNative', { get: () => 'granted' });
    simulator().deny();
    const facts = await becomes({ subscribed: false });
    expect(facts.permission).not.to.equal('granted');
  });

  it('re-checks on window focus and on visibilitychange', async () => {
    const { reaches, becomes } = connect({ subscribed: 1 });
    const os = await until(() => page.OneSignal, 'the SDK');
    await reaches({ subscribed: true });
    // The SDK's state moves without an event the adapter hears, and the browser agrees.
    const subscription = os.User.PushSubscription;
    Object.defineProperty(subscription, 'id', { get: () => undefined, configurable: true });
    Object.defineProperty(navigator.serviceWorker, 'getRegistrations', {
      configurable: true,
      value: async () => [],
    });
    dispatchEvent(new Event('focus'));
    await becomes({ subscribed: false });
    Object.defineProperty(subscription, 'id', { get: () => 'again', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    await becomes({ subscribed: true });
  });

  it('a disconnected adapter never attaches to an SDK that arrives later', async () => {
    const attached: string[] = [];
    page.OneSignalDeferred = [
      async (os) => {
        await os.init({ appId: APP_ID });
        const original = os.Notifications.addEventListener;
        os.Notifications.addEventListener = (name, fn) => {
          attached.push(name);
          original(name, fn);
        };
      },
    ];
    const { link } = connect({}, { appId: undefined });
    link.disconnect();
    const later = connect({}, { appId: undefined });
    await loadSimulator();
    await later.reaches({ sdk: 'ready' });
    expect(attached).to.deep.equal(['permissionChange']);
  });

  it('stops calling back after disconnect', async () => {
    const { link, reaches, changes } = connect();
    await reaches({ sdk: 'ready' });
    link.disconnect();
    const count = changes.length;
    simulator().grant();
    dispatchEvent(new Event('focus'));
    await until(() => simulator().state.subscriptionId, 'the subscription');
    await sleep(100);
    expect(changes).to.have.length(count);
  });
});

describe('linkOneSignal: syncTag [needs push]', () => {
  it('writes nothing on a repeat page view where the tag is already right', async () => {
    const { link, reaches } = connect({ subscribed: 1, tags: 'subscribed_to_push:true' });
    await reaches({ sdk: 'ready' });
    expect(link.syncTag('subscribed_to_push', 'true')).to.equal(false);
    expect(simulator().calls.addTag).to.deep.equal([]);
    expect(simulator().calls.sentTagWrites).to.deep.equal([]);
  });

  it('writes once when the value changes, then not again', async () => {
    const { link, reaches } = connect({ subscribed: 1, tags: 'subscribed_to_push:true' });
    const facts = await reaches({ sdk: 'ready' });
    expect(link.syncTag('subscribed_to_push', 'false')).to.equal(true);
    expect(link.syncTag('subscribed_to_push', 'false')).to.equal(false);
    expect(simulator().calls.sentTagWrites).to.deep.equal([
      { onesignalId: facts.onesignalId, tags: { subscribed_to_push: 'false' } },
    ]);
  });

  it('never writes for an anonymous visitor, nor before the SDK is ready', async () => {
    const { link, reaches } = connect({ permission: 'denied' });
    expect(link.syncTag('subscribed_to_push', 'false')).to.equal(false);
    await reaches({ sdk: 'ready' });
    expect(link.syncTag('subscribed_to_push', 'false')).to.equal(false);
    expect(simulator().calls.addTag).to.deep.equal([]);
  });

  it('writes once a grant has created the user', async () => {
    const { link, reaches } = connect();
    await reaches({ sdk: 'ready' });
    simulator().grant();
    const facts = await reaches({ subscribed: true });
    expect(link.syncTag('subscribed_to_push', 'true')).to.equal(true);
    expect(simulator().calls.sentTagWrites).to.deep.equal([
      { onesignalId: facts.onesignalId, tags: { subscribed_to_push: 'true' } },
    ]);
  });
});
