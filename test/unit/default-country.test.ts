import { describe, expect, it } from 'vitest';
import { countryOfZone, defaultCountry } from '../../src/browser/form/default-country.js';
// Every zone scripts/time-zones.mjs made the table from, with its zone.tab country.
import zones from '../fixtures/time-zones.json';

const clues = (locale: string, languages: string[] = [], timeZone?: string) => ({
  locale,
  languages,
  timeZone: () => timeZone,
});

describe('the default country', () => {
  it('is the region of the page language when it has one', () => {
    expect(defaultCountry(clues('fr-CA', ['fr-FR'], 'Europe/Paris'))).toBe('CA');
  });

  it('is else a region the browser gives for the page language', () => {
    expect(defaultCountry(clues('de', ['en-US', 'de-AT'], 'Europe/Berlin'))).toBe('AT');
  });

  it("is else the time zone's country, over a browser region of another language", () => {
    expect(defaultCountry(clues('de', ['en-US'], 'Europe/Berlin'))).toBe('DE');
    expect(defaultCountry(clues('es', ['en-US', 'en'], 'America/Mexico_City'))).toBe('MX');
    expect(defaultCountry(clues('ar', [], 'Asia/Riyadh'))).toBe('SA');
    expect(defaultCountry(clues('he', [], 'Asia/Jerusalem'))).toBe('IL');
  });

  it('is else the most likely country of the language, else the United States', () => {
    expect(defaultCountry(clues('ja', [], 'Etc/UTC'))).toBe('JP');
    expect(defaultCountry(clues('it', [], undefined))).toBe('IT');
    expect(defaultCountry(clues('nl', ['nl'], 'UTC'))).toBe('NL');
    expect(defaultCountry(clues('not a tag!', [], undefined))).toBe('US');
  });

  it('skips regions that are not countries with a calling code', () => {
    // 419 is Latin America; AQ (Antarctica) has no calling code of its own.
    expect(defaultCountry(clues('es-419', [], 'America/Bogota'))).toBe('CO');
    expect(defaultCountry(clues('en', [], 'Antarctica/McMurdo'))).toBe('US');
  });

  it('keeps to the allow-list: the first clue that is allowed, else the first allowed country', () => {
    expect(defaultCountry(clues('fr-CA', [], 'Europe/Paris'), ['FR', 'BE'])).toBe('FR');
    expect(defaultCountry(clues('en', [], 'Asia/Tokyo'), ['GB', 'IE'])).toBe('GB');
  });

  it('asks for the time zone only when the languages do not tell', () => {
    let asked = 0;
    const timeZone = () => (asked++, 'Europe/Berlin');
    defaultCountry({ locale: 'de-CH', languages: [], timeZone });
    defaultCountry({ locale: 'de', languages: ['de-AT'], timeZone });
    expect(asked).toBe(0);
  });
});

describe('the time zone table', () => {
  it('gives every zone it was made from its own country, though it stores only starts of names', () => {
    const wrong = Object.entries(zones).filter(
      ([zone, country]) => countryOfZone(zone) !== country,
    );
    expect(wrong).toEqual([]);
    expect(Object.keys(zones).length).toBeGreaterThan(400);
  });

  it('knows current and older zone names browsers report', () => {
    expect(countryOfZone('Europe/Berlin')).toBe('DE');
    expect(countryOfZone('Asia/Kolkata')).toBe('IN');
    expect(countryOfZone('Asia/Calcutta')).toBe('IN');
    expect(countryOfZone('Europe/Kiev')).toBe('UA');
    expect(countryOfZone('America/Argentina/Buenos_Aires')).toBe('AR');
    expect(countryOfZone('America/Indiana/Indianapolis')).toBe('US');
  });

  it('has no country for zones that are not in one', () => {
    expect(countryOfZone('UTC')).toBeUndefined();
    expect(countryOfZone('Etc/GMT+5')).toBeUndefined();
    expect(countryOfZone('Europe/Nowhere')).toBeUndefined();
    expect(countryOfZone(undefined)).toBeUndefined();
  });
});
