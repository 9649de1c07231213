// Locale helpers with fallbacks for browsers that lack the Intl API (the support policy starts
// at Safari 15, and WebViews trail it).

/**
 * The region of a BCP 47 language tag (`fr-CA` → `CA`, `zh-Hant-TW` → `TW`), read from the tag
 * itself: the same answer as `new Intl.Locale(tag).region` without needing Intl.Locale.
 */
export function regionOf(tag: string): string | undefined {
  return /^[a-z]{2,8}(?:-[a-z]{3}){0,3}(?:-[a-z]{4})?-([a-z]{2}|\d{3})(?:-|$)/i
    .exec(tag)?.[1]
    ?.toUpperCase();
}

/** "A, B and C" in the locale's words where Intl.ListFormat exists, else "A, B, C". */
export function listOf(locale: string, items: readonly string[]): string {
  if (typeof Intl.ListFormat !== 'function') return items.join(', ');
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}
