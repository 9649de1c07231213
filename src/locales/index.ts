import type { Strings } from '../strings.js';
import { strings as en } from './en.js';

// Each language is its own chunk, fetched only by pages that use it. English ships with the form.
const loaders: Record<string, () => Promise<{ strings: Strings }>> = {};

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
