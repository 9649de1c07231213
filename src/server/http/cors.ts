/** Origin checks and CORS headers for the registration endpoint. */

export type OriginPolicy = readonly string[] | ((origin: string) => boolean);

const ALLOW_METHODS = 'POST, OPTIONS';
const ALLOW_HEADERS = 'Content-Type, Idempotency-Key';
/** The element reads Retry-After on 429/503; cross-origin it is only visible when exposed. */
const EXPOSE_HEADERS = 'Retry-After, Idempotent-Replayed';
const MAX_AGE = '7200';

/** Normalises configured origins (`https://Shop.example/` → `https://shop.example`) or throws. */
export function normaliseOrigins(origins: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const o of origins) {
    let url: URL;
    try {
      url = new URL(o);
    } catch {
      throw new TypeError(`allowedOrigins: "${o}" is not an origin such as https://shop.example`);
    }
    if (!/^https?:$/.test(url.protocol) || (url.pathname !== '/' && url.pathname !== '')) {
      throw new TypeError(`allowedOrigins: "${o}" is not an origin such as https://shop.example`);
    }
    out.add(url.origin);
  }
  return out;
}

export function originChecker(policy: OriginPolicy): (origin: string | null) => boolean {
  if (typeof policy === 'function') return (origin) => origin !== null && policy(origin);
  const allowed = normaliseOrigins(policy);
  return (origin) => origin !== null && allowed.has(origin);
}

/** Headers for every answer to an allowed origin. */
export function corsHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': EXPOSE_HEADERS,
    vary: 'Origin',
  };
}

export function preflightHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': ALLOW_METHODS,
    'access-control-allow-headers': ALLOW_HEADERS,
    'access-control-max-age': MAX_AGE,
    vary: 'Origin',
  };
}

export const ALLOW = ALLOW_METHODS;

/** The 403 detail for a request whose origin is not allowed; without an Origin header, says so. */
export function originRefusal(origin: string | null): string {
  return origin === null
    ? 'The request has no Origin header. Browsers send one with every POST from a page; a client of your own must send Origin with one of the allowed origins.'
    : 'This origin may not use this endpoint.';
}
