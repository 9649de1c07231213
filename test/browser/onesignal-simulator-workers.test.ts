// The simulator's OneSignal worker beside a site's own worker at the same scope (issue 22 item 2),
// as v16's ServiceWorkerManager has it: with permission granted, a worker at its scope whose file
// is not OneSignalSDKWorker.js counts as a third party's, and `_installWorker` registers its own
// there. The browser then puts OneSignal's in place of the site's: at once when no page of the
// site is open, else once those pages close; meanwhile every page view of a user logs
// `[WM] No SW registration for postMessage`.
import { expect } from '@open-wc/testing';
import { loadSimulator, resetOneSignalPage, until } from '../support/onesignal-page.js';
import {
  fileOf,
  openSitePage,
  registerSiteWorker,
  removeWorkers,
  rootRegistration,
} from '../support/site-worker.js';

const APP_ID = '00000000-0000-4000-8000-000000000000';

let errors: string[] = [];
const consoleError = console.error;
beforeEach(() => {
  errors = [];
  console.error = (...args: unknown[]) => void errors.push(args.map(String).join(' '));
});
afterEach(async () => {
  console.error = consoleError;
  await resetOneSignalPage();
  await removeWorkers();
});

describe('OneSignal simulator: a site’s own service worker at scope / [needs push]', () => {
  it('with no page of the site open, OneSignal’s worker replaces the site’s at once', async () => {
    await registerSiteWorker();
    const os = await loadSimulator({ permission: 'granted' });
    await os.init({ appId: APP_ID });
    const registration = await rootRegistration();
    await until(() => fileOf(registration?.active) === 'OneSignalSDKWorker.js', 'the swap');
    expect(registration?.active?.scriptURL).to.contain(`?appId=${APP_ID}&sdkVersion=160608`);
  });

  it('with a page of the site open, OneSignal’s worker waits behind the site’s, logs [WM] No SW registration for postMessage, and takes over once the page closes', async () => {
    await registerSiteWorker();
    const sitePage = await openSitePage();
    const os = await loadSimulator({ subscribed: 1 });
    await os.init({ appId: APP_ID });
    const registration = await rootRegistration();
    await until(() => fileOf(registration?.waiting) === 'OneSignalSDKWorker.js', 'waiting');
    expect(fileOf(registration?.active)).to.equal('sw.js');
    await until(() => errors.length, 'an error in the console');
    expect(errors).to.deep.equal(['[WM] No SW registration for postMessage']);
    sitePage.remove();
    await until(() => fileOf(registration?.active) === 'OneSignalSDKWorker.js', 'the takeover');
  });

  it('with no worker of the site’s, the registration stays simulated: no real worker, nothing logged', async () => {
    const os = await loadSimulator({ subscribed: 1 });
    await os.init({ appId: APP_ID });
    expect(await rootRegistration()).to.equal(undefined);
    expect(errors).to.deep.equal([]);
  });
});
