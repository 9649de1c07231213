// Screenshots of every state of the form, as people meet it: light and dark pages, a desktop
// (1280×800) and a phone (390×844), left-to-right (English) and right-to-left (Arabic), inline and
// banner; and of the demo page. For looking at, not for comparing pixels in a test.
//   npm run build && node scripts/screenshots.mjs [out-dir]      (default .screenshots/, gitignored)
//   node scripts/screenshots.mjs --demo [out-dir]                 the demo (starts `tsx demo/serve.ts`)
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const demo = args.includes('--demo');
const OUT = resolve(ROOT, args.find((a) => !a.startsWith('--')) ?? '.screenshots');
mkdirSync(OUT, { recursive: true });

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
const SCHEMES = ['light', 'dark'];
const LANGS = ['en', 'ar'];

const page = (lang, scheme, layout) => `<!doctype html>
<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { margin: 0; padding: 1rem 1.5rem; font: 16px/1.5 system-ui, sans-serif; }
  ${scheme === 'dark' ? ':root { color-scheme: dark; background: #0d1117; color: #e6edf3; }' : ''}
</style></head><body>
<h1>Acme Coffee</h1><p>Text before the element, at the content's inline start.</p>
<push-sms-fallback app-id="00000000-0000-4000-8000-000000000000" sdk-src="/blocked.js"
  endpoint="/api/sms" program-name="Acme Coffee" terms-url="/terms" privacy-url="/privacy"
  layout="${layout}"></push-sms-fallback>
<p>Text after the element.</p>
<script type="module" src="/dist/push-sms-fallback.js"></script>
</body></html>`;

const TYPES = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css' };
function serveStatic() {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/dist/')) {
      try {
        res.writeHead(200, { 'content-type': TYPES[extname(url.pathname)] ?? 'text/plain' });
        return res.end(readFileSync(join(ROOT, url.pathname)));
      } catch {
        /* fall through to 404 */
      }
    }
    if (url.pathname === '/page') {
      const q = url.searchParams;
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(page(q.get('lang'), q.get('scheme'), q.get('layout')));
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// What the endpoint does, per state, and how the visitor gets there.
const STATES = {
  empty: { endpoint: 'ok' },
  error: { endpoint: 'ok', phone: '0740', consent: true },
  'consent-missing': { endpoint: 'ok', phone: '(415) 555-2671', consent: false },
  sending: { endpoint: 'hang', phone: '(415) 555-2671', consent: true },
  'queued-server': { endpoint: '503', phone: '(415) 555-2671', consent: true, wait: 'queued' },
  'queued-offline': { endpoint: 'offline', phone: '(415) 555-2671', consent: true, wait: 'queued' },
  done: { endpoint: 'ok', phone: '(415) 555-2671', consent: true, wait: 'done' },
};

async function expandBanner(p) {
  // A banner's first step (a button that opens the form), or the whole form at once.
  await p.waitForSelector('[part~=expand], input[type=tel]');
  const open = p.locator('[part~=expand]');
  if (await open.count()) await open.click();
}

async function shoot(browser, base, { name, viewport, scheme, lang, layout }) {
  const state = STATES[name];
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], colorScheme: scheme });
  const p = await context.newPage();
  await p.route('**/blocked.js', (route) => route.abort());
  await p.route('**/api/sms', (route) => {
    if (state.endpoint === 'hang') return; // never answered: `sending`
    if (state.endpoint === 'offline') return route.abort('internetdisconnected');
    if (state.endpoint === '503') {
      return route.fulfill({ status: 503, headers: { 'retry-after': '0' }, body: '' });
    }
    return route.fulfill({ status: 201, contentType: 'application/json', body: '{}' });
  });
  await p.goto(`${base}/page?lang=${lang}&scheme=${scheme}&layout=${layout}`);
  const input = p.locator('input[type=tel]');
  if (layout === 'banner' && name !== 'empty') await expandBanner(p);
  if (state.phone) {
    await p.locator('select').selectOption('US');
    await p.waitForTimeout(300); // the country's numbering plan loads
    await input.fill(state.phone);
    if (state.consent) await p.locator('input[type=checkbox]').check();
    if (state.endpoint === 'offline') await context.setOffline(true);
    await p.locator('button[type=submit]').click();
    const want = state.wait ?? (name === 'sending' ? 'sending' : 'form');
    await p.waitForSelector(`push-sms-fallback[state=${want}]`, {
      state: 'attached',
      timeout: 30_000,
    });
  } else {
    await p.waitForFunction(() => {
      const box = document.querySelector('push-sms-fallback')?.shadowRoot?.querySelector('.root');
      return box && !box.classList.contains('staged');
    });
  }
  await p.waitForTimeout(400);
  const file = `${layout}-${name}-${scheme}-${viewport}-${lang}.png`;
  await p.screenshot({ path: join(OUT, file) });
  const box = await p.locator('push-sms-fallback').boundingBox();
  await context.close();
  return { file, height: Math.round(box?.height ?? 0) };
}

async function formShots() {
  const server = await serveStatic();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const jobs = [];
  for (const viewport of Object.keys(VIEWPORTS))
    for (const scheme of SCHEMES)
      for (const lang of LANGS) {
        for (const name of Object.keys(STATES))
          jobs.push({ name, viewport, scheme, lang, layout: 'inline' });
        for (const name of ['empty', 'error'])
          jobs.push({ name, viewport, scheme, lang, layout: 'banner' });
      }
  for (const job of jobs) {
    const { file, height } = await shoot(browser, base, job);
    console.log(`${file}  element height ${height}px`);
  }
  await browser.close();
  server.close();
}

async function demoShots() {
  const port = 8600 + Math.floor(Math.random() * 300);
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['demo/serve.ts'], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve) =>
    child.stdout.on('data', (d) => String(d).includes('http') && resolve()),
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    for (const [viewport, size] of Object.entries(VIEWPORTS)) {
      const context = await browser.newContext({ viewport: size });
      const p = await context.newPage();
      await p.goto(`http://localhost:${port}/`);
      await p.waitForSelector('push-sms-fallback[state]', { state: 'attached' });
      await p.waitForTimeout(800);
      await p.screenshot({ path: join(OUT, `demo-first-load-${viewport}.png`) });
      const below = p.locator('main > p').last();
      const before = (await below.boundingBox())?.y;
      await p.getByRole('button', { name: 'Deny push' }).click();
      await p.waitForSelector('push-sms-fallback[state=form]', { state: 'attached' });
      await p.waitForTimeout(800);
      const after = (await below.boundingBox())?.y;
      await p.screenshot({ path: join(OUT, `demo-denied-${viewport}.png`) });
      console.log(`demo ${viewport}: paragraph below the element y=${before} → ${after}`);
      await context.close();
    }
  } finally {
    await browser.close();
    process.kill(-child.pid); // tsx and the server it starts
  }
}

await (demo ? demoShots() : formShots());
console.log(`screenshots in ${OUT}`);
