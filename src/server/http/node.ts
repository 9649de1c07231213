/** The Node adapter: runs the Fetch handler on Node's `http` server or in Express. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { bodyLimitOf } from './body.js';
import { setClientIp } from './client-ip.js';
import { ALLOW } from './cors.js';
import { problem, problemAnswer, type Answer } from './problem.js';

export interface NodeHandlerOptions {
  /**
   * Behind reverse proxies, how many of them to trust: the client IP is then read from
   * `X-Forwarded-For`, that many entries from the right (`true` = 1). Default `false`: the
   * socket's address, which a client cannot forge.
   */
  trustProxy?: boolean | number;
  /**
   * Largest body read into memory; a declared or received length past it is handed to the
   * handler unread, which answers 413. Default: the handler's own `maxBodyBytes` (else 1 MiB).
   */
  maxBodyBytes?: number;
  /** Time for the whole body to arrive once the headers have; past it, 408. Default 10 000 ms. */
  bodyTimeoutMs?: number;
}

export type NodeListener = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void;

const DEFAULT_BODY_LIMIT = 1024 * 1024;
const DEFAULT_BODY_TIMEOUT_MS = 10_000;
/** Methods the Fetch API refuses to build a Request for: answered 405 here. */
const FORBIDDEN_METHODS = /^(connect|trace|track)$/i;

function normaliseIp(ip: string | undefined): string | null {
  if (!ip) return null;
  const trimmed = ip.trim();
  return trimmed.startsWith('::ffff:') && trimmed.includes('.') ? trimmed.slice(7) : trimmed;
}

/** The client IP: the socket address, or the entry `hops` from the right of X-Forwarded-For. */
function clientAddress(req: IncomingMessage, hops: number): string | null {
  const socketIp = normaliseIp(req.socket.remoteAddress);
  if (hops <= 0) return socketIp;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // Each proxy appends the address it saw; entries further left than our proxies wrote can be
  // anything the client sent.
  const chain = [...forwarded, socketIp ?? ''];
  return normaliseIp(chain[chain.length - 1 - hops] ?? chain[0]);
}

function requestUrl(req: IncomingMessage, trustProxy: boolean): string {
  const forwardedProto = String(req.headers['x-forwarded-proto'] ?? '')
    .split(',')[0]
    ?.trim();
  const proto =
    trustProxy && (forwardedProto === 'http' || forwardedProto === 'https')
      ? forwardedProto
      : (req.socket as TLSSocket).encrypted
        ? 'https'
        : 'http';
  const path = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  try {
    return new URL(path, `${proto}://${req.headers.host ?? 'localhost'}`).href;
  } catch {
    return new URL(path, `${proto}://localhost`).href;
  }
}

/** What arrived of a body: all of it, or the first `limit + 1` bytes of a larger one. */
interface ReadBody {
  bytes: Buffer;
  complete: boolean;
}

/** Reads at most `limit + 1` bytes, within `timeoutMs`; null when the body stalls. */
function readBounded(req: IncomingMessage, limit: number, timeoutMs: number) {
  return new Promise<ReadBody | null>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: ReadBody | null) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', reject);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (size > limit) {
        req.pause();
        finish({ bytes: Buffer.concat(chunks).subarray(0, limit + 1), complete: false });
      }
    };
    const onEnd = () => finish({ bytes: Buffer.concat(chunks), complete: true });
    const timer = setTimeout(() => {
      req.pause();
      finish(null);
    }, timeoutMs);
    req.on('data', onData).once('end', onEnd).once('error', reject);
  });
}

/** Express body parsers may have consumed the stream already; rebuild the body they kept. */
function parsedBody(req: IncomingMessage): Uint8Array | string | null {
  const body = (req as IncomingMessage & { body?: unknown }).body;
  if (!req.readableEnded || body === undefined) return null;
  if (body instanceof Uint8Array || typeof body === 'string') return body;
  return JSON.stringify(body);
}

interface BodyPolicy {
  limit: number;
  timeoutMs: number;
}

/**
 * The Fetch Request, or null when the body did not arrive in time. `complete` is false when the
 * body was left (partly) unread, so the connection must not be reused.
 */
