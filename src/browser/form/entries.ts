import type { ErrorCode } from '../element/events.js';
import { format, type Strings } from '../locales/strings.js';
import { countryName } from './countries.js';
import { listOf } from './intl.js';
import { normalizePhone, preparePhone, type PhoneProblem } from './phone.js';

const PHONE_MESSAGES: Record<PhoneProblem, keyof Strings> = {
  empty: 'errorEmpty',
  'too-short': 'errorTooShort',
  'too-long': 'errorTooLong',
  invalid: 'errorInvalid',
  'not-mobile': 'errorNotMobile',
  'country-not-allowed': 'errorCountryNotAllowed',
};

/** What the visitor entered in the form, as the submit button finds it. */
export interface Entries {
  phone: string;
  country: string;
  consent: boolean;
  consentMode: 'checkbox' | 'button';
  /** The site's allow-list, if any. */
  allowed: string[] | undefined;
  s: Strings;
  /** Country names in the form's language, for the allow-list message. */
  regions: string;
  locale: string;
}

export type Checked =
  | { ok: true; e164: string; country: string }
  | { ok: false; code: ErrorCode; message: string; field: 'phone' | 'consent' };

/** The visitor's entries, checked before anything is sent: a number with consent, or what is wrong, in words. */
export async function checkEntries(e: Entries): Promise<Checked> {
  await preparePhone(e.phone, e.country);
  const result = normalizePhone(e.phone, e.country, e.allowed);
  if (!result.ok) {
    const names = (e.allowed ?? []).map((code) => countryName(e.regions, code));
    const countries = listOf(e.locale, names);
    const message = format(e.s[PHONE_MESSAGES[result.problem]] as string, { countries });
    const code = result.problem === 'country-not-allowed' ? 'country-not-allowed' : 'invalid-phone';
    return { ok: false, code, message, field: 'phone' };
  }
  if (e.consentMode === 'checkbox' && !e.consent) {
    return {
      ok: false,
      code: 'consent-required',
      message: e.s.errorConsentRequired,
      field: 'consent',
    };
  }
  return { ok: true, e164: result.e164, country: result.country };
}
