/**
 * A OneSignal REST API stand-in that speaks the documented wire format
 * (shared/reference/onesignal-rest.md), for the demo's sandbox backend, the server tests and
 * the benchmark. Runs in process (`handle` / `fetch`, for the handler's `fetch` option) or on
 * 127.0.0.1 (`listen`). Faults can be injected; every request is logged with the key masked.
 *
 * Implemented: create user (upsert: 201 new, 202 existing; alias look-up; SMS subscription
 * transfer; tags; 409 `user-2` when the identity's aliases belong to different users), view
 * user, create subscription by alias (201/200/202, 404, 409 at 20), update user (PATCH tags),
 * opted-out numbers (`textFromPhone` STOP/START, both "sync unsubscribe across senders"
 * settings; an upsert with `enabled: true` re-subscribes, the worst case the docs allow),
 * create notification (`include_aliases` + `target_channel`, or `include_phone_numbers`;
 * `idempotency_key` replays with `Idempotent-Replayed: true`; `id: ""` with `errors` when the
 * target has no subscription on that channel). `Authorization: Key <key>` or 401.
 * View message (`GET /notifications/{id}?app_id=…`, rate-limited, scripted with
 * `reportDelivery`): see onesignal-delivery.ts. Rate limits: View user 1/s per app (bursts
 * of 10); writes 1,000/s per app and 1/s per user or subscription with `writeLimits: true`
 * (onesignal-write-limits.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWriteLimits } from './onesignal-write-limits.js';
import {
  createDeliveryModel,
  type DeliveryEvent,
  type ViewRateLimit,
} from './onesignal-delivery.js';

export const SIMULATOR_APP_ID = '00000000-0000-4000-8000-000000000000';
export const SIMULATOR_API_KEY = 'os_v2_app_simulator0000000000000000000000000000000000000';

export interface SimulatorOptions {
  appId?: string;
  apiKey?: string;
  /** Status of a create-user call that made a new user: the spec says 201, the docs' example 200. */
  createdStatus?: 200 | 201;
  /** Added to every answer, as network and processing time. Default 0. */
  latencyMs?: number;
  /** Requests kept in the log. Default 500. */
  logLimit?: number;
  /**
   * SMS Settings → Consent Keywords → "Sync unsubscribe across all senders". On: STOP marks the
   * subscription unsubscribed. Off (OneSignal's default): the sender texted is suppressed for
   * that number, and nothing on the user or subscription shows it (the docs say no more).
   */
  syncUnsubscribeAcrossSenders?: boolean;
  /** The app's default SMS sender (used without `sms_from`). Default `+15555550100`. */
  smsSender?: string;
  /** View user allows 1 request/s per app in bursts of 10, then 429. `false` lifts it. */
  viewUserLimit?: boolean;
  /**
   * Writes (create/update users and subscriptions): 1,000 requests/s per app and 1/s per user
   * or subscription, then 429 `Retry-After: 1`, as documented. Off by default (tests that write
   * the same user twice in a row would need to wait); the benchmark and load tests turn it on.
   */
  writeLimits?: boolean;
  /** Clock of the write limits, for tests. Default `Date.now`. */
  now?: () => number;
  /** View message limit per app. Default 10 in any 10 s (OneSignal's 1/s, 10 s look-back). */
  viewRateLimit?: ViewRateLimit | false;
}

/** What the next matching request(s) get instead of a normal answer. */
export type Fault =
  | { kind: 'status'; status: number; retryAfter?: number }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'reset'; afterProcessing?: boolean };

export interface InjectOptions {
  /** How many requests get the fault. Default 1. */
  times?: number;
  /** Only requests whose path (without query) matches. Default: all. */
  path?: string | RegExp;
}

export interface SimSubscription {
  id: string;
  type: string;
  token: string;
  enabled: boolean;
  notification_types: number;
  /** onesignal_id of the owner. */
  owner: string;
}

export interface SimUser {
  onesignalId: string;
  aliases: Record<string, string>;
  tags: Record<string, string>;
  language?: string;
  country?: string;
}

export interface SimNotification {
  id: string;
  channel: string;
  name?: string;
  contents: Record<string, string>;
  idempotencyKey?: string;
  /** Subscription ids it went to. */
  recipients: string[];
}

