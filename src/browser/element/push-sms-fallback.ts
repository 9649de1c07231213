import { ReactiveElement, adoptStyles } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { count, country, countryList, keyword, misconfigured } from './attributes.js';
import type { ShowReason } from '../../wire/contract.js';
import { QUEUE_KEY, readItem } from '../device-memory.js';
import { PushSmsFallbackDismissEvent } from './events.js';
import type { FormHost } from '../form/host.js';
import type { ShowWhen, State } from '../push/push-state.js';
import type { Strings } from '../locales/strings.js';
import { yieldToMain } from '../yield.js';
import { hostStyles } from './host-styles.js';
import { PushWatch } from './push-watch.js';
import { showGate } from './show-gate.js';
import type { AnalyticsHost } from '../analytics/host.js';
import { loadAnalytics } from '../analytics/load.js';

import type { Form } from '../form/form.js';

const SDK_SRC = 'https://cdn.onesignal.com/sdks/web/v16/OneSignalSDK.page.js';
const SDK_TIMEOUT = 8000;
const DISMISS_DAYS = 30;

/**
 * `<push-sms-fallback>`: offers SMS to visitors who decline or cannot get web push.
 * This class decides what to show; OneSignal lives in `onesignal.ts`, and the form with its
 * phone metadata loads from `form/` only when a visitor needs it. It is a ReactiveElement, not a
 * LitElement: until there is a form there is nothing to render, so the template engine
 * (lit-html) loads with the form and a push subscriber never downloads it.
 *
 * @tagname push-sms-fallback
 * @summary An SMS opt-in form for visitors who decline, dismiss or cannot get web push (OneSignal Web SDK v16).
 *
 * @attr lang - Language of all text. Default: the nearest `[lang]`, then `<html lang>`, else English.
 * @attr state - Read-only, reflected: `loading`, `push`, `waiting`, `form`, `sending`, `queued`, `done` or `dismissed`.
 *
 * @fires {PushSmsFallbackPermissionEvent} push-sms-fallback-permission - Push state first known, and every change.
 * @fires {PushSmsFallbackShowEvent} push-sms-fallback-show - The form is about to be shown (reason `requested` after `open()`). Cancel it to keep the form hidden.
 * @fires {PushSmsFallbackSubmitEvent} push-sms-fallback-submit - A valid E.164 number with consent, before the POST. Cancel it to register the number yourself.
 * @fires {PushSmsFallbackSuccessEvent} push-sms-fallback-success - The backend accepted the number.
 * @fires {PushSmsFallbackErrorEvent} push-sms-fallback-error - Validation, HTTP or network failure.
 * @fires {PushSmsFallbackDismissEvent} push-sms-fallback-dismiss - The visitor closed the form.
 *
 * @slot heading - Replaces the heading text.
 * @slot intro - Replaces the text under the heading.
 * @slot consent - Replaces the whole SMS disclosure; the text you slot in is exactly what the request records as `consent.text`.
 *
 * @csspart root - The form's box.
 * @csspart heading - The heading.
 * @csspart country - The country `<select>`.
 * @csspart input - The phone `<input type="tel">`.
 * @csspart consent - The consent checkbox and disclosure.
 * @csspart submit - The submit button (and the banner's first-step button, which also has part `expand`).
 * @csspart expand - The banner's first-step button that opens the whole form.
 * @csspart dismiss - The dismiss button.
 * @csspart error - Error messages.
 * @csspart status - Progress and success messages.
 *
 * @cssprop [--push-sms-fallback-color-scheme=the page's] - `light` or `dark` forces the form's scheme; by default it follows the page's `color-scheme` (with `light dark`, the visitor's preference), else the page's background.
 * @cssprop [--push-sms-fallback-accent=#1a56db] - Buttons, links and the focus ring (dark default `#6ca4f8`).
 * @cssprop [--push-sms-fallback-accent-text=#fff] - Text on the accent colour (dark: `#0d1117`).
 * @cssprop [--push-sms-fallback-text=#1f2328] - Text (dark: `#e6edf3`).
 * @cssprop [--push-sms-fallback-muted=#57606a] - Secondary text (dark: `#a5aeb8`).
 * @cssprop [--push-sms-fallback-background=#fff] - The form's background (dark: `#161b22`).
 * @cssprop [--push-sms-fallback-field-background=#fff] - The input and selector background (dark: `#0d1117`).
 * @cssprop [--push-sms-fallback-border=#8c959f] - Field and box borders (dark: `#7d8590`).
 * @cssprop [--push-sms-fallback-error=#b42318] - Error text and invalid fields (dark: `#ff8a80`).
 * @cssprop [--push-sms-fallback-radius=0.5rem] - Corner radius.
 * @cssprop [--push-sms-fallback-gap=0.75rem] - Space between the form's rows.
 * @cssprop [--push-sms-fallback-padding=1rem] - Space inside the form's box.
 * @cssprop [--push-sms-fallback-font=inherit] - Font.
 * @cssprop [--push-sms-fallback-max-width=36rem] - Maximum width of the form.
 * @cssprop [--push-sms-fallback-shadow=0 -4px 16px rgb(0 0 0 / 0.15)] - Shadow of the banner layout.
 * @cssprop [--push-sms-fallback-focus=var(--push-sms-fallback-accent)] - Focus ring colour.
 * @cssprop [--push-sms-fallback-reserved-height=max(30rem, calc(57rem - 80vw))] - Height held with `reserve-space`: the English form's from 360 px wide up (set it to your form's height).
 * @cssprop [--push-sms-fallback-z-index=1000] - Stacking of the banner layout.
 */
