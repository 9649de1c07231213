/**
 * Sign-ups one OneSignal app sustains end to end (issue 23): the handler behind the Node adapter
 * on 127.0.0.1, the REST simulator on 127.0.0.1 with OneSignal's documented limits (View user
 * 1/s per app; writes 1,000/s per app and 1/s per user or subscription). Prints: a burst of
 * 1,000 new numbers over 10 s (how many 2xx, p50/p99 latency), then one registration with
 * OneSignal hanging under the default timeouts, and the machine's load. Loopback only; bounded.
 *
 *   npx tsx bench/server/signups.ts      (npm run bench:signups)
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { createOneSignalSimulator } from '../../demo/simulators/onesignal-rest.js';
import { createMemoryConsentStore, createSmsFallbackHandler } from '../../src/server/index.js';
import { toNodeHandler } from '../../src/server/node.js';
import { ORIGIN, registrationBody } from './registration.js';

const BURST = 1000;
const SPREAD_MS = 10_000;
/** The element's request timeout: a registration slower than this is a failed one. */
const ELEMENT_TIMEOUT_MS = 15_000;

// Nothing here may run unbounded.
setTimeout(() => {
  console.error('server-signups: gave up after 120 s');
  process.exit(2);
}, 120_000).unref();

async function start(hangOneSignal: boolean) {
  const sim = createOneSignalSimulator({ writeLimits: true, logLimit: 10 });
  if (hangOneSignal)
    sim.inject({ kind: 'slow', delayMs: 60_000 }, { times: 100, path: /\/users$/ });
  const os = await sim.listen();
  const handler = createSmsFallbackHandler({
    appId: sim.appId,
    apiKey: sim.apiKey,
    allowedOrigins: [ORIGIN],
    apiBaseUrl: os.url,
    consentStore: createMemoryConsentStore({ maxRecords: 50_000 }),
    // Each visitor has their own address: the per-IP limit is not what is measured here.
    clientIp: (request) => request.headers.get('x-bench-ip'),
    logger: false,
  });
  const server = createServer(toNodeHandler(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await os.close();
    },
  };
}

async function signUp(url: string, i: number): Promise<{ status: number; ms: number }> {
  const key = crypto.randomUUID();
  const started = performance.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: ORIGIN,
        'idempotency-key': key,
        'x-bench-ip': `198.51.${(i >> 8) & 255}.${i & 255}`,
      },
      body: registrationBody(i, key),
      signal: AbortSignal.timeout(ELEMENT_TIMEOUT_MS),
    });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - started };
  } catch {
    return { status: 0, ms: performance.now() - started };
  }
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function burst(): Promise<void> {
  const { url, stop } = await start(false);
  const started = performance.now();
  const pending: Promise<{ status: number; ms: number }>[] = [];
  for (let i = 0; i < BURST; i++) {
    const due = (i * SPREAD_MS) / BURST - (performance.now() - started);
    if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
    pending.push(signUp(url, i));
  }
  const results = await Promise.all(pending);
  const seconds = (performance.now() - started) / 1000;
  await stop();
  const ok = results.filter((r) => r.status >= 200 && r.status < 300).length;
  const byStatus = new Map<number, number>();
  for (const r of results) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  console.log(
    `burst: ${BURST} new numbers over ${SPREAD_MS / 1000} s (took ${seconds.toFixed(1)} s)`,
  );
  console.log(`  2xx: ${ok}/${BURST} (${(ok / seconds).toFixed(0)} sign-ups/s)`);
  console.log(
    `  statuses: ${[...byStatus].map(([s, n]) => `${s || 'no answer'}×${n}`).join(', ')}`,
  );
  console.log(
    `  latency p50 ${percentile(ms, 50).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms`,
  );
}

async function hanging(): Promise<void> {
  const { url, stop } = await start(true);
  const r = await signUp(url, 0);
  await stop();
  console.log(
    'OneSignal hanging (default timeoutMs 8 s, maxRetries 2, registrationBudgetMs 12 s):',
  );
  console.log(
    `  answer ${r.status || 'none'} after ${(r.ms / 1000).toFixed(1)} s (element timeout 15 s)`,
  );
}

await burst();
await hanging();
const [one, five, fifteen] = loadavg();
console.log(
  `load average: ${one?.toFixed(2)} ${five?.toFixed(2)} ${fifteen?.toFixed(2)} (2 cores shared)`,
);
