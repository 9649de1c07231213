import { html, nothing, render } from 'lit/html.js';
import { keyed } from 'lit/directives/keyed.js';
import type { ErrorCode } from '../events.js';
import {
  PushSmsFallbackErrorEvent,
  PushSmsFallbackSubmitEvent,
  PushSmsFallbackSuccessEvent,
} from '../events.js';
import { strings as en } from '../locales/en.js';
import { isRtl, loadLocale } from '../locales/index.js';
import type { State } from '../push-state.js';
import { format, intro, type Strings } from '../strings.js';
import { deliver, type Outcome } from '../submission/deliver.js';
import { dequeue, enqueue, queued, type Submission } from '../submission/queue.js';
import { disclosure, renderedText } from './consent.js';
import type { FormHost } from './host.js';
import { countryOptions, type CountryOption } from './countries.js';
import { listOf, regionOf } from './intl.js';
import { normalizePhone, preparePhone, type PhoneProblem } from './phone.js';
import { buildRequest, uuid } from './request.js';
import { afterNextFrame } from '../yield.js';

export { styles } from './styles.js';

const PHONE_MESSAGES: Record<PhoneProblem, keyof Strings> = {
  empty: 'errorEmpty',
  'too-short': 'errorTooShort',
  'too-long': 'errorTooLong',
  invalid: 'errorInvalid',
  'not-mobile': 'errorNotMobile',
  'country-not-allowed': 'errorCountryNotAllowed',
};

/** `build()` renders the form in three frames: the heading and intro, the fields, the agreement. */
const STAGES = 3;

interface Shown {
  message: string;
  /** Changes on every failure, so a repeated message is announced again. */
  seq: number;
  field: 'phone' | 'consent' | 'form';
}

/** The form path: loaded only for visitors who see the form. */
export class Form {
  private phone = '';
  private country: string;
  private consent = false;
  private error?: Shown | undefined;
  private seq = 0;
  private delivering = false;
  /** The last submission: resent unchanged (same Idempotency-Key) when the visitor submits it again. */
  private last?: Submission;
  private registered?: string;
  private locale = '';
  private base: Strings = en;
  private countries: CountryOption[] = [];
  private allListed = false;
  /** How much of the form `build()` has rendered so far; all of it once built. */
  private stage = STAGES;
  /** The form's box: Lit renders into it; it is in the shadow root while there is a form to show. */
  private readonly box: HTMLElement;

  constructor(private readonly host: FormHost) {
    const allowed = host.countries;
    const preferred = host.defaultCountry ?? regionOf(host.locale) ?? 'US';
    this.country = !allowed || allowed.includes(preferred) ? preferred : (allowed[0] ?? preferred);
    this.box = this.createBox();
  }

  /** Loads the active language, its country names and the selected country's numbering plan; call once, before rendering. */
  async localize(): Promise<void> {
    // The selected country's numbering plan loads alongside, ready before the visitor submits.
    const plan = preparePhone('', this.country);
    const { lang, strings, regions } = await loadLocale(this.host.locale);
    this.base = strings;
    this.countries = await countryOptions(regions, this.country, this.host.countries);
    await plan;
    this.locale = lang;
  }

  private get text(): Strings {
    return { ...this.base, ...this.host.strings };
  }

  /** The status line of each state; undefined where the form shows nothing. */
  private statusOf(state: State, s: Strings): string | undefined {
    if (state === 'form') return '';
    if (state === 'sending') return s.sending;
    if (state === 'queued') return s.queued;
    // Only the page view that registered says so; later views stay quiet.
    if (state === 'done' && this.registered) return format(s.done, { phone: this.registered });
    return undefined;
  }

