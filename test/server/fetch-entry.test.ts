// The Fetch entry must run where there is no Node: bundled for a browser-like platform (as
// Workers, Deno and Bun see it), it builds and references no node: module or Node global.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const entry = (name: string) => fileURLToPath(new URL(`../../src/server/${name}`, import.meta.url));

async function bundle(file: string) {
  return build({
    entryPoints: [file],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    metafile: true,
  });
}

describe('push-sms-fallback/server entry', () => {
  it('bundles for the browser platform with no node: imports or Node globals', async () => {
    const result = await bundle(entry('index.ts'));
    expect(result.errors).toEqual([]);
    const code = result.outputFiles.map((f) => f.text).join('\n');
    expect(code).not.toMatch(/["']node:/);
    expect(code).not.toMatch(/\bBuffer\b/);
    expect(code).not.toMatch(/\bprocess\.(env|nextTick|versions)/);
    expect(code).not.toMatch(/\brequire\(/);
    // The OneSignal client and libphonenumber's full metadata are in, the Node adapter is not.
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((p) => p.includes('libphonenumber-js/max'))).toBe(true);
    expect(inputs.some((p) => p.endsWith('src/server/http/node.ts'))).toBe(false);
    expect(inputs.some((p) => p.endsWith('src/server/consent/json-lines-store.ts'))).toBe(false);
  });

  it('is a check that can fail: the Node entry does not bundle for the browser', async () => {
    await expect(bundle(entry('node.ts'))).rejects.toThrow(/node:/);
  });
});
