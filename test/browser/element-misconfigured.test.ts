// A page set up wrongly says so once in the console, and hostile OneSignal states (the SDK's own
// errors, OneSignal replaced by something else, getters that throw) never break the page or the
// element: push counts as unavailable and the form is offered.
import { expect } from '@open-wc/testing';
import { page, sleep, until } from '../support/onesignal-page.js';
import { APP_ID, cleanUp, formReady, mount, spyWarnings, stateIs } from '../support/element.js';

let warnings: ReturnType<typeof spyWarnings> | undefined;
beforeEach(() => (warnings = spyWarnings()));
afterEach(async () => {
  // Undefined where the needs hook skipped the test before this file's beforeEach ran.
  warnings?.restore();
  await cleanUp();
});

const about = (what: string) => (warnings?.lines ?? []).filter((line) => line.includes(what));

describe('misconfiguration, one console warning each [needs push]', () => {
  it('no app-id and no OneSignal on the page: names app-id when the wait ends', async () => {
    const { el } = mount({ endpoint: '/mock/x', 'sdk-timeout': '200' });
    await stateIs(el, 'form');
    await until(() => about('no app-id').length, 'the warning');
    await sleep(200);
    expect(about('no app-id')).to.deep.equal([
      '<push-sms-fallback>: no app-id and no OneSignal on this page: set app-id to your OneSignal App ID, or load and init OneSignal on the page yourself.',
    ]);
  });

  it('an app-id that is not a UUID: names it, and loads no SDK for it', async () => {
    const { el } = mount({
      'app-id': 'YOUR-ONESIGNAL-APP-ID',
      endpoint: '/mock/x',
      'sdk-timeout': '200',
    });
    await until(() => about('app-id=').length, 'the warning');
    await stateIs(el, 'form');
    expect(about('app-id=')).to.deep.equal([
      '<push-sms-fallback>: app-id="YOUR-ONESIGNAL-APP-ID" is not a OneSignal App ID (a UUID): copy yours from OneSignal, Settings, Keys & IDs.',
    ]);
    expect(document.querySelector('script[src*="OneSignalSDK"]')).to.equal(null);
    expect(about('no app-id')).to.deep.equal([]);
  });

  it('no endpoint when it connects: names endpoint', async () => {
    const { el } = mount({ 'app-id': APP_ID, 'sdk-src': '/blocked.js' });
    await stateIs(el, 'form');
    await until(() => about('no endpoint').length, 'the warning');
    expect(about('no endpoint')).to.have.length(1);
    expect(about('no endpoint')[0]).to.match(/set endpoint .* or register them yourself/);
  });

  it('a well configured element says nothing', async () => {
    const { el } = mount({ 'app-id': APP_ID, 'sdk-src': '/blocked.js', endpoint: '/mock/x' });
    await stateIs(el, 'form');
    await sleep(300);
    expect(warnings?.lines).to.deep.equal([]);
  });
});

describe('hostile OneSignal states [needs push]', () => {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent | PromiseRejectionEvent) =>
    errors.push('reason' in event ? event.reason : event.error);
  beforeEach(() => {
    errors.length = 0;
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onError);
  });
  afterEach(() => {
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onError);
  });

  const expectForm = async (attributes: Record<string, string> = {}) => {
    const { el, of } = mount({ endpoint: '/mock/x', 'sdk-timeout': '300', ...attributes });
    await stateIs(el, 'form');
    await formReady(el);
    expect(of('show').map((e) => e.detail.reason)).to.deep.equal(['unavailable']);
    expect(errors).to.deep.equal([]);
  };

  it('window.OneSignal replaced by something else', async () => {
    (page as { OneSignal?: unknown }).OneSignal = 42;
    await expectForm();
  });

  it('OneSignalDeferred that is not a queue, with an app-id', async () => {
    (page as { OneSignalDeferred?: unknown }).OneSignalDeferred = 'not a queue';
    await expectForm({ 'app-id': APP_ID });
  });

  it('an SDK whose getters throw', async () => {
    const boom = () => {
      throw new Error('hostile getter');
    };
    (page as { OneSignal?: unknown }).OneSignal = Object.defineProperty({}, 'config', {
      get: boom,
    });
    await expectForm();
  });

  it('an SDK that is ready, then throws from its namespaces', async () => {
    const notifications = {
      permissionNative: 'default',
      addEventListener() {},
      removeEventListener() {},
    };
    const sdk = { config: {}, Notifications: notifications, User: undefined as unknown };
    Object.defineProperty(sdk, 'User', {
      get() {
        throw new Error('hostile User');
      },
    });
    (page as { OneSignal?: unknown }).OneSignal = sdk;
    await expectForm();
  });
});