  /**
   * Builds the form out of sight, one stage per frame: preparing Lit's templates for the whole
   * form, and its first style and layout, would each be a long task on a slow phone. The box sits
   * in `root` hidden and out of the flow, at the width it will have; the first `renderInto` after
   * this shows it, laid out already. Call once, after `localize()`.
   */
  async build(root: HTMLElement | DocumentFragment): Promise<void> {
    this.box.lang = this.locale;
    this.box.dir = isRtl(this.locale) ? 'rtl' : 'ltr';
    this.box.classList.add('staged');
    root.append(this.box);
    for (let stage = 1; stage <= STAGES; stage++) {
      this.stage = stage;
      render(this.content(this.text, this.host.state, ''), this.box);
      await afterNextFrame();
    }
  }

  /** Renders the form for `state` into the element's shadow root; states without one remove it. */
  renderInto(root: HTMLElement | DocumentFragment, state: State): void {
    const s = this.text;
    const status = this.statusOf(state, s);
    if (status === undefined) {
      this.box.remove();
      return;
    }
    render(this.content(s, state, status), this.box);
    if (this.box.parentNode !== root) root.append(this.box);
    if (this.box.classList.contains('staged')) void this.reveal();
  }

  /**
   * Shows the built form; the other 240-odd countries join the selector a frame later, so
   * showing the form and styling hundreds of options are two frames.
   */
  private async reveal(): Promise<void> {
    this.box.classList.remove('staged');
    await afterNextFrame();
    this.allListed = true;
    this.host.requestUpdate();
  }

  private createBox(): HTMLElement {
    const box = document.createElement('section');
    box.className = 'root';
    box.setAttribute('part', 'root');
    box.setAttribute('aria-labelledby', 'heading');
    box.addEventListener('keydown', this.onKeydown);
    return box;
  }

  private content(s: Strings, state: State, status: string) {
    return html`
      <h2 part="heading" id="heading"><slot name="heading">${s.heading}</slot></h2>
      ${state === 'done' ? nothing : this.body(s, state === 'sending' || state === 'queued')}
      <p part="status" class="status" id="status" role="status" tabindex="-1">${status}</p>
    `;
  }

  private body(s: Strings, busy: boolean) {
    return html`
      <p class="intro"><slot name="intro">${intro(s, this.host.reason)}</slot></p>
      ${this.host.hint ? html`<p class="intro">${s.iosHint}</p>` : nothing}
      <form novalidate @submit=${this.onSubmit}>
        ${this.stage >= 2 ? [this.renderCountry(s), this.renderPhone(s, busy)] : nothing}
        ${this.stage >= 3 ? this.renderAgreement(s, busy) : nothing}
      </form>
    `;
  }

  private renderPhone(s: Strings, busy: boolean) {
    return html`<div class="field">
      <label for="phone">${s.phone}</label>
      <slot name="phone" @slotchange=${this.onPhoneSlot} @input=${this.onPhoneInput}>
        <input
          id="phone"
          part="input"
          type="tel"
          autocomplete="tel"
          inputmode="tel"
          .value=${this.phone}
          ?readonly=${busy}
          aria-invalid=${this.error?.field === 'phone' ? 'true' : 'false'}
          aria-describedby="phone-hint phone-error"
        />
      </slot>
      <p class="hint" id="phone-hint">${s.phoneHint}</p>
      ${this.alert('phone')}
    </div>`;
  }

  /** The consent disclosure (with its checkbox unless the button states the agreement) and the buttons. */
  private renderAgreement(s: Strings, busy: boolean) {
    const button = this.host.consentMode === 'button';
    return html`
      <div part="consent" class="consent">
        ${
          button
            ? nothing
            : html`<input
                id="consent"
                type="checkbox"
                .checked=${this.consent}
                aria-invalid=${this.error?.field === 'consent' ? 'true' : 'false'}
                aria-describedby="consent-error"
                @change=${this.onConsent}
              />`
        }
        <label id="disclosure" for=${button ? nothing : 'consent'}
          ><slot name="consent" @slotchange=${this.onSlotChange}
            >${disclosure(this.host, s)}</slot
          ></label
        >
      </div>
      ${this.alert('consent')} ${this.alert('form')}
      <div class="actions">
        <button part="submit" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
          ${button ? s.submitAndAgree : s.submit}
        </button>
        <button part="dismiss" type="button" @click=${this.onDismiss}>${s.dismiss}</button>
      </div>
    `;
  }

