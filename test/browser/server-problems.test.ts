// The backend's problem answers, as the visitor reads them: in the form's language for every
// problem type the element knows, the server's own detail (as text) only for the others.
import { expect } from '@open-wc/testing';
import { until } from '../support/onesignal-page.js';
import {
  cleanUp,
  endpoint,
  fillAndSubmit,
  mountForm,
  received,
  shadow,
  stateIs,
} from '../support/element.js';
import { strings as de } from '../../src/browser/locales/de.js';

const germanVisitor = (url: string) =>
  mountForm({ endpoint: url, 'default-country': 'DE', lang: 'de' });

const formError = (el: HTMLElement) =>
  el.shadowRoot!.querySelector('#form-error')?.textContent?.trim() ?? '';

describe('problem answers from the backend', () => {
  afterEach(cleanUp);

  it('a German form shows its own text for known problem types, and an unknown type’s detail', async () => {
    const script = '409:type=sms/opted-out,422:type=invalid-phone,422:type=something-new';
    const { url } = endpoint(script);
    const { el, of } = germanVisitor(url);
    const submitted = async (n: number) => {
      await fillAndSubmit(el, { phone: '0151 23456789' });
      await until(() => of('error').length === n, `error ${n}`);
      await stateIs(el, 'form');
    };
    await submitted(1);
    expect(formError(el)).to.equal(de.errorOptedOut);
    expect(of('error')[0]!.detail).to.deep.include({ status: 409, message: de.errorOptedOut });
    await submitted(2);
    expect(formError(el)).to.equal(de.errorNotMobile);
    await submitted(3);
    expect(formError(el)).to.equal('Scripted 422');
  });

  it('a misconfigured backend is final: no retries, no queue, sign-ups unavailable', async () => {
    const { id, url } = endpoint('500:type=server-misconfigured,201');
    const { el, of } = germanVisitor(url);
    await fillAndSubmit(el, { phone: '0151 23456789' });
    await until(() => of('error').length === 1, 'the error');
    await stateIs(el, 'form');
    expect(await received(id)).to.have.length(1);
    expect(formError(el)).to.equal(de.errorUnavailable);
    expect(of('error')[0]!.detail).to.deep.include({ code: 'http', status: 500, retryable: false });
    expect(localStorage.getItem('push-sms-fallback:queue')).to.equal(null);
    expect(shadow(el, '[role=status]')?.textContent ?? '').to.not.contain('gespeichert');
  });
});
