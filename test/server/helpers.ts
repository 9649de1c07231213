import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RegistrationRequest } from '../../src/wire/contract.js';
import {
  createMemoryConsentStore,
  createSmsFallbackHandler,
  type Logger,
  type MemoryConsentStore,
  type SmsFallbackOptions,
} from '../../src/server/index.js';
import { toNodeHandler, type NodeHandlerOptions } from '../../src/server/node.js';
import {
  createOneSignalSimulator,
  type LoggedRequest,
  type OneSignalSimulator,
} from '../../demo/simulators/onesignal-rest.js';

export const ORIGIN = 'https://shop.example';

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

export function captureLogger(): Logger & { lines: LogLine[]; text(): string } {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (message: string, fields?: Record<string, unknown>): void => {
      lines.push({ level, message, fields });
    };
  return {
    lines,
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    text: () => JSON.stringify(lines),
  };
}

export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

const cleanups: (() => Promise<void>)[] = [];

/** Runs the registered cleanups (call from afterEach). */
export async function cleanup(): Promise<void> {
  for (let fn = cleanups.pop(); fn; fn = cleanups.pop()) await fn();
}

/** The value, or a thrown error naming what was missing (instead of a non-null assertion). */
export function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}

export function onCleanup(fn: () => Promise<void>): void {
  cleanups.push(fn);
}

export interface Harness {
  url: string;
  sim: OneSignalSimulator;
  consent: MemoryConsentStore;
  logger: ReturnType<typeof captureLogger>;
}

/**
 * The handler behind the Node adapter on 127.0.0.1, talking to an in-process simulator, with
 * small retry delays so fault tests stay fast.
 */
export async function startHarness(
  overrides: Partial<SmsFallbackOptions> = {},
  nodeOptions: NodeHandlerOptions = {},
  sim: OneSignalSimulator = createOneSignalSimulator(),
): Promise<Harness> {
  const consent = createMemoryConsentStore();
  const logger = captureLogger();
  const handler = createSmsFallbackHandler({
    appId: sim.appId,
    apiKey: sim.apiKey,
    allowedOrigins: [ORIGIN],
    fetch: sim.fetch,
    consentStore: consent,
    logger,
    retryBaseDelayMs: 5,
    retryMaxDelayMs: 2000,
    timeoutMs: 1000,
    ...overrides,
  });
  const server = createServer(toNodeHandler(handler, nodeOptions));
  const url = await listen(server);
  onCleanup(() => closeServer(server));
  return { url, sim, consent, logger };
}

export function registration(overrides: Partial<RegistrationRequest> = {}): RegistrationRequest {
  const idempotencyKey = overrides.idempotencyKey ?? crypto.randomUUID();
  return {
    phone: '+447400123456',
    country: 'GB',
    tags: { subscribed_to_push: 'false' },
    onesignalId: null,
    externalId: null,
    push: { supported: true, permission: 'denied', reason: 'denied' },
    consent: {
      text: 'Text me order alerts from Shop. Msg & data rates may apply. Reply STOP to cancel, HELP for help.',
      acceptedAt: new Date().toISOString(),
      pageUrl: `${ORIGIN}/checkout`,
      locale: 'en-GB',
    },
    ...overrides,
    idempotencyKey,
  };
}

export interface PostOptions {
  headers?: Record<string, string | null>;
  /** Raw body instead of JSON of the registration. */
  raw?: string;
  signal?: AbortSignal;
}

/** POSTs like the element does: JSON, Origin, Idempotency-Key equal to the body's key. */
export function post(
  url: string,
  body: Partial<RegistrationRequest> & { idempotencyKey?: string } = registration(),
  options: PostOptions = {},
): Promise<Response> {
  const headers = new Headers({
    'content-type': 'application/json',
    origin: ORIGIN,
    'idempotency-key': body.idempotencyKey ?? crypto.randomUUID(),
    'user-agent': 'Mozilla/5.0 (test)',
  });
  for (const [k, v] of Object.entries(options.headers ?? {})) {
    if (v === null) headers.delete(k);
    else headers.set(k, v);
  }
  return fetch(url, {
    method: 'POST',
    headers,
    body: options.raw ?? JSON.stringify(body),
    signal: options.signal,
  });
}

export async function problemOf(res: Response): Promise<Record<string, unknown>> {
  expectProblemType(res);
  return (await res.json()) as Record<string, unknown>;
}

function expectProblemType(res: Response): void {
  const type = res.headers.get('content-type');
  if (type !== 'application/problem+json') {
    throw new Error(`expected application/problem+json, got ${type} (status ${res.status})`);
  }
}

/** Create user: faults aimed at the registration itself, not the opt-out look-up before it. */
export const CREATE_USER = /\/users$/;

/** The calls that change something at OneSignal (the log without View user look-ups). */
export function writes(sim: OneSignalSimulator): readonly LoggedRequest[] {
  return sim.requests.filter((r) => r.method !== 'GET');
}

/** Calls to OneSignal that would register or send (not the log of GETs). */
export function upstreamCalls(sim: OneSignalSimulator): number {
  return writes(sim).length;
}
