// Rollup plugin: drops comments, indentation and spaces around punctuation from Lit `css`
// templates, which terser leaves as they are (0.5 kB gzip of the form chunk). Every line stays
// where it was, so the source maps stay right without one of its own.

/** Whitespace CSS does not need, outside strings: `color: red;` → `color:red;`. */
const tighten = (text) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':');

export function minifyCss(text) {
  if (text.includes('${')) throw new Error('css-whitespace: interpolations are not supported');
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ''))
    .split('\n')
    .map((line) =>
      line
        .trim()
        .split(/('[^']*'|"[^"]*")/)
        .map((part, index) => (index % 2 ? part : tighten(part)))
        .join(''),
    )
    .join('\n');
}

export function cssWhitespace() {
  return {
    name: 'css-whitespace',
    transform(code, id) {
      if (/[\\/]node_modules[\\/]/.test(id)) return null;
      // TypeScript prints the tag as `css \``.
      const minified = code.replace(/\bcss ?`([^`]*)`/g, (_, text) => `css\`${minifyCss(text)}\``);
      return minified === code ? null : { code: minified, map: null };
    },
  };
}
