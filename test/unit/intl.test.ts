import { afterEach, describe, expect, test, vi } from 'vitest';
import { listOf, regionOf } from '../../src/browser/form/intl.js';

describe('regionOf', () => {
  test.each([
    ['fr-CA', 'CA'],
    ['en-gb', 'GB'],
    ['zh-Hant-TW', 'TW'],
    ['es-419', '419'],
    ['de-DE-u-co-phonebk', 'DE'],
  ])('%s has the region %s, as Intl.Locale reads it', (tag, region) => {
    expect(regionOf(tag)).toBe(region);
    expect(regionOf(tag)).toBe(new Intl.Locale(tag).region);
  });

  test.each(['en', 'sr-Latn', 'en-u-ca-buddhist', 'x-private', ''])('%j has none', (tag) =>
    expect(regionOf(tag)).toBeUndefined(),
  );
});

describe('listOf', () => {
  afterEach(() => vi.unstubAllGlobals());

  test("joins with the locale's own words", () => {
    expect(listOf('en', ['Canada', 'Mexico', 'United States'])).toBe(
      'Canada, Mexico, and United States',
    );
    expect(listOf('fr', ['Canada', 'Mexique'])).toBe('Canada et Mexique');
  });

  test('lists the names with commas where Intl.ListFormat is missing', () => {
    vi.stubGlobal('Intl', Object.create(Intl, { ListFormat: { value: undefined } }));
    expect(listOf('en', ['Canada', 'Mexico'])).toBe('Canada, Mexico');
  });
});