async function toRequest(
  req: IncomingMessage,
  trustProxy: boolean,
  signal: AbortSignal,
  body: BodyPolicy,
): Promise<{ request: Request; complete: boolean } | null> {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] ?? '';
    if (!name.startsWith(':')) headers.append(name, raw[i + 1] ?? '');
  }
  const method = req.method ?? 'GET';
  const init: RequestInit = { method, headers, signal };
  let complete = true;
  if (method !== 'GET' && method !== 'HEAD') {
    const parsed = parsedBody(req);
    if (parsed !== null) {
      const bytes = typeof parsed === 'string' ? Buffer.from(parsed) : parsed;
      headers.set('content-length', String(bytes.byteLength));
      init.body = bytes as Uint8Array<ArrayBuffer>;
    } else if (Number(req.headers['content-length']) > body.limit) {
      // The handler refuses by the declared length (413) before it reads anything.
      complete = false;
    } else {
      const read = await readBounded(req, body.limit, body.timeoutMs);
      if (!read) return null;
      complete = read.complete;
      // Past the limit the handler sees the first limit + 1 bytes, unframed, and answers 413.
      if (!complete) headers.delete('content-length');
      init.body = read.bytes as Uint8Array<ArrayBuffer>;
    }
  }
  return { request: new Request(requestUrl(req, trustProxy), init), complete };
}

function writeAnswer(res: ServerResponse, answer: Answer): void {
  res
    .writeHead(answer.status, {
      ...answer.headers,
      'cache-control': 'no-store',
      'content-length': String(Buffer.byteLength(answer.body)),
    })
    .end(answer.body);
}

/** Writes a chunk, waiting for the socket to drain when Node asks us to. */
async function write(res: ServerResponse, chunk: Uint8Array): Promise<void> {
  if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of response.headers) if (name !== 'set-cookie') headers[name] = value;
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  if (!response.body) {
    res.writeHead(response.status, headers).end();
    return;
  }
  const reader = response.body.getReader();
  const first = await reader.read();
  if (first.done) {
    res.writeHead(response.status, headers).end();
    return;
  }
  const second = await reader.read();
  if (second.done) {
    // The usual small body: one write with a Content-Length instead of chunked encoding.
    headers['content-length'] ??= String(first.value.byteLength);
    res.writeHead(response.status, headers).end(first.value);
    return;
  }
  res.writeHead(response.status, headers);
  await write(res, first.value);
  await write(res, second.value);
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    await write(res, chunk.value);
  }
  res.end();
}

/**
 * Wraps a Fetch handler as a Node listener for `http.createServer(listener)` or Express
 * (`app.post('/api/sms-subscribe', listener)`; errors go to `next` when there is one).
 */
export function toNodeHandler(
  handler: (request: Request) => Promise<Response>,
  options: NodeHandlerOptions = {},
): NodeListener {
  const hops = options.trustProxy === true ? 1 : Number(options.trustProxy || 0);
  if (!Number.isInteger(hops) || hops < 0) {
    throw new TypeError('toNodeHandler: trustProxy must be a boolean or a number of proxies');
  }
  const body: BodyPolicy = {
    limit: options.maxBodyBytes ?? bodyLimitOf(handler) ?? DEFAULT_BODY_LIMIT,
    timeoutMs: options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS,
  };
  return (req, res, next) => {
    if (FORBIDDEN_METHODS.test(req.method ?? '')) {
      const p = problem('method-not-allowed', 405, 'Use POST.');
      writeAnswer(res, problemAnswer(p, { allow: ALLOW, connection: 'close' }));
      return;
    }
    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    void (async () => {
      try {
        const built = await toRequest(req, hops > 0, controller.signal, body);
        if (!built) {
          // The client stopped sending: answer, and close rather than wait for the rest.
          res.setHeader('connection', 'close');
          const p = problem('request-timeout', 408, 'The request body did not arrive in time.');
          writeAnswer(res, problemAnswer(p));
          return;
        }
        if (!built.complete) res.setHeader('connection', 'close');
        const ip = clientAddress(req, hops);
        if (ip) setClientIp(built.request, ip);
        await writeResponse(res, await handler(built.request));
      } catch (error) {
        if (next) {
          next(error);
        } else if (!res.headersSent) {
          const p = problem('server-error', 500, 'Something went wrong. Please try again.');
          writeAnswer(res, problemAnswer(p));
        } else {
          res.destroy(error as Error);
        }
      }
    })();
  };
}
