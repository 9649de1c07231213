import { unsafeCSS, type CSSResult } from 'lit';

/**
 * A style sheet from static CSS, for `static styles` and `adoptStyles`. Lit's own `css` tag also
 * checks interpolated values, and that check (0.16 kB gzip) would ship in the script tag though
 * our sheets have no interpolations (scripts/css-whitespace.mjs refuses them). Each sheet is one
 * module-level result: Lit constructs its CSSStyleSheet once, and every instance adopts that one.
 */
export const css = (strings: TemplateStringsArray): CSSResult => unsafeCSS(strings[0]);
