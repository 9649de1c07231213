// The element against OneSignal as the real SDK behaves where it hurts: the page's own snippet
// arriving late, init slow or never settling, init or the push subscription failing, and a blocked
// SDK on a push subscriber's browser (issue 12). Each case failed before the fix. All of them
// need a browser with push: without it the element never looks at OneSignal (test/support/needs.ts).
import { expect } from '@open-wc/testing';
import type { PushSmsFallback } from '../../src/browser/element/push-sms-fallback.js';
import type { SimWindow } from '../../demo/simulators/onesignal-page-sdk.types.js';
import { PAGE_INIT_GRACE_MS } from '../../src/browser/push/onesignal.js';
import { browserPush, simulator, sleep, until } from '../support/onesignal-page.js';
import { APP_ID, cleanUp, formReady, mount, mountWithSdk, stateIs } from '../support/element.js';

type FixtureWindow = SimWindow & {
  probe: { errors: string[]; warnings: string[] };
  timeline: { loaded?: number; injected?: number };
};

const frames: HTMLIFrameElement[] = [];

/** Opens test/fixtures/late-snippet.html with this query, without waiting for its `load`. */
function openLateSnippet(query: Record<string, string>): FixtureWindow {
  const frame = document.createElement('iframe');
  const store = `late-snippet-${crypto.randomUUID()}`;
  frame.src = `/test/fixtures/late-snippet.html?${new URLSearchParams({ store, ...query })}`;
  document.body.append(frame);
  frames.push(frame);
  return frame.contentWindow as unknown as FixtureWindow;
}

const elementIn = (win: FixtureWindow) =>
  until(
    () => win.document?.querySelector<PushSmsFallback>('push-sms-fallback[state]'),
    'the element in the fixture page',
  );

afterEach(async () => {
  for (const frame of frames.splice(0)) frame.remove();
  await cleanUp();
});

describe('the page’s own OneSignal snippet arriving after the element started [needs push]', () => {
  for (const [when, delay] of [
    ['start', '1500'],
    ['load', '1000'],
  ] as const) {
    it(`when=${when}: the page’s init and options win; no "SDK already initialized"; the element never calls init`, async () => {
      const win = openLateSnippet({ when, delay });
      const el = await elementIn(win);
      await until(() => win.timeline.injected, 'the late snippet', 10_000);
      if (when === 'start') expect(win.timeline.loaded, 'snippet before load').to.equal(undefined);
      else expect(win.timeline.loaded).to.be.below(win.timeline.injected!);
      await until(() => el.getAttribute('state') === 'waiting', 'state waiting', 10_000);
      // Past the time the element gives a page to initialise OneSignal itself.
      await until(
        () =>
          win.timeline.loaded &&
          win.performance.now() > win.timeline.loaded + PAGE_INIT_GRACE_MS + 300,
        'the end of the page’s grace',
        15_000,
      );
      const sim = win.OneSignalSimulator!;
      expect(sim.calls.init, 'init calls').to.equal(1);
      expect(win.OneSignal?.config?.userConfig).to.deep.include({
        serviceWorkerPath: 'push/OneSignalSDKWorker.js',
        notifyButton: { enable: true },
      });
      expect(win.probe.errors).to.deep.equal([]);
    });
  }

  it('when=never: the element calls init itself, once, after the page’s grace', async () => {
    const win = openLateSnippet({ when: 'never' });
    const el = await elementIn(win);
    await until(() => el.getAttribute('state') === 'waiting', 'state waiting', 15_000);
    const [called] = win.performance.getEntriesByName('onesignal-simulator:init-called');
    expect(called!.startTime).to.be.at.least(win.timeline.loaded! + PAGE_INIT_GRACE_MS);
    expect(win.OneSignalSimulator!.calls.init).to.equal(1);
    expect(win.OneSignal?.config?.appId).to.equal(APP_ID);
    expect(win.probe.errors).to.deep.equal([]);
  });
});

describe('permission granted but no push subscription ever arrives [needs push]', () => {
  it('init rejects (service worker file missing): the form, reason unavailable', async () => {
    const { el, of } = mountWithSdk({ permission: 'granted', swFails: 1 });
    await stateIs(el, 'form');
    expect(of('show').map((e) => e.detail.reason)).to.deep.equal(['unavailable']);
  });

  it('pushManager.subscribe fails: the form after the bounded wait, then push once a subscription arrives', async () => {
    const { el, of } = mountWithSdk({ permission: 'granted', subscribeFails: 1 });
    await stateIs(el, 'waiting');
    await stateIs(el, 'form', 15_000);
    expect(of('show').map((e) => e.detail.reason)).to.deep.equal(['unavailable']);
    // The push service is back, and the SDK subscribes (e.g. the visitor retries the bell).
    simulator().config.subscribeFails = false;
    simulator().grant();
    await stateIs(el, 'push');
    await until(() => simulator().calls.addTag.length, 'the tag write');
    expect(simulator().calls.addTag).to.deep.equal([['subscribed_to_push', 'true']]);
  });

  it('a first view whose subscription id is merely late never sees the form', async () => {
    const { el, of } = mountWithSdk({ permission: 'granted', userCreate: 6000 });
    await stateIs(el, 'push', 5000);
    expect(simulator().state.subscriptionId).to.equal(null);
    await until(() => simulator().calls.addTag.length, 'the tag write, once the id came', 15_000);
    expect(of('show')).to.deep.equal([]);
  });
});

