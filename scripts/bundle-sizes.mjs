// Measures what visitors download from dist/: shared by `npm run size` and the benchmark.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const DIST = 'dist';

export function weigh(code) {
  const buffer = Buffer.from(code);
  return {
    min: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  };
}

export const sum = (...sizes) =>
  sizes.reduce(
    (a, b) => ({ min: a.min + b.min, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }),
    {
      min: 0,
      gzip: 0,
      brotli: 0,
    },
  );

const read = (file) => readFileSync(join(DIST, file), 'utf8');

/** Relative chunk files a module imports, statically or dynamically. */
function imports(file) {
  const code = read(file);
  const found = { static: new Set(), dynamic: new Set() };
  for (const [, path] of code.matchAll(/\bfrom\s*["']\.\/([^"']+)["']/g)) found.static.add(path);
  for (const [, path] of code.matchAll(/\bimport\s*["']\.\/([^"']+)["']/g)) found.static.add(path);
  for (const [, path] of code.matchAll(/\bimport\(\s*["']\.\/([^"']+)["']\s*\)/g))
    found.dynamic.add(path);
  return found;
}

function closure(files, except = new Set()) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || except.has(file)) return;
    seen.add(file);
    for (const next of imports(file).static) visit(next);
  };
  files.forEach(visit);
  return seen;
}

/** The script-tag build: what every visitor downloads, and what the form path adds. */
export function scriptTagSizes() {
  const entry = 'push-sms-fallback.js';
  const eager = closure([entry]);
  const lazy = [...eager].flatMap((file) => [...imports(file).dynamic]);
  const form = lazy.find((file) => /-form-/.test(file));
  if (!form) throw new Error('No lazily loaded form chunk found in dist/push-sms-fallback.js');
  const formFiles = closure([form], eager);
  // Identity and analytics (`identity`, `analytics` attributes): only pages that ask load it.
  const analytics = lazy.find((file) => /-analytics-/.test(file));
  if (!analytics) throw new Error('No lazily loaded analytics chunk in dist/push-sms-fallback.js');
  const formLazy = [
    ...new Set(
      lazy
        .flatMap((file) => [...imports(file).dynamic])
        .concat([...formFiles].flatMap((file) => [...imports(file).dynamic])),
    ),
  ];
  const named = (files) =>
    Object.fromEntries(
      files.map((file) => [
        file.replace(/^push-sms-fallback-|-[\w-]{8}\.js$/g, ''),
        weigh(read(file)),
      ]),
    );
  // Numbering plans (scripts/phone-metadata.mjs): a visitor fetches one, two for a foreign number.
  const isPlan = (file) => /-part-\d+-/.test(file);
  return {
    eager: sum(...[...eager].map((file) => weigh(read(file)))),
    form: sum(...[...formFiles].map((file) => weigh(read(file)))),
    formFiles: [...formFiles],
    analytics: sum(...[...closure([analytics], eager)].map((file) => weigh(read(file)))),
    locales: named(formLazy.filter((file) => !isPlan(file))),
    plans: named(formLazy.filter(isPlan)),
    classic: weigh(read('push-sms-fallback.classic.js')),
  };
}

/** The npm entry and its static imports, Lit external, minified as a user's bundler would. */
export async function npmEntrySize() {
  const result = await build({
    entryPoints: [join(DIST, 'index.js')],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    external: ['lit', 'lit/*', '@lit/*', 'libphonenumber-js', 'libphonenumber-js/*'],
    plugins: [
      {
        name: 'lazy-chunks-stay-lazy',
        setup(plugin) {
          plugin.onResolve({ filter: /.*/ }, (args) =>
            args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
          );
        },
      },
    ],
  });
  return weigh(result.outputFiles[0].text);
}

/** Browser files in dist/ (everything outside dist/server and the type declarations). */
export function browserFiles(dir = DIST, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(prefix, entry.name);
    if (entry.isDirectory())
      return entry.name === 'server' || entry.name === 'service'
        ? []
        : browserFiles(join(dir, entry.name), path);
    return /\.js$/.test(entry.name) ? [path] : [];
  });
}
