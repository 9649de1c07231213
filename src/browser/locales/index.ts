import type { Strings } from './strings.js';

/** The language tags shipped with the element (English included). */
export const LOCALES = ['en', 'es', 'fr', 'de', 'pt-BR', 'it', 'nl', 'ja', 'ar', 'he'] as const;

/** A language's text and its country names (see scripts/region-names.mjs). */
export interface LocaleTable {
  strings: Strings;
  regions: string;
}

/** What the form shows: the table, and the tag of the language it is really in. */
export interface Locale extends LocaleTable {
  lang: string;
}

// Each language is its own chunk, fetched only by pages that use it, English too: a visitor reading
// another language does not download it (some 2 kB gzip). Keys are lower-case tags; keep every
// import path literal so bundlers split one chunk per language.
const loaders: Record<string, () => Promise<LocaleTable>> = {
  es: () => import('./es.js'),
  fr: () => import('./fr.js'),
  de: () => import('./de.js'),
  'pt-br': () => import('./pt-BR.js'),
  pt: () => import('./pt-BR.js'), // The only Portuguese shipped.
  it: () => import('./it.js'),
  nl: () => import('./nl.js'),
  ja: () => import('./ja.js'),
  ar: () => import('./ar.js'),
  he: () => import('./he.js'),
};

async function english(): Promise<Locale> {
  const { strings, regions } = await import('./en.js');
  return { lang: 'en', strings, regions };
}

/**
 * The table for `locale` ("pt-BR", "fr"…): exact tag, then the base language, then English.
 * `lang` stays the page's tag ("fr-CA") when its language is shipped, and is "en" otherwise.
 */
export async function loadLocale(locale: string): Promise<Locale> {
  const tag = locale.toLowerCase();
  const load = loaders[tag] ?? loaders[tag.replace(/-.*/, '')];
  if (!load) return english();
  try {
    const { strings, regions } = await load();
    return { lang: locale, strings, regions };
  } catch {
    return english(); // A chunk that failed to load must not cost the visitor the form.
  }
}

// Right-to-left languages, by base subtag ("iw" is the deprecated tag for Hebrew).
const RTL = new Set(['ar', 'he', 'iw', 'fa', 'ur']);

/** Whether `locale` ("ar", "he-IL", "fa_IR"…) is written right to left; the element sets `dir` from it. */
export function isRtl(locale: string): boolean {
  return RTL.has(locale.toLowerCase().split(/[-_]/)[0] ?? '');
}
