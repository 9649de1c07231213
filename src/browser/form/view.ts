import { html, nothing, type TemplateResult } from 'lit/html.js';
import { keyed } from 'lit/directives/keyed.js';
import type { State } from '../push/push-state.js';
import { intro, type Strings } from '../locales/strings.js';
import { disclosure } from './consent.js';
import type { FormHost } from './host.js';

/** An error shown next to its field. */
export interface Shown {
  message: string;
  /** Changes on every failure, so a repeated message is announced again. */
  seq: number;
  field: 'phone' | 'consent' | 'form';
}

/** What the visitor does, handled by the form. */
export interface Handlers {
  submit(event: Event): void;
  phoneInput(event: Event): void;
  phoneSlot(): void;
  country(event: Event): void;
  consent(event: Event): void;
  slotChange(): void;
  expand(): void;
  dismiss(): void;
}

/** Everything a render of the form reads. */
export interface FormView {
  host: FormHost;
  s: Strings;
  state: State;
  /** The status line: empty in the form, undefined where the box is not shown. */
  status: string;
  /** How much of the form is built (1: heading and intro, 2: fields, 3: agreement). */
  stage: number;
  /** The banner's first step: heading, intro and a button that opens the form in place. */
  compact: boolean;
  phone: string;
  consent: boolean;
  country: string;
  countries: HTMLOptionElement[];
  error: Shown | undefined;
  on: Handlers;
}

const busyIn = (state: State) => state === 'sending' || state === 'queued';

export function content(view: FormView): TemplateResult {
  const { s, state, status } = view;
  return html`
    <h2 part="heading" id="heading"><slot name="heading">${s.heading}</slot></h2>
    ${state === 'done' ? nothing : body(view)}
    <p part="status" class="status" id="status" role="status" tabindex="-1">${status}</p>
  `;
}

function body(view: FormView) {
  const { s, host } = view;
  return html`
    <p class="intro"><slot name="intro">${intro(s, host.reason)}</slot></p>
    ${host.hint ? html`<p class="intro">${s.iosHint}</p>` : nothing}
    ${
      view.compact
        ? html`<div class="actions">
            <button
              part="submit expand"
              type="button"
              aria-expanded="false"
              @click=${view.on.expand}
            >
              ${s.expand}
            </button>
            ${dismissButton(view)}
          </div>`
        : html`<form novalidate @submit=${view.on.submit}>
            ${view.stage >= 2 ? [country(view), phone(view)] : nothing}
            ${view.stage >= 3 ? agreement(view) : nothing}
          </form>`
    }
  `;
}

const dismissButton = ({ s, on }: FormView) =>
  html`<button part="dismiss" type="button" @click=${on.dismiss}>${s.dismiss}</button>`;

function phone(view: FormView) {
  const { s, on, error } = view;
  return html`<div class="field">
    <label for="phone">${s.phone}</label>
    <slot name="phone" @slotchange=${on.phoneSlot} @input=${on.phoneInput}>
      <input
        id="phone"
        part="input"
        type="tel"
        autocomplete="tel"
        inputmode="tel"
        .value=${view.phone}
        ?readonly=${busyIn(view.state)}
        aria-invalid=${error?.field === 'phone' ? 'true' : 'false'}
        aria-describedby="phone-hint phone-error"
      />
    </slot>
    <p class="hint" id="phone-hint">${s.phoneHint}</p>
    ${alert(view, 'phone')}
  </div>`;
}

/** The consent disclosure (with its checkbox unless the button states the agreement) and the buttons. */
function agreement(view: FormView) {
  const { s, host, on, error } = view;
  const button = host.consentMode === 'button';
  const busy = busyIn(view.state);
  return html`
    <div class="agreement">
      <div part="consent" class="consent">
        ${
          button
            ? nothing
            : html`<input
                id="consent"
                type="checkbox"
                .checked=${view.consent}
                aria-invalid=${error?.field === 'consent' ? 'true' : 'false'}
                aria-describedby="consent-error"
                @change=${on.consent}
              />`
        }
        <label id="disclosure" for=${button ? nothing : 'consent'}
          ><slot name="consent" @slotchange=${on.slotChange}>${disclosure(host, s)}</slot></label
        >
      </div>
      ${alert(view, 'consent')}${alert(view, 'form')}
    </div>
    <div class="actions">
      <button part="submit" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
        ${button ? s.submitAndAgree : s.submit}
      </button>
      ${dismissButton(view)}
    </div>
  `;
}

function country(view: FormView) {
  const { s, host, on } = view;
  if (host.countries?.length === 1) return nothing;
  return html`<div class="field">
    <label for="country">${s.country}</label>
    <select
      id="country"
      part="country"
      autocomplete="tel-country-code"
      .value=${view.country}
      @change=${on.country}
    >
      ${view.countries}
    </select>
  </div>`;
}

// Always rendered, so a screen reader has the live region before a message arrives; written on
// one line so an empty one is :empty and takes no space.
function alert({ error }: FormView, field: Shown['field']) {
  const shown = error?.field === field ? error : undefined;
  const message = shown ? keyed(shown.seq, html`<span>${shown.message}</span>`) : nothing;
  return html`<p part="error" class="error" id="${field}-error" role="alert">${message}</p>`;
}
