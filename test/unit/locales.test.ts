import { describe, expect, test } from 'vitest';
import { isRtl, loadLocale, LOCALES } from '../../src/browser/locales/index.js';
import { regions as enRegions, strings as en } from '../../src/browser/locales/en.js';
import { countryCodes } from '../../src/browser/form/phone.js';
import { countryName } from '../../src/browser/form/countries.js';
import { strings as de } from '../../src/browser/locales/de.js';
import { strings as fr } from '../../src/browser/locales/fr.js';
import { strings as ptBR } from '../../src/browser/locales/pt-BR.js';
import type { Strings } from '../../src/browser/locales/strings.js';

const keys = Object.keys(en) as (keyof Strings)[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

const loadStrings = async (locale: string) => (await loadLocale(locale)).strings;

describe.each(LOCALES.filter((locale) => locale !== 'en'))('locale %s', (locale) => {
  const load = () => loadStrings(locale);

  test('is its own table, not the English fallback', async () => {
    expect(await load()).not.toBe(en);
  });

  test('has every English key, each a non-empty string, and no other key', async () => {
    const s = await load();
    expect(Object.keys(s).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(typeof s[key], key).toBe('string');
      expect(s[key].trim(), key).not.toBe('');
    }
  });

  test('keeps exactly the placeholders of each English message', async () => {
    const s = await load();
    for (const key of keys) {
      expect(new Set(placeholders(s[key])), key).toEqual(new Set(placeholders(en[key])));
    }
  });

  test('gives every reason the form is offered its own intro sentence', async () => {
    const s = await load();
    const intros = [
      s.introDenied,
      s.introDismissed,
      s.introNotSubscribed,
      s.introUnavailable,
      s.introUnsupported,
    ];
    expect(new Set(intros).size).toBe(intros.length);
  });

  test('the consent disclosure has its placeholders and the STOP and HELP keywords', async () => {
    const s = await load();
    for (const part of ['{program}', '{frequency}', '{terms}', '{privacy}', '{action}']) {
      expect(s.consent).toContain(part);
    }
    expect(s.consent).toMatch(/\bSTOP\b/);
    expect(s.consent).toMatch(/\bHELP\b/);
    expect(s.consentByButton).toContain('{button}');
    expect(s.frequency.trim()).not.toBe('');
  });
});

describe.each(LOCALES)('country names, %s', (locale) => {
  const table = async () => (await loadLocale(locale)).regions.split('|');

  test('name every country that has a calling code, once each', async () => {
    const codes = (await table()).map((entry) => entry.slice(0, 2));
    expect([...codes].sort()).toEqual([...countryCodes()].sort());
  });

  test('are names, not codes, in the order this language sorts them', async () => {
    const entries = await table();
    for (const entry of entries) expect(entry.slice(2), entry).not.toBe(entry.slice(0, 2));
    const names = entries.map((entry) => entry.slice(2));
    const collator = new Intl.Collator(locale);
    expect(names).toEqual([...names].sort(collator.compare));
  });

  test('are found by code for messages, first and last entries too, a missing code as itself', async () => {
    const { regions } = await loadLocale(locale);
    for (const entry of regions.split('|')) {
      expect(countryName(regions, entry.slice(0, 2))).toBe(entry.slice(2));
    }
    expect(countryName(regions, 'XX')).toBe('XX');
  });

  test('are in the language itself', async () => {
    const germany = (await table()).find((entry) => entry.startsWith('DE'))!.slice(2);
    expect(germany).toBe(new Intl.DisplayNames([locale], { type: 'region' }).of('DE'));
    if (locale !== 'en') expect(germany).not.toBe('Germany');
  });
});

describe('loadLocale', () => {
  test('says which language the text is really in', async () => {
    expect((await loadLocale('fr-CA')).lang).toBe('fr-CA');
    expect((await loadLocale('tlh')).lang).toBe('en');
    expect((await loadLocale('tlh')).regions).toBe(enRegions);
  });

  test('English is the table shipped with the form', async () => {
    expect(await loadStrings('en')).toBe(en);
    expect(await loadStrings('en-GB')).toBe(en);
  });

  test('a regional tag falls back to its base language', async () => {
    expect(await loadStrings('fr-CA')).toEqual(fr);
    expect(await loadStrings('de-AT')).toEqual(de);
  });

  test('pt-BR and plain pt give Brazilian Portuguese, whatever the case', async () => {
    expect(await loadStrings('pt-BR')).toEqual(ptBR);
    expect(await loadStrings('pt-br')).toEqual(ptBR);
    expect(await loadStrings('pt')).toEqual(ptBR);
  });

  test('an unknown language gets English', async () => {
    expect(await loadStrings('zz')).toBe(en);
    expect(await loadStrings('')).toBe(en);
  });
});

describe('isRtl', () => {
  test('Arabic, Hebrew, Persian and Urdu, with or without a region, are right to left', () => {
    for (const locale of ['ar', 'ar-EG', 'he', 'he-IL', 'fa', 'fa-IR', 'ur', 'ur-PK', 'AR-sa']) {
      expect(isRtl(locale), locale).toBe(true);
    }
  });

  test('other languages are left to right', () => {
    for (const locale of ['en', 'en-US', 'fr-CA', 'pt-BR', 'ja', 'de', 'hr', 'ars-x', 'urd', '']) {
      expect(isRtl(locale), locale).toBe(false);
    }
  });

  test('of the shipped locales, exactly Arabic and Hebrew', () => {
    expect(LOCALES.filter(isRtl)).toEqual(['ar', 'he']);
  });
});
