/**
 * A thin typed client for the five OneSignal REST calls this package makes (reference:
 * onesignal-rest.md). Every call has a timeout; 429, 5xx, network errors and timeouts are
 * retried with bounded backoff that honours Retry-After. Nothing here logs request bodies.
 */
import type { Logger } from '../logger.js';
import { nextDelay, parseRetryAfter, sleep, type RetryPolicy } from './retry.js';

/** The counts of View message (`GET /notifications/{id}`) this package reads. */
export interface DeliveryCounts {
  successful?: number | null;
  failed?: number | null;
  errored?: number | null;
  received?: number | null;
  converted?: number | null;
}

export interface ViewedMessage extends DeliveryCounts {
  platform_delivery_stats?: Record<string, DeliveryCounts | null> | null;
}

export type LanguageMap = { en: string } & Record<string, string>;

export function toLanguageMap(message: string | LanguageMap): LanguageMap {
  return typeof message === 'string' ? { en: message } : message;
}

export interface SmsSubscription {
  type: 'SMS';
  /** E.164. */
  token: string;
  enabled: boolean;
}

export interface CreateUserBody {
  identity: Record<string, string>;
  properties?: { tags?: Record<string, string>; language?: string; country?: string };
  subscriptions?: SmsSubscription[];
}

export interface OneSignalUser {
  identity?: Record<string, string>;
  properties?: { tags?: Record<string, string> };
  subscriptions?: {
    id?: string;
    type?: string;
    token?: string;
    enabled?: boolean;
    notification_types?: number;
  }[];
}

export interface NotificationBody {
  app_id: string;
  target_channel: 'push' | 'sms';
  include_aliases: Record<string, string[]>;
  contents: LanguageMap;
  headings?: LanguageMap;
  /** Internal name; OneSignal's SDK spec says it is required for SMS. */
  name?: string;
  sms_from?: string;
  /** RFC 9562 UUID: OneSignal answers a repeat with the first result and sends nothing. */
  idempotency_key: string;
}

export interface NotificationResponse {
  /** Empty when nothing was sent (e.g. the user has no subscription on that channel). */
  id: string;
  errors?: unknown;
}

export type OneSignalResult<T> =
  | { ok: true; status: number; body: T; headers: Headers }
  | { ok: false; kind: 'http'; status: number; body: unknown; retryAfterMs?: number }
  | { ok: false; kind: 'network' | 'timeout'; error: unknown };

export type OneSignalFailure = Extract<OneSignalResult<unknown>, { ok: false }>;

export interface Alias {
  label: string;
  id: string;
}

export interface OneSignalClientOptions {
  appId: string;
  apiKey: string;
  apiBaseUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
  retry: RetryPolicy;
  logger: Logger;
  /**
   * Epoch ms after which no call starts, no retry waits and no request outlives it: the
   * registration's budget. Default: none (each call is bounded by timeoutMs and retries).
   */
  deadlineAt?: number;
}

export interface OneSignalClient {
  createUser(body: CreateUserBody): Promise<OneSignalResult<OneSignalUser>>;
  createSubscription(
    alias: Alias,
    subscription: SmsSubscription,
  ): Promise<OneSignalResult<{ subscription?: { id?: string } }>>;
  updateUserTags(alias: Alias, tags: Record<string, string>): Promise<OneSignalResult<unknown>>;
  /** View user: limited to 1 request/s per app (bursts of 10), so callers budget it. */
  viewUser(alias: Alias): Promise<OneSignalResult<OneSignalUser>>;
  createNotification(body: NotificationBody): Promise<OneSignalResult<NotificationResponse>>;
  /**
   * View message, once: no retries, since its limit (1 request/s per app) is a shared budget and
   * a 429 is the caller's cue to wait (`retryAfterMs`).
   */
  viewNotification(id: string): Promise<OneSignalResult<ViewedMessage>>;
}

export function describeFailure(failure: OneSignalFailure): string {
  return failure.kind === 'http' ? `HTTP ${failure.status}` : failure.kind;
}

