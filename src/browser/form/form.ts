import type { ErrorCode } from '../element/events.js';
import {
  PushSmsFallbackErrorEvent,
  PushSmsFallbackSubmitEvent,
  PushSmsFallbackSuccessEvent,
} from '../element/events.js';
import { isRtl, loadLocale } from '../locales/index.js';
import type { State } from '../push/push-state.js';
import { format, type Strings } from '../locales/strings.js';
import type { Outcome } from '../submission/deliver.js';
import { queued, type Submission } from '../submission/queue.js';
import { renderedText } from './consent.js';
import { countryOptions, type CountryOption } from './countries.js';
import { defaultCountry } from './default-country.js';
import { checkEntries } from './entries.js';
import type { FormHost } from './host.js';
import { Outbox } from './outbox.js';
import { displayPhone, preparePhone } from './phone.js';
import { rejectionMessage } from './problems.js';
import { pageScheme, watchScheme } from './scheme.js';
import { adoptSlottedPhone, describeSlottedPhone, phoneField } from './slotted-phone.js';
import { FormDom, type Handlers, type Shown } from './view.js';
import { afterNextFrame, yieldToMain } from '../yield.js';

export { styles } from './styles.js';

/** `build()` renders the form in three frames: the heading and intro, the fields, the agreement. */
const STAGES = 3;

/** The form path: loaded only for visitors who see the form. */
export class Form {
  private phone = '';
  /** The visitor's own country (the default), for showing their number the way they know it. */
  private readonly home: string;
  private country: string;
  private consent = false;
  private error?: Shown | undefined;
  private seq = 0;
  private readonly outbox: Outbox;
  /** The success message, on the page view that registered (later views stay quiet). */
  private registered?: string;
  /** Whether the visitor opened the banner's first step into the whole form. */
  private expanded = false;
  private locale = '';
  /** The language's text: set by `localize()`, which runs before anything is drawn. */
  private base!: Strings;
  /** The selector's countries: the selected one until the form is shown, then all of them. */
  private countries: CountryOption[] = [];
  private regions = '';
  /** How much of the form `build()` has rendered so far; all of it once built. */
  private stage = STAGES;
  /** The form's box: it is in the shadow root while there is a form to show. */
  private readonly box: HTMLElement;
  private dom?: FormDom; // The box's elements, cloned on the first render.

  constructor(private readonly host: FormHost) {
    this.home =
      host.defaultCountry && (!host.countries || host.countries.includes(host.defaultCountry))
        ? host.defaultCountry
        : defaultCountry(
            {
              locale: host.locale,
              languages: navigator.languages ?? [],
              timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
            },
            host.countries,
          );
    this.country = this.home;
    this.box = this.createBox();
    this.outbox = new Outbox(host, this.settle, () => void this.deliverQueued());
  }

  /** Loads the active language, its country names and the selected country's numbering plan; call once, before rendering. */
  async localize(): Promise<void> {
    // The selected country's numbering plan loads alongside, ready before the visitor submits.
    const plan = preparePhone('', this.country);
    const { lang, strings, regions } = await loadLocale(this.host.locale);
    this.base = strings;
    this.regions = regions;
    this.countries = await countryOptions(regions, this.country, [this.country]);
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
    if (state === 'queued') return this.outbox.queuedBy === 'offline' ? s.queued : s.queuedServer;
    if (state === 'done')
      return this.registered ? format(s.done, { phone: this.registered }) : s.doneBefore;
    return undefined;
  }

  /**
   * Builds the form out of sight, one stage per frame: filling in the whole form, and its first
   * style and layout, would each be a long task on a slow phone. The box sits
   * in `root` hidden and out of the flow, at the width it will have; the first `renderInto` after
   * this shows it, laid out already. Call once, after `localize()`.
   */
  async build(root: HTMLElement | DocumentFragment): Promise<void> {
    this.box.lang = this.locale;
    this.box.dir = isRtl(this.locale) ? 'rtl' : 'ltr';
    this.box.classList.add('staged');
    root.append(this.box);
    // Reading the page's scheme styles the document with the form's new sheets: a task of its own.
    this.takeScheme();
    watchScheme(this.takeScheme);
    await yieldToMain();
    for (let stage = 1; stage <= STAGES; stage++) {
      this.stage = stage;
      this.draw(this.text, this.host.state, '');
      await afterNextFrame();
    }
  }

  private readonly takeScheme = () => (this.box.dataset['scheme'] = pageScheme(this.host));

  /** Renders the form for `state` into the element's shadow root; states without one remove it. */
  renderInto(root: HTMLElement | DocumentFragment, state: State): void {
    const s = this.text;
    const status = this.statusOf(state, s);
    if (status === undefined) return this.box.remove();
    this.draw(s, state, status);
    if (this.box.parentNode !== root) root.append(this.box);
    if (this.box.classList.contains('staged')) void this.reveal();
  }

  private draw(s: Strings, state: State, status: string): void {
    const compact = this.host.layout === 'banner' && !this.expanded && state === 'form';
    const countries = this.countries.map(({ option }) => option);
    const { phone, consent, country, error, stage, host } = this;
    const view = { host, s, state, status, stage, compact, phone, consent, country, countries };
    (this.dom ??= new FormDom(this.box, this.on)).update({ ...view, error });
  }

