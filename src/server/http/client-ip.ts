/**
 * The client address of a Request, as an adapter read it from the socket. A Fetch Request has
 * no such field, and headers can be forged by the client, so adapters put the address here,
 * beside the Request, where no HTTP input can reach.
 *
 * The map lives on globalThis under a registered symbol: should a bundler duplicate this
 * module (two copies of the package), the Node adapter and the handler still share it.
 */
const KEY = Symbol.for('push-sms-fallback.client-ip');

type Holder = { [KEY]?: WeakMap<Request, string> };

function map(): WeakMap<Request, string> {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= new WeakMap());
}

/** Records the trusted client IP of `request`; call it in your adapter before the handler. */
export function setClientIp(request: Request, ip: string): void {
  map().set(request, ip);
}

/** The IP recorded with {@link setClientIp}, or null. */
export function getClientIp(request: Request): string | null {
  return map().get(request) ?? null;
}

/**
 * The rate-limit bucket of an address. IPv6 clients usually hold a whole /64 and can rotate
 * through it, so IPv6 addresses share one bucket per /64; IPv4 addresses are their own.
 */
export function ipBucket(ip: string): string {
  const address = (ip.split('%')[0] ?? '').toLowerCase();
  if (!address.includes(':')) return address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address)?.[1];
  if (mapped) return mapped;
  const [head, tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : Math.max(0, 8 - left.length - right.length);
  const groups = [...left, ...Array<string>(missing).fill('0'), ...right];
  const prefix = groups.slice(0, 4).map((g) => parseInt(g || '0', 16).toString(16));
  return `${prefix.join(':')}::/64`;
}
