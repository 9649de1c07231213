// One example app, run on its own with a working backend: the reference handler with the OneSignal
// REST simulator (as `npm start` uses), and real terms and privacy pages for the consent links.
//   npm run build && node scripts/examples.mjs react && npx tsx scripts/serve-example.ts react
// The apps post to /mock/example-<name>, the path the browser tests' scripted endpoint answers;
// here the reference handler answers it. Next.js is its own server: `nextjs` runs `next start`
// (its route handler, its terms and privacy pages) against the simulator, and `nextjs --check`
// checks it end to end, printing each check (scripts/nextjs-example.ts).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { createMemoryConsentStore, createSmsFallbackHandler } from '../src/server/index.js';
import { toNodeHandler } from '../src/server/node.js';
import {
  SIMULATOR_API_KEY,
  SIMULATOR_APP_ID,
  createOneSignalSimulator,
} from '../demo/simulators/onesignal-rest.js';
import { checkNextExample, serveNextExample } from './nextjs-example.js';

const ROOT = new URL('../examples/', import.meta.url).pathname;
const APPS = ['react', 'vue', 'svelte', 'angular', 'nextjs'];
const name = process.argv[2] ?? '';
if (!APPS.includes(name)) {
  console.error(`usage: npx tsx scripts/serve-example.ts <${APPS.join('|')}> (nextjs: [--check])`);
  process.exit(2);
}
const PORT = Number(process.env['PORT'] ?? 8090);

const DIST = join(ROOT, name, 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

const PAGES: Record<string, string> = { '/terms': 'terms.html', '/privacy': 'privacy.html' };

const simulator = createOneSignalSimulator({ appId: SIMULATOR_APP_ID });
const backend = toNodeHandler(
  createSmsFallbackHandler({
    consentStore: createMemoryConsentStore(),
    appId: SIMULATOR_APP_ID,
    apiKey: SIMULATOR_API_KEY,
    allowedOrigins: [`http://localhost:${PORT}`, `http://127.0.0.1:${PORT}`],
    fetch: simulator.fetch,
  }),
);

/** A file under `dir`, or undefined when the path leaves it or nothing is there. */
async function file(dir: string, path: string): Promise<Buffer | undefined> {
  const full = normalize(join(dir, path));
  if (!full.startsWith(dir)) return undefined;
  return readFile(full).catch(() => undefined);
}

/** A built vite/esbuild/Angular app from its dist/, with the backend at /mock/example-<name>. */
function serveBuiltApp(): void {
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === `/mock/example-${name}`) return void backend(req, res);
    void (async () => {
      const page = PAGES[pathname];
      const [dir, path] = page
        ? [join(ROOT, 'pages'), page]
        : [DIST, pathname === '/' ? 'index.html' : pathname];
      const body = await file(dir, path);
      if (!body) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    })();
  });

  server.listen(PORT, '127.0.0.1', () => {
    console.log(`examples/${name}: http://localhost:${PORT}/`);
    console.log('  backend: reference handler + OneSignal REST simulator (no account needed)');
  });
}

if (name !== 'nextjs') serveBuiltApp();
else if (process.argv.includes('--check')) process.exit((await checkNextExample(PORT)) ? 0 : 1);
else await serveNextExample(PORT);
