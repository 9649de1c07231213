// The element in OneSignal setups that used to leave it silent or waiting (issue 22): two elements
// naming different apps, OneSignal's own slidedown answered "No thanks", a page callback that
// awaits init in the queue, a consent manager holding the SDK, storage the SDK cannot open, and a
// site's own service worker that OneSignal's would replace.
// Each case failed before its fix. They need a browser with push: without it the element never
// looks at OneSignal (test/support/needs.ts).
import { expect } from '@open-wc/testing';
import {
  blockIndexedDb,
  browserPush,
  page,
  simulator,
  simulatorUrl,
  sleep,
  until,
} from '../support/onesignal-page.js';
import { APP_ID, cleanUp, mount, mountWithSdk, spyWarnings, stateIs } from '../support/element.js';
import {
  fileOf,
  registerSiteWorker,
  removeWorkers,
  rootRegistration,
} from '../support/site-worker.js';

let warnings: ReturnType<typeof spyWarnings> | undefined;
beforeEach(() => (warnings = spyWarnings()));
afterEach(async () => {
  warnings?.restore();
  await cleanUp();
});

const OTHER_APP = '11111111-1111-4111-8111-111111111111';

describe('two elements naming different OneSignal apps [needs push]', () => {
  it('the second warns once, naming both app-ids; OneSignal is initialised once, with the first', async () => {
    const sdkSrc = simulatorUrl({ initDelay: 10 });
    mount({ 'app-id': APP_ID, 'sdk-src': sdkSrc, endpoint: '/mock/x' });
    mount({ 'app-id': OTHER_APP, 'sdk-src': sdkSrc, endpoint: '/mock/x' });
    const about = () => (warnings?.lines ?? []).filter((line) => line.includes(OTHER_APP));
    await until(() => about().length, 'the warning');
    expect(about()).to.have.length(1);
    expect(about()[0]).to.contain(`app-id="${APP_ID}"`);
    await until(() => window.OneSignalSimulator?.calls.init, 'init', 10_000);
    expect(window.OneSignalSimulator!.calls.init).to.equal(1);
  });

  it('two elements with the same app-id say nothing', async () => {
    const sdkSrc = simulatorUrl({ initDelay: 10 });
    const a = mount({ 'app-id': APP_ID, 'sdk-src': sdkSrc, endpoint: '/mock/x' });
    mount({ 'app-id': APP_ID, 'sdk-src': sdkSrc, endpoint: '/mock/x' });
    await until(() => a.of('permission').length, 'the permission event', 10_000);
    expect(warnings?.lines ?? []).to.deep.equal([]);
  });
});

describe('a page callback that awaits init in OneSignalDeferred, the element holding app-id [needs push]', () => {
  it('Slidedown.promptPush() queued by the page: the element still calls init, once; the slidedown shows and the visitor waits', async () => {
    page.OneSignalDeferred = [
      async (os) => {
        await os.Slidedown.promptPush();
      },
    ];
    const { el, of } = mountWithSdk({}, { endpoint: '/mock/x' });
    // Within the page's grace after load plus a little: no sdk-timeout, no form.
    await until(() => window.OneSignalSimulator?.slidedown, 'the page’s slidedown', 10_000);
    expect(simulator().calls.init).to.equal(1);
    await stateIs(el, 'waiting');
    expect(of('show')).to.deep.equal([]);
  });
});

describe('"No thanks" in OneSignal’s own push slidedown [needs push]', () => {
  it('on this view: the form shows with reason dismissed, the permission still default', async () => {
    const { el, of } = mountWithSdk({}, { endpoint: '/mock/x' });
    await stateIs(el, 'waiting', 10_000);
    void page.OneSignalDeferred!.push(async (os) => {
      await os.Slidedown.promptPush();
    });
    await until(() => simulator().slidedown, 'the slidedown');
    simulator().slidedownCancel();
    await stateIs(el, 'form');
    expect(of('show').map((e) => (e.detail as { reason: string }).reason)).to.deep.equal([
      'dismissed',
    ]);
    expect(el.push.facts.permission).to.equal('default');
  });

  it('on a later view, while OneSignal keeps the prompt dismissed: the form shows with reason dismissed', async () => {
    // What OneSignal's dismiss.ts left on an earlier view (the simulator writes the same).
    localStorage.setItem(
      'onesignal-notification-prompt',
      JSON.stringify({ value: '"dismissed"', timestamp: Date.now() + 3 * 864e5 }),
    );
    const { el, of } = mountWithSdk({}, { endpoint: '/mock/x' });
    await stateIs(el, 'form', 10_000);
    expect(of('show').map((e) => (e.detail as { reason: string }).reason)).to.deep.equal([
      'dismissed',
    ]);
  });

  it('once OneSignal’s rest after the dismissal is over, the visitor waits again', async () => {
    localStorage.setItem(
      'onesignal-notification-prompt',
      JSON.stringify({ value: '"dismissed"', timestamp: Date.now() - 1000 }),
    );
    const { el, of } = mountWithSdk({}, { endpoint: '/mock/x' });
    await stateIs(el, 'waiting', 10_000);
    expect(of('show')).to.deep.equal([]);
  });
});

