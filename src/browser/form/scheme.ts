/** The colour scheme the form takes: the page's, unless `--push-sms-fallback-color-scheme` says. */
export type Scheme = 'light' | 'dark';

const DARK_MEDIA = '(prefers-color-scheme: dark)';

// Relative luminance (WCAG) of an sRGB "rgb(…)"/"rgba(…)" colour; undefined when it is
// transparent or in a notation this does not read.
function luminance(color: string): number | undefined {
  const match = /^rgba?\(([\d.]+)[, ]+([\d.]+)[, ]+([\d.]+)(?:[,/ ]+([\d.]+%?))?\)$/.exec(color);
  if (!match) return undefined;
  const alpha =
    match[4] === undefined ? 1 : parseFloat(match[4]) / (match[4].endsWith('%') ? 100 : 1);
  if (alpha < 0.5) return undefined;
  const [r, g, b] = match.slice(1, 4).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The luminance of the first painted background behind `el`, across shadow roots; white if none. */
function backgroundLuminance(el: Element): number {
  for (let node: Element | null = el; node;) {
    const value = luminance(getComputedStyle(node).backgroundColor);
    if (value !== undefined) return value;
    const root = node.getRootNode();
    node = node.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return 1;
}

/**
 * The scheme of the page around `host`: forced by the custom property; else the page's
 * `color-scheme` (with both, the visitor's preference); else, on a page that declares none, dark
 * when the background behind the element is dark.
 */
export function pageScheme(host: HTMLElement): Scheme {
  const style = getComputedStyle(host);
  const forced = style.getPropertyValue('--push-sms-fallback-color-scheme').trim();
  if (forced === 'light' || forced === 'dark') return forced;
  const declared = style.colorScheme.split(/\s+/);
  const light = declared.includes('light');
  const dark = declared.includes('dark');
  if (light && dark) return matchMedia(DARK_MEDIA).matches ? 'dark' : 'light';
  if (light || dark) return dark ? 'dark' : 'light';
  return backgroundLuminance(host) < 0.18 ? 'dark' : 'light';
}

/** Calls `onChange` when the visitor switches their system between light and dark. */
export function watchScheme(onChange: () => void): void {
  matchMedia(DARK_MEDIA).addEventListener('change', onChange);
}
