import { fail } from './problem.js';

/** Accepts `application/json` with no charset or a UTF-8 one; anything else is a 415. */
export function checkJsonContentType(header: string | null): void {
  const [type = '', ...params] = (header ?? '').split(';').map((s) => s.trim().toLowerCase());
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice(8)
    .replace(/"/g, '');
  if (type !== 'application/json' || (charset !== undefined && charset !== 'utf-8')) {
    fail(
      'unsupported-media-type',
      415,
      'Send the registration as Content-Type: application/json.',
      undefined,
      { 'accept-post': 'application/json' },
    );
  }
}

/**
 * Where a handler made by `createSmsFallbackHandler` states its `maxBodyBytes`, so that an
 * adapter that must buffer the body (Node's) never reads more than the handler would accept.
 */
export const MAX_BODY_BYTES = Symbol.for('push-sms-fallback.max-body-bytes');

export function bodyLimitOf(handler: object): number | undefined {
  const limit = (handler as { [MAX_BODY_BYTES]?: unknown })[MAX_BODY_BYTES];
  return typeof limit === 'number' ? limit : undefined;
}

const tooLarge = (limit: number): never =>
  fail('body-too-large', 413, `The request body must not exceed ${limit} bytes.`);

/**
 * Reads the body as UTF-8 text, refusing before reading when Content-Length is over the limit
 * and stopping as soon as a streamed body passes it, so a large upload costs us nothing.
 */
export async function readBoundedText(request: Request, limit: number): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) tooLarge(limit);
  if (!request.body) return '';
  // With a declared length the platform frames the body (and it is within the limit): read it
  // in one go. Without one, count as it streams.
  const bytes =
    declared !== null
      ? new Uint8Array(await request.arrayBuffer())
      : await readCapped(request.body, limit);
  if (bytes.byteLength > limit) tooLarge(limit);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('bad-request', 400, 'The request body is not valid UTF-8.');
  }
}

/** Reads a body of unknown length, cancelling the upload as soon as it passes the limit. */
async function readCapped(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fail('bad-request', 400, 'The request body is not valid JSON.');
  }
}
