// The build's CSS minifier (scripts/css-whitespace.mjs) changes no rule: each engine parses the
// element's and the form's styles the same before and after it.
import { expect } from '@open-wc/testing';
import type { CSSResult } from 'lit';
import { minifyCss } from '../../scripts/css-whitespace.mjs';
import { styles as formStyles } from '../../src/browser/form/styles.js';
import { PushSmsFallback } from '../../src/browser/element/push-sms-fallback.js';

/**
 * The rules as the engine serialises them (a `<style>`: Safari 15 has no constructable sheets).
 * Values with var() keep their text as written, so the space after a comma is left out of both.
 */
function rules(text: string): string[] {
  const style = document.createElement('style');
  style.textContent = text;
  document.head.append(style);
  const parsed = [...(style.sheet?.cssRules ?? [])].map((rule) => rule.cssText.replace(/, /g, ','));
  style.remove();
  return parsed;
}

describe("the build's CSS minifier", () => {
  const sheets: [string, CSSResult][] = [
    ['element', PushSmsFallback.styles as CSSResult],
    ['form', formStyles],
  ];
  for (const [name, { cssText }] of sheets) {
    it(`keeps every rule of the ${name}'s styles`, () => {
      const minified = minifyCss(cssText);
      // Indentation and the spaces around punctuation are gone, whatever the source's indentation.
      expect(cssText).to.match(/^[ \t]+\S/m);
      expect(minified).not.to.match(/^[ \t]|[:;{] /m);
      expect(minified.length).to.be.lessThan(cssText.length * 0.9);
      expect(rules(cssText).length).to.be.greaterThan(3);
      expect(rules(minified)).to.deep.equal(rules(cssText));
    });
  }
});
