// open() (contract §8): the form on request, for a "Get texts" link elsewhere on the page.
import { expect } from '@open-wc/testing';
import { REGISTERED_KEY } from '../../src/browser/device-memory.js';
import {
  BLOCKED_SDK,
  cleanUp,
  endpoint,
  fillAndSubmit,
  formReady,
  mountForm,
  mountWithSdk,
  received,
  shadow,
  stateIs,
} from '../support/element.js';
import { sleep, until } from '../support/onesignal-page.js';

describe('<push-sms-fallback> open()', () => {
  afterEach(cleanUp);

  it('shows the form again after a dismissal, with reason requested, and the registration says so', async () => {
    const { id, url } = endpoint();
    const { el, of } = mountForm({ endpoint: url, 'default-country': 'US' });
    await formReady(el);
    shadow<HTMLButtonElement>(el, '[part~=dismiss]')!.click();
    await stateIs(el, 'dismissed');
    el.open();
    await stateIs(el, 'form');
    expect(of('show').map((e) => e.detail.reason)).to.deep.equal([BLOCKED_SDK.reason, 'requested']);
    await fillAndSubmit(el, { phone: '(415) 555-2671' });
    await stateIs(el, 'done');
    const [request] = await received(id);
    expect(request!.body.push.reason).to.equal('requested');
  });

  it('shows a visitor who registered on this device before that they are signed up', async () => {
    localStorage.setItem(REGISTERED_KEY, new Date().toISOString());
    const { el, of } = mountForm({ endpoint: endpoint().url });
    await stateIs(el, 'done');
    await sleep(200);
    expect(el.shadowRoot!.querySelector('[part=root]'), 'nothing shown unasked').to.equal(null);
    el.open();
    const status = await until(() => {
      const box = shadow(el, '[part=root]');
      return box?.checkVisibility({ visibilityProperty: true })
        ? shadow(el, '[role=status]')
        : undefined;
    }, 'the done message');
    expect(el.state).to.equal('done');
    expect(status.textContent).to.equal('You are already signed up for our texts.');
    expect(shadow(el, 'input[type=tel]'), 'no form to fill in').to.equal(null);
    expect(of('show')).to.have.length(0);
  });

  it('offers texts to a push subscriber who asks for them [needs push]', async () => {
    const { el, of } = mountWithSdk(
      { permission: 'granted', subscribed: 1 },
      { endpoint: endpoint().url },
    );
    await stateIs(el, 'push');
    el.open();
    await formReady(el);
    expect(el.state).to.equal('form');
    expect(of('show').map((e) => e.detail.reason)).to.deep.equal(['requested']);
  });

  it('asks the page every time: a cancelled request leaves things as they were', async () => {
    const { el, of } = mountForm({ endpoint: endpoint().url });
    await formReady(el);
    shadow<HTMLButtonElement>(el, '[part~=dismiss]')!.click();
    await stateIs(el, 'dismissed');
    el.addEventListener('push-sms-fallback-show', (event) => event.preventDefault(), {
      once: true,
    });
    el.open();
    expect(el.state).to.equal('dismissed');
    el.open();
    await stateIs(el, 'form');
    expect(of('show').map((e) => e.detail.reason)).to.deep.equal([
      BLOCKED_SDK.reason,
      'requested',
      'requested',
    ]);
  });
});
