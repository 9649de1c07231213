/**
 * Part 1: bytes a visitor downloads. Ours from dist/ (as built by `npm run build`, measured
 * with scripts/bundle-sizes.mjs); the alternatives built in this run with esbuild from the tiny
 * entries in bench/bytes/entries/, weighed the same way (minified, gzip -9, brotli 11).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { version as esbuildVersion } from 'esbuild';
import { minifiedBundle, minifyCss } from '../shared/minify.js';
import { ROOT } from '../shared/paths.js';

export interface Size {
  min: number;
  gzip: number;
  brotli: number;
}

interface ScriptTagSizes {
  eager: Size;
  form: Size;
  formFiles: string[];
  plans: Record<string, Size>;
  locales: Record<string, Size>;
  classic: Size;
}

interface BundleSizes {
  weigh(code: string | Buffer): Size;
  sum(...sizes: Size[]): Size;
  scriptTagSizes(): ScriptTagSizes;
  npmEntrySize(): Promise<Size>;
}

/** scripts/bundle-sizes.mjs, typed here (it is plain JS; its DIST is relative to the cwd). */
async function bundleSizes(): Promise<BundleSizes> {
  const url = new URL('../../scripts/bundle-sizes.mjs', import.meta.url).href;
  return (await import(url)) as BundleSizes;
}

export interface SizeRow {
  name: string;
  kind: 'ours' | 'alternative' | 'parts';
  /** JS + CSS, what the ratios use. */
  total: Size;
  js: Size;
  css?: Size;
  /** Where the figure comes from. */
  source: string;
}

export interface SizesResult {
  esbuild: string;
  /** Versions of the packages the alternatives were built from. */
  versions: Record<string, string>;
  rows: SizeRow[];
  ours: {
    subscriber: Size;
    /** Bundle, form chunk, largest numbering plan, largest locale: the declined-visitor figure. */
    declined: Size;
    form: Size;
    npmEntry: Size;
    classicLoader: Size;
  };
  /** intl-tel-input with utils, JS + CSS: the declined-visitor goal's yardstick. */
  intlTelInputWithUtils: Size;
  /** libphonenumber markers found in the push subscriber's files (should be none). */
  phoneCodeInSubscriberFiles: string[];
  subscriberFiles: string[];
  /** Flag sprites intl-tel-input's CSS loads, not counted in the totals. */
  flagImages: { name: string; bytes: number }[];
}

interface Alternative {
  name: string;
  entry: string;
  css?: string;
  kind: SizeRow['kind'];
  source: string;
}

const ALTERNATIVES: Alternative[] = [
  {
    name: 'intl-tel-input core',
    entry: 'intl-tel-input-core.ts',
    css: 'node_modules/intl-tel-input/dist/css/intlTelInput.css',
    kind: 'alternative',
    source: 'intl-tel-input (latest) default entry + its CSS',
  },
  {
    name: 'intl-tel-input with utils',
    entry: 'intl-tel-input-utils.ts',
    css: 'node_modules/intl-tel-input/dist/css/intlTelInput.css',
    kind: 'alternative',
    source: 'intl-tel-input (latest) intlTelInputWithUtils entry + its CSS',
  },
  {
    name: "OneSignal slidedown's stack (intl-tel-input 17 + utils)",
    entry: 'intl-tel-input-17-utils.ts',
    css: 'node_modules/intl-tel-input-17/build/css/intlTelInput.css',
    kind: 'alternative',
    source: 'intl-tel-input@17.0.12 build/js/intlTelInput.js + build/js/utils.js + its CSS',
  },
  {
    name: 'Shoelace sl-input',
    entry: 'shoelace-input.ts',
    css: 'node_modules/@shoelace-style/shoelace/dist/themes/light.css',
    kind: 'alternative',
    source: 'components/input/input.js (Lit included) + themes/light.css (its design tokens)',
  },
  {
    name: 'Material md-outlined-text-field',
    entry: 'material-outlined-text-field.ts',
    kind: 'alternative',
    source: 'textfield/outlined-text-field.js (Lit included; styles are in the JS)',
  },
  {
    name: 'libphonenumber-js/min',
    entry: 'libphonenumber-min.ts',
    kind: 'alternative',
    source: 'parsePhoneNumberFromString + isValid + E.164',
  },
  {
    name: 'libphonenumber-js/mobile',
    entry: 'libphonenumber-mobile.ts',
    kind: 'alternative',
    source: 'parsePhoneNumberFromString + isValid + E.164',
  },
  {
    name: 'libphonenumber-js/max',
    entry: 'libphonenumber-max.ts',
    kind: 'alternative',
    source: 'parsePhoneNumberFromString + isValid + E.164',
  },
  {
    name: 'sl-input + libphonenumber-js/min',
    entry: 'shoelace-input-libphonenumber-min.ts',
    css: 'node_modules/@shoelace-style/shoelace/dist/themes/light.css',
    kind: 'parts',
    source: 'a phone field assembled from a generic Lit field and the same metadata set as ours',
  },
  {
    name: 'md-outlined-text-field + libphonenumber-js/min',
    entry: 'material-outlined-text-field-libphonenumber-min.ts',
    kind: 'parts',
    source: 'a phone field assembled from a generic Lit field and the same metadata set as ours',
  },
];

