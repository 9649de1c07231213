// Reads phone numbers with the numbering plans of phone-metadata/ (libphonenumber-js's "min"
// format), the way libphonenumber-js 1.13 does for what the form needs: parse, validity, line
// type, length problems and the national/international format. The form no longer ships that
// library's general code (some 9 kB gzip); test/unit/phone-parity.test.ts holds every region to
// libphonenumber-js's answers. RFC 3966 `tel:` URIs with a phone-context are read as plain text.

/** A country's plan, by position: see `P` (libphonenumber-js's metadata format, version 4). */
export type Plan = unknown[];
/** A format, by position: pattern, format, leading digits, prefix rule, prefix optional, international. */
type Format = [string, string, string[]?, string?, unknown?, string?];

const P = {
  code: 0,
  idd: 1,
  pattern: 2,
  lengths: 3,
  formats: 4,
  prefix: 5,
  prefixRule: 6,
  prefixForParsing: 7,
  transform: 8,
  leading: 10,
  types: 11,
} as const;

/** The plans loaded so far (a country's code → its plan) and every calling code's countries. */
export interface Plans {
  countries: Record<string, Plan>;
  codes: Record<string, string[]>;
}

export interface ParsedPhone {
  country: string | undefined;
  code: string;
  national: string;
}

export type LengthProblem =
  'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH' | 'NOT_A_NUMBER' | 'INVALID_COUNTRY';

// In the plans' order of line types; FIXED_LINE_OR_MOBILE is what a number matching both is.
const TYPES = [
  'FIXED_LINE',
  'MOBILE',
  'TOLL_FREE',
  'PREMIUM_RATE',
  'PERSONAL_NUMBER',
  'VOICEMAIL',
  'UAN',
  'PAGER',
  'VOIP',
  'SHARED_COST',
];
// The order libphonenumber-js tries the other types in: MOBILE, PREMIUM_RATE, TOLL_FREE, SHARED_COST…
const OTHER_TYPES = [1, 3, 2, 9, 8, 4, 7, 6, 5];

const DIGITS = '0-9\uFF10-\uFF19\u0660-\u0669\u06F0-\u06F9';
const PUNCTUATION =
  '-\u2010-\u2015\u2212\u30FC\uFF0D\uFF0F/\uFF0E. \xA0\xAD\u200B\u2060\u3000()\uFF08\uFF09\uFF3B\uFF3D\\[\\]~\u2053\u223C\uFF5E';
const PLUS = '+\uFF0B';
const ext = (labels: string, max: number, between = '[ \xA0\\t,]*', suffix = '#?') =>
  `${between}${labels}[:\\.\uFF0E]?[ \xA0\\t,-]*([${DIGITS}]{1,${max}})${suffix}`;
/** Extensions ("ext. 12", "x12", ";ext=12", "-12#", ",,12"): the number before one still counts. */
const EXTENSION = [
  `;ext=([${DIGITS}]{1,20})`,
  ext(
    '(?:e?xt(?:ensi(?:o\u0301?|\xF3))?n?|\uFF45?\uFF58\uFF54\uFF4E?|\u0434\u043E\u0431|anexo)',
    20,
  ),
  ext('(?:[x\uFF58#\uFF03~\uFF5E]|int|\uFF49\uFF4E\uFF54)', 9),
  `[- ]+([${DIGITS}]{1,6})#`,
  ext('(?:,{2}|;)', 15, '[ \xA0\\t]*'),
  ext('(?:,)+', 9, '[ \xA0\\t]*'),
].join('|');
const VIABLE = new RegExp(
  `^[${DIGITS}]{2}$|^[${PLUS}]?(?:[${PUNCTUATION}]*[${DIGITS}]){3,}[${PUNCTUATION}${DIGITS}]*(?:${EXTENSION})?$`,
  'i',
);
const VIABLE_START = new RegExp(`^[${PLUS}]?(?:[${PUNCTUATION}]*[${DIGITS}]){1,2}$`, 'i');
const NUMBER_START = new RegExp(`[${PLUS}${DIGITS}]`);
const AFTER_NUMBER = new RegExp(`[^${DIGITS}#]+$`);
const EXTENSION_AT_END = new RegExp(`(?:${EXTENSION})$`, 'i');

const matches = (text: string, pattern: unknown): boolean =>
  new RegExp(`^(?:${String(pattern)})$`).test(text);

