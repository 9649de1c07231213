// The element on a site whose own service worker holds scope `/` (issue 22 item 2), relying on
// app-id: OneSignal's worker, registered over it, would replace it once the site's pages close. The
// element must leave OneSignal out and offer SMS, and keep working where the worker at `/` is
// OneSignal's. Real workers (test/support/site-worker.ts); they need a browser with push.
import { expect } from '@open-wc/testing';
import { page, simulator, until } from '../support/onesignal-page.js';
import { APP_ID, cleanUp, mountWithSdk, spyWarnings, stateIs } from '../support/element.js';
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
    // The warning's text loads only on such a page: it may follow the decision.
    const about = () => (warnings?.lines ?? []).filter((line) => line.includes('/sw.js'));
    await until(() => about().length, 'the warning');
    expect(about()).to.have.length(1);
    expect(about()[0])
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
      const about = () => (warnings?.lines ?? []).filter((line) => line.includes('/sw.js'));
      await until(() => about().length, 'the warning');
      expect(about()).to.have.length(1);
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
