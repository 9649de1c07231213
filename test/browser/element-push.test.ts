// How the element decides, from OneSignal and the browser, whether to offer SMS.
import { expect } from '@open-wc/testing';
import { simulator, sleep, until } from '../support/onesignal-page.js';
import { cleanUp, formReady, mount, mountWithSdk, stateIs } from '../support/element.js';

const formChunkFetched = () =>
  performance
    .getEntriesByType('resource')
    .some((entry) => /\/form\/form\.(ts|js)/.test(entry.name));

describe('<push-sms-fallback> push state', () => {
  afterEach(cleanUp);

  it('shows nothing and fetches no form code for a push subscriber whose tag is already right [needs push]', async () => {
    const { el, of } = mountWithSdk({
      permission: 'granted',
      subscribed: 1,
      tags: 'subscribed_to_push:true',
    });
    await stateIs(el, 'push');
    await sleep(200);
    expect(of('show')).to.have.length(0);
    expect(of('permission')[0]!.detail).to.deep.equal({
      supported: true,
      permission: 'granted',
      optedIn: true,
      sdk: 'ready',
    });
    expect(simulator().calls.addTag, 'tag writes on a repeat page view').to.deep.equal([]);
    expect(simulator().calls.init).to.equal(1);
    expect(el.getBoundingClientRect().height).to.equal(0);
    expect(formChunkFetched(), 'form chunk fetched on the push path').to.equal(false);
  });

  it('writes the tag once when a subscriber does not have it yet [needs push]', async () => {
    const { el } = mountWithSdk({ permission: 'granted', subscribed: 1 });
    await stateIs(el, 'push');
    await sleep(200);
    expect(simulator().calls.addTag).to.deep.equal([['subscribed_to_push', 'true']]);
  });

  it('uses tag-key for the tag name [needs push]', async () => {
    const { el } = mountWithSdk(
      { permission: 'granted', subscribed: 1 },
      { 'tag-key': 'has_push' },
    );
    await stateIs(el, 'push');
    await until(() => simulator().calls.addTag.length);
    expect(simulator().calls.addTag).to.deep.equal([['has_push', 'true']]);
  });

  it('shows the form for a visitor who denied push, without a tag write the SDK would drop [needs push]', async () => {
    const { el, of } = mountWithSdk({ permission: 'denied' });
    await stateIs(el, 'form');
    expect(of('show')[0]!.detail).to.deep.equal({ reason: 'denied' });
    await formReady(el);
    expect(simulator().calls.addTag).to.deep.equal([]);
  });

  it('waits while push is undecided, then follows the decision live [needs push]', async () => {
    const { el, of } = mountWithSdk({ permission: 'default' });
    await stateIs(el, 'waiting');
    expect(el.getBoundingClientRect().height).to.equal(0);
    simulator().deny();
    await stateIs(el, 'form');
    expect(of('show')[0]!.detail.reason).to.equal('denied');
    expect(of('permission').map((e) => e.detail.permission)).to.deep.equal(['default', 'denied']);
  });

  it('removes the form and flips the tag when the visitor later subscribes to push [needs push]', async () => {
    const { el } = mountWithSdk({ permission: 'default' }, { 'show-when': 'not-subscribed' });
    await stateIs(el, 'form');
    await formReady(el);
    simulator().grant();
    await stateIs(el, 'push');
    await until(() => simulator().calls.addTag.length, 'the tag write');
    expect(simulator().calls.addTag).to.deep.equal([['subscribed_to_push', 'true']]);
  });

  it('decides push from the browser’s subscription while the SDK’s user create is out, before the SDK says anything [needs push]', async () => {
    // The user create answers late (issue 22, item 7): OneSignal's first `change` waits for it,
    // so only the browser knows; the element keeps asking it while permission is granted.
    const { el } = mountWithSdk({ permission: 'default', userCreate: 60_000 });
    await stateIs(el, 'waiting');
    simulator().grant();
    await stateIs(el, 'push');
    expect(simulator().state.subscriptionId, 'the SDK’s id').to.equal(null);
    expect(simulator().state.token, 'the browser’s subscription').to.be.a('string');
  });

  it('shows the form when the visitor dismisses the prompt [needs push]', async () => {
    const { el, of } = mountWithSdk({ permission: 'default' });
    await stateIs(el, 'waiting');
    simulator().dismiss();
    await stateIs(el, 'form');
    expect(of('show')[0]!.detail.reason).to.equal('dismissed');
  });

  it('show-when="not-subscribed" offers SMS while push is still undecided [needs push]', async () => {
    const { el, of } = mountWithSdk({ permission: 'default' }, { 'show-when': 'not-subscribed' });
    await stateIs(el, 'form');
    expect(of('show')[0]!.detail.reason).to.equal('not-subscribed');
  });

  it('treats a blocked SDK script as unavailable at once, without waiting for sdk-timeout [needs push]', async () => {
    const started = performance.now();
    const { el, of } = mount({
      'app-id': '00000000-0000-4000-8000-000000000000',
      'sdk-src': '/blocked/OneSignalSDK.page.js',
      'sdk-timeout': '60000',
    });
    await stateIs(el, 'form');
    expect(performance.now() - started).to.be.below(30_000);
    expect(of('show')[0]!.detail.reason).to.equal('unavailable');
    expect(of('permission')[0]!.detail.sdk).to.equal('unavailable');
  });

  it('treats an SDK that is not ready within sdk-timeout as unavailable [needs push]', async () => {
    const { el, of } = mountWithSdk(
      { permission: 'default', initDelay: 3000 },
      { 'sdk-timeout': '100' },
    );
    await stateIs(el, 'form');
    expect(of('show')[0]!.detail.reason).to.equal('unavailable');
  });

  it('decides "unsupported" at once in a browser without push, and loads no SDK', async () => {
    // Absent already in a browser without the Push API (WebKit in its iOS-tab mode).
    const saved = Object.getOwnPropertyDescriptor(window, 'PushSubscriptionOptions');
    delete (window as { PushSubscriptionOptions?: unknown }).PushSubscriptionOptions;
    try {
      // A minute of sdk-timeout: the form comes from the push-support test, not from giving up.
      const { el, of } = mountWithSdk({}, { 'sdk-timeout': '60000' });
      await stateIs(el, 'form');
      expect(of('show')[0]!.detail.reason).to.equal('unsupported');
      expect(of('permission')[0]!.detail).to.include({ supported: false, sdk: 'unavailable' });
      expect(document.querySelector('script[src*="onesignal"]')).to.equal(null);
    } finally {
      if (saved) Object.defineProperty(window, 'PushSubscriptionOptions', saved);
    }
  });

  it('keeps the form hidden when the page cancels the show event', async () => {
    const el = document.createElement('push-sms-fallback');
    el.addEventListener('push-sms-fallback-show', (event) => event.preventDefault());
    el.setAttribute('app-id', '00000000-0000-4000-8000-000000000000');
    el.setAttribute('sdk-src', '/blocked.js');
    document.body.append(el);
    await until(() => el.state === 'waiting');
    await sleep(100);
    expect(el.state).to.equal('waiting');
    expect(el.getBoundingClientRect().height).to.equal(0);
    el.remove();
  });

  it('falls back to defaults, with one warning each, for malformed attributes', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const { el } = mount({
        'sdk-timeout': 'abc',
        'show-when': 'sometimes',
        'sdk-src': '/blocked.js',
      });
      expect(el.sdkTimeout).to.equal(8000);
      expect(el.showWhen).to.equal('declined');
      expect(warnings.filter((w) => w.includes('sdk-timeout="abc"'))).to.have.length(1);
      expect(warnings.filter((w) => w.includes('show-when="sometimes"'))).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });
});
