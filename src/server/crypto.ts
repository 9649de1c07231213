/**
 * Hashing through Web Crypto only, so the Fetch entry runs on Workers, Deno and Bun
 * as well as Node (no `node:crypto`).
 */

const encoder = new TextEncoder();

function hex(buffer: ArrayBuffer): string {
  let out = '';
  for (const byte of new Uint8Array(buffer)) out += byte.toString(16).padStart(2, '0');
  return out;
}

export async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

/** Returns a function computing HMAC-SHA-256 hex digests; the key is imported once. */
export function hmacSha256Hex(secret: string): (message: string) => Promise<string> {
  let key: Promise<CryptoKey> | undefined;
  return async (message) => {
    key ??= crypto.subtle.importKey(
      'raw',
      encoder.encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    return hex(await crypto.subtle.sign('HMAC', await key, encoder.encode(message)));
  };
}

/** Fixed namespace for the name-based UUIDs this package derives (itself a random v4 UUID). */
const NAMESPACE = '6f0d4a53-3c1e-4b7e-9a2f-5d8c1e7b4a90';

/**
 * RFC 9562 version 5 UUID of `name`: the same submission always maps to the same OneSignal
 * `idempotency_key`, so a retried request can never send a second text.
 */
export async function uuidV5(name: string): Promise<string> {
  const ns = NAMESPACE.replace(/-/g, '');
  const nameBytes = encoder.encode(name);
  const input = new Uint8Array(16 + nameBytes.length);
  for (let i = 0; i < 16; i++) input[i] = parseInt(ns.slice(i * 2, i * 2 + 2), 16);
  input.set(nameBytes, 16);
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-1', input)).slice(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const h = hex(bytes.buffer);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
