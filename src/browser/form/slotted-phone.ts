import type { FormHost } from './host.js';

/**
 * An `<input slot="phone">` in the page's own DOM, for password managers that cannot see into
 * shadow roots. It gets the same semantics as the built-in input; ARIA ids cannot cross the
 * shadow boundary, so its name and error travel as aria-label and aria-description.
 */
export function slottedPhone(host: FormHost): HTMLInputElement | null {
  return host.querySelector<HTMLInputElement>(':scope > input[slot="phone"]');
}

/** Gives a newly slotted input the phone field's semantics; returns its value. */
export function adoptSlottedPhone(host: FormHost, name: string): string | undefined {
  const input = slottedPhone(host);
  if (!input) return undefined;
  Object.assign(input, { type: 'tel', autocomplete: 'tel', inputMode: 'tel' });
  if (!input.labels?.length && !input.hasAttribute('aria-label')) {
    input.setAttribute('aria-label', name);
  }
  return input.value;
}

/** Marks the slotted input invalid with `error`, or valid without. */
export function describeSlottedPhone(host: FormHost, error: string | undefined): void {
  const input = slottedPhone(host);
  if (!input) return;
  input.setAttribute('aria-invalid', error ? 'true' : 'false');
  if (error) input.setAttribute('aria-description', error);
  else input.removeAttribute('aria-description');
}

/** The field the visitor types the number in: theirs when slotted, else ours. */
export function phoneField(host: FormHost): HTMLElement | null {
  return slottedPhone(host) ?? host.renderRoot.querySelector<HTMLElement>('#phone');
}
