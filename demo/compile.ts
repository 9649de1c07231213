import { build } from 'esbuild';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;

/** Compiles a TypeScript page script or simulator (path from the repo root) to one JS file, in memory. */
export async function compile(
  entry: string,
  format: 'esm' | 'iife',
  external: string[] = [],
): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    format,
    target: 'es2022',
    write: false,
    external,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}
