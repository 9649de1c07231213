// The Next.js route the docs show is the one examples/nextjs builds and runs (scripts/
// serve-example.ts nextjs --check): a reader who copies it gets a route that passes `next build`
// without the secrets and registers under `next start` with them. The docs once showed a route
// that failed `next build` while the example's differed from it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;
const HEADER = '// app/api/sms-subscribe/route.ts\n';
const example = readFileSync(`${ROOT}examples/nextjs/app/api/sms-subscribe/route.ts`, 'utf8');

/** Every TypeScript snippet of `file` that is the route file (starts with its path comment). */
function routes(file: string): string[] {
  const text = readFileSync(`${ROOT}${file}`, 'utf8');
  return [...text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)]
    .map((m) => m[1] ?? '')
    .filter((code) => code.startsWith(HEADER))
    .map((code) => code.slice(HEADER.length));
}

describe.each(['docs/server.md', 'docs/frameworks.md'])('the Next.js route in %s', (file) => {
  it('is examples/nextjs/app/api/sms-subscribe/route.ts, word for word', () => {
    const found = routes(file);
    expect(found.length).toBeGreaterThan(0);
    for (const route of found) expect(route).toBe(example);
  });
});