  /**
   * Shows the built form; the other 240-odd countries are built once it is on screen (in slices,
   * see countryOptions) and join the selector a frame later, so neither delays showing it.
   */
  private async reveal(): Promise<void> {
    this.box.classList.remove('staged');
    await afterNextFrame();
    const shown = this.countries;
    const all = await countryOptions(this.regions, this.country, this.host.countries);
    // The option on screen stays the same node, so the selection and any focus on it hold.
    this.countries = all.map((c) => shown.find((s) => s.code === c.code) ?? c);
    this.host.requestUpdate();
  }

  private createBox(): HTMLElement {
    const box = document.createElement('section');
    box.className = 'root';
    box.setAttribute('part', 'root');
    box.setAttribute('aria-labelledby', 'heading');
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.host.layout === 'banner') this.host.dismiss();
    });
    return box;
  }

  private readonly on: Handlers = {
    submit: (event) => void this.onSubmit(event),
    phoneInput: (event) => {
      this.phone = (event.target as HTMLInputElement).value;
      if (this.error?.field === 'phone') this.setError(undefined);
    },
    phoneSlot: () => {
      const value = adoptSlottedPhone(this.host, this.text.phone);
      if (value === undefined) return;
      this.phone = value;
      describeSlottedPhone(this.host, this.phoneError());
    },
    country: (event) => {
      this.country = (event.target as HTMLSelectElement).value;
      // Its numbering plan loads now, so a visitor who then loses the network can still submit.
      void preparePhone('', this.country);
    },
    consent: (event) => {
      this.consent = (event.target as HTMLInputElement).checked;
      if (this.consent && this.error?.field === 'consent') this.setError(undefined);
    },
    slotChange: () => this.host.requestUpdate(),
    expand: () => void this.expand(),
    dismiss: () => this.host.dismiss(),
  };

  /** Opens the banner's first step into the whole form, in place, and puts the visitor in it. */
  private async expand(): Promise<void> {
    this.expanded = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    phoneField(this.host)?.focus();
  }

  private phoneError = () => (this.error?.field === 'phone' ? this.error.message : undefined);

  private setError(error: Shown | undefined): void {
    this.error = error;
    describeSlottedPhone(this.host, this.phoneError());
    this.host.requestUpdate();
  }

  private focusIn(selector: string): void {
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
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
    if (field === 'consent') this.focusIn('#consent');
    else phoneField(this.host)?.focus();
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    // Pressing the busy button is not a dead end: it takes the visitor to what is happening.
    if (this.outbox.delivering) return this.focusIn('#status');
    const s = this.text;
    const { phone, country, consent, regions, locale } = this;
    const { consentMode, countries: allowed } = this.host;
    const entries = { phone, country, consent, consentMode, allowed, s, regions, locale };
    const result = await checkEntries(entries);
    if (!result.ok) return this.fail(result.code, result.message, result.field);
    this.country = result.country;
    const detail = { phone: result.e164, country: result.country };
    if (!this.host.dispatchEvent(new PushSmsFallbackSubmitEvent(detail))) return;
    const { endpoint } = this.host;
    if (!endpoint) {
      console.error('<push-sms-fallback>: no endpoint attribute: the number cannot be sent.');
      return this.fail('http', s.errorHttp, 'form');
    }
    this.setError(undefined);
    const slot = this.host.renderRoot.querySelector<HTMLSlotElement>('slot[name=consent]');
    const consentText = renderedText(slot);
    const ownText = !!slot?.assignedNodes().length || this.host.strings?.consent !== undefined;
    const submission = this.outbox.submissionFor({
      endpoint,
      phone: result.e164,
      country: result.country,
      consentText,
      // Which disclosure was shown: the site's own text, or this locale's shipped translation.
      textId: ownText ? 'site' : this.locale,
      locale: this.locale,
    });
    await this.outbox.send(submission);
  }

  /** Sends what earlier page views (or this one, offline or unanswered) could not deliver. */
  async deliverQueued(): Promise<void> {
    if (this.outbox.delivering) return;
    for (const submission of queued()) {
      this.phone ||= submission.body.phone;
      await this.outbox.send(submission);
      if (this.host.state !== 'done') return;
    }
  }

  /** Tells the visitor (and the page, through events) how a submission's delivery went. */
  private readonly settle = async (submission: Submission, outcome: Outcome): Promise<void> => {
    const s = this.text;
    const { phone } = submission.body;
    if (outcome.kind === 'unreachable') {
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
    if (outcome.kind === 'rejected') {
      this.host.setFlow('idle');
      return this.fail('http', rejectionMessage(outcome, s), 'form', outcome.status);
    }
    await preparePhone(phone, this.home);
    this.registered = displayPhone(phone, this.home);
    this.host.markRegistered();
    this.host.setFlow('idle');
    this.host.dispatchEvent(
      new PushSmsFallbackSuccessEvent({ phone, status: outcome.status, body: outcome.body }),
    );
    await this.host.updateComplete;
    this.focusIn('#status');
  };
}
