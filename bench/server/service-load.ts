/**
 * The registration load of the server benchmarks (throughput.ts, service.ts): new registrations
 * (fresh key, number and client address) over keep-alive connections, with their latencies. Each
 * request has a 10 s deadline. The client address counts only where the server trusts a proxy.
 */
import { Agent, request } from 'node:http';
import { ORIGIN, registrationBody } from './registration.js';

export interface Load {
  requests: number;
  unexpected: number;
  /** Answers other than 201, by status. */
  others: Record<number, number>;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  elapsedMs: number;
}

let seq = 0;
/** A new registration (fresh key and number) from a client address of its own. */
function register(agent: Agent, port: number): Promise<number> {
  const key = crypto.randomUUID();
  const n = seq++;
  const body = registrationBody(n, key);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/sms-subscribe',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          origin: ORIGIN,
          'idempotency-key': key,
          // PSF_TRUST_PROXY=1: many visitors, not one client over the per-IP limit.
          'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('no answer within 10 s')));
    req.on('error', reject);
    req.end(body);
  });
}

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length === 0
    ? 0
    : (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0);

/** `connections` loops of registrations until `durationMs` or `maxRequests`, after a warm-up. */
export async function load(
  port: number,
  connections: number,
  durationMs: number,
  maxRequests = Infinity,
  warmUpMs = 1000,
): Promise<Load> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  let sent = 0;
  const others: Record<number, number> = {};
  const drive = async (until: number, latencies: number[] | null, max: number) => {
    let unexpected = 0;
    const worker = async () => {
      while (performance.now() < until && sent < max) {
        sent++;
        const start = performance.now();
        const status = await register(agent, port);
        latencies?.push(performance.now() - start);
        if (status !== 201) {
          unexpected++;
          if (latencies) others[status] = (others[status] ?? 0) + 1;
        }
      }
    };
    await Promise.all(Array.from({ length: connections }, worker));
    return unexpected;
  };
  if (warmUpMs > 0) await drive(performance.now() + warmUpMs, null, Infinity);
  sent = 0;
  const latencies: number[] = [];
  const start = performance.now();
  const unexpected = await drive(start + durationMs, latencies, maxRequests);
  const elapsedMs = performance.now() - start;
  agent.destroy();
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    unexpected,
    others,
    requestsPerSecond: Math.round((latencies.length / elapsedMs) * 1000),
    p50Ms: Number(percentile(sorted, 0.5).toFixed(2)),
    p99Ms: Number(percentile(sorted, 0.99).toFixed(2)),
    elapsedMs: Math.round(elapsedMs),
  };
}