export class PushSmsFallback extends ReactiveElement implements FormHost, AnalyticsHost {
  static override properties: PropertyDeclarations = {
    appId: { attribute: 'app-id' },
    endpoint: {},
    tagKey: { attribute: 'tag-key' },
    defaultCountry: { attribute: 'default-country', converter: country },
    countries: { converter: countryList },
    showWhen: {
      attribute: 'show-when',
      converter: keyword('show-when', ['declined', 'not-subscribed']),
    },
    sdkSrc: { attribute: 'sdk-src' },
    sdkTimeout: { attribute: 'sdk-timeout', converter: count('sdk-timeout', SDK_TIMEOUT) },
    programName: { attribute: 'program-name' },
    termsUrl: { attribute: 'terms-url' },
    privacyUrl: { attribute: 'privacy-url' },
    messageFrequency: { attribute: 'message-frequency' },
    externalId: { attribute: 'external-id' },
    identity: {},
    analytics: {},
    layout: { reflect: true, converter: keyword('layout', ['inline', 'banner']) },
    reserveSpace: { attribute: 'reserve-space', type: Boolean, reflect: true },
    dismissDays: { attribute: 'dismiss-days', converter: count('dismiss-days', DISMISS_DAYS) },
    consentMode: {
      attribute: 'consent-mode',
      converter: keyword('consent-mode', ['checkbox', 'button']),
    },
    strings: { attribute: false },
    current: { state: true },
    reason: { state: true },
  };

  static override styles = hostStyles;

  /**
   * OneSignal App ID. Loads SDK v16 and calls `init` once, unless the page already has OneSignal,
   * or the site's own service worker holds scope `/` (then push is unavailable: see README).
   */
  appId?: string;
  /** URL the number is POSTed to (relative URLs resolve against the page). */
  endpoint?: string;
  /** The OneSignal tag, `"true"`/`"false"`. */
  tagKey = 'subscribed_to_push';
  /**
   * Country for numbers typed without `+` (ISO 3166-1 alpha-2).
   * @default region of `lang`, else of the browser's languages, else the time zone's country, else the language's likely country, else `US`
   */
  defaultCountry?: string;
  /**
   * Allow-list, e.g. `US,CA`: numbers elsewhere are refused. With one country the selector is hidden.
   * @default all
   */
  countries?: string[];
  /** `declined`, or `not-subscribed` to offer SMS while push is undecided too. */
  showWhen: ShowWhen = 'declined';
  /** The OneSignal page SDK URL, for a self-hosted SDK. */
  sdkSrc = SDK_SRC;
  /** Milliseconds to wait for the SDK, from when the element is connected. */
  sdkTimeout = SDK_TIMEOUT;
  /** Brand named in the consent text. */
  programName?: string;
  /** Terms page, linked from the consent text. */
  termsUrl?: string;
  /** Privacy policy, linked from the consent text. */
  privacyUrl?: string;
  /**
   * Frequency statement in the consent text.
   * @default "Msg frequency varies", in the page language
   */
  messageFrequency?: string;
  /** Your user id, sent to the backend; without it, the id the page gave `OneSignal.login`, read when the number is sent. */
  externalId?: string;
  /** `segment`: Segment's user id is the registration's external id and, once, OneSignal's (docs/analytics.md). */
  identity?: string;
  /** Tools told of the funnel (shown, submitted, completed, dismissed): `segment`, `gtm`, `gtag`. */
  analytics?: string;
  /** `inline`, or `banner` (fixed to the bottom, Escape dismisses). */
  layout: 'inline' | 'banner' = 'inline';
  /** Keeps room for the inline form while loading, so nothing below shifts (a banner reserves nothing). */
  reserveSpace = false;
  /** Days the form stays hidden after the visitor dismisses it. */
  dismissDays = DISMISS_DAYS;
  /** `checkbox`, or `button` (the button text states the agreement). */
  consentMode: 'checkbox' | 'button' = 'checkbox';
  /** Text overrides (`Partial<Strings>`), merged over the language's text. Property only. */
  strings?: Partial<Strings>;

