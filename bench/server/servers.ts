/**
 * The servers part 4 loads (bench/server/throughput.ts), each in a child process of its own so
 * the load generator does not share their event loop: a bare `node:http` server answering 201,
 * `toNodeHandler` around an empty Fetch handler, and the registration handler with the REST
 * simulator answering at once in process. Forked as `servers.ts <kind>`; it reports its port.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import {
  createOneSignalSimulator,
  type OneSignalSimulator,
} from '../../demo/simulators/onesignal-rest.js';
import { createSmsFallbackHandler, type ConsentWriter } from '../../src/server/index.js';
import { toNodeHandler } from '../../src/server/node.js';
import { ORIGIN } from './registration.js';

/** A consent store that does the copying work of the memory store without keeping records. */
const discardingConsentStore: ConsentWriter = {
  async append(record) {
    structuredClone(record);
  },
};

/** The registration handler as part 4 measures it; also run in process to count OneSignal calls. */
export function benchHandler(sim: OneSignalSimulator) {
  return createSmsFallbackHandler({
    appId: sim.appId,
    apiKey: sim.apiKey,
    allowedOrigins: [ORIGIN],
    fetch: sim.fetch,
    consentStore: discardingConsentStore,
    // Limits stay on (their cost is part of the overhead) but high enough not to refuse.
    rateLimit: {
      ip: { capacity: 1e9, intervalMs: 1000 },
      phone: { capacity: 1e9, intervalMs: 1000 },
    },
    // Each registration looks the number up first (opted out?); OneSignal's 1/s is lifted here.
    viewUserBudget: { capacity: 1e9, intervalMs: 1000 },
    logger: false,
  });
}

export type ServerKind = 'bare' | 'fetch-floor' | 'handler';

async function floorHandler(request: Request): Promise<Response> {
  JSON.parse(await request.text());
  return new Response('{"status":"registered"}', {
    status: 201,
    headers: { 'content-type': 'application/json' },
  });
}

function benchServer(kind: string, sim: OneSignalSimulator): Server {
  if (kind === 'bare') return bareServer();
  return createServer(toNodeHandler(kind === 'fetch-floor' ? floorHandler : benchHandler(sim)));
}

function bareServer(): Server {
  return createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end('{"status":"registered"}');
    });
  });
}

async function runChild(kind: string): Promise<void> {
  const sim = createOneSignalSimulator({ logLimit: 10, viewUserLimit: false });
  const server = benchServer(kind, sim);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.send?.({ port: (server.address() as AddressInfo).port });
  process.on('disconnect', () => process.exit(0));
}

const isMain =
  process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url;
if (isMain) await runChild(process.argv[2] ?? 'bare');