describe('readiness while init is still running [needs push]', () => {
  it('a visitor who granted push, the user create answering late: push, never the form', async () => {
    const { el, of } = mountWithSdk(
      { permission: 'granted', userCreate: 3000 },
      { 'sdk-timeout': '1000' },
    );
    await stateIs(el, 'push');
    await sleep(1500);
    expect(el.state).to.equal('push');
    expect(of('show')).to.deep.equal([]);
  });

  it('init held: readiness is seen at once (show-when="not-subscribed" offers SMS as not-subscribed)', async () => {
    const { el, of } = mountWithSdk(
      { permission: 'default', initHold: 3000 },
      { 'sdk-timeout': '1000', 'show-when': 'not-subscribed' },
    );
    await stateIs(el, 'form');
    expect(of('show').map((e) => e.detail.reason)).to.deep.equal(['not-subscribed']);
    expect(of('permission')[0]!.detail.sdk).to.equal('ready');
  });

  it('init never settles: the element still follows the ready SDK', async () => {
    const { el, of } = mountWithSdk(
      { permission: 'default', initHold: 'never' },
      // Short, yet room for readiness on a loaded machine (it counts from the element's init).
      { 'sdk-timeout': '1500' },
    );
    await stateIs(el, 'waiting');
    await sleep(2000);
    expect(of('show').map((e) => e.detail.reason)).to.deep.equal([]);
    expect(el.state).to.equal('waiting');
    simulator().deny();
    await stateIs(el, 'form');
    expect(of('show').map((e) => e.detail.reason)).to.deep.equal(['denied']);
  });
});

describe('a blocked SDK [needs push]', () => {
  const blocked = { 'app-id': APP_ID, 'sdk-src': '/blocked/OneSignalSDK.page.js' };

  it('on a push subscriber’s browser: push, nothing shown, no tag write attempted', async () => {
    browserPush('granted', true);
    const { el, of } = mount(blocked);
    await stateIs(el, 'push');
    await sleep(300);
    expect(el.state).to.equal('push');
    expect(of('show')).to.deep.equal([]);
    const announced = await until(() => of('permission').at(-1), 'the permission event');
    expect(announced.detail).to.deep.include({ permission: 'granted', sdk: 'unavailable' });
  });

  it('with permission granted but no push subscription in the browser: the form, reason unavailable', async () => {
    browserPush('granted', false);
    const { el, of } = mount(blocked);
    await stateIs(el, 'form');
    expect(of('show').map((e) => e.detail.reason)).to.deep.equal(['unavailable']);
  });
});

describe('the intro sentence [needs push]', () => {
  const introOf = async (el: PushSmsFallback) => {
    await formReady(el);
    return el.shadowRoot!.querySelector('.intro')!.textContent!.trim();
  };

  it('a blocked SDK: the page cannot reach the visitor, not "notifications are off"', async () => {
    const { el } = mount({ 'app-id': APP_ID, 'sdk-src': '/blocked.js' });
    expect(await introOf(el)).to.equal(
      'Notifications can’t reach you on this page right now. We can text you instead.',
    );
  });

  it('a visitor who blocked notifications for the site', async () => {
    const { el } = mountWithSdk({ permission: 'denied' });
    expect(await introOf(el)).to.equal(
      'Notifications are blocked for this site. We can text you instead.',
    );
  });

  it('an undecided visitor (show-when="not-subscribed"), overridden through `strings`', async () => {
    const { el } = mountWithSdk({ permission: 'default' }, { 'show-when': 'not-subscribed' });
    expect(await introOf(el)).to.equal('Prefer texts to notifications? We can text you instead.');
    el.strings = { introNotSubscribed: 'Texts, then?' };
    await el.updateComplete;
    expect(await introOf(el)).to.equal('Texts, then?');
  });
});

describe('the iOS hint, decided from the platform', () => {
  const IPHONE =
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)';
  const showOn = async (userAgent: string, touchPoints: number) => {
    const saved = Object.getOwnPropertyDescriptor(window, 'PushSubscriptionOptions');
    delete (window as { PushSubscriptionOptions?: unknown }).PushSubscriptionOptions;
    Object.defineProperty(navigator, 'userAgent', { value: userAgent, configurable: true });
    Object.defineProperty(navigator, 'maxTouchPoints', { value: touchPoints, configurable: true });
    try {
      const { el, of } = mount({ 'app-id': APP_ID, endpoint: '/mock/x' });
      await stateIs(el, 'form');
      return of('show')[0]!.detail;
    } finally {
      if (saved) Object.defineProperty(window, 'PushSubscriptionOptions', saved);
      const own = navigator as Partial<Record<'userAgent' | 'maxTouchPoints', unknown>>;
      delete own.userAgent;
      delete own.maxTouchPoints;
    }
  };

  it('iPhone Safari outside the Home Screen: the show event carries the hint', async () => {
    const detail = await showOn(`${IPHONE} Version/17.4 Mobile/15E148 Safari/604.1`, 5);
    expect(detail).to.deep.equal({ reason: 'unsupported', hint: 'ios-home-screen' });
  });

  it('Instagram’s in-app browser on an iPhone: no hint', async () => {
    const detail = await showOn(`${IPHONE} Mobile/15E148 Instagram 323.0.3.23.54`, 5);
    expect(detail).to.deep.equal({ reason: 'unsupported' });
  });
});