  /** @internal */
  current: State = 'loading';
  /** Read-only: `loading`, `push`, `waiting`, `form`, `sending`, `queued`, `done` or `dismissed`. */
  get state(): State {
    return this.current;
  }

  /** @internal Whether this browser has push, and what OneSignal says about this visitor. */
  readonly push = new PushWatch(this, () => this.refresh());
  /** @internal */ reason: ShowReason | undefined;
  /** @internal */ hint: string | undefined;
  /** @internal The identity provider's user id (`identity`). */ linkedId: string | undefined;

  private form?: Form;
  private formLoading?: Promise<Form>;
  private flow: 'idle' | 'sending' | 'queued' = 'idle';
  private started = false;
  private startScheduled = false;
  private readonly gate = showGate(this);
  private readonly backOnline = () => void this.form?.deliverQueued();

  /** The locale of all text: `lang` here or on the nearest ancestor, else English. */
  get locale(): string {
    return (
      (this.closest('[lang]') as HTMLElement | null)?.lang || document.documentElement.lang || 'en'
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('state', this.current);
    addEventListener('online', this.backOnline);
    // React 18 (through @lit/react) and Angular set properties and add listeners just after
    // connecting the element: the first connection starts in the first update, which Lit runs
    // after them, so their appId/sdkSrc count and their handlers hear the first events.
    if (this.hasUpdated) this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.started = false;
    this.push.stop();
    removeEventListener('online', this.backOnline);
  }

  /** Reads the configuration, links OneSignal and decides what to show. */
  private start(): void {
    this.started = true;
    if (!this.endpoint) misconfigured('endpoint');
    this.push.start({ appId: this.appId, sdkSrc: this.sdkSrc, timeoutMs: this.sdkTimeout });
    const { supported } = this.push;
    // The first look at storage (a synchronous round trip to the browser on a fresh page) waits
    // for the next task, after the SDK's script has been requested. Without push, the form is on
    // its way: the iOS hint's platform test comes first, in a small chunk of its own.
    const first = supported
      ? yieldToMain()
      : import('./ios-hint.js').then(
          (m) => void (this.hint = m.iosHint()),
          () => {},
        );
    void loadAnalytics(this);
    void first.then(() => {
      if (!this.started) return;
      this.refresh();
      if (readItem(QUEUE_KEY)) void this.loadForm().then((form) => form.deliverQueued());
    });
  }

  /** Recomputes the state from push facts and what this device remembers. */
  private refresh(): void {
    const push = this.push.decide(this.showWhen, this.tagKey);
    const { state, reason, withForm } = this.gate.decide(push, this.flow, this.current);
    this.reason = reason;
    this.current = state;
    if (withForm) void this.loadForm();
  }

  private loadForm(): Promise<Form> {
    this.formLoading ??= this.showForm();
    return this.formLoading;
  }

  // Requesting and evaluating the chunk, parsing its styles and building the form are the
  // largest pieces of work on the form path: each gets tasks of its own, and none joins the task
  // that decided, so none blocks input for long.
  private async showForm(): Promise<Form> {
    await yieldToMain();
    const module = await import('../form/form.js');
    await yieldToMain();
    const form = new module.Form(this);
    await form.localize();
    await yieldToMain();
    adoptStyles(this.renderRoot as ShadowRoot, [...PushSmsFallback.elementStyles, module.styles]);
    await yieldToMain();
    await form.build(this.renderRoot);
    this.form = form;
    this.requestUpdate();
    return form;
  }

  /** @internal */
  setFlow(flow: 'idle' | 'sending' | 'queued'): void {
    this.flow = flow;
    this.refresh();
  }

  /** @internal */
  markRegistered(): void {
    this.gate.remember('registered');
  }

  /**
   * Shows the form now (reason `requested`), even after a dismissal: for a "Get texts" link
   * elsewhere on the page. A visitor who registered a number on this device sees the done state.
   */
  open(): void {
    if (this.current === 'form') return;
    this.gate.request();
    if (this.started) this.refresh();
  }

  /** Closes the form; it stays hidden on this device for `dismiss-days`. */
  dismiss(): void {
    this.gate.remember('dismissed', this.dismissDays);
    this.refresh();
    this.dispatchEvent(new PushSmsFallbackDismissEvent());
  }

  protected override willUpdate(): void {
    if (!this.started && this.isConnected && !this.startScheduled) {
      // The task that evaluated the script and upgraded the element has done enough already:
      // starting (push support, the SDK) gets a task of its own.
      this.startScheduled = true;
      void yieldToMain().then(() => {
        this.startScheduled = false;
        if (!this.started && this.isConnected) this.start();
      });
    }
    this.setAttribute('state', this.current);
  }

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    this.form?.renderInto(this.renderRoot, this.current);
  }
}
