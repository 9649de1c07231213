/**
 * The intl-tel-input page's script (bench/browser/pages/html.ts intlTelInputPage): intl-tel-input with
 * utils on the phone field, the number checked and posted as E.164 like our element's request.
 * Served minified, as the size comparison builds it.
 */
import intlTelInput from 'intl-tel-input/intlTelInputWithUtils';

const form = document.querySelector<HTMLFormElement>('form.sms');
const input = form?.querySelector<HTMLInputElement>('#phone');
if (form && input) {
  const field = intlTelInput(input, { initialCountry: 'us' });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    input.setCustomValidity(field.isValidNumber() ? '' : 'invalid');
    if (!input.validity.valid) return;
    void fetch(form.action, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: field.getNumber() }),
    });
  });
}