/**
 * OneSignal answers no retry can change, with what the operator should know: creating a user
 * finds no app only when the app id is wrong (a 404 elsewhere can be the short-lived one right
 * after a create), and a 409 is a conflict between aliases or a full user (reference §1.2-1.3).
 */
export function finalRefusal(failure: OneSignalFailure, operation: string): string | null {
  if (failure.kind !== 'http') return null;
  if (failure.status === 404 && operation === 'create user') {
    return 'OneSignal does not know this app (create user answered 404): check appId (Settings → Keys & IDs)';
  }
  if (failure.status === 409) {
    return `OneSignal refused the registration with a conflict (${operation}); retrying cannot help`;
  }
  return null;
}

export function isRetryable(r: OneSignalResult<unknown>): boolean {
  return !r.ok && (r.kind !== 'http' || r.status === 429 || r.status >= 500);
}

export function createOneSignalClient(options: OneSignalClientOptions): OneSignalClient {
  const base = options.apiBaseUrl.replace(/\/+$/, '');
  const app = `/apps/${encodeURIComponent(options.appId)}`;
  const byAlias = (a: Alias): string =>
    `${app}/users/by/${encodeURIComponent(a.label)}/${encodeURIComponent(a.id)}`;

  const left = (): number =>
    options.deadlineAt === undefined ? Infinity : options.deadlineAt - Date.now();

  async function once<T>(method: string, path: string, body: unknown): Promise<OneSignalResult<T>> {
    const timeoutMs = Math.min(options.timeoutMs, left());
    if (timeoutMs <= 0) {
      const error = new DOMException('The registration budget is spent', 'TimeoutError');
      return { ok: false, kind: 'timeout', error };
    }
    // A controller and a cleared timer cost less than AbortSignal.timeout's tracked timer.
    const controller = new AbortController();
    const signal = controller.signal;
    const timer = setTimeout(
      () => controller.abort(new DOMException('OneSignal did not answer in time', 'TimeoutError')),
      timeoutMs,
    );
    try {
      const res = await options.fetch(base + path, {
        method,
        headers: {
          authorization: `Key ${options.apiKey}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify(body),
        signal,
      });
      const text = await res.text();
      let json: unknown = undefined;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      if (res.ok) return { ok: true, status: res.status, body: json as T, headers: res.headers };
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), Date.now());
      return { ok: false, kind: 'http', status: res.status, body: json, retryAfterMs };
    } catch (error) {
      return { ok: false, kind: signal.aborted ? 'timeout' : 'network', error };
    } finally {
      clearTimeout(timer);
    }
  }

  async function call<T>(
    operation: string,
    method: string,
    path: string,
    body: unknown,
  ): Promise<OneSignalResult<T>> {
    for (let attempt = 0; ; attempt++) {
      const result = await once<T>(method, path, body);
      if (!isRetryable(result)) return result;
      const failure = result as OneSignalFailure;
      const delay = nextDelay(
        options.retry,
        attempt,
        failure.kind === 'http' ? failure.retryAfterMs : undefined,
      );
      if (delay === null || delay >= left()) return result;
      options.logger.warn(`OneSignal ${operation} failed (${describeFailure(failure)}), retrying`, {
        attempt: attempt + 1,
        delayMs: delay,
        ...(failure.kind === 'http' ? {} : { error: failure.error }),
      });
      await sleep(delay);
    }
  }

  return {
    createUser: (body) => call('create user', 'POST', `${app}/users`, body),
    createSubscription: (alias, subscription) =>
      call('create subscription', 'POST', `${byAlias(alias)}/subscriptions`, { subscription }),
    updateUserTags: (alias, tags) =>
      call('update user', 'PATCH', byAlias(alias), { properties: { tags } }),
    viewUser: (alias) => call('view user', 'GET', byAlias(alias), undefined),
    createNotification: (body) => call('create notification', 'POST', '/notifications', body),
    viewNotification: (id) =>
      once(
        'GET',
        `/notifications/${encodeURIComponent(id)}?app_id=${encodeURIComponent(options.appId)}`,
        undefined,
      ),
  };
}
