/**
 * Transactional messages with an SMS fallback: push first; the same text by SMS at once when
 * OneSignal reports no push subscription (an empty `id`), or, with a delivery window, when the
 * push was not seen by the end of it (runner.ts decides, the scheduler keeps time).
 */
import { uuidV5 } from '../crypto.js';
import type { FallbackReport } from './decision.js';
import { createFallbackRunner } from './runner.js';
import type { FallbackJob, FallbackScheduler, PushEvent } from './scheduler.js';
import { createMemoryScheduler } from './memory-scheduler.js';
import { safeLogger, type Logger } from '../logger.js';
import {
  createOneSignalClient,
  describeFailure,
  type LanguageMap,
  type NotificationBody,
  type OneSignalFailure,
  toLanguageMap,
} from '../onesignal/client.js';
import { DEFAULT_API_BASE_URL } from '../options.js';
import { withDeadline } from '../http/deadline.js';
import { checkCredentials } from '../resolve-options.js';

export interface NotifierOptions {
  appId: string;
  apiKey: string;
  fetch?: typeof fetch;
  apiBaseUrl?: string;
  /** Per OneSignal call. Default 8000 ms. */
  timeoutMs?: number;
  /** Default 2. */
  maxRetries?: number;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  /** Default `console`; `false` silences. */
  logger?: Logger | false;
  /** OneSignal `name` of the SMS messages (required by OneSignal for SMS). Default `psf-notify`. */
  smsName?: string;
  /** Sender number (E.164). Default: the app's SMS setup. */
  smsFrom?: string;
  /** Keeps pending fallbacks. Default `createMemoryScheduler()` (lost on restart). */
  scheduler?: FallbackScheduler;
  /** Called once per delivery-window decision (at least once if a process dies while reporting). */
  onFallback?: (report: FallbackReport) => void | Promise<void>;
  /** A fallback still undecided this long after its window (OneSignal down) is `failed`. Default 1 h. */
  decisionDeadlineMs?: number;
  /**
   * Deadline for each scheduler call (schedule, cancel): a Redis that is down or silent costs
   * the caller this long and a clear error, never a hung call. Default 5000 ms.
   */
  schedulerTimeoutMs?: number;
}

/** Push first; unless it is seen within `after` ms, the same text by SMS. */
export interface FallbackWindow {
  /** The window in ms, from 1 s to 7 days. */
  after: number;
  /** `received`: a confirmed delivery or a display counts as seen; `clicked`: only a click. */
  unless: 'received' | 'clicked';
}

export interface SendWithFallbackInput {
  /** Your user's External ID in OneSignal. */
  externalId: string;
  /** The message: a text, or a map of language → text with `en`. */
  contents: string | LanguageMap;
  /** Push title. SMS has none. */
  headings?: string | LanguageMap;
  /**
   * Your own id for this message (e.g. `order-1234-ready`): calling again with the same one
   * never sends twice, on either channel. Default: a random id per call.
   */
  idempotencyKey?: string;
  /** A delivery window. Without it, SMS goes only when the user has no push subscription. */
  fallback?: FallbackWindow;
}

export interface SendWithFallbackResult {
  /** Where the message went: `none` when the user has neither push nor SMS. */
  channel: 'push' | 'sms' | 'none';
  /** OneSignal notification id, or null when nothing was sent. */
  notificationId: string | null;
  /** `scheduled`: a decision is pending (or was made) for this key; `none`: no window. */
  fallback: 'scheduled' | 'none';
  /** OneSignal's `errors` of the last attempt that sent nothing. */
  errors?: unknown;
}

/** A OneSignal call that failed for good (after retries). */
export class OneSignalError extends Error {
  readonly status: number | null;
  readonly retryable: boolean;

  constructor(message: string, failure: OneSignalFailure) {
    super(`${message} (${describeFailure(failure)})`);
    this.name = 'OneSignalError';
    this.status = failure.kind === 'http' ? failure.status : null;
    this.retryable = failure.kind !== 'http' || failure.status === 429 || failure.status >= 500;
  }
}

/**
 * The push went out, but the scheduler did not confirm the fallback (Redis unreachable…): no
 * SMS is guaranteed for it. Calling again with `idempotencyKey` is safe: OneSignal replays the
 * push instead of sending it twice, and the fallback is scheduled then.
 */
export class FallbackScheduleError extends Error {
  readonly notificationId: string;
  readonly idempotencyKey: string;

  constructor(notificationId: string, idempotencyKey: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `The push was sent (${notificationId}) but its SMS fallback was not scheduled: ${reason}. ` +
        'Call sendWithFallback again with the same idempotencyKey (the push is not sent twice).',
      { cause },
    );
    this.name = 'FallbackScheduleError';
    this.notificationId = notificationId;
    this.idempotencyKey = idempotencyKey;
  }
}

export interface Notifier {
  sendWithFallback(input: SendWithFallbackInput): Promise<SendWithFallbackResult>;
  /** The user saw the message elsewhere: no SMS. False when nothing is pending for the key. */
  cancelFallback(idempotencyKey: string): Promise<boolean>;
  /**
   * Evidence from a web push webhook (createPushEventsHandler calls this). It only counts for a
   * push this notifier sent and is still waiting on; false otherwise. It can prevent an SMS,
   * never cause one.
   */
  recordPushEvent(notificationId: string, event: PushEvent): Promise<boolean>;
  /** Stops the scheduler's timers and workers. */
  close(): Promise<void>;
}

