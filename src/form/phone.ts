import {
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/min';

export type PhoneProblem =
  'empty' | 'too-short' | 'too-long' | 'invalid' | 'not-mobile' | 'country-not-allowed';

export type PhoneResult =
  { ok: true; e164: string; country: string } | { ok: false; problem: PhoneProblem };

// The min metadata knows line types for only a few countries; where it does, a number that is
// certainly not SMS-capable (landline, toll free…) is refused here rather than by the server.
const SMS_CAPABLE = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

export const countryCodes = (): readonly string[] => getCountries();
export const callingCode = (country: string): string =>
  getCountryCallingCode(country as CountryCode);

function parse(text: string, country: string): PhoneNumber | undefined {
  return parsePhoneNumberFromString(text, country as CountryCode);
}

/**
 * Turns what a person typed or autofilled into E.164. Accepts national format, spaces, dashes,
 * brackets, `+` and `00` prefixes, and a dial code typed again after choosing the country.
 */
export function normalizePhone(
  input: string,
  defaultCountry: string,
  allowed?: readonly string[],
): PhoneResult {
  const text = input.trim().replace(/^00/, '+');
  if (!/\d/.test(text)) return { ok: false, problem: text ? 'invalid' : 'empty' };

  let number = parse(text, defaultCountry);
  // "49 151 2345 6789" with Germany selected: the visitor typed the dial code without a plus.
  const digits = text.replace(/\D/g, '');
  if (!text.startsWith('+') && digits.startsWith(callingCode(defaultCountry))) {
    const international = parse(`+${digits}`, defaultCountry);
    if (international?.isValid()) number = international;
  }

  if (!number?.isValid() || !number.country) {
    const length = validatePhoneNumberLength(text, defaultCountry as CountryCode);
    const problem =
      length === 'TOO_SHORT' ? 'too-short' : length === 'TOO_LONG' ? 'too-long' : 'invalid';
    return { ok: false, problem };
  }
  if (allowed && !allowed.includes(number.country)) {
    return { ok: false, problem: 'country-not-allowed' };
  }
  const type = number.getType();
  if (type && !SMS_CAPABLE.has(type)) return { ok: false, problem: 'not-mobile' };
  return { ok: true, e164: number.number, country: number.country };
}
