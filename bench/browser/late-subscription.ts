/**
 * Issue 22, item 7: how long after the SDK's readiness the element decides `push` when the push
 * subscription arrives late (permission granted, no subscription yet: the SDK's autoResubscribe
 * makes one after readiness; the user create answers `USER_CREATE_MS` after the browser holds
 * it; meanwhile, as the real SDK 160608 does, OneSignal fires no `change`: only the browser
 * knows). Prints median and max of (decision − readiness) over `RUNS` page loads of a loopback page,
 * in Debian's headless Chromium, and the load average.
 *
 *   npx tsx bench/browser/late-subscription.ts [dist dir] [simulator .ts]
 *
 * Defaults: dist/ and demo/simulators/onesignal-page-sdk.ts (pass an older build's dist to
 * compare). Bounded: every page load has `PAGE_TIMEOUT_MS`.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { join, normalize, relative, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { compile } from '../../demo/compile.js';
import { summarize } from '../shared/stats.js';

const RUNS = 12;
const USER_CREATE_MS = 2000;
const PAGE_TIMEOUT_MS = 10_000;
const APP_ID = '00000000-0000-4000-8000-00000000be4c';

const dist = resolve(process.argv[2] ?? 'dist');
const simulator = relative(
  resolve('.'),
  resolve(process.argv[3] ?? 'demo/simulators/onesignal-page-sdk.ts'),
);
const sim = await compile(simulator, 'iife');

const page = (run: number) => `<!doctype html><meta charset="utf-8">
<script>
  new PerformanceObserver(() => {}).observe({ type: 'mark', buffered: true });
  window.decided = new Promise((done) => {
    const check = () => {
      const el = document.querySelector('push-sms-fallback');
      if (el?.getAttribute('state') === 'push') return done(performance.now());
      requestAnimationFrame(check);
    };
    new MutationObserver(check).observe(document, { subtree: true, attributes: true, childList: true });
  });
</script>
<script type="module" src="/dist/push-sms-fallback.js"></script>
<push-sms-fallback app-id="${APP_ID}" endpoint="/api" program-name="Bench" terms-url="/t"
  privacy-url="/p" sdk-src="/sim.js?reset=1&permission=granted&userCreate=${USER_CREATE_MS}&store=run${run}">
</push-sms-fallback>`;

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  const type = (t: string) => ({ 'content-type': t, 'cache-control': 'no-store' });
  if (path === '/sim.js') return void res.writeHead(200, type('text/javascript')).end(sim);
  if (path.startsWith('/dist/')) {
    const file = normalize(join(dist, path.slice(6)));
    if (!file.startsWith(dist)) return void res.writeHead(404).end();
    return void readFile(file).then(
      (body) => res.writeHead(200, type('text/javascript')).end(body),
      () => res.writeHead(404).end(),
    );
  }
  const run = Number(new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('run'));
  res.writeHead(200, type('text/html')).end(page(run));
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const lags: number[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    tab.setDefaultTimeout(PAGE_TIMEOUT_MS);
    await tab.goto(`${origin}/?run=${run}`);
    const lag = await tab.evaluate(async (timeout) => {
      const w = window as unknown as { decided: Promise<number> };
      const decided = await Promise.race([
        w.decided,
        new Promise<number>((_, no) => setTimeout(() => no(new Error('no decision')), timeout)),
      ]);
      const [ready] = performance.getEntriesByName('onesignal-simulator:sdk-ready');
      if (!ready) throw new Error('SDK never ready');
      return decided - ready.startTime;
    }, PAGE_TIMEOUT_MS - 1000);
    lags.push(lag);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
const s = summarize(lags);
console.log(
  `late subscription (user create ${USER_CREATE_MS} ms), dist ${dist}, simulator ${simulator}`,
);
console.log(
  `decision − readiness over ${s.runs} loads: median ${s.median.toFixed(0)} ms, max ${s.max.toFixed(0)} ms (min ${s.min.toFixed(0)})`,
);
console.log(
  `load average: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
