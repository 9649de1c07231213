// libphonenumber-js with its "max" metadata: parse, validate, E.164 (what a phone field needs).
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export function toE164(text: string, country: CountryCode): string | null {
  const number = parsePhoneNumberFromString(text, country);
  return number?.isValid() ? number.number : null;
}
