// Every state a visitor can see passes axe-core with zero violations.
import { expect } from '@open-wc/testing';
import { until } from '../support/onesignal-page.js';
import {
  boxReady,
  cleanUp,
  expandBanner,
  endpoint,
  fillAndSubmit,
  formReady,
  mountForm,
  shadow,
  stateIs,
} from '../support/element.js';

const visitor = (script: string, attributes: Record<string, string> = {}) =>
  mountForm({ endpoint: endpoint(script).url, ...attributes });

describe('accessibility (axe-core)', () => {
  afterEach(cleanUp);

  it('the form', async () => {
    const { el } = visitor('201');
    await formReady(el);
    await expect(el).to.be.accessible();
  });

  it('the form as a banner, with one allowed country (no selector)', async () => {
    const { el } = visitor('201', { layout: 'banner', countries: 'US' });
    await boxReady(el);
    await expect(el).to.be.accessible(); // its first step
    await expandBanner(el);
    expect(shadow(el, 'select')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('an invalid number', async () => {
    const { el, of } = visitor('201');
    await fillAndSubmit(el, { phone: '12' });
    await until(() => of('error').length);
    await expect(el).to.be.accessible();
  });

  it('missing consent', async () => {
    const { el, of } = visitor('201');
    await fillAndSubmit(el, { phone: '(415) 555-2671', consent: false, country: 'US' });
    await until(() => of('error').length);
    await expect(el).to.be.accessible();
  });

  it('sending', async () => {
    const { el } = visitor('201:d1500');
    await fillAndSubmit(el, { phone: '(415) 555-2671', country: 'US' });
    await stateIs(el, 'sending');
    await el.updateComplete;
    await expect(el).to.be.accessible();
    // Let the request finish here: a registration landing during a later test would mark that
    // test's visitor as registered.
    await stateIs(el, 'done');
  });

  it('queued', async () => {
    const { el } = visitor('503:ra0');
    await fillAndSubmit(el, { phone: '(415) 555-2671', country: 'US' });
    await stateIs(el, 'queued');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('an error from the server', async () => {
    const { el, of } = visitor('422:html');
    await fillAndSubmit(el, { phone: '(415) 555-2671', country: 'US' });
    await until(() => of('error').length);
    await expect(el).to.be.accessible();
  });

  it('done', async () => {
    const { el } = visitor('201');
    await fillAndSubmit(el, { phone: '(415) 555-2671', country: 'US' });
    await stateIs(el, 'done');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
