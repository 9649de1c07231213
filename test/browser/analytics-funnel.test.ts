// analytics="segment gtm gtag" (contract §8): the funnel, once each per page view, to each tool,
// against stand-ins of analytics.js, GTM's dataLayer and gtag (demo/simulators/).
import { expect } from '@open-wc/testing';
import {
  googleTagMessages,
  installDataLayer,
  installGtag,
  loadTagManager,
} from '../../demo/simulators/google-tags.js';
import {
  installSnippet,
  loadLibrary,
  segmentCalls,
} from '../../demo/simulators/segment-analytics.js';
import { everythingTold, resetAnalyticsPage, watchPageErrors } from '../support/analytics-page.js';
import {
  BLOCKED_SDK,
  boxReady,
  cleanUp,
  endpoint,
  fillAndSubmit,
  formReady,
  mountForm,
  shadow,
  stateIs,
} from '../support/element.js';
import { sleep, until } from '../support/onesignal-page.js';

const ALL = 'segment gtm gtag';
const tracks = () => segmentCalls.filter((call) => call.method === 'track').map((c) => c.args);
const gtm = () =>
  googleTagMessages.filter((m) => m.kind === 'dataLayer').map((m) => m.data as object);
const gtag = () => googleTagMessages.filter((m) => m.kind === 'gtag').map((m) => m.data);

/** All three tools on the page, loaded after the element started (their queues hold the calls). */
function toolsLoadLater() {
  installSnippet();
  installDataLayer();
  installGtag();
  return () => {
    loadLibrary();
    loadTagManager();
  };
}

describe('analytics="segment gtm gtag"', () => {
  afterEach(async () => {
    await cleanUp();
    resetAnalyticsPage();
  });

  // First: no test before it has loaded the chunk into this page.
  it('loads no analytics code for a page that does not ask for it', async () => {
    const analyticsFetched = () =>
      performance
        .getEntriesByType('resource')
        .some((entry) => /\/analytics\/analytics\.(ts|js)/.test(entry.name));
    const { el } = mountForm({ endpoint: endpoint().url });
    await formReady(el);
    expect(analyticsFetched(), 'without identity or analytics').to.equal(false);
    const asking = mountForm({ endpoint: endpoint().url, analytics: 'gtm' });
    await until(analyticsFetched, 'the analytics chunk, once asked for');
    // Attached, and its form told, within this test (not in the next one's page view).
    await formReady(asking.el);
    await until(() => (window as { dataLayer?: unknown[] }).dataLayer?.length, 'its step, told');
  });

  it('tells each tool shown, submitted and completed once, with reason, layout, locale and country', async () => {
    const load = toolsLoadLater();
    const { url } = endpoint();
    const { el } = mountForm({ endpoint: url, analytics: ALL, 'default-country': 'US' });
    await fillAndSubmit(el, { phone: '(415) 555-2671' });
    await stateIs(el, 'done');
    load();
    const { reason } = BLOCKED_SDK;
    const shown = { reason, layout: 'inline', locale: 'en' };
    const sent = { ...shown, country: 'US' };
    await until(() => tracks().length === 3, 'three Segment events');
    expect(tracks()).to.deep.equal([
      ['SMS Opt-in Shown', shown],
      ['SMS Opt-in Submitted', sent],
      ['SMS Opt-in Completed', sent],
    ]);
    expect(gtm()).to.deep.equal([
      { event: 'push_sms_fallback_shown', push_sms_fallback: shown },
      { event: 'push_sms_fallback_submitted', push_sms_fallback: sent },
      { event: 'push_sms_fallback_completed', push_sms_fallback: sent },
    ]);
    expect(gtag()).to.deep.equal([
      ['event', 'push_sms_fallback_shown', shown],
      ['event', 'push_sms_fallback_submitted', sent],
      ['event', 'push_sms_fallback_completed', sent],
    ]);
  });

  it('tells dismissed once, and nothing twice when the form comes back on the same page view', async () => {
    installSnippet();
    loadLibrary();
    const { url } = endpoint();
    const { el, of } = mountForm({ endpoint: url, analytics: 'segment', layout: 'banner' });
    await boxReady(el);
    shadow<HTMLButtonElement>(el, '[part~=dismiss]')!.click();
    await stateIs(el, 'dismissed');
    el.open();
    await boxReady(el);
    shadow<HTMLButtonElement>(el, '[part~=dismiss]')!.click();
    await stateIs(el, 'dismissed');
    expect(of('show').map((e) => e.detail.reason)).to.deep.equal([BLOCKED_SDK.reason, 'requested']);
    await sleep(300);
    const base = { layout: 'banner', locale: 'en' };
    expect(tracks()).to.deep.equal([
      ['SMS Opt-in Shown', { ...base, reason: BLOCKED_SDK.reason }],
      ['SMS Opt-in Dismissed', { ...base, reason: BLOCKED_SDK.reason }],
    ]);
  });

  it('tells only the tools it names, and nothing of a form the page kept hidden', async () => {
    installSnippet();
    loadLibrary();
    installGtag();
    loadTagManager();
    const { url } = endpoint();
    const { el, of } = mountForm({ endpoint: url, analytics: 'gtag' });
    el.addEventListener('push-sms-fallback-show', (event) => event.preventDefault(), {
      once: true,
    });
    await until(() => of('show').length, 'the show event');
    await sleep(300);
    expect(googleTagMessages, 'a cancelled show').to.deep.equal([]);
    el.open();
    await formReady(el);
    await until(() => gtag().length, 'the requested form, told');
    expect(gtag()).to.deep.equal([
      ['event', 'push_sms_fallback_shown', { reason: 'requested', layout: 'inline', locale: 'en' }],
    ]);
    expect(tracks(), 'Segment was not named').to.deep.equal([]);
  });

  // Every way a visitor types a number: none of it, and none of the disclosure, reaches a tool.
  for (const phone of [
    '+14155552671',
    '4155552671',
    '415 555 2671',
    '415-555-2671',
    '(415) 555-2671',
    '+1 (415) 555-2671',
  ]) {
    it(`never tells a tool the number (typed "${phone}") or the consent text`, async () => {
      const load = toolsLoadLater();
      load();
      const { url } = endpoint();
      const { el } = mountForm({ endpoint: url, analytics: ALL, 'default-country': 'US' });
      await fillAndSubmit(el, { phone });
      await stateIs(el, 'done');
      await until(() => tracks().length === 3, 'three Segment events');
      const told = everythingTold();
      const digits = told.replace(/\D/g, '');
      expect(digits).not.to.contain('5552671');
      expect(told).not.to.contain(phone);
      for (const words of ['Acme Coffee', 'Msg & data rates', 'Reply STOP', 'not a condition'])
        expect(told).not.to.contain(words);
    });
  }

  // Last: its tools are still awaited (for WAIT_MS) when the test ends, and would take the
  // next test's tools for their own.
  it('drops the events of tools that never load, without an error', async () => {
    const page = watchPageErrors();
    try {
      const { url } = endpoint();
      const { el } = mountForm({ endpoint: url, analytics: ALL, 'default-country': 'US' });
      await fillAndSubmit(el, { phone: '(415) 555-2671' });
      await stateIs(el, 'done');
      await sleep(300);
      expect(page.errors).to.deep.equal([]);
      // GTM's queue is the page's dataLayer: created for it, read if GTM ever comes.
      expect((window as { dataLayer?: unknown[] }).dataLayer).to.have.length(3);
    } finally {
      page.stop();
    }
  });
});
