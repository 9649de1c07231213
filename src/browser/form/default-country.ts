import { regionOf } from './intl.js';
import { callingCode } from './phone.js';
import { ZONES } from './time-zones.js';

/** What the browser tells about where the visitor is; read only as far as the chain needs. */
export interface CountryClues {
  /** The form's language ("fr-CA", "de"). */
  locale: string;
  /** `navigator.languages`. */
  languages: readonly string[];
  /** `Intl.DateTimeFormat().resolvedOptions().timeZone`: constructing a formatter costs, so it is asked last. */
  timeZone: () => string | undefined;
}

const languageOf = (tag: string): string | undefined => tag.split(/[-_]/)[0]?.toLowerCase();

/** The language's most likely country (`ja` → JP), where the browser has Intl.Locale. */
function likelyRegion(tag: string): string | undefined {
  try {
    return new Intl.Locale(tag).maximize().region;
  } catch {
    return undefined;
  }
}

/**
 * The country of an IANA time zone ("Europe/Berlin" → "DE"), from the generated table: the group
 * with the longest start of the city name. A zone the table lacks (newer than its tzdata) may
 * still begin with a start of another country's city and preselect that country, which the
 * visitor can change; every zone in the table gets its own (test/unit/default-country.test.ts).
 */
export function countryOfZone(zone: string | undefined): string | undefined {
  const slash = zone?.indexOf('/') ?? -1;
  if (!zone || slash < 0) return undefined;
  const city = zone.slice(slash + 1);
  let country: string | undefined;
  let longest = -1;
  for (const group of ZONES[zone.slice(0, slash)]?.split('|') ?? []) {
    for (const start of group.slice(0, -2).split(',')) {
      if (start.length > longest && city.startsWith(start)) {
        longest = start.length;
        country = group.slice(-2);
      }
    }
  }
  return country;
}

/**
 * The country a visitor most likely has a number in, first match wins: a region in the form's
 * language (`fr-CA` → CA); a region the browser's languages give for that language (`de-AT`);
 * the country of the visitor's time zone; the language's most likely country (`ja` → JP); US.
 * (A browser language of another language says less about where the visitor is than their
 * clock does: an en-US browser in Berlin reading a German page is in Germany.)
 * Only countries with a calling code count; with `allowed`, only those, else the first allowed.
 */
export function defaultCountry(clues: CountryClues, allowed?: readonly string[]): string {
  const usable = (code: string | undefined): code is string =>
    !!code && callingCode(code) !== '' && (!allowed || allowed.includes(code));
  const language = languageOf(clues.locale);
  const candidates: (() => string | undefined)[] = [
    () => regionOf(clues.locale),
    () =>
      clues.languages
        .filter((tag) => languageOf(tag) === language)
        .map(regionOf)
        .find(usable),
    () => countryOfZone(clues.timeZone()),
    () => likelyRegion(clues.locale),
    () => 'US',
  ];
  for (const candidate of candidates) {
    const code = candidate();
    if (usable(code)) return code;
  }
  return allowed?.[0] ?? 'US';
}
