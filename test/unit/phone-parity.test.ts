// The form reads numbers with its own code (src/browser/form/phone-parse.ts) over the same
// numbering plans libphonenumber-js reads: for every region, and for every number the tests hold,
// it must give libphonenumber-js 1.13's answers (E.164, country, validity, line type, length
// problem, national and international format), with every region as the visitor's country.
import {
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
  type MetadataJson,
} from 'libphonenumber-js/core';
import examples from 'libphonenumber-js/examples.mobile.json';
import { beforeAll, describe, expect, test } from 'vitest';
import { CALLING_CODES, PARTS } from '../../src/browser/form/phone-metadata/index.js';
import { PhonePlans, type Plan } from '../../src/browser/form/phone-parse.js';

const countries: Record<string, Plan> = {};
const plans = new PhonePlans({ countries, codes: CALLING_CODES });
const metadata = { version: 4, country_calling_codes: CALLING_CODES, countries, nonGeographic: {} };
const json = metadata as unknown as MetadataJson;
const regions = Object.values(CALLING_CODES).flat();

// Every phone number the unit and browser tests type, plus text a phone field gets.
const CORPUS = [
  '(202) 555-0148',
  '(415) 555-2671',
  '+1 202 555 0123',
  '+1 202 555 0147',
  '+1 415-555-2671',
  '+1 416 555 0123',
  '+12025550148',
  '+18005551234',
  '+33 6 12 34 56 78',
  '+44 20 7183 8750',
  '+447400123456',
  '+4915123456789',
  '+819012345678',
  '0044 7400 123456',
  '011 44 7400 123456',
  '0151 23456789',
  '020 7183 8750',
  '0740',
  '07400 123456',
  '090-1234-5678',
  '12',
  '415',
  '415.555.2671',
  '4155552671999',
  '447400123456',
  '49 151 23456789',
  '',
  '   ',
  'call me',
  '+',
  '00',
  '+0 123',
  '+999 1234 5678',
  '415 555 2671 ext. 12',
  '415-555-2671 x12',
  '(415) 555-2671#',
  '415 555 2671,,3',
  'tel:+14155552671',
  '＋４４ ７４００ １２３４５６',
  '٠٧٤٠٠ ١٢٣٤٥٦',
  '+44 (0) 7400 123456',
  '1-800-FLOWERS',
  '+1 415 555 2671;isub=1234',
  '+1 (415) 555-2671 x',
  '0'.repeat(20),
  '+1 '.padEnd(260, '5'),
];

/** A region's example mobile number, written the ways visitors and autofill write it. */
function writings(region: string): string[] {
  const national = (examples as Record<string, string>)[region];
  const number = national && parsePhoneNumberFromString(national, region as CountryCode, json);
  if (!number) return [];
  const e164 = number.number;
  const digits = e164.slice(1);
  return [
    national,
    number.formatNational(),
    number.formatInternational(),
    e164,
    `00${digits}`,
    `011 ${digits}`,
    digits,
    `${number.countryCallingCode} ${number.formatNational()}`,
    national.slice(0, -1),
    `${national}9`,
    `${national}99`,
    national.slice(0, 3),
    `+${number.countryCallingCode}0${number.nationalNumber}`,
  ];
}

/** Everything the form asks of a reading, from our code and from libphonenumber-js. */
function ours(text: string, home: string) {
  const read = plans.read(text, home);
  const whole = plans.read(text, home, true);
  const length =
    typeof whole === 'string'
      ? whole
      : (() => {
          const problem = plans.lengthIn(whole.national, plans.planOf(whole));
          return problem === 'IS_POSSIBLE' ? undefined : problem;
        })();
  if (typeof read === 'string') return { length };
  const valid = plans.isValid(read);
  const e164 = `+${read.code}${read.national}`;
  // The form formats only the E.164 numbers it has sent (displayPhone).
  const sent = valid ? plans.read(e164, home) : undefined;
  const shown = typeof sent === 'object' ? sent : undefined;
  return {
    length,
    e164,
    country: read.country,
    valid,
    type: valid ? plans.typeOf(read) : undefined,
    national: shown && plans.format(shown, false),
    international: shown && plans.format(shown, true),
  };
}

function theirs(text: string, home: string) {
  const length = validatePhoneNumberLength(text, home as CountryCode, json);
  const number = parsePhoneNumberFromString(text, home as CountryCode, json);
  if (!number) return { length };
  const valid = number.isValid();
  const shown = valid
    ? parsePhoneNumberFromString(number.number, home as CountryCode, json)
    : undefined;
  return {
    length,
    e164: number.number,
    country: number.country,
    valid,
    type: valid ? number.getType() : undefined,
    national: shown?.formatNational(),
    international: shown?.formatInternational(),
  };
}

/** The inputs on which our reading and libphonenumber-js's differ, described. */
function differences(cases: [input: string, home: string][]): string[] {
  const found: string[] = [];
  for (const [input, home] of cases) {
    const [a, b] = [JSON.stringify(ours(input, home)), JSON.stringify(theirs(input, home))];
    if (a !== b) found.push(`${JSON.stringify(input)} in ${home}: ours ${a}, theirs ${b}`);
  }
  return found;
}

describe('phone reading matches libphonenumber-js', () => {
  beforeAll(async () => {
    for (const load of Object.values(PARTS))
      Object.assign(countries, (await load()).part.countries);
  });

  test('every number the tests hold, with every region selected', () => {
    const cases = regions.flatMap((home) =>
      CORPUS.flatMap((text) => [text, `+${text.replace(/\D/g, '')}`]).map(
        (input): [string, string] => [input, home],
      ),
    );
    expect(differences(cases).slice(0, 20)).toEqual([]);
  }, 120_000);

  test("every region's numbers, written every way, from home and from a spread of countries", () => {
    const homes = [
      'US',
      'GB',
      'DE',
      'FR',
      'BR',
      'RU',
      'KZ',
      'JP',
      'IN',
      'AU',
      'CA',
      'IT',
      'AR',
      'MX',
      'CN',
      'EG',
      'IL',
      'SA',
    ];
    const cases = regions.flatMap((region) =>
      writings(region).flatMap((input) =>
        [region, ...homes].map((home): [string, string] => [input, home]),
      ),
    );
    expect(cases.length).toBeGreaterThan(regions.length * 10 * 19);
    expect(differences(cases).slice(0, 20)).toEqual([]);
  }, 120_000);
});
