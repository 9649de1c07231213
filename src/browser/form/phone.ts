import { CALLING_CODES, PARTS } from './phone-metadata/index.js';
import { PhonePlans, type ParsedPhone, type Plan } from './phone-parse.js';

export type PhoneProblem =
  'empty' | 'too-short' | 'too-long' | 'invalid' | 'not-mobile' | 'country-not-allowed';

export type PhoneResult =
  { ok: true; e164: string; country: string } | { ok: false; problem: PhoneProblem };

// The min metadata knows line types for only a few countries; where it does, a number that is
// certainly not SMS-capable (landline, toll free…) is refused here rather than by the server.
const SMS_CAPABLE = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

const codeOf = new Map<string, string>();
for (const [code, countries] of Object.entries(CALLING_CODES)) {
  for (const country of countries) if (country !== '001') codeOf.set(country, code);
}

export const countryCodes = (): readonly string[] => [...codeOf.keys()];
export const callingCode = (country: string): string => codeOf.get(country) ?? '';

// The numbering plans load in parts (see scripts/phone-metadata.mjs) and merge into one table
// that phone-parse.ts reads. The cast is the one place that trusts the generated files to be in
// libphonenumber-js's own format.
const countries: Record<string, Plan> = {};
const plans = new PhonePlans({ countries, codes: CALLING_CODES });
const loading = new Map<string, Promise<void>>();

/** The calling code international digits begin with (no code is the start of another). */
const callingCodeAtStart = (digits: string): string | undefined =>
  Object.keys(CALLING_CODES).find((code) => digits.startsWith(code));

/** The part with a calling code's plans: the greatest part key not after it in string order. */
export const partOf = (code: string): string =>
  Object.keys(PARTS).reduce((found, first) => (first <= code && first > found ? first : found), '');

function loadPart(code: string): Promise<void> {
  const key = partOf(code);
  const load = PARTS[key];
  if (!load) return Promise.resolve();
  let pending = loading.get(key);
  if (!pending) {
    pending = load().then(({ part }) => {
      Object.assign(countries, part.countries as Record<string, Plan>);
    });
    loading.set(key, pending);
  }
  return pending;
}

/**
 * Loads the numbering plans `normalizePhone` needs for this input: the selected country's, and
 * the one of an international number (after `+`, `00` or the selected country's exit code).
 */
export async function preparePhone(input: string, defaultCountry: string): Promise<void> {
  await loadPart(callingCode(defaultCountry));
  const text = input.trim();
  const digits = text.replace(/\D/g, '');
  const exitCode = countries[defaultCountry]?.[1];
  let rest = '';
  if (text.startsWith('+')) rest = digits;
  else if (digits.startsWith('00')) rest = digits.slice(2);
  else if (typeof exitCode === 'string') rest = digits.replace(new RegExp(`^(?:${exitCode})`), '');
  const international = rest !== digits || text.startsWith('+');
  // Until the whole calling code is typed, there is no country to need plans of.
  const code = international ? callingCodeAtStart(rest) : undefined;
  if (code) await loadPart(code);
}

function parse(text: string, country: string): ParsedPhone | undefined {
  const read = plans.read(text, country);
  return typeof read === 'string' ? undefined : read;
}

const isValid = (number: ParsedPhone | undefined): number is ParsedPhone =>
  !!number && plans.isValid(number);

/** What is wrong with the length of the whole text as a number, if anything. */
function lengthProblem(text: string, country: string): string | undefined {
  const read = plans.read(text, country, true);
  if (typeof read === 'string') return read;
  const length = plans.lengthIn(read.national, plans.planOf(read));
  return length === 'IS_POSSIBLE' ? undefined : length;
}

/**
 * Turns what a person typed or autofilled into E.164. Accepts national format, spaces, dashes,
 * brackets, `+` and `00` prefixes, and a dial code typed again after choosing the country.
 * Call `preparePhone` with the same input first.
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
    if (isValid(international)) number = international;
  }

  if (!isValid(number) || !number.country) {
    const length = lengthProblem(text, defaultCountry);
    const problem =
      length === 'TOO_SHORT' ? 'too-short' : length === 'TOO_LONG' ? 'too-long' : 'invalid';
    return { ok: false, problem };
  }
  if (allowed && !allowed.includes(number.country)) {
    return { ok: false, problem: 'country-not-allowed' };
  }
  const type = plans.typeOf(number);
  if (type && !SMS_CAPABLE.has(type)) return { ok: false, problem: 'not-mobile' };
  return { ok: true, e164: `+${number.code}${number.national}`, country: number.country };
}

/**
 * The number as the visitor knows it: national format ("07400 123456") when it is in their own
 * country, international ("+44 7400 123456") otherwise. Call `preparePhone(e164, country)` first.
 */
export function displayPhone(e164: string, visitorCountry: string): string {
  const number = parse(e164, visitorCountry);
  if (!number) return e164;
  return plans.format(number, number.country !== visitorCountry);
}
