import type { ComplexAttributeConverter } from 'lit';
import type { Misconfiguration } from './misconfigured.js';

// Malformed attributes fall back to their default with one console warning, never a throw:
// a typo in a CMS field must not take the page's push detection down with it.
function warn(name: string, value: string, fallback: unknown): void {
  console.warn(`<push-sms-fallback>: ${name}="${value}" is not valid; using ${String(fallback)}.`);
}

/** One console warning for a page set up wrongly; its text loads only on such a page. */
export const misconfigured = (kind: Misconfiguration, value?: string): void =>
  void import('./misconfigured.js').then((m) => m.warn(kind, value));

/** A whole number of at least 0 (`sdk-timeout`, `dismiss-days`). */
export const count = (name: string, fallback: number): ComplexAttributeConverter<number> => ({
  fromAttribute(value) {
    const n = Number(value);
    if (value == null || value.trim() === '' || !Number.isFinite(n) || n < 0) {
      if (value != null) warn(name, value, fallback);
      return fallback;
    }
    return n;
  },
});

/** One of a fixed set of keywords (`show-when`, `layout`, `consent-mode`). */
export const keyword = <T extends string>(
  name: string,
  allowed: readonly T[],
): ComplexAttributeConverter<T> => ({
  fromAttribute(value) {
    if (allowed.includes(value as T)) return value as T;
    if (value != null) warn(name, value, allowed[0]);
    return allowed[0] as T;
  },
});

const COUNTRY = /^[A-Z]{2}$/;

/** `countries="US, ca"` → `['US', 'CA']`; entries that are not ISO 3166-1 alpha-2 are dropped. */
export const countryList: ComplexAttributeConverter<string[] | undefined> = {
  fromAttribute(value) {
    if (!value) return undefined;
    const codes = value.split(',').map((code) => code.trim().toUpperCase());
    const valid = codes.filter((code) => COUNTRY.test(code));
    if (valid.length !== codes.length) warn('countries', value, valid.join(',') || 'all');
    return valid.length ? valid : undefined;
  },
};

/** `default-country="gb"` → `'GB'`. */
export const country: ComplexAttributeConverter<string | undefined> = {
  fromAttribute(value) {
    const code = value?.trim().toUpperCase();
    if (code && COUNTRY.test(code)) return code;
    if (value) warn('default-country', value, 'the region of the page language');
    return undefined;
  },
};
