// The form path: what a visitor types, what reaches the backend, and what happens when it fails.
import { expect } from '@open-wc/testing';
import { sleep, until } from '../support/onesignal-page.js';
import {
  BLOCKED_SDK,
  cleanUp,
  endpoint,
  expandBanner,
  fillAndSubmit,
  formReady,
  mountForm,
  received,
  shadow,
  stateIs,
  type Mounted,
} from '../support/element.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const declinedVisitor = (url: string, attributes: Record<string, string> = {}): Mounted =>
  mountForm({ endpoint: url, 'default-country': 'GB', ...attributes });

describe('<push-sms-fallback> form', () => {
  afterEach(cleanUp);

  it('sends the number as E.164 with the contract body and an Idempotency-Key, then is done', async () => {
    const { id, url } = endpoint('201');
    const { el, of } = declinedVisitor(url, { 'external-id': 'user-7' });
    await fillAndSubmit(el, { phone: '07400 123456' });
    await stateIs(el, 'done');
    const [request, ...more] = await received(id);
    expect(more).to.have.length(0);
    const { body, headers } = request!;
    expect(headers['content-type']).to.equal('application/json');
    expect(headers['idempotency-key']).to.match(UUID);
    expect(body.idempotencyKey).to.equal(headers['idempotency-key']);
    expect(body).to.deep.include({
      phone: '+447400123456',
      country: 'GB',
      tags: { subscribed_to_push: 'false' },
      onesignalId: null,
      externalId: 'user-7',
    });
    expect(body.push).to.deep.equal({ ...BLOCKED_SDK, permission: 'default' });
    expect(body.consent.text).to.contain('Acme Coffee');
    expect(body.consent.text).to.contain('Msg & data rates may apply');
    expect(body.consent.text).to.contain('Reply STOP to cancel, HELP for help');
    expect(body.consent.pageUrl).to.equal(location.href);
    expect(body.consent.locale).to.equal('en');
    expect(Date.parse(body.consent.acceptedAt)).to.be.closeTo(Date.now(), 60_000);
    expect(of('submit')[0]!.detail).to.deep.equal({ phone: '+447400123456', country: 'GB' });
    expect(of('success')[0]!.detail).to.deep.equal({
      phone: '+447400123456',
      status: 201,
      body: { status: 'registered' },
    });
    const status = shadow(el, '[role=status]')!;
    expect(status.textContent).to.contain('07400 123456'); // national: the visitor's country
    await until(() => el.shadowRoot!.activeElement === status, 'focus on the success message');
  });

  it('refuses an invalid number next to the field, sends nothing, and focuses the field', async () => {
    const { id, url } = endpoint('201');
    const { el, of } = declinedVisitor(url);
    await fillAndSubmit(el, { phone: '0740' });
    const input = await formReady(el);
    await until(() => input.getAttribute('aria-invalid') === 'true', 'aria-invalid');
    expect(shadow(el, '#phone-error')!.textContent).to.contain('too short');
    expect(shadow(el, '#phone-error')!.getAttribute('role')).to.equal('alert');
    expect(input.getAttribute('aria-describedby')).to.contain('phone-error');
    await until(() => el.shadowRoot!.activeElement === input, 'focus on the phone field');
    expect(of('error')[0]!.detail).to.deep.include({ code: 'invalid-phone', retryable: false });
    expect(el.state).to.equal('form');
    expect(await received(id)).to.have.length(0);
  });

  it('refuses a landline where the metadata can tell', async () => {
    const { id, url } = endpoint('201');
    const { el, of } = declinedVisitor(url);
    await fillAndSubmit(el, { phone: '020 7183 8750' });
    await until(() => of('error').length);
    expect(shadow(el, '#phone-error')!.textContent).to.contain('not a mobile number');
    expect(await received(id)).to.have.length(0);
  });

  it('refuses a number outside the countries allow-list with the allowed names', async () => {
    const { id, url } = endpoint('201');
    const { el, of } = declinedVisitor(url, { countries: 'US,CA', 'default-country': 'US' });
    await fillAndSubmit(el, { phone: '+44 7400 123456' });
    await until(() => of('error').length);
    expect(of('error')[0]!.detail.code).to.equal('country-not-allowed');
    expect(shadow(el, '#phone-error')!.textContent).to.contain('Canada');
    expect(await received(id)).to.have.length(0);
  });

  it('requires consent: the box is never pre-checked and nothing is sent without it', async () => {
    const { id, url } = endpoint('201');
    const { el, of } = declinedVisitor(url);
    await formReady(el);
    expect(shadow<HTMLInputElement>(el, 'input[type=checkbox]')!.checked).to.equal(false);
    await fillAndSubmit(el, { phone: '07400 123456', consent: false });
    await until(() => of('error').length);
    expect(of('error')[0]!.detail.code).to.equal('consent-required');
    await until(
      () => el.shadowRoot!.activeElement === shadow(el, 'input[type=checkbox]'),
      'focus on the consent checkbox',
    );
    expect(await received(id)).to.have.length(0);
  });

  it('lets the page handle registration itself by cancelling the submit event', async () => {
    const { id, url } = endpoint('201');
    const { el } = declinedVisitor(url);
    el.addEventListener('push-sms-fallback-submit', (event) => event.preventDefault());
    await fillAndSubmit(el, { phone: '07400 123456' });
    await sleep(200);
    expect(await received(id)).to.have.length(0);
    expect(el.state).to.equal('form');
  });

  it('retries 503s and 429s with the same Idempotency-Key until the backend accepts', async () => {
    const { id, url } = endpoint('503:ra0,429:ra0,201');
    const { el, of } = declinedVisitor(url);
    await fillAndSubmit(el, { phone: '07400 123456' });
    await stateIs(el, 'done');
    const requests = await received(id);
    expect(requests).to.have.length(3);
    const keys = new Set(requests.map((r) => r.headers['idempotency-key']));
    expect(keys.size).to.equal(1);
    expect(of('success')).to.have.length(1);
  });

  it('treats a 409 (opted out) as final, with its own text when the server sends no detail', async () => {
    const { url } = endpoint('409:nodetail,201');
    const { el, of } = declinedVisitor(url);
    await fillAndSubmit(el, { phone: '07400 123456' });
    await until(() => of('error').length);
    await stateIs(el, 'form');
    expect(shadow(el, '#form-error')!.textContent).to.contain('Reply START to our last text');
    expect(of('error')[0]!.detail).to.deep.include({ code: 'http', status: 409, retryable: false });
    expect(of('success')).to.have.length(0);
  });

  it('shows a 4xx problem detail as text, never as HTML, and goes back to the form', async () => {
    const { url } = endpoint('422:html');
    const { el, of } = declinedVisitor(url);
    await fillAndSubmit(el, { phone: '07400 123456' });
    await until(() => of('error').length);
    await stateIs(el, 'form');
    const alert = shadow(el, '#form-error')!;
    expect(alert.textContent).to.contain('<img src=x onerror=');
    expect(alert.querySelector('img, b')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(of('error')[0]!.detail).to.deep.include({ code: 'http', status: 422, retryable: false });
    await until(() => el.shadowRoot!.activeElement === shadow(el, '#phone'), 'focus on the field');
  });

  it('resending the same submission keeps its key; a corrected one gets a new key', async () => {
    const { id, url } = endpoint('422,422,201');
    const { el, of } = declinedVisitor(url);
    await fillAndSubmit(el, { phone: '07400 123456' });
    await until(() => of('error').length === 1);
    await stateIs(el, 'form');
    await fillAndSubmit(el, { phone: '07400 123456' });
    await until(() => of('error').length === 2);
    await stateIs(el, 'form');
    await fillAndSubmit(el, { phone: '07400 123457' });
    await stateIs(el, 'done');
    const keys = (await received(id)).map((r) => r.headers['idempotency-key']);
    expect(keys[0]).to.equal(keys[1]);
    expect(keys[2]).to.not.equal(keys[0]);
  });

  it('queues a submission the backend never accepts, and delivers it on the next page view', async () => {
    const { id, url } = endpoint('503:ra0,503:ra0,503:ra0,503:ra0,201');
    const first = declinedVisitor(url);
    await fillAndSubmit(first.el, { phone: '07400 123456' });
    await stateIs(first.el, 'queued');
    expect(first.of('error').at(-1)!.detail).to.deep.include({ retryable: true });
    expect(shadow(first.el, '[role=status]')!.textContent).to.contain('saved');
    expect(await received(id)).to.have.length(4);
    first.el.remove();

    // A later page view: a new element on a page that never saw the form.
    const later = declinedVisitor('/mock/unused');
    await stateIs(later.el, 'done');
    const requests = await received(id);
    expect(requests).to.have.length(5);
    expect(new Set(requests.map((r) => r.headers['idempotency-key'])).size).to.equal(1);
    expect(later.of('success')).to.have.length(1);
    expect(localStorage.getItem('push-sms-fallback:queue')).to.equal(null);

    // And the visitor is not asked again.
    later.el.remove();
    const third = declinedVisitor('/mock/unused');
    await sleep(100);
    expect(third.el.state).to.equal('done');
    expect(third.of('show')).to.have.length(0);
  });

  it('sends a queued submission as soon as the browser is back online', async () => {
    const { id, url } = endpoint('503:ra0,503:ra0,503:ra0,503:ra0,201');
    const { el } = declinedVisitor(url);
    await fillAndSubmit(el, { phone: '07400 123456' });
    await stateIs(el, 'queued');
    window.dispatchEvent(new Event('online'));
    await stateIs(el, 'done');
    expect(await received(id)).to.have.length(5);
  });

  it('is dismissed by its button and stays hidden on this device', async () => {
    const { el, of } = declinedVisitor('/mock/unused');
    await formReady(el);
    shadow<HTMLButtonElement>(el, '[part=dismiss]')!.click();
    await stateIs(el, 'dismissed');
    expect(of('dismiss')).to.have.length(1);
    expect(el.getBoundingClientRect().height).to.equal(0);
    el.remove();
    const again = declinedVisitor('/mock/unused');
    await stateIs(again.el, 'dismissed');
    expect(again.of('show')).to.have.length(0);
  });

  it('in banner layout, Escape dismisses it', async () => {
    const { el } = declinedVisitor('/mock/unused', { layout: 'banner' });
    const input = await expandBanner(el);
    expect(getComputedStyle(el).position).to.equal('fixed');
    input.focus();
    input.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    await stateIs(el, 'dismissed');
  });
});
