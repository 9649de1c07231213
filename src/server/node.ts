/**
 * `push-sms-fallback/server/node`: runs the Fetch handler on Node's `http` server or in Express,
 * and a JSON Lines consent store for Node.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { setClientIp } from './client-ip.js';

export {
  createJsonLinesConsentStore,
  type JsonLinesConsentStore,
  type JsonLinesConsentStoreOptions,
} from './json-lines-consent-store.js';

export interface NodeHandlerOptions {
  /**
   * Behind reverse proxies, how many of them to trust: the client IP is then read from
   * `X-Forwarded-For`, that many entries from the right (`true` = 1). Default `false`: the
   * socket's address, which a client cannot forge.
   */
  trustProxy?: boolean | number;
}

export type NodeListener = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void;

/** Bodies up to this size (by Content-Length) are read at once, larger ones are streamed. */
const BUFFER_LIMIT = 64 * 1024;

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

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Express body parsers may have consumed the stream already; rebuild the body they kept. */
function parsedBody(req: IncomingMessage): Uint8Array | string | null {
  const body = (req as IncomingMessage & { body?: unknown }).body;
  if (!req.readableEnded || body === undefined) return null;
  if (body instanceof Uint8Array || typeof body === 'string') return body;
  return JSON.stringify(body);
}

async function toRequest(
  req: IncomingMessage,
  trustProxy: boolean,
  signal: AbortSignal,
): Promise<Request> {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] ?? '';
    if (!name.startsWith(':')) headers.append(name, raw[i + 1] ?? '');
  }
  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal };
  if (method !== 'GET' && method !== 'HEAD') {
    const parsed = parsedBody(req);
    const length = Number(req.headers['content-length']);
    if (parsed !== null) {
      const bytes = typeof parsed === 'string' ? Buffer.from(parsed) : parsed;
      headers.set('content-length', String(bytes.byteLength));
      init.body = bytes as Uint8Array<ArrayBuffer>;
    } else if (Number.isFinite(length) && length <= BUFFER_LIMIT) {
      init.body = (await readAll(req)) as Uint8Array<ArrayBuffer>;
    } else {
      init.body = Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>;
      init.duplex = 'half';
    }
  }
  return new Request(requestUrl(req, trustProxy), init);
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
  return (req, res, next) => {
    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    void (async () => {
      try {
        const request = await toRequest(req, hops > 0, controller.signal);
        const ip = clientAddress(req, hops);
        if (ip) setClientIp(request, ip);
        await writeResponse(res, await handler(request));
      } catch (error) {
        if (next) {
          next(error);
        } else if (!res.headersSent) {
          res.statusCode = 500;
          res.setHeader('content-type', 'text/plain');
          res.end('Internal Server Error');
        } else {
          res.destroy(error as Error);
        }
      }
    })();
  };
}
