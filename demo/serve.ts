// `npm start`: the demo page on localhost, with the reference backend as its sandbox.
// Without ONESIGNAL_APP_ID the page uses the OneSignal page SDK simulator; without
// ONESIGNAL_API_KEY the backend talks to the OneSignal REST simulator. Both are labelled on the page.
import { createServer, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { LOCALES } from '../src/browser/locales/index.js';
import { compile } from './compile.js';
import type { LogEntry } from './log.types.js';
import { transactionalDemo } from './transactional.js';
import { visitorFrom } from './visitor.js';
import { textFromPhoneRoute } from './opt-out-switch.js';
import { createMemoryConsentStore, createSmsFallbackHandler } from '../src/server/index.js';
import { toNodeHandler } from '../src/server/node.js';
import {
  SIMULATOR_API_KEY,
  SIMULATOR_APP_ID,
  createOneSignalSimulator,
} from './simulators/onesignal-rest.js';

const PORT = Number(process.env['PORT'] ?? 8080);
const APP_ID = process.env['ONESIGNAL_APP_ID'] || null;
const API_KEY = process.env['ONESIGNAL_API_KEY'] || null;
const ROOT = new URL('..', import.meta.url).pathname;
const ORIGINS = [`http://localhost:${PORT}`, `http://127.0.0.1:${PORT}`];

const restSimulator = API_KEY
  ? null
  : createOneSignalSimulator({
      appId: APP_ID ?? SIMULATOR_APP_ID,
      syncUnsubscribeAcrossSenders: true,
    });
const consentStore = createMemoryConsentStore();
const handler = createSmsFallbackHandler({
  consentStore,
  appId: APP_ID ?? SIMULATOR_APP_ID,
  apiKey: API_KEY ?? SIMULATOR_API_KEY,
  allowedOrigins: ORIGINS,
  // In the sandbox the visitor is signed in (demo/visitor.ts): their number joins their user.
  ...(restSimulator
    ? {
        fetch: restSimulator.fetch,
        resolveExternalId: (request: Request) => visitorFrom(request.headers.get('cookie')),
      }
    : {}),
});
const backend = toNodeHandler(handler);
// The "send a transactional message" panel sends only through the simulator.
const transactional = restSimulator ? transactionalDemo(restSimulator) : null;

const backendLog: LogEntry[] = [];
let fault: { mode: 'none' | 'unavailable' | 'down'; left: number } = { mode: 'none', left: 0 };

// The page and the simulator are TypeScript: compiled once, at start.
const compiled: Record<string, string> = {
  '/demo/demo.js': await compile('demo/demo.ts', 'esm', ['/dist/*']),
  '/demo/transactional.js': await compile('demo/transactional-page.ts', 'esm'),
  '/simulator/onesignal-page-sdk.js': await compile(
    'demo/simulators/onesignal-page-sdk.ts',
    'iife',
  ),
};

const JS_TYPE = 'text/javascript; charset=utf-8';
const JSON_TYPE = 'application/json';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': JS_TYPE,
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
};
// The page runs under a strict CSP, as the element supports: no inline script, no eval.
const CSP = [
  "default-src 'self'",
  "script-src 'self' https://cdn.onesignal.com",
  "style-src 'self' https://onesignal.com",
  "connect-src 'self' https://*.onesignal.com",
  "img-src 'self' data: https:",
].join('; ');

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CSP,
    'cache-control': 'no-store',
  });
  res.end(body);
}

async function serveFile(res: ServerResponse, path: string): Promise<void> {
  const file = normalize(join(ROOT, path));
  if (!file.startsWith(ROOT)) return send(res, 403, 'text/plain', 'Forbidden');
  try {
    send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
  } catch {
    send(res, 404, 'text/plain', 'Not found');
  }
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', `http://localhost:${PORT}`);
  const path = url.pathname;
  if (transactional?.(req, res, path)) return;
  if (textFromPhoneRoute(restSimulator, req.method, url, res)) return;

  if (path === '/api/sms-subscribe') {
    if (fault.mode === 'down') return void req.socket.destroy();
    if (fault.mode === 'unavailable' && req.method === 'POST') {
      // The last injected 503 turns the fault off, so the page shows the backend answering again.
      fault = --fault.left > 0 ? fault : { mode: 'none', left: 0 };
      res.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '1' });
      return void res.end(
        JSON.stringify({ title: 'Sandbox fault', status: 503, detail: 'Injected by the demo' }),
      );
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    const entry: LogEntry = {
      at: new Date().toLocaleTimeString(),
      method: req.method ?? '',
      path,
      body: null,
    };
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString();
      entry.body = text ? (JSON.parse(text) as unknown) : null;
    });
    res.on('finish', () => {
      entry.status = res.statusCode;
      backendLog.push(entry);
      backendLog.splice(0, backendLog.length - 20);
    });
    return backend(req, res);
  }
  if (path === '/demo/config.json') {
    return send(
      res,
      200,
      JSON_TYPE,
      JSON.stringify({ appId: APP_ID, restSimulated: !API_KEY, locales: LOCALES }),
    );
  }
  if (path === '/demo/log') {
    const rest = (restSimulator?.requests ?? []).slice(-20).map((r) => ({
      at: r.at,
      method: r.method,
      path: r.path,
      status: r.status ?? undefined,
      body: r.body,
    }));
    return send(
      res,
      200,
      JSON_TYPE,
      JSON.stringify({
        backend: backendLog,
        rest,
        consent: consentStore.records.slice(-5),
        fault,
      }),
    );
  }
  if (path === '/demo/fault' && req.method === 'POST') {
    let mode = '';
    req.on('data', (chunk: Buffer) => (mode += chunk.toString()));
    req.on('end', () => {
      fault =
        mode === 'unavailable'
          ? { mode, left: 3 }
          : mode === 'down'
            ? { mode, left: 0 }
            : { mode: 'none', left: 0 };
      send(res, 204, 'text/plain', '');
    });
    return;
  }
  const code = compiled[path];
  if (code) return send(res, 200, JS_TYPE, code);
  if (path === '/OneSignalSDKWorker.js') {
    return send(
      res,
      200,
      JS_TYPE,
      'importScripts("https://cdn.onesignal.com/sdks/web/v16/OneSignalSDK.sw.js");',
    );
  }
  if (path === '/favicon.ico') return send(res, 204, 'text/plain', '');
  if (path === '/' || path === '/index.html') return void serveFile(res, 'demo/index.html');
  if (path.startsWith('/demo/') || path.startsWith('/dist/')) return void serveFile(res, path);
  send(res, 404, 'text/plain', 'Not found');
});

server.listen(PORT, '127.0.0.1', () => {
  console.log(`push-sms-fallback demo: http://localhost:${PORT}/`);
  console.log(
    APP_ID
      ? `  page SDK: real OneSignal v16, app ${APP_ID}`
      : '  page SDK: simulated (set ONESIGNAL_APP_ID for the real one)',
  );
  console.log(
    API_KEY
      ? '  backend: real OneSignal REST API'
      : '  backend: reference handler + OneSignal REST simulator (set ONESIGNAL_APP_ID and ONESIGNAL_API_KEY for the real API)',
  );
});