/** Digits in any script the plans accept (fullwidth, Arabic-Indic…) as ASCII, and a leading `+`. */
function plainDigits(text: string): string {
  let out = '';
  for (const char of text) {
    if (char === '+') {
      if (!out) out = '+';
      continue;
    }
    const code = char.charCodeAt(0);
    for (const zero of [48, 0xff10, 0x660, 0x6f0]) {
      if (code >= zero && code <= zero + 9) out += String(code - zero);
    }
  }
  return out;
}

export class PhonePlans {
  constructor(private readonly plans: Plans) {}

  /** The plan of a country, or of a calling code's main country. */
  private plan(countryOrCode: string): Plan | undefined {
    const country = /^\d/.test(countryOrCode)
      ? this.plans.codes[countryOrCode]?.[0]
      : countryOrCode;
    return country ? this.plans.countries[country] : undefined;
  }

  private isType(national: string, index: number, plan: Plan): boolean {
    const type = (plan[P.types] as [string, number[]?][] | undefined)?.[index];
    if (!type?.[0]) return false;
    const lengths = type[1] || (plan[P.lengths] as number[] | undefined);
    return (!lengths || lengths.includes(national.length)) && matches(national, type[0]);
  }

  private typeIn(national: string, plan: Plan): string | undefined {
    if (!matches(national, plan[P.pattern])) return undefined;
    if (this.isType(national, 0, plan)) {
      const mobile = (plan[P.types] as unknown[][])[1];
      return !mobile || mobile[0] === '' || this.isType(national, 1, plan)
        ? 'FIXED_LINE_OR_MOBILE'
        : 'FIXED_LINE';
    }
    const index = OTHER_TYPES.find((i) => this.isType(national, i, plan));
    return index === undefined ? undefined : TYPES[index];
  }

  lengthIn(national: string, plan: Plan | undefined): LengthProblem | 'IS_POSSIBLE' {
    const lengths = plan?.[P.lengths] as number[] | undefined;
    if (!lengths) return 'IS_POSSIBLE';
    const length = national.length;
    const [shortest = 0] = lengths;
    if (shortest === length) return 'IS_POSSIBLE';
    if (shortest > length) return 'TOO_SHORT';
    if ((lengths.at(-1) ?? 0) < length) return 'TOO_LONG';
    return lengths.indexOf(length, 1) >= 0 ? 'IS_POSSIBLE' : 'INVALID_LENGTH';
  }

  /** Which of a calling code's countries a national number belongs to. */
  private countryOf(code: string, national: string): string | undefined {
    const countries = this.plans.codes[code];
    if (!countries || countries.length < 2) return countries?.[0];
    return countries.find((country) => {
      const plan = this.plans.countries[country] ?? [];
      const leading = plan[P.leading] as string | undefined;
      if (leading) return !!national && national.search(leading) === 0;
      return this.typeIn(national, plan) !== undefined;
    });
  }

  /** The number without its national prefix ("0" in "07400…"), where the plan says it has one. */
  private withoutPrefix(number: string, plan: Plan): string {
    const prefix = (plan[P.prefixForParsing] || plan[P.prefix]) as string | undefined;
    const found = prefix && new RegExp(`^(?:${prefix})`).exec(number);
    if (!found) return number;
    const groups = found.length - 1;
    const transform = plan[P.transform] as string | undefined;
    const national =
      transform && groups > 0 && found[groups]
        ? number.replace(new RegExp(`^(?:${prefix})`), transform)
        : number.slice(found[0].length);
    if (national === number) return number;
    if (matches(number, plan[P.pattern]) && !matches(national, plan[P.pattern])) return number;
    if (plan[P.lengths]) {
      const country = this.countryOf(plan[P.code] as string, national);
      const length = this.lengthIn(national, country ? this.plans.countries[country] : plan);
      if (length === 'TOO_SHORT' || length === 'INVALID_LENGTH') return number;
    }
    return national;
  }

