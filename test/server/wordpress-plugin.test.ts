// The WordPress example plugin (examples/wordpress/push-sms-fallback.php): valid PHP, and its
// shortcode prints every attribute the element has, as docs/cms.md promises. Needs `php` (CI
// installs php-cli).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const PLUGIN = 'examples/wordpress/push-sms-fallback.php';

const php = (...args: string[]) => execFileSync('php', args, { encoding: 'utf8' });
const shortcode = (atts: unknown) =>
  php('test/fixtures/wordpress-shortcode.php', JSON.stringify(atts));

/**
 * The element's attributes: `lang` (HTML's own, which the element reads) and those of its
 * property declarations (`attribute: false` and internal state left out).
 */
function elementAttributes(): string[] {
  const source = readFileSync('src/browser/element/push-sms-fallback.ts', 'utf8');
  const block = /static override properties[^=]*= \{([\s\S]*?)\n {2}\};/.exec(source)![1]!;
  const names = ['lang'];
  for (const [, prop, options] of block.matchAll(/^ {4}(\w+): \{([^}]*)/gm)) {
    if (/attribute: false|state: true/.test(options!)) continue;
    names.push(/attribute: '([\w-]+)'/.exec(options!)?.[1] ?? prop!.toLowerCase());
  }
  return names;
}

describe('WordPress plugin', () => {
  it('is valid PHP', () => {
    expect(php('-l', PLUGIN)).toContain('No syntax errors');
  });

  it('prints every attribute of the element from its shortcode attribute', () => {
    const attributes = elementAttributes();
    expect(attributes).toEqual(expect.arrayContaining(['lang', 'sdk-src', 'reserve-space']));
    const atts = Object.fromEntries(
      attributes.map((name) => [
        name.replaceAll('-', '_'),
        name === 'reserve-space' ? 'true' : 'x',
      ]),
    );
    const html = shortcode(atts);
    for (const name of attributes) {
      const expected = name === 'reserve-space' ? ' reserve-space' : ` ${name}="x"`;
      expect(html, name).toContain(expected);
    }
  });

  it('prints reserve-space as a boolean attribute: bare or "true" on, "false" off', () => {
    expect(shortcode(['reserve_space'])).toMatch(/ reserve-space[ >]/);
    expect(shortcode({ reserve_space: 'true' })).toMatch(/ reserve-space[ >]/);
    expect(shortcode({ reserve_space: 'false' })).not.toContain('reserve-space');
    expect(shortcode({})).not.toContain('reserve-space');
  });

  it('escapes what it prints, and leaves unset attributes out', () => {
    const html = shortcode({ endpoint: '/api" onclick="x', lang: 'de' });
    expect(html).toBe(
      '<push-sms-fallback endpoint="/api&quot; onclick=&quot;x" program-name="Acme &amp; Co"' +
        ' privacy-url="https://shop.example/privacy" lang="de"></push-sms-fallback>',
    );
  });
});