  private renderCountry(s: Strings) {
    if (this.host.countries?.length === 1) return nothing;
    return html`<div class="field">
      <label for="country">${s.country}</label>
      <select
        id="country"
        part="country"
        autocomplete="tel-country-code"
        .value=${this.country}
        @change=${this.onCountry}
      >
        ${this.listedCountries()}
      </select>
    </div>`;
  }

  private listedCountries(): HTMLOptionElement[] {
    const listed = this.allListed
      ? this.countries
      : this.countries.filter(({ code }) => code === this.country);
    return listed.map(({ option }) => option);
  }

  private alert(field: Shown['field']) {
    const shown = this.error?.field === field ? this.error : undefined;
    return html`<p part="error" class="error" id="${field}-error" role="alert">
      ${shown ? keyed(shown.seq, html`<span>${shown.message}</span>`) : nothing}
    </p>`;
  }

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.host.layout === 'banner') this.host.dismiss();
  };

  private readonly onPhoneInput = (event: Event) => {
    this.phone = (event.target as HTMLInputElement).value;
    if (this.error?.field === 'phone') this.setError(undefined);
  };

  private readonly onCountry = (event: Event) => {
    this.country = (event.target as HTMLSelectElement).value;
  };

  private readonly onConsent = (event: Event) => {
    this.consent = (event.target as HTMLInputElement).checked;
    if (this.consent && this.error?.field === 'consent') this.setError(undefined);
  };

  private readonly onSlotChange = () => this.host.requestUpdate();

  /**
   * An `<input slot="phone">` in the page's own DOM, for password managers that cannot see into
   * shadow roots. It gets the same semantics as the built-in input; ARIA ids cannot cross the
   * shadow boundary, so its name and error travel as aria-label and aria-description.
   */
  private slottedPhone(): HTMLInputElement | null {
    return this.host.querySelector<HTMLInputElement>(':scope > input[slot="phone"]');
  }

  private readonly onPhoneSlot = () => {
    const input = this.slottedPhone();
    if (!input) return;
    Object.assign(input, { type: 'tel', autocomplete: 'tel', inputMode: 'tel' });
    if (!input.labels?.length && !input.hasAttribute('aria-label')) {
      input.setAttribute('aria-label', this.text.phone);
    }
    this.phone = input.value;
    this.describeSlottedPhone();
  };

  private describeSlottedPhone(): void {
    const input = this.slottedPhone();
    if (!input) return;
    const error = this.error?.field === 'phone' ? this.error.message : undefined;
    input.setAttribute('aria-invalid', error ? 'true' : 'false');
    if (error) input.setAttribute('aria-description', error);
    else input.removeAttribute('aria-description');
  }

  /** The field the visitor types the number in: theirs when slotted, else ours. */
  private phoneField(): HTMLElement | null {
    return this.slottedPhone() ?? this.host.renderRoot.querySelector<HTMLElement>('#phone');
  }

  private readonly onDismiss = () => this.host.dismiss();

  private setError(error: Shown | undefined): void {
    this.error = error;
    this.describeSlottedPhone();
    this.host.requestUpdate();
  }

  private async fail(
    code: ErrorCode,
    message: string,
    field: Shown['field'],
    status?: number,
    retryable = false,
  ) {
    this.setError({ message, field, seq: ++this.seq });
    this.host.dispatchEvent(
      new PushSmsFallbackErrorEvent({ code, message, retryable, ...(status ? { status } : {}) }),
    );
    await this.host.updateComplete;
    const target =
      field === 'consent'
        ? this.host.renderRoot.querySelector<HTMLElement>('#consent')
        : this.phoneField();
    target?.focus();
  }

  private readonly onSubmit = async (event: Event) => {
    event.preventDefault();
    if (this.delivering) return;
    const s = this.text;
    const allowed = this.host.countries;
    await preparePhone(this.phone, this.country);
    const result = normalizePhone(this.phone, this.country, allowed);
    if (!result.ok) {
      const nameOf = (code: string) => this.countries.find((c) => c.code === code)?.name ?? code;
      const countries = listOf(this.locale, (allowed ?? []).map(nameOf));
      const message = format(s[PHONE_MESSAGES[result.problem]] as string, { countries });
      const code =
        result.problem === 'country-not-allowed' ? 'country-not-allowed' : 'invalid-phone';
      return this.fail(code, message, 'phone');
    }
    if (this.host.consentMode === 'checkbox' && !this.consent) {
      return this.fail('consent-required', s.errorConsentRequired, 'consent');
    }
    this.country = result.country;
    const detail = { phone: result.e164, country: result.country };
    if (!this.host.dispatchEvent(new PushSmsFallbackSubmitEvent(detail))) return;
    const { endpoint } = this.host;
    if (!endpoint) {
      console.error('<push-sms-fallback>: no endpoint attribute: the number cannot be sent.');
      return this.fail('http', s.errorHttp, 'form');
    }
    this.setError(undefined);
    await this.send(this.submissionFor(endpoint, result.e164, result.country));
  };

  private submissionFor(endpoint: string, phone: string, country: string): Submission {
    const slot = this.host.renderRoot.querySelector<HTMLSlotElement>('slot[name=consent]');
    const consentText = renderedText(slot);
    const ownText = !!slot?.assignedNodes().length || this.host.strings?.consent !== undefined;
    // Submitting the same thing again is a retry: same body, same Idempotency-Key.
    const { last } = this;
    if (last && last.body.phone === phone && last.body.consent.text === consentText) return last;
    const { facts, pushSupported, reason, externalId } = this.host;
    this.last = {
      endpoint: new URL(endpoint, document.baseURI).href,
      body: buildRequest({
        phone,
        country,
        tagKey: this.host.tagKey,
        onesignalId: facts.onesignalId,
        externalId: externalId ?? null,
        supported: pushSupported,
        permission: facts.permission,
        reason: reason ?? 'unavailable',
        consentText,
        textId: ownText ? 'site' : this.locale,
        locale: this.locale,
        pageUrl: location.href,
        acceptedAt: new Date(),
        idempotencyKey: uuid(),
      }),
    };
    return this.last;
  }

  private async send(submission: Submission): Promise<void> {
    // Saved before the first attempt: a closed tab or a crash mid-request loses nothing.
    enqueue(submission);
    this.delivering = true;
    this.host.setFlow('sending');
    const outcome = await deliver(submission);
    this.delivering = false;
    await this.settle(submission, outcome);
  }

  /** Sends what earlier page views (or this one, offline) could not deliver. */
  async deliverQueued(): Promise<void> {
    if (this.delivering) return;
    for (const submission of queued()) {
      this.phone ||= submission.body.phone;
      this.last = submission;
      await this.send(submission);
      if (this.host.state !== 'done') return;
    }
  }

  private async settle(submission: Submission, outcome: Outcome): Promise<void> {
    const s = this.text;
    const { phone } = submission.body;
    if (outcome.kind === 'unreachable') {
      this.host.setFlow('queued');
      const message = outcome.code === 'timeout' ? s.errorTimeout : s.errorNetwork;
      this.host.dispatchEvent(
        new PushSmsFallbackErrorEvent({
          code: outcome.code,
          message,
          retryable: true,
          ...(outcome.status ? { status: outcome.status } : {}),
        }),
      );
      return;
    }
    dequeue(submission.body.idempotencyKey);
    if (outcome.kind === 'rejected') {
      this.host.setFlow('idle');
      const fallback = outcome.status === 409 ? s.errorOptedOut : s.errorHttp;
      return this.fail('http', outcome.detail ?? fallback, 'form', outcome.status);
    }
    this.registered = phone;
    this.host.markRegistered();
    this.host.setFlow('idle');
    this.host.dispatchEvent(
      new PushSmsFallbackSuccessEvent({ phone, status: outcome.status, body: outcome.body }),
    );
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('#status')?.focus();
  }
}
