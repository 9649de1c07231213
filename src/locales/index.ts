import type { Strings } from '../strings.js';
import { strings as en } from './en.js';

/** The language tags shipped with the element (English included). */
export const LOCALES = ['en', 'es', 'fr', 'de', 'pt-BR', 'it', 'nl', 'ja', 'ar', 'he'] as const;

// Each language is its own chunk, fetched only by pages that use it. English ships with the form.
// Keys are lower-case tags; keep every import path literal so bundlers split one chunk per language.
const loaders: Record<string, () => Promise<{ strings: Strings }>> = {
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

/** The strings for `locale` ("pt-BR", "fr"…): exact tag, then the base language, then English. */
export async function loadStrings(locale: string): Promise<Strings> {
  const tag = locale.toLowerCase();
  const load = loaders[tag] ?? loaders[tag.replace(/-.*/, '')];
  if (!load) return en;
  try {
    return (await load()).strings;
  } catch {
    return en; // A chunk that failed to load must not cost the visitor the form.
  }
}

// Right-to-left languages, by base subtag ("iw" is the deprecated tag for Hebrew).
const RTL = new Set(['ar', 'he', 'iw', 'fa', 'ur']);

/** Whether `locale` ("ar", "he-IL", "fa_IR"…) is written right to left; the element sets `dir` from it. */
export function isRtl(locale: string): boolean {
  return RTL.has(locale.toLowerCase().split(/[-_]/)[0] ?? '');
}
