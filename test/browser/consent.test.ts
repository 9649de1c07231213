// The SMS opt-in: what the visitor sees is exactly what the request records.
import { expect } from '@open-wc/testing';
import { until } from '../support/onesignal-page.js';
import {
  cleanUp,
  endpoint,
  fillAndSubmit,
  formReady,
  mountForm,
  received,
  shadow,
  stateIs,
} from '../support/element.js';

const visitor = (url: string, attributes: Record<string, string> = {}, parent?: HTMLElement) =>
  mountForm({ endpoint: url, 'default-country': 'US', ...attributes }, parent);

const visibleText = (el: Element) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim();

describe('consent', () => {
  afterEach(cleanUp);

  it('the disclosure has every required part, and the request carries exactly what was shown', async () => {
    const { id, url } = endpoint('201');
    const { el } = visitor(url, { 'message-frequency': 'Up to 4 msgs/month' });
    await formReady(el);
    const label = shadow(el, '#disclosure')!;
    const shown = visibleText(label);
    for (const part of [
      'Acme Coffee',
      'Up to 4 msgs/month',
      'Msg & data rates may apply',
      'Reply STOP to cancel, HELP for help',
      'Consent is not a condition of purchase',
      'By checking this box',
    ]) {
      expect(shown).to.contain(part);
    }
    const links = [...label.querySelectorAll('a')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    expect(links).to.deep.equal([
      ['Terms', '/terms'],
      ['Privacy Policy', '/privacy'],
    ]);
    await fillAndSubmit(el, { phone: '(415) 555-2671' });
    await stateIs(el, 'done');
    expect((await received(id))[0]!.body.consent.text).to.equal(shown);
  });

  it("a site's own disclosure in the consent slot is what the request records", async () => {
    const { id, url } = endpoint('201');
    const host = document.createElement('div');
    document.body.append(host);
    const { el } = visitor(url, {}, host);
    const custom = document.createElement('span');
    custom.slot = 'consent';
    custom.innerHTML =
      'Yes, text me Acme deals. Msg frequency varies. Msg &amp; data rates may apply. Reply STOP to cancel, HELP for help. <a href="/t">Terms</a>';
    el.append(custom);
    await fillAndSubmit(el, { phone: '(415) 555-2671' });
    await stateIs(el, 'done');
    expect((await received(id))[0]!.body.consent.text).to.equal(
      'Yes, text me Acme deals. Msg frequency varies. Msg & data rates may apply. Reply STOP to cancel, HELP for help. Terms',
    );
    host.remove();
  });

  it('consent-mode="button": the button states the agreement, no checkbox, same record', async () => {
    const { id, url } = endpoint('201');
    const { el } = visitor(url, { 'consent-mode': 'button' });
    await formReady(el);
    expect(shadow(el, 'input[type=checkbox]')).to.equal(null);
    const button = shadow(el, '[part=submit]')!;
    expect(button.textContent!.trim()).to.equal('Agree and text me');
    expect(visibleText(shadow(el, '#disclosure')!)).to.contain('By tapping “Agree and text me”');
    await fillAndSubmit(el, { phone: '(415) 555-2671', consent: false });
    await stateIs(el, 'done');
    const { consent } = (await received(id))[0]!.body;
    expect(consent.text).to.contain('By tapping “Agree and text me”, you agree to receive');
    expect(consent.text).to.contain('Acme Coffee');
  });

  it('a light-DOM <input slot="phone"> (for password managers) is used instead of the built-in one', async () => {
    const { id, url } = endpoint('201');
    const { el, of } = visitor(url);
    const own = document.createElement('input');
    own.slot = 'phone';
    el.append(own);
    await formReady(el);
    await until(
      () => own.getAttribute('autocomplete') === 'tel',
      'tel semantics on the slotted input',
    );
    expect(own.type).to.equal('tel');
    expect(own.inputMode).to.equal('tel');
    expect(own.getAttribute('aria-label')).to.contain('phone');

    own.value = '12';
    own.dispatchEvent(new Event('input', { bubbles: true }));
    shadow<HTMLInputElement>(el, '#consent')!.click();
    shadow<HTMLButtonElement>(el, '[part=submit]')!.click();
    await until(() => of('error').length);
    expect(own.getAttribute('aria-invalid')).to.equal('true');
    expect(own.getAttribute('aria-description')).to.contain('too short');
    await until(() => document.activeElement === own, 'focus on the slotted input');

    // Autofill pastes the number with its dial code.
    own.value = '+1 415-555-2671';
    own.dispatchEvent(new Event('input', { bubbles: true }));
    expect(own.getAttribute('aria-invalid')).to.equal('false');
    shadow<HTMLButtonElement>(el, '[part=submit]')!.click();
    await stateIs(el, 'done');
    expect((await received(id))[0]!.body.phone).to.equal('+14155552671');
  });
});