export interface LoggedRequest {
  seq: number;
  at: string;
  method: string;
  /** Path and query. */
  path: string;
  /** Lower-case names; `authorization` masked. */
  headers: Record<string, string>;
  body: unknown;
  /** The answer's status; null when the connection was reset. */
  status: number | null;
  fault?: string;
  replayed?: boolean;
}

export interface SimulatorState {
  users: {
    identity: Record<string, string>;
    properties: { tags: Record<string, string>; language?: string; country?: string };
    subscriptions: Omit<SimSubscription, 'owner'>[];
  }[];
  subscriptions: SimSubscription[];
  notifications: SimNotification[];
}

export interface ListeningSimulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface OneSignalSimulator {
  readonly appId: string;
  readonly apiKey: string;
  /** In-process OneSignal: a Request in, a Response out (or a TypeError, like fetch, on reset). */
  handle(request: Request): Promise<Response>;
  /** `handle` with the signature of `fetch`, for the handler's `fetch` option. */
  fetch: typeof fetch;
  /** Serves the simulator on 127.0.0.1 (`port` 0 picks a free one). */
  listen(port?: number): Promise<ListeningSimulator>;
  inject(fault: Fault, options?: InjectOptions): void;
  clearFaults(): void;
  /** Received requests, oldest first. */
  readonly requests: readonly LoggedRequest[];
  /** Calls `listener` for every logged request; returns an unsubscribe function. */
  onRequest(listener: (entry: LoggedRequest) => void): () => void;
  clearLog(): void;
  state(): SimulatorState;
  /** Adds a user directly (e.g. one with a push subscription) and returns its onesignal_id. */
  /**
   * The phone texts a keyword to a sender (default `smsSender`): STOP, UNSUBSCRIBE, CANCEL opt
   * out; START, UNSTOP, YES opt back in; anything else is ignored.
   */
  textFromPhone(phone: string, text: string, options?: { to?: string }): void;
  seedUser(user: {
    identity: Record<string, string>;
    tags?: Record<string, string>;
    subscriptions?: { type: string; token?: string; enabled?: boolean }[];
  }): string;
  reset(): void;
  /**
   * Scripts what View message reports for a sent message: a device confirmed it (`received`,
   * never counted for Safari web push, as at OneSignal) or the visitor clicked it. `platform`
   * (e.g. `chrome_web_push`) defaults to the message's first.
   */
  reportDelivery(notificationId: string, event: DeliveryEvent, platform?: string): void;
}

const SUBSCRIPTION_TYPES = new Set([
  'iOSPush',
  'AndroidPush',
  'FireOSPush',
  'ChromeExtensionPush',
  'ChromePush',
  'WindowsPush',
  'SafariLegacyPush',
  'FirefoxPush',
  'macOSPush',
  'HuaweiPush',
  'SafariPush',
  'Email',
  'SMS',
]);
const CHANNEL_OF = (type: string): string =>
  type === 'SMS' ? 'sms' : type === 'Email' ? 'email' : 'push';
const E164 = /^\+[1-9]\d{6,14}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_SUBSCRIPTIONS = 20;

/** Thrown inside `dispatch` to drop the connection instead of answering. */
class Reset extends Error {}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
const errors = (status: number, ...messages: unknown[]): Response =>
  json(status, { errors: messages });

function maskAuthorization(value: string): string {
  const [scheme, ...rest] = value.split(' ');
  const key = rest.join(' ');
  if (!key) return '••••';
  return `${scheme} ${'•'.repeat(Math.max(4, key.length - 4))}${key.slice(-4)}`;
}

function abortable(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!signal) {
      setTimeout(resolve, ms);
      return;
    }
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** What `dispatch` reads of a request: a Request, or the same fields without building one. */
interface Incoming {
  method: string;
  url: string;
  headers: Headers;
  signal?: AbortSignal;
  text(): Promise<string>;
}

/**
 * `fetch(url, { body: string })`, as the handler calls it, skips building a Request: the
 * benchmark measures the handler, not the simulator.
 */
