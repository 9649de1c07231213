/**
 * Every piece of text the element shows. Locales implement all of it; sites override any part
 * through the `strings` property. `{name}` marks a value filled in at render time.
 */
export interface Strings {
  heading: string;
  /** Shown under the heading; {reason} is not used, the text fits every reason. */
  intro: string;
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
  errorEmpty: string;
  errorTooShort: string;
  errorTooLong: string;
  errorInvalid: string;
  errorNotMobile: string;
  /** {countries} lists the allowed countries' names. */
  errorCountryNotAllowed: string;
  errorConsentRequired: string;
  errorHttp: string;
  errorNetwork: string;
  errorTimeout: string;
}

/** Fills `{name}` placeholders; unknown names stay as they are so a typo is visible, not blank. */
export const format = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