  /** Calling code and the rest, from `+…`, the default country's exit code, or its code without `+`. */
  private splitCode(number: string, home: string | undefined): { code?: string; rest?: string } {
    const plan = home ? this.plans.countries[home] : undefined;
    if (number[0] !== '+') {
      const exit = plan && new RegExp(plan[P.idd] as string).exec(number);
      const afterExit = exit?.index === 0 ? number.slice(exit[0].length) : undefined;
      if (afterExit && afterExit[0] !== '0') number = `+${afterExit}`;
      else {
        const code = plan?.[P.code] as string | undefined;
        if (plan && code && number.startsWith(code)) {
          const shorter = number.slice(code.length);
          const national = this.withoutPrefix(number, plan);
          if (
            (!matches(national, plan[P.pattern]) &&
              matches(this.withoutPrefix(shorter, plan), plan[P.pattern])) ||
            this.lengthIn(national, plan) === 'TOO_LONG'
          ) {
            return { code, rest: shorter };
          }
        }
        return { rest: number };
      }
    }
    if (number[1] === '0') return {};
    for (let end = 2; end <= 4 && end <= number.length; end++) {
      const code = number.slice(1, end);
      if (this.plans.codes[code]) return { code, rest: number.slice(end) };
    }
    return {};
  }

  /**
   * Reads `text` as a number, with `home`'s plan for national numbers; a `LengthProblem` when it
   * cannot. `whole`: the whole text is the number (else it is found inside, as libphonenumber-js's
   * parsePhoneNumberFromString finds it; validatePhoneNumberLength reads the whole text).
   */
  read(text: string, home: string | undefined, whole = false): ParsedPhone | LengthProblem {
    const homePlan = home ? this.plans.countries[home] : undefined;
    if (home && !homePlan) {
      if (whole) return 'INVALID_COUNTRY';
      home = undefined;
    }
    if (text.length > 250) return 'TOO_LONG';
    let number = text;
    if (!whole) {
      const start = text.search(NUMBER_START);
      number = start < 0 ? '' : text.slice(start).replace(AFTER_NUMBER, '');
    }
    const subaddress = number.indexOf(';isub=');
    if (subaddress > 0) number = number.slice(0, subaddress);
    if (!number || !(number.length >= 2 && VIABLE.test(number))) {
      return number && VIABLE_START.test(number) ? 'TOO_SHORT' : 'NOT_A_NUMBER';
    }
    const extension = number.search(EXTENSION_AT_END);
    if (extension >= 0) number = number.slice(0, extension);
    const split = this.splitCode(plainDigits(number), home);
    let { code } = split;
    let country: string | undefined;
    if (!code) {
      if (!split.rest || !home || !homePlan) return 'INVALID_COUNTRY';
      country = home;
      code = homePlan[P.code] as string;
    }
    const plan = this.plan(country ?? code);
    if (!plan) return 'INVALID_COUNTRY';
    const national = split.rest ? this.withoutPrefix(split.rest, plan) : '';
    country = this.countryOf(code, national) ?? country;
    if (national.length < 2) return 'TOO_SHORT';
    if (national.length > 17) return 'TOO_LONG';
    return { country, code, national };
  }

  /** The plan a parsed number is checked against: its country's, else its calling code's. */
  planOf(phone: ParsedPhone): Plan | undefined {
    return this.plan(phone.country ?? phone.code);
  }

  /** The line type ("MOBILE", "FIXED_LINE"…) where the plan can tell; undefined otherwise. */
  typeOf(phone: ParsedPhone): string | undefined {
    const plan = this.planOf(phone);
    return plan && this.typeIn(phone.national, plan);
  }

  isValid(phone: ParsedPhone): boolean {
    const plan = this.planOf(phone);
    if (!plan) return false;
    return (plan[P.types] as unknown[] | undefined)?.length
      ? this.typeIn(phone.national, plan) !== undefined
      : matches(phone.national, plan[P.pattern]);
  }

  /** "07400 123456" (national) or "+44 7400 123456" (international). */
  format(phone: ParsedPhone, international: boolean): string {
    const plan = this.planOf(phone) ?? [];
    const main = this.plan(phone.code) ?? [];
    const { national } = phone;
    const formats = (plan[P.formats] || main[P.formats] || []) as Format[];
    const chosen = formats.find(([pattern, , leading]) => {
      const last = leading?.[leading.length - 1];
      return (!last || national.search(last) === 0) && matches(national, pattern);
    });
    let text = national;
    if (chosen) {
      const [pattern, layout, , ownRule, , intl] = chosen;
      const rule = (ownRule || plan[P.prefixRule] || main[P.prefixRule]) as string | undefined;
      text = national.replace(
        new RegExp(pattern),
        international ? intl || layout : rule ? layout.replace(/(\$\d)/, rule) : layout,
      );
      if (international) text = text.replace(new RegExp(`[${PUNCTUATION}]+`, 'g'), ' ').trim();
    }
    return international ? `+${phone.code} ${text}` : text;
  }
}
