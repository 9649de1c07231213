// identity="segment" (contract §8): Segment's user id becomes the registration's external id and,
// once, OneSignal's, against a stand-in of analytics.js (demo/simulators/segment-analytics.ts).
import { expect } from '@open-wc/testing';
import {
  installSnippet,
  loadLibrary,
  type SegmentVersion,
} from '../../demo/simulators/segment-analytics.js';
import { WAIT_MS } from '../../src/browser/analytics/wait.js';
import { resetAnalyticsPage, spyInfo, watchPageErrors } from '../support/analytics-page.js';
import {
  cleanUp,
  endpoint,
  fillAndSubmit,
  formReady,
  mountForm,
  mountWithSdk,
  received,
  stateIs,
} from '../support/element.js';
import { simulator, sleep, until } from '../support/onesignal-page.js';

type Identify = (id: string) => unknown;
const analytics = () => (window as { analytics?: { identify: Identify } }).analytics!;

/** A visitor who denied push (the SDK is ready, so login can happen), with identity="segment". */
const deniedVisitor = (url: string, query: Record<string, string> = {}, attributes = {}) =>
  mountWithSdk(
    { permission: 'denied', ...query },
    { endpoint: url, identity: 'segment', 'default-country': 'US', ...attributes },
  );

const logins = () => window.OneSignalSimulator?.calls.login ?? [];

async function submitAndRead(el: Parameters<typeof fillAndSubmit>[0], id: string) {
  await fillAndSubmit(el, { phone: '(415) 555-2671' });
  await stateIs(el, 'done');
  const [request] = await received(id);
  return request!.body;
}

describe('identity="segment"', () => {
  afterEach(async () => {
    await cleanUp();
    resetAnalyticsPage();
  });

  for (const version of ['classic', 'next'] as SegmentVersion[]) {
    it(`uses the id of a user analytics.js (${version}) knows before the element loads, and logs OneSignal in once [needs push]`, async () => {
      installSnippet();
      loadLibrary({ version });
      analytics().identify('user-42');
      const { id, url } = endpoint();
      const { el } = deniedVisitor(url);
      await until(() => logins().length, 'OneSignal.login');
      expect((await submitAndRead(el, id)).externalId).to.equal('user-42');
      expect(logins()).to.deep.equal([['user-42']]);
      expect(simulator().state.externalId).to.equal('user-42');
    });

    it(`takes the id from the snippet's queue once analytics.js (${version}) loads after the element [needs push]`, async () => {
      installSnippet();
      analytics().identify('user-42');
      const { id, url } = endpoint();
      const { el } = deniedVisitor(url);
      await formReady(el);
      await sleep(300);
      expect(logins(), 'before Segment loaded').to.deep.equal([]);
      loadLibrary({ version });
      await until(() => logins().length, 'OneSignal.login');
      expect((await submitAndRead(el, id)).externalId).to.equal('user-42');
      expect(logins()).to.deep.equal([['user-42']]);
    });
  }

  it('finds analytics.js that arrives without a snippet after the element started', async () => {
    const { id, url } = endpoint();
    const { el } = mountForm({ endpoint: url, identity: 'segment', 'default-country': 'US' });
    await formReady(el);
    loadLibrary();
    analytics().identify('user-42');
    await sleep(600); // the element looks again every 250 ms
    expect((await submitAndRead(el, id)).externalId).to.equal('user-42');
  });

  it('follows an identify made after the form is shown (a visitor who signs in) [needs push]', async () => {
    installSnippet();
    loadLibrary();
    const { id, url } = endpoint();
    const { el } = deniedVisitor(url);
    await formReady(el);
    await sleep(300);
    expect(logins(), 'an anonymous visitor').to.deep.equal([]);
    await analytics().identify('user-42');
    await until(() => logins().length, 'OneSignal.login');
    expect((await submitAndRead(el, id)).externalId).to.equal('user-42');
    await analytics().identify('user-43');
    await sleep(300);
    expect(logins(), 'OneSignal’s user is someone now: never switched').to.deep.equal([
      ['user-42'],
    ]);
  });

  it('never logs in a OneSignal user who already has an external id, and still sends Segment’s id [needs push]', async () => {
    installSnippet();
    loadLibrary();
    analytics().identify('user-42');
    const { id, url } = endpoint();
    const { el } = deniedVisitor(url, { externalId: 'crm-9' });
    await formReady(el);
    expect((await submitAndRead(el, id)).externalId).to.equal('user-42');
    expect(logins()).to.deep.equal([]);
    expect(simulator().state.externalId).to.equal('crm-9');
  });

  it('lets an explicit external-id win, and then logs nobody in [needs push]', async () => {
    installSnippet();
    loadLibrary();
    analytics().identify('user-42');
    const { id, url } = endpoint();
    const { el } = deniedVisitor(url, {}, { 'external-id': 'site-7' });
    await formReady(el);
    await sleep(300);
    expect((await submitAndRead(el, id)).externalId).to.equal('site-7');
    expect(logins()).to.deep.equal([]);
  });

  it('never sends an anonymous id', async () => {
    installSnippet();
    const library = loadLibrary();
    const { id, url } = endpoint();
    const { el } = mountForm({ endpoint: url, identity: 'segment', 'default-country': 'US' });
    await formReady(el);
    await sleep(300);
    expect(library.user().anonymousId()).to.match(/^[0-9a-f-]{36}$/);
    expect((await submitAndRead(el, id)).externalId).to.equal(null);
  });

  it('without Segment, registers with no external id, throws nothing, and says why in the console', async function () {
    this.timeout(WAIT_MS + 20_000);
    const info = spyInfo();
    const page = watchPageErrors();
    try {
      const { id, url } = endpoint();
      const { el } = mountForm({ endpoint: url, identity: 'segment', 'default-country': 'US' });
      expect((await submitAndRead(el, id)).externalId).to.equal(null);
      await until(
        () => info.lines.find((line) => line.includes('identity="segment"')),
        'the console hint',
        WAIT_MS + 3000,
      );
      expect(page.errors).to.deep.equal([]);
    } finally {
      info.restore();
      page.stop();
    }
  });
});
