import {
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/max';
import { fail } from '../http/problem.js';

/** What the server knows about a number after checking it with full metadata. */
export interface CheckedPhone {
  e164: string;
  /** ISO 3166-1 alpha-2, from the number itself (not from the request). */
  country: string;
  callingCode: string;
  /** libphonenumber-js type: `MOBILE` or `FIXED_LINE_OR_MOBILE` (NANP numbers are always the latter). */
  lineType: 'MOBILE' | 'FIXED_LINE_OR_MOBILE';
}

const E164_RE = /^\+[1-9]\d{6,14}$/;
const SMS_TYPES = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

export function isCountryCode(value: string): boolean {
  return /^[A-Z]{2}$/.test(value) && isSupportedCountry(value);
}

/**
 * Checks the number as the element sent it: already E.164, valid with full metadata, of a type
 * that can receive texts, consistent with the claimed country and inside the allow-list.
 */
export function checkPhone(
  phone: string,
  claimedCountry: string,
  allowed: ReadonlySet<string> | null,
): CheckedPhone {
  if (!E164_RE.test(phone)) {
    fail(
      'invalid-phone',
      422,
      'Enter the number in international format, e.g. +447400123456.',
      'phone',
    );
  }
  const parsed = parsePhoneNumberFromString(phone);
  // With full metadata a number has a type exactly when it is valid: getType() is isValid()
  // and the type in one pass.
  const type = parsed?.getType();
  if (!parsed || !type || parsed.number !== phone) {
    fail('invalid-phone', 422, 'This is not a valid phone number.', 'phone');
  }
  if (!SMS_TYPES.has(type)) {
    fail(
      'invalid-phone',
      422,
      'This number cannot receive text messages. Use a mobile number.',
      'phone',
    );
  }
  // The element parses with smaller metadata; only the calling code has to agree.
  if (
    !isCountryCode(claimedCountry) ||
    getCountryCallingCode(claimedCountry as CountryCode) !== parsed.countryCallingCode
  ) {
    fail('invalid-request', 422, 'The country does not match the phone number.', 'country');
  }
  const country = parsed.country ?? claimedCountry;
  if (allowed && !allowed.has(country)) {
    fail('country-not-allowed', 422, 'Numbers from this country are not accepted here.', 'country');
  }
  return {
    e164: parsed.number,
    country,
    callingCode: parsed.countryCallingCode,
    lineType: type as CheckedPhone['lineType'],
  };
}
