/**
 * The one loopback server of the browser parts and Lighthouse: 127.0.0.1 on a free port. It
 * serves a snapshot of dist/ (bench/shared/dist-snapshot.ts), the OneSignal page SDK simulator
 * and the bench page scripts compiled with esbuild (as demo/serve.ts does), the pages of
 * bench/browser/pages/html.ts, and two mock endpoints: `/api/sms-subscribe` (our element's
 * backend, answers 201) and `/api/sms-fallback` (the published sample's backend, answers 200).
 * It counts what reaches each.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { compile } from '../../demo/compile.js';
import {
  barePage,
  elementPage,
  intlTelInputPage,
  pageCss,
  samplePage,
  sdkOnlyPage,
} from './pages/html.js';
import { SIMULATOR_PATH } from './pages/sdk-timing.js';
import { minifiedBundle, minifyCss } from '../shared/minify.js';
import { ROOT } from '../shared/paths.js';

export interface BenchServer {
  origin: string;
  /** Requests that reached the mock endpoints so far. */
  counts: { smsSubscribe: number; smsFallback: number };
  close(): Promise<void>;
}

const JS = 'text/javascript; charset=utf-8';
const HTML = 'text/html; charset=utf-8';
const CSS = 'text/css; charset=utf-8';
/** intl-tel-input's stylesheet and flag sprites, for its page (bench/browser/pages/intl-tel-input.ts). */
const ITI = 'node_modules/intl-tel-input/dist';

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function drain(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    req.resume();
    req.on('end', resolve);
  });
}

export async function startBenchServer(dist: string): Promise<BenchServer> {
  const scripts: Record<string, string> = {
    [SIMULATOR_PATH]: await compile('demo/simulators/onesignal-page-sdk.ts', 'iife'),
    '/bench/probe.js': await compile('bench/browser/pages/probe.ts', 'iife'),
    '/bench/onesignal-snippet.js': await compile(
      'bench/browser/pages/onesignal-snippet.ts',
      'iife',
    ),
    '/bench/onesignal-sample.js': await compile('bench/browser/pages/onesignal-sample.ts', 'iife'),
    '/bench/intl-tel-input.js': await minifiedBundle('bench/browser/pages/intl-tel-input.ts'),
  };
  const pages: Record<string, (query: URLSearchParams) => string> = {
    '/page/element': elementPage,
    '/page/sdk-only': sdkOnlyPage,
    '/page/sample': samplePage,
    '/page/intl-tel-input': intlTelInputPage,
    '/page/bare': barePage,
  };
  const itiCss = await minifyCss(`${ITI}/css/intlTelInput.css`);
  const counts = { smsSubscribe: 0, smsFallback: 0 };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (path === '/api/sms-subscribe' && req.method === 'POST') {
      counts.smsSubscribe++;
      void drain(req).then(() => send(res, 201, 'application/json', '{"status":"registered"}'));
      return;
    }
    if (path === '/api/sms-fallback' && req.method === 'POST') {
      counts.smsFallback++;
      void drain(req).then(() => send(res, 200, 'application/json', '{"ok":true}'));
      return;
    }
    const script = scripts[path];
    if (script) {
      // The SDK's download on the phone's network (bench/browser/pages/sdk-timing.ts).
      const latency = path === SIMULATOR_PATH ? Number(url.searchParams.get('latency')) || 0 : 0;
      const timer = setTimeout(() => send(res, 200, JS, script), latency);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    const page = pages[path];
    if (page) return send(res, 200, HTML, page(url.searchParams));
    if (path === '/bench/page.css') return send(res, 200, CSS, pageCss());
    if (path === '/bench/iti/css/intlTelInput.css') return send(res, 200, CSS, itiCss);
    const flags = /^\/bench\/iti\/img\/(flags(?:@2x)?\.webp)$/.exec(path)?.[1];
    if (flags) {
      readFile(join(ROOT, ITI, 'img', flags)).then(
        (body) => send(res, 200, 'image/webp', body),
        () => send(res, 404, 'text/plain', 'Not found'),
      );
      return;
    }
    if (path.startsWith('/dist/') && path.endsWith('.js')) {
      const file = normalize(join(dist, path.slice('/dist'.length)));
      if (!file.startsWith(dist)) return send(res, 403, 'text/plain', 'Forbidden');
      readFile(file).then(
        (body) => send(res, 200, JS, body),
        () => send(res, 404, 'text/plain', 'Not found'),
      );
      return;
    }
    if (path === '/favicon.ico') return send(res, 204, 'text/plain', '');
    send(res, 404, 'text/plain', 'Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    counts,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