const PACKAGES = [
  'intl-tel-input',
  'intl-tel-input-17',
  '@shoelace-style/shoelace',
  '@material/web',
  'libphonenumber-js',
  'lit',
];

/** Strings only libphonenumber-js (its metadata and parser) contains. */
const PHONE_MARKERS = ['country_calling_codes', 'INVALID_COUNTRY', 'NOT_A_NUMBER', 'TOO_SHORT'];

/** `distRoot`: the folder holding the dist/ to measure (bench/shared/dist-snapshot.ts). */
export async function measureSizes(distRoot: string): Promise<SizesResult> {
  const { weigh, sum, scriptTagSizes, npmEntrySize } = await bundleSizes();
  const cwd = process.cwd();
  process.chdir(distRoot); // bundle-sizes.mjs reads `dist/` relative to the cwd
  let tag: ScriptTagSizes;
  let npmEntry: Size;
  try {
    tag = scriptTagSizes();
    npmEntry = await npmEntrySize();
  } finally {
    process.chdir(cwd);
  }
  const locales = Object.entries(tag.locales).sort(([, a], [, b]) => b.gzip - a.gzip);
  const [largestName, largestSize] = locales[0] ?? ['none', { min: 0, gzip: 0, brotli: 0 }];
  // The numbering plan of the visitor's region loads with the form: count the largest one.
  const plans = Object.entries(tag.plans).sort(([, a], [, b]) => b.gzip - a.gzip);
  const [largestPlanName, largestPlan] = plans[0] ?? ['none', { min: 0, gzip: 0, brotli: 0 }];
  // English is a locale chunk of its own too: the English path loads it, other languages do not.
  const english = tag.locales['en'] ?? { min: 0, gzip: 0, brotli: 0 };
  const declinedEnglish = sum(tag.eager, tag.form, largestPlan, english);
  const declined = sum(tag.eager, tag.form, largestPlan, largestSize);

  // The subscriber's files: the entry and its static imports (what `eager` weighs).
  const entry = readFileSync(join(distRoot, 'dist/push-sms-fallback.js'), 'utf8');
  const staticImports = [...entry.matchAll(/\b(?:from|import)\s*["']\.\/([^"']+)["']/g)].map(
    (m) => m[1]!,
  );
  const subscriberFiles = ['push-sms-fallback.js', ...staticImports];
  const subscriberCode = subscriberFiles
    .map((file) => readFileSync(join(distRoot, 'dist', file), 'utf8'))
    .join('\n');
  const phoneCodeInSubscriberFiles = PHONE_MARKERS.filter((m) => subscriberCode.includes(m));

  const rows: SizeRow[] = [
    {
      name: 'push-sms-fallback: push subscriber',
      kind: 'ours',
      total: tag.eager,
      js: tag.eager,
      source: 'dist/push-sms-fallback.js (script tag, Lit included)',
    },
    {
      name: 'push-sms-fallback: declined, English',
      kind: 'ours',
      total: declinedEnglish,
      js: declinedEnglish,
      source: `+ ${tag.formFiles.join(', ')} (form + its phone code) + the largest numbering plan (${largestPlanName}) + the English chunk`,
    },
    {
      name: `push-sms-fallback: declined, + locale (${largestName})`,
      kind: 'ours',
      total: declined,
      js: declined,
      source: `+ the largest locale chunk (${largestName}); styles are in the JS`,
    },
  ];
  let itiUtils: Size | undefined;
  for (const alt of ALTERNATIVES) {
    const js = weigh(await minifiedBundle(join('bench/bytes/entries', alt.entry)));
    const css = alt.css ? weigh(await minifyCss(alt.css)) : undefined;
    const total = css ? sum(js, css) : js;
    if (alt.entry === 'intl-tel-input-utils.ts') itiUtils = total;
    rows.push({
      name: alt.name,
      kind: alt.kind,
      total,
      js,
      ...(css ? { css } : {}),
      source: alt.source,
    });
  }

  const flagImages = [
    'intl-tel-input/dist/img/flags.webp',
    'intl-tel-input/dist/img/flags@2x.webp',
    'intl-tel-input-17/build/img/flags.png',
    'intl-tel-input-17/build/img/flags@2x.png',
  ].map((name) => ({ name, bytes: statSync(join(ROOT, 'node_modules', name)).size }));

  const versions = Object.fromEntries(
    PACKAGES.map((name) => {
      const manifest = JSON.parse(
        readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8'),
      ) as { version: string };
      return [name, manifest.version];
    }),
  );

  return {
    esbuild: esbuildVersion,
    versions,
    rows,
    ours: {
      subscriber: tag.eager,
      declined,
      form: tag.form,
      npmEntry,
      classicLoader: tag.classic,
    },
    intlTelInputWithUtils: itiUtils!,
    phoneCodeInSubscriberFiles,
    subscriberFiles,
    flagImages,
  };
}