function incoming(input: RequestInfo | URL, init?: RequestInit): Incoming {
  const body = init?.body;
  if (typeof input === 'string' || input instanceof URL) {
    if (body === undefined || body === null || typeof body === 'string') {
      return {
        method: (init?.method ?? 'GET').toUpperCase(),
        url: String(input),
        headers: new Headers(init?.headers),
        signal: init?.signal ?? undefined,
        text: async () => body ?? '',
      };
    }
  }
  return new Request(input, init);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function createOneSignalSimulator(options: SimulatorOptions = {}): OneSignalSimulator {
  const appId = (options.appId ?? SIMULATOR_APP_ID).toLowerCase();
  const apiKey = options.apiKey ?? SIMULATOR_API_KEY;
  const createdStatus = options.createdStatus ?? 201;
  const latencyMs = options.latencyMs ?? 0;
  const logLimit = options.logLimit ?? 500;
  const syncAcrossSenders = options.syncUnsubscribeAcrossSenders ?? false;
  const defaultSender = options.smsSender ?? '+15555550100';
  const viewUserLimit = options.viewUserLimit ?? true;
  /** `sender\nphone` pairs: STOP to that sender, with sync across senders off. */
  let suppressed = new Set<string>();
  let viewBucket = { tokens: 10, at: Date.now() };
  const writeLimits = options.writeLimits ? createWriteLimits(options.now ?? Date.now) : undefined;
  const delivery = createDeliveryModel(options.viewRateLimit ?? { limit: 10, windowMs: 10_000 });

  let users = new Map<string, SimUser>();
  let subscriptions = new Map<string, SimSubscription>();
  let notifications: SimNotification[] = [];
  let idempotent = new Map<string, unknown>();
  // Indexes, so the benchmark's tens of thousands of users cost O(1) per request.
  let aliasIndex = new Map<string, string>();
  let tokenIndex = new Map<string, string>();
  let subsByOwner = new Map<string, Set<string>>();
  let faults: { fault: Fault; left: number; path?: string | RegExp }[] = [];
  let log: LoggedRequest[] = [];
  let seq = 0;
  const listeners = new Set<(entry: LoggedRequest) => void>();

  // ---- model -------------------------------------------------------------------------------

  const aliasKey = (label: string, id: string) => `${label}\n${id}`;
  const tokenKey = (type: string, token: string) => `${type}\n${token}`;
  const findByAlias = (label: string, id: string): SimUser | undefined => {
    const onesignalId = label === 'onesignal_id' ? id : aliasIndex.get(aliasKey(label, id));
    return onesignalId === undefined ? undefined : users.get(onesignalId);
  };
  const findByToken = (type: string, token: string): SimSubscription | undefined => {
    const id = tokenIndex.get(tokenKey(type, token));
    return id === undefined ? undefined : subscriptions.get(id);
  };
  const subsOf = (user: SimUser): SimSubscription[] =>
    [...(subsByOwner.get(user.onesignalId) ?? [])].flatMap((id) => subscriptions.get(id) ?? []);
  function addUser(aliases: Record<string, string>, tags: Record<string, string>): SimUser {
    const user: SimUser = { onesignalId: crypto.randomUUID(), aliases: {}, tags };
    users.set(user.onesignalId, user);
    subsByOwner.set(user.onesignalId, new Set());
    for (const [label, id] of Object.entries(aliases)) setAlias(user, label, id);
    return user;
  }
  function setAlias(user: SimUser, label: string, id: string): void {
    if (label === 'onesignal_id') return;
    const old = user.aliases[label];
    if (old !== undefined) aliasIndex.delete(aliasKey(label, old));
    user.aliases[label] = id;
    aliasIndex.set(aliasKey(label, id), user.onesignalId);
  }
  function setOwner(sub: SimSubscription, owner: string): void {
    subsByOwner.get(sub.owner)?.delete(sub.id);
    sub.owner = owner;
    subsByOwner.get(owner)?.add(sub.id);
  }
  const subView = ({ owner: _owner, ...s }: SimSubscription) => ({ ...s, app_id: appId });
  const userView = (u: SimUser) => ({
    identity: { ...u.aliases, onesignal_id: u.onesignalId },
    properties: {
      tags: { ...u.tags },
      ...(u.language ? { language: u.language } : {}),
      ...(u.country ? { country: u.country } : {}),
    },
    subscriptions: subsOf(u).map(subView),
  });

  /** Merges tags; an empty string deletes a tag, as OneSignal documents. */
  function applyTags(user: SimUser, tags: Record<string, string>): void {
    const merged = Object.entries({ ...user.tags, ...tags }).filter(([, v]) => v !== '');
    user.tags = Object.fromEntries(merged);
  }

  /** Creates the subscription, or moves the existing (type, token) one to `user`. */
  function attach(
    user: SimUser,
    sub: { type: string; token: string; enabled?: boolean },
  ): { status: 200 | 201 | 202; sub: SimSubscription } {
    const existing = findByToken(sub.type, sub.token);
    const enabled = sub.enabled ?? true;
    if (existing) {
      const status = existing.owner === user.onesignalId ? 200 : 202;
      setOwner(existing, user.onesignalId);
      existing.enabled = enabled;
      existing.notification_types = enabled ? 1 : -31;
      return { status, sub: existing };
    }
    const created: SimSubscription = {
      id: crypto.randomUUID(),
      type: sub.type,
      token: sub.token,
      enabled,
      notification_types: enabled ? 1 : -31,
      owner: user.onesignalId,
    };
    subscriptions.set(created.id, created);
    tokenIndex.set(tokenKey(created.type, created.token), created.id);
    subsByOwner.get(user.onesignalId)?.add(created.id);
    return { status: 201, sub: created };
  }

  /** 400 text for an invalid subscription object, else null. */
  function subscriptionProblem(sub: unknown): string | null {
    if (!isRecord(sub) || typeof sub.type !== 'string' || !SUBSCRIPTION_TYPES.has(sub.type)) {
      return 'Subscription type is missing or unknown';
    }
    if (typeof sub.token !== 'string' || sub.token === '') return 'Subscription token is required';
    if (sub.type === 'SMS' && !E164.test(sub.token))
      return 'SMS token must be an E.164 phone number';
    if (sub.enabled !== undefined && typeof sub.enabled !== 'boolean')
      return 'enabled must be a boolean';
    return null;
  }

  function tagsProblem(tags: unknown): string | null {
    if (tags === undefined) return null;
    if (!isRecord(tags)) return 'tags must be an object';
    for (const v of Object.values(tags))
      if (typeof v !== 'string') return 'Tag values must be strings';
    return null;
  }

  // ---- routes ------------------------------------------------------------------------------

  function createUser(body: unknown): Response {
    if (!isRecord(body)) return errors(400, 'Body must be a JSON object');
    const identity = body.identity ?? {};
    if (!isRecord(identity)) return errors(400, 'identity must be an object');
    for (const v of Object.values(identity)) {
      if (typeof v !== 'string' || v === '')
        return errors(400, 'Alias ids must be non-empty strings');
    }
    const props = body.properties ?? {};
    if (!isRecord(props)) return errors(400, 'properties must be an object');
    const tagError = tagsProblem(props.tags);
    if (tagError) return errors(400, { code: 'invalid_tags', title: tagError });
    const subs = body.subscriptions ?? [];
    if (!Array.isArray(subs) || subs.length > MAX_SUBSCRIPTIONS) {
      return errors(400, 'subscriptions must be an array of at most 20');
    }
    for (const s of subs) {
      const problem = subscriptionProblem(s);
      if (problem) return errors(400, { code: 'subscription-0', title: problem });
    }
    if (Object.keys(identity).length === 0 && subs.length === 0) {
      return errors(400, 'An identity or a subscription is required');
    }

    const owners = new Map<string, SimUser>();
    for (const [label, id] of Object.entries(identity as Record<string, string>)) {
      const u = findByAlias(label, id);
      if (u) owners.set(u.onesignalId, u);
    }
    if (owners.size > 1) {
      const conflicting: Record<string, string> = {};
      for (const [label, id] of Object.entries(identity as Record<string, string>)) {
        const u = findByAlias(label, id);
        if (u) conflicting[label] = u.onesignalId;
      }
      return errors(409, {
        code: 'user-2',
        title: 'One or more Aliases claimed by another User',
        meta: { conflicting_aliases: conflicting },
      });
    }
    let user = [...owners.values()][0];
    const isNew = !user;
    user ??= addUser({}, {});
    for (const [label, id] of Object.entries(identity as Record<string, string>)) {
      setAlias(user, label, id);
    }
    if (props.tags) applyTags(user, props.tags as Record<string, string>);
    if (typeof props.language === 'string') user.language = props.language;
    if (typeof props.country === 'string') user.country = props.country;
    for (const s of subs as { type: string; token: string; enabled?: boolean }[]) attach(user, s);
    return json(isNew ? createdStatus : 202, userView(user));
  }

  function createSubscription(user: SimUser | undefined, body: unknown): Response {
    if (!user) return errors(404, { code: 'subscription-0', title: 'Subscription not found' });
    const sub = isRecord(body) ? body.subscription : undefined;
    const problem = subscriptionProblem(sub);
    if (problem) return errors(400, problem);
    const s = sub as { type: string; token: string; enabled?: boolean };
    const onUser = subsOf(user).some((x) => x.type === s.type && x.token === s.token);
    if (!onUser && subsOf(user).length >= MAX_SUBSCRIPTIONS) {
      return errors(
        409,
        'Operation is not permitted due to user having the maximum number of subscriptions assigned',
      );
    }
    const { status, sub: attached } = attach(user, s);
    return json(status, { subscription: subView(attached) });
  }

  function updateUser(user: SimUser | undefined, body: unknown): Response {
    if (!user) return errors(404, { code: 'user-0', title: 'User not found' });
    const props = isRecord(body) ? (body.properties ?? {}) : undefined;
    if (!isRecord(props)) return errors(400, 'properties must be an object');
    const tagError = tagsProblem(props.tags);
    if (tagError) return errors(400, tagError);
    if (props.tags) applyTags(user, props.tags as Record<string, string>);
    if (typeof props.language === 'string') user.language = props.language;
    if (typeof props.country === 'string') user.country = props.country;
    return json(202, { properties: userView(user).properties });
  }

  function createNotification(body: unknown): Response {
    if (!isRecord(body)) return errors(400, 'Body must be a JSON object');
    if (body.app_id !== appId)
      return errors(
        400,
        'app_id not found. You may be missing a Content-Type: application/json header.',
      );
    const key = body.idempotency_key;
    if (key !== undefined && (typeof key !== 'string' || !UUID.test(key))) {
      return errors(400, 'idempotency_key must be a valid UUID');
    }
    if (typeof key === 'string' && idempotent.has(key.toLowerCase())) {
      return json(200, idempotent.get(key.toLowerCase()), { 'idempotent-replayed': 'true' });
    }
    const contents = body.contents;
    if (!isRecord(contents) || typeof contents.en !== 'string' || contents.en === '') {
      return errors(400, 'Message Notifications must have English language content');
    }
    const aliases = body.include_aliases;
    const phones = body.include_phone_numbers;
    if ((aliases !== undefined) === (phones !== undefined)) {
      return errors(
        400,
        'Use exactly one targeting parameter: include_aliases or include_phone_numbers',
      );
    }
    const channel = phones !== undefined ? 'sms' : body.target_channel;
    if (channel !== 'push' && channel !== 'sms' && channel !== 'email') {
      return errors(400, 'target_channel must be push, email or sms with include_aliases');
    }
    if (channel === 'sms' && (typeof body.name !== 'string' || body.name === '')) {
      return errors(400, 'name is required for SMS messages');
    }

    const recipients: SimSubscription[] = [];
    const invalid: Record<string, string[]> = {};
    const sender = typeof body.sms_from === 'string' ? body.sms_from : defaultSender;
    const live = (s: SimSubscription) =>
      s.enabled &&
      CHANNEL_OF(s.type) === channel &&
      !(channel === 'sms' && suppressed.has(`${sender}\n${s.token}`));
    if (aliases !== undefined) {
      if (!isRecord(aliases)) return errors(400, 'include_aliases must be an object');
      for (const [label, ids] of Object.entries(aliases)) {
        if (!Array.isArray(ids)) return errors(400, 'include_aliases values must be arrays');
        for (const id of ids) {
          const u = findByAlias(label, String(id));
          if (u) recipients.push(...subsOf(u).filter(live));
          else (invalid[label] ??= []).push(String(id));
        }
      }
    } else {
      if (!Array.isArray(phones)) return errors(400, 'include_phone_numbers must be an array');
      for (const p of phones) {
        const s = findByToken('SMS', String(p));
        if (s && live(s)) recipients.push(s);
      }
    }
    if (recipients.length === 0) {
      return json(200, { id: '', errors: ['All included players are not subscribed'] });
    }
    const result: Record<string, unknown> = { id: crypto.randomUUID(), external_id: null };
    if (Object.keys(invalid).length > 0) result.errors = { invalid_aliases: invalid };
    notifications.push({
      id: result.id as string,
      channel,
      ...(typeof body.name === 'string' ? { name: body.name } : {}),
      contents: contents as Record<string, string>,
      ...(typeof key === 'string' ? { idempotencyKey: key } : {}),
      recipients: recipients.map((s) => s.id),
    });
    if (typeof key === 'string') idempotent.set(key.toLowerCase(), result);
    delivery.sent(
      result.id as string,
      channel,
      recipients.map((s) => s.type),
      Date.now(),
    );
    return json(200, result);
  }

  /** The users and subscriptions a write touches, as the write limits count them. */
  function writeKeys(label: string | undefined, id: string | undefined, body: unknown): string[] {
    const keys: string[] = [];
    const user = (l: string, i: string) => {
      const u = findByAlias(l, i);
      if (u) keys.push(`user\n${u.onesignalId}`);
    };
    if (label) user(decodeURIComponent(label), decodeURIComponent(id ?? ''));
    const b = isRecord(body) ? body : {};
    if (isRecord(b.identity)) {
      for (const [l, i] of Object.entries(b.identity)) if (typeof i === 'string') user(l, i);
    }
    const subs = [...(Array.isArray(b.subscriptions) ? b.subscriptions : []), b.subscription];
    for (const s of subs) {
      if (isRecord(s) && typeof s.token === 'string') keys.push(`sub\n${s.type}\n${s.token}`);
    }
    return keys;
  }

  function route(method: string, path: string, body: unknown): Response {
    const m = /^\/apps\/[^/]+\/users(?:\/by\/([^/]+)\/([^/]+))?/.exec(path);
    if (!writeLimits || !m || method === 'GET') return routeRequest(method, path, body);
    const admitted = writeLimits.admit(writeKeys(m[1], m[2], body));
    if (!admitted.ok) {
      return json(
        429,
        { errors: ['API rate limit exceeded'], limit: 'App ID' },
        { 'retry-after': String(admitted.retryAfterS) },
      );
    }
    const response = routeRequest(method, path, body);
    if (response.status < 300) writeLimits.mark(writeKeys(m[1], m[2], body));
    return response;
  }

  function routeRequest(method: string, path: string, body: unknown): Response {
    if (method === 'POST' && path === '/notifications') return createNotification(body);
    const m = /^\/apps\/([^/]+)\/users(?:\/by\/([^/]+)\/([^/]+))?(\/subscriptions)?$/.exec(path);
    if (!m) return errors(404, 'Not Found');
    const [, app, label, id, subs] = m;
    // One app exists here: any other id is unknown, as OneSignal answers a wrong app id.
    if (decodeURIComponent(app ?? '').toLowerCase() !== appId) {
      return errors(404, `App with id: ${decodeURIComponent(app ?? '')} does not exist`);
    }
    if (!label)
      return method === 'POST' && !subs ? createUser(body) : errors(405, 'Method Not Allowed');
    const user = findByAlias(decodeURIComponent(label), decodeURIComponent(id ?? ''));
    if (subs)
      return method === 'POST' ? createSubscription(user, body) : errors(405, 'Method Not Allowed');
    if (method === 'GET') {
      if (viewUserLimit && !takeViewToken()) {
        return json(
          429,
          { errors: ['API rate limit exceeded'], limit: 'App ID' },
          { 'retry-after': '1' },
        );
      }
      return user
        ? json(200, userView(user))
        : errors(404, { code: 'user-0', title: 'User not found' });
    }
    if (method === 'PATCH') return updateUser(user, body);
    return errors(405, 'Method Not Allowed');
  }

  /** View endpoints: 1 request/s per app, bursts of 10 (rate-limits reference). */
  function takeViewToken(): boolean {
    const now = Date.now();
    viewBucket = {
      tokens: Math.min(10, viewBucket.tokens + (now - viewBucket.at) / 1000),
      at: now,
    };
    if (viewBucket.tokens < 1) return false;
    viewBucket.tokens -= 1;
    return true;
  }

  function textFromPhone(phone: string, text: string, to = defaultSender): void {
    const keyword = text.trim().toUpperCase();
    const stop = ['STOP', 'UNSUBSCRIBE', 'CANCEL'].includes(keyword);
    if (!stop && !['START', 'UNSTOP', 'YES'].includes(keyword)) return;
    const sub = findByToken('SMS', phone);
    if (stop) suppressed.add(`${to}\n${phone}`);
    else suppressed.delete(`${to}\n${phone}`);
    if (syncAcrossSenders && sub) {
      sub.enabled = !stop;
      // The value OneSignal gives a STOP is not documented; any value <= 0 is "not subscribed".
      sub.notification_types = stop ? -2 : 1;
    }
  }

  /** View message, or null for any other route. */
  function viewMessage(method: string, url: URL): Response | null {
    const m = /^\/notifications\/([^/]+)$/.exec(url.pathname);
    if (!m || method !== 'GET') return null;
    if (url.searchParams.get('app_id')?.toLowerCase() !== appId) {
      return errors(
        400,
        'app_id not found. You may be missing a Content-Type: application/json header.',
      );
    }
    const answer = delivery.handleView(decodeURIComponent(m[1] ?? ''), appId, Date.now());
    const extra: Record<string, string> =
      answer.retryAfter === undefined ? {} : { 'retry-after': String(answer.retryAfter) };
    return json(answer.status, answer.body, extra);
  }

  // ---- transport ---------------------------------------------------------------------------

  function takeFault(path: string): Fault | undefined {
    const i = faults.findIndex(
      (f) =>
        f.path === undefined || (typeof f.path === 'string' ? f.path === path : f.path.test(path)),
    );
    if (i < 0) return undefined;
    const entry = faults[i];
    if (!entry) return undefined;
    if (--entry.left <= 0) faults.splice(i, 1);
    return entry.fault;
  }

  function record(entry: LoggedRequest): void {
    log.push(entry);
    // Trimmed in batches: one copy per logLimit requests, not one per request.
    if (log.length > logLimit * 2) log = log.slice(-logLimit);
    for (const l of listeners) l(entry);
  }

  /** The simulator proper; throws Reset to drop the connection. */
  async function dispatch(request: Incoming): Promise<Response> {
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.text();
    let body: unknown = undefined;
    let badJson = false;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      badJson = true;
    }
    const headers: Record<string, string> = {};
    request.headers.forEach((v, k) => {
      headers[k] = k === 'authorization' ? maskAuthorization(v) : v;
    });
    const entry: LoggedRequest = {
      seq: ++seq,
      at: new Date().toISOString(),
      method: request.method,
      path: url.pathname + url.search,
      headers,
      body: badJson ? text : body,
      status: null,
    };
    const fault = takeFault(url.pathname);
    if (fault) entry.fault = fault.kind === 'status' ? String(fault.status) : fault.kind;
    try {
      if (latencyMs > 0) await abortable(latencyMs, request.signal);
      if (fault?.kind === 'status') {
        const extra: Record<string, string> = {};
        if (fault.retryAfter !== undefined) extra['retry-after'] = String(fault.retryAfter);
        const response =
          fault.status === 429
            ? json(429, { errors: ['API rate limit exceeded'], limit: 'App ID' }, extra)
            : errors(fault.status, 'Internal Server Error');
        entry.status = response.status;
        return response;
      }
      if (fault?.kind === 'reset' && !fault.afterProcessing) throw new Reset();

      const auth = /^key\s+(.+)$/i.exec(request.headers.get('authorization') ?? '');
      let response: Response;
      if (!auth || auth[1] !== apiKey) {
        response = errors(401, {
          code: 'auth-1',
          title: "This operation requires 'Authorization' in the HTTP header",
        });
      } else if (badJson || (request.method !== 'GET' && body === undefined)) {
        response = errors(400, 'Invalid JSON body');
      } else {
        response = viewMessage(request.method, url) ?? route(request.method, url.pathname, body);
      }
      entry.status = response.status;
      if (response.headers.get('idempotent-replayed') === 'true') entry.replayed = true;
      if (fault?.kind === 'reset') throw new Reset();
      if (fault?.kind === 'slow') await abortable(fault.delayMs, request.signal);
      return response;
    } finally {
      if (fault?.kind === 'reset') entry.status = null;
      record(entry);
    }
  }

  async function handle(request: Request | Incoming): Promise<Response> {
    try {
      return await dispatch(request);
    } catch (error) {
      if (error instanceof Reset) {
        const cause = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
        throw new TypeError('fetch failed', { cause });
      }
      throw error;
    }
  }

  function serve(server: Server) {
    return (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const controller = new AbortController();
        // The client went away before the answer (an abort after it would only cost a DOMException).
        res.once('close', () => {
          if (!res.writableFinished) controller.abort();
        });
        const headers = new Headers();
        for (let i = 0; i < req.rawHeaders.length; i += 2) {
          headers.append(req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '');
        }
        const method = req.method ?? 'GET';
        const request = new Request(new URL(req.url ?? '/', 'http://127.0.0.1'), {
          method,
          headers,
          body: method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks),
          signal: controller.signal,
        });
        dispatch(request).then(
          async (response) => {
            const payload = Buffer.from(await response.arrayBuffer());
            res.writeHead(response.status, Object.fromEntries(response.headers));
            res.end(payload);
          },
          (error: unknown) => {
            if (error instanceof Reset || controller.signal.aborted) req.socket.destroy();
            else {
              res.writeHead(500).end();
              server.emit('error', error);
            }
          },
        );
      });
    };
  }

  return {
    appId,
    apiKey,
    handle,
    fetch: ((input: RequestInfo | URL, init?: RequestInit) =>
      handle(incoming(input, init))) as typeof fetch,
    async listen(port = 0) {
      const server = createServer();
      server.on('request', serve(server));
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
      const actual = (server.address() as AddressInfo).port;
      return {
        url: `http://127.0.0.1:${actual}`,
        port: actual,
        close: () =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      };
    },
    inject(fault, opts = {}) {
      faults.push({ fault, left: opts.times ?? 1, path: opts.path });
    },
    clearFaults() {
      faults = [];
    },
    get requests() {
      return log.length > logLimit ? log.slice(-logLimit) : log;
    },
    onRequest(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clearLog() {
      log = [];
    },
    state() {
      return {
        users: [...users.values()].map(userView).map((u) => ({
          ...u,
          subscriptions: u.subscriptions.map(({ app_id: _app, ...s }) => s),
        })),
        subscriptions: [...subscriptions.values()].map((s) => ({ ...s })),
        notifications: notifications.map((n) => ({ ...n, recipients: [...n.recipients] })),
      };
    },
    textFromPhone(phone, text, opts = {}) {
      textFromPhone(phone, text, opts.to);
    },
    seedUser(user) {
      const u = addUser(user.identity, { ...(user.tags ?? {}) });
      for (const s of user.subscriptions ?? []) {
        attach(u, { type: s.type, token: s.token ?? crypto.randomUUID(), enabled: s.enabled });
      }
      return u.onesignalId;
    },
    reset() {
      users = new Map();
      subscriptions = new Map();
      notifications = [];
      idempotent = new Map();
      aliasIndex = new Map();
      tokenIndex = new Map();
      subsByOwner = new Map();
      suppressed = new Set();
      viewBucket = { tokens: 10, at: Date.now() };
      faults = [];
      log = [];
      seq = 0;
      delivery.reset();
    },
    reportDelivery: (id, event, platform) => delivery.report(id, event, platform),
  };
}
