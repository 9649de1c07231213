// The element in OneSignal setups that used to leave it silent or waiting (issue 22): two elements
// naming different apps, OneSignal's own slidedown answered "No thanks", a page callback that
// awaits init in the queue, a consent manager holding the SDK, storage the SDK cannot open, and a
// page that logs the visitor in.
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
import {
  APP_ID,
  cleanUp,
  endpoint,
  fillAndSubmit,
  mount,
  mountWithSdk,
  received,
  spyWarnings,
  stateIs,
} from '../support/element.js';

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

  it('on a later view, the stored dismissal decides before OneSignal is ready', async () => {
    localStorage.setItem(
      'onesignal-notification-prompt',
      JSON.stringify({ value: '"dismissed"', timestamp: Date.now() + 3 * 864e5 }),
    );
    const { el } = mountWithSdk({ initDelay: 60_000 }, { endpoint: '/mock/x' });
    await stateIs(el, 'form');
    expect([el.reason, page.OneSignal?.config ?? null]).to.deep.equal(['dismissed', null]);
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

describe('a page that logs the visitor in with OneSignal.login [needs push]', () => {
  it('logged in before the element: the POST carries the SDK’s onesignalId and, without external-id, the login’s externalId', async () => {
    page.OneSignalDeferred = [
      async (os) => {
        await os.init({ appId: APP_ID });
        await os.login('shopper-1');
      },
    ];
    const { id, url } = endpoint('201');
    const { el } = mountWithSdk(
      { permission: 'denied' },
      { endpoint: url, 'default-country': 'GB' },
    );
    await stateIs(el, 'form');
    const onesignalId = await until(() => page.OneSignal?.User.onesignalId, 'the login');
    await fillAndSubmit(el, { phone: '07400 123456' });
    await stateIs(el, 'done');
    const [request] = await received(id);
    expect(request!.body).to.deep.include({ onesignalId, externalId: 'shopper-1' });
  });

  it('an external-id attribute wins over the login’s', async () => {
    page.OneSignalDeferred = [(os) => os.init({ appId: APP_ID }).then(() => os.login('shopper-2'))];
    const { id, url } = endpoint('201');
    const attributes = { endpoint: url, 'default-country': 'GB', 'external-id': 'crm-7' };
    const { el } = mountWithSdk({ permission: 'denied' }, attributes);
    await until(() => page.OneSignal?.User.onesignalId, 'the login');
    await fillAndSubmit(el, { phone: '07400 123456' });
    await stateIs(el, 'done');
    const [request] = await received(id);
    expect(request!.body.externalId).to.equal('crm-7');
  });

  it('logged in after the element decided, to an external id OneSignal already has (409): the tag is made right on the user the SDK ends on', async () => {
    const { el } = mountWithSdk({ subscribed: 1, tags: 'subscribed_to_push:true' });
    await stateIs(el, 'push');
    const existing = simulator().serverUser('shopper-3', { subscribed_to_push: 'false' });
    await page.OneSignal!.login('shopper-3');
    await until(
      () =>
        simulator().calls.sentTagWrites.find(({ onesignalId }) => onesignalId === existing)?.tags,
      'a tag write to the user OneSignal switched to',
    );
    expect(
      simulator().calls.sentTagWrites.filter(({ onesignalId }) => onesignalId === existing),
    ).to.deep.equal([{ onesignalId: existing, tags: { subscribed_to_push: 'true' } }]);
    expect(page.OneSignal!.User.getTags()).to.deep.equal({ subscribed_to_push: 'true' });
  });
});