const MAX_WINDOW_MS = 7 * 24 * 3_600_000;

function checkWindow(fallback: FallbackWindow): void {
  const { after, unless } = fallback;
  if (!Number.isInteger(after) || after < 1000 || after > MAX_WINDOW_MS) {
    throw new TypeError('sendWithFallback: fallback.after must be whole ms from 1000 to 7 days');
  }
  if (unless !== 'received' && unless !== 'clicked') {
    throw new TypeError("sendWithFallback: fallback.unless must be 'received' or 'clicked'");
  }
}

export function createNotifier(options: NotifierOptions): Notifier {
  checkCredentials(options, (message) => {
    throw new TypeError(`createNotifier: ${message}`);
  });
  const appId = options.appId.toLowerCase();
  const logger = safeLogger(options.logger, [options.apiKey]);
  const client = createOneSignalClient({
    appId,
    apiKey: options.apiKey,
    apiBaseUrl: options.apiBaseUrl ?? DEFAULT_API_BASE_URL,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    timeoutMs: options.timeoutMs ?? 8000,
    retry: {
      maxRetries: options.maxRetries ?? 2,
      baseDelayMs: options.retryBaseDelayMs ?? 250,
      maxDelayMs: options.retryMaxDelayMs ?? 5000,
    },
    logger,
  });

  const smsBody = async (
    externalId: string,
    contents: LanguageMap,
    key: string,
  ): Promise<NotificationBody> => ({
    app_id: appId,
    target_channel: 'sms',
    include_aliases: { external_id: [externalId] },
    name: options.smsName ?? 'psf-notify',
    contents,
    ...(options.smsFrom ? { sms_from: options.smsFrom } : {}),
    idempotency_key: await uuidV5(`sms:${appId}:${key}`),
  });

  const scheduler = options.scheduler ?? createMemoryScheduler({ logger });
  const schedulerTimeoutMs = options.schedulerTimeoutMs ?? 5000;
  scheduler.start(
    createFallbackRunner({
      client,
      takeViewToken: () => scheduler.takeViewToken(),
      smsBody: (job) => smsBody(job.externalId, job.contents, job.idempotencyKey),
      onFallback: options.onFallback,
      logger,
      deadlineMs: options.decisionDeadlineMs ?? 3_600_000,
      retryMs: options.retryMaxDelayMs ?? 5000,
    }),
  );

  async function send(body: NotificationBody) {
    const result = await client.createNotification(body);
    if (!result.ok) {
      throw new OneSignalError(
        `OneSignal did not accept the ${body.target_channel} message`,
        result,
      );
    }
    return { id: result.body?.id ?? '', errors: result.body?.errors };
  }

  return {
    async sendWithFallback(input) {
      if (typeof input?.externalId !== 'string' || input.externalId === '') {
        throw new TypeError('sendWithFallback: externalId is required');
      }
      const contents = toLanguageMap(input.contents);
      if (typeof contents.en !== 'string' || contents.en === '') {
        throw new TypeError('sendWithFallback: contents needs English text (`en`)');
      }
      if (input.fallback !== undefined) checkWindow(input.fallback);
      const key = input.idempotencyKey ?? crypto.randomUUID();

      const push = await send({
        app_id: appId,
        target_channel: 'push',
        include_aliases: { external_id: [input.externalId] },
        contents,
        ...(input.headings ? { headings: toLanguageMap(input.headings) } : {}),
        idempotency_key: await uuidV5(`push:${appId}:${key}`),
      });
      if (push.id && input.fallback) {
        const job: FallbackJob = {
          idempotencyKey: key,
          notificationId: push.id.toLowerCase(),
          externalId: input.externalId,
          contents,
          unless: input.fallback.unless,
          dueAt: Date.now() + input.fallback.after,
        };
        // A repeat (same key) finds the first job: OneSignal replayed the push, nothing is new.
        try {
          await withDeadline(scheduler.schedule(job), schedulerTimeoutMs, 'The fallback scheduler');
        } catch (error) {
          logger.error('Fallback not scheduled', { notificationId: job.notificationId, error });
          throw new FallbackScheduleError(push.id, key, error);
        }
        return { channel: 'push', notificationId: push.id, fallback: 'scheduled' };
      }
      if (push.id) return { channel: 'push', notificationId: push.id, fallback: 'none' };

      const sms = await send(await smsBody(input.externalId, contents, key));
      if (sms.id) return { channel: 'sms', notificationId: sms.id, fallback: 'none' };
      logger.info('No push or SMS subscription for this user; nothing sent');
      return { channel: 'none', notificationId: null, fallback: 'none', errors: sms.errors };
    },
    async cancelFallback(idempotencyKey) {
      if (typeof idempotencyKey !== 'string' || idempotencyKey === '') {
        throw new TypeError('cancelFallback: idempotencyKey is required');
      }
      return withDeadline(
        scheduler.cancel(idempotencyKey),
        schedulerTimeoutMs,
        'The fallback scheduler',
      );
    },
    async recordPushEvent(notificationId, event) {
      return scheduler.recordEvent(notificationId.toLowerCase(), event);
    },
    close: () => scheduler.close(),
  };
}
