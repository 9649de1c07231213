/**
 * esbuild the way part 1 weighs the alternatives: the competitor bundles (bench/bytes/sizes.ts)
 * and the intl-tel-input page's script and CSS the bench server serves (bench/browser/bench-server.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, transform } from 'esbuild';
import { ROOT } from './paths.js';

/** A script built the way the alternatives are weighed; `path` from the repo root. */
export async function minifiedBundle(path: string): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, path)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2021',
    legalComments: 'none', // as our build (terser, comments: false)
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

export async function minifyCss(file: string): Promise<string> {
  const result = await transform(readFileSync(join(ROOT, file), 'utf8'), {
    loader: 'css',
    minify: true,
    legalComments: 'none',
  });
  return result.code;
}