describe('storage refused: IndexedDB throws, so OneSignal never becomes ready [needs push]', () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it('decides at once: the form with reason unavailable, without waiting for sdk-timeout', async () => {
    restore = blockIndexedDb();
    const { el, of } = mountWithSdk({}, { endpoint: '/mock/x', 'sdk-timeout': '60000' });
    await stateIs(el, 'form');
    expect(of('show').map((e) => (e.detail as { reason: string }).reason)).to.deep.equal([
      'unavailable',
    ]);
  });

  it('a push subscriber whose browser holds the subscription still counts as push', async () => {
    restore = blockIndexedDb();
    // The browser as the earlier view that subscribed left it.
    browserPush('granted', true);
    const { el, of } = mountWithSdk(
      { subscribed: 1 },
      { endpoint: '/mock/x', 'sdk-timeout': '60000' },
    );
    await stateIs(el, 'push');
    expect(of('show')).to.deep.equal([]);
  });
});

describe('a consent manager: the page initialises with requiresUserPrivacyConsent [needs push]', () => {
  it('a visitor who granted push earlier, no subscription yet: waits (no form) while consent is pending, push once it is given', async () => {
    page.OneSignalDeferred = [
      async (os) => {
        await os.init({ appId: APP_ID, requiresUserPrivacyConsent: true });
      },
    ];
    const { el, of } = mountWithSdk({ permission: 'granted' }, { endpoint: '/mock/x' });
    await stateIs(el, 'waiting', 10_000);
    // Past the 5 s a granted visitor may go without a subscription while the SDK runs.
    await sleep(6000);
    expect(el.state).to.equal('waiting');
    expect(of('show')).to.deep.equal([]);
    await page.OneSignal!.setConsentGiven(true);
    await stateIs(el, 'push');
  });
});

describe('a site’s own service worker at scope /, the element holding app-id [needs push]', () => {
  afterEach(removeWorkers);
  const reasons = (shows: CustomEvent[]) =>
    shows.map((e) => (e.detail as { reason: string }).reason);

  it('OneSignal is neither loaded nor initialised; one warning names the worker and both fixes; every element offers SMS at once (reason unavailable)', async () => {
    await registerSiteWorker();
    const first = mountWithSdk({}, { endpoint: '/mock/x', 'sdk-timeout': '60000' });
    const second = mountWithSdk({}, { endpoint: '/mock/x', 'sdk-timeout': '60000' });
    await stateIs(first.el, 'form');
    await stateIs(second.el, 'form');
    expect(reasons(first.of('show'))).to.deep.equal(['unavailable']);
    expect(reasons(second.of('show'))).to.deep.equal(['unavailable']);
    const about = (warnings?.lines ?? []).filter((line) => line.includes('/sw.js'));
    expect(about).to.have.length(1);
    expect(about[0])
      .to.contain('importScripts("https://cdn.onesignal.com/sdks/web/v16/OneSignalSDK.sw.js")')
      .and.contain('serviceWorkerParam: { scope: "/push/onesignal/" }');
    expect(page.OneSignal).to.equal(undefined);
    expect(window.OneSignalSimulator).to.equal(undefined);
  });

  it('a visitor who granted push earlier: the site’s worker stays the only one at /', async () => {
    await registerSiteWorker();
    const { el, of } = mountWithSdk({ permission: 'granted' }, { endpoint: '/mock/x' });
    // Decided: the SMS offer, or (on the old code) push on a worker put in place of the site's.
    await until(() => !['loading', 'waiting'].includes(el.state), 'a decision', 10_000);
    const registration = await rootRegistration();
    expect(fileOf(registration?.active)).to.equal('sw.js');
    expect(registration?.installing ?? registration?.waiting ?? null).to.equal(null);
    expect(el.state).to.equal('form');
    expect(reasons(of('show'))).to.deep.equal(['unavailable']);
  });

  it('a site that registers its worker while its first page loads, after the element first looked: the element looks again before init, and does not call it', async () => {
    // The browser answers the element's first look as it stood before the site's register().
    const container = navigator.serviceWorker;
    const real = container.getRegistration.bind(container);
    let looks = 0;
    container.getRegistration = async (scope) => {
      const answer = await real(scope);
      if (++looks === 1) await registerSiteWorker();
      return answer;
    };
    try {
      const { el, of } = mountWithSdk({ permission: 'granted' }, { endpoint: '/mock/x' });
      await until(() => !['loading', 'waiting'].includes(el.state), 'a decision', 10_000);
      const registration = await rootRegistration();
      expect(fileOf(registration?.active)).to.equal('sw.js');
      expect(registration?.installing ?? registration?.waiting ?? null).to.equal(null);
      expect(simulator().calls.init).to.equal(0);
      expect(reasons(of('show'))).to.deep.equal(['unavailable']);
      expect((warnings?.lines ?? []).filter((line) => line.includes('/sw.js'))).to.have.length(1);
    } finally {
      delete (container as Partial<ServiceWorkerContainer>).getRegistration;
    }
  });

  it('OneSignal’s own worker at / keeps working: the element initialises OneSignal, says nothing', async () => {
    await navigator.serviceWorker.register(`/OneSignalSDKWorker.js?appId=${APP_ID}`, {
      scope: '/',
    });
    const { el } = mountWithSdk({ subscribed: 1 }, { endpoint: '/mock/x' });
    await stateIs(el, 'push', 10_000);
    expect(simulator().calls.init).to.equal(1);
    expect(warnings?.lines ?? []).to.deep.equal([]);
  });
});
