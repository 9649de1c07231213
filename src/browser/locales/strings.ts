import type { ShowReason } from '../../wire/contract.js';

/**
 * Every piece of text the element shows. Locales implement all of it; sites override any part
 * through the `strings` property. `{name}` marks a value filled in at render time.
 */
export interface Strings {
  heading: string;
  /** Under the heading, one sentence per reason the form is offered (the `show` event's `reason`). */
  introDenied: string;
  introDismissed: string;
  /** Push still undecided (`show-when="not-subscribed"`). */
  introNotSubscribed: string;
  /** The SDK blocked or failing, or permission granted without a push subscription. */
  introUnavailable: string;
  /** A browser without web push; on iOS Safari outside a home-screen app `iosHint` follows it. */
  introUnsupported: string;
  /** Extra line on iOS Safari outside a home-screen app. */
  iosHint: string;
  country: string;
  phone: string;
  phoneHint: string;
  /**
   * The SMS disclosure (checkbox label). Must keep {program}, {frequency}, {terms} and {privacy};
   * {action} is the control the visitor uses ("checking this box" / the button text).
   */
  consent: string;
  consentByCheckbox: string;
  /** {button} is the submit button's text. */
  consentByButton: string;
  frequency: string;
  terms: string;
  privacy: string;
  submit: string;
  /** Submit text when the button itself gives consent (`consent-mode="button"`). */
  submitAndAgree: string;
  dismiss: string;
  sending: string;
  /** Queued because the browser is offline. */
  queued: string;
  /** Queued because the server did not answer (or kept failing) while the browser is online. */
  queuedServer: string;
  /** The banner's first step: the button that opens the whole form. */
  expand: string;
  /** {phone} is the number as the visitor knows it: national format for their own country, else international. */
  done: string;
  /** The form asked for again (`open()`) by a visitor who registered a number on this device before. */
  doneBefore: string;
  errorEmpty: string;
  errorTooShort: string;
  errorTooLong: string;
  errorInvalid: string;
  errorNotMobile: string;
  /** {countries} lists the allowed countries' names. */
  errorCountryNotAllowed: string;
  errorConsentRequired: string;
  errorHttp: string;
  /** A 409 without a server detail: the number texted STOP; texting START opts back in. */
  errorOptedOut: string;
  /** The backend refused the number's country (its own allow-list). */
  errorCountryRefused: string;
  /** Final: the backend cannot take sign-ups as set up (e.g. misconfigured); retrying will not help. */
  errorUnavailable: string;
  errorNetwork: string;
  errorTimeout: string;
}

/** Fills `{name}` placeholders; unknown names stay as they are so a typo is visible, not blank. */
export const format = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

const INTRO = {
  denied: 'introDenied',
  dismissed: 'introDismissed',
  'not-subscribed': 'introNotSubscribed',
  unavailable: 'introUnavailable',
  unsupported: 'introUnsupported',
  // The visitor asked for texts (a "Get texts" link): the sentence for a visitor who prefers them.
  requested: 'introNotSubscribed',
} as const satisfies Record<ShowReason, keyof Strings>;

/** The sentence under the heading that is true for this reason. */
export const intro = (s: Strings, reason: ShowReason = 'unavailable'): string => s[INTRO[reason]];
