import { afterEach, describe, expect, test, vi } from 'vitest';
import { count, country, countryList, keyword } from '../../src/browser/element/attributes.js';

const read = <T>(
  converter: { fromAttribute?: (value: string | null, type?: unknown) => T },
  value: string | null,
) => converter.fromAttribute!(value);

describe('attribute converters', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  afterEach(() => warn.mockClear());

  test('sdk-timeout="abc" falls back to the default with one warning naming the attribute', () => {
    expect(read(count('sdk-timeout', 8000), 'abc')).toBe(8000);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toContain('sdk-timeout="abc"');
  });

  test('valid numbers pass without a warning', () => {
    expect(read(count('sdk-timeout', 8000), '2500')).toBe(2500);
    expect(read(count('dismiss-days', 30), '0')).toBe(0);
    expect(warn).not.toHaveBeenCalled();
  });

  test('negative numbers are refused', () => {
    expect(read(count('dismiss-days', 30), '-1')).toBe(30);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  test('an unknown show-when falls back to the first keyword', () => {
    const showWhen = keyword('show-when', ['declined', 'not-subscribed']);
    expect(read(showWhen, 'always')).toBe('declined');
    expect(warn.mock.calls[0]![0]).toContain('show-when="always"');
    expect(read(showWhen, 'not-subscribed')).toBe('not-subscribed');
  });

  test('countries are trimmed and upper-cased; bad entries are dropped with a warning', () => {
    expect(read(countryList, 'us, ca')).toEqual(['US', 'CA']);
    expect(warn).not.toHaveBeenCalled();
    expect(read(countryList, 'US,Canada')).toEqual(['US']);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  test('default-country accepts ISO codes only', () => {
    expect(read(country, 'gb')).toBe('GB');
    expect(read(country, 'England')).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
