/**
 * Transactional messages with an SMS fallback: push first, and when OneSignal reports that the
 * user has no push subscription (an empty `id`), the same text by SMS.
 */
import { uuidV5 } from './crypto.js';
import { safeLogger, type Logger } from './logger.js';
import {
  createOneSignalClient,
  describeFailure,
  type LanguageMap,
  type NotificationBody,
  type OneSignalFailure,
  toLanguageMap,
} from './onesignal-client.js';
import { checkCredentials, DEFAULT_API_BASE_URL } from './options.js';

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
}

export interface SendWithFallbackResult {
  /** Where the message went: `none` when the user has neither push nor SMS. */
  channel: 'push' | 'sms' | 'none';
  /** OneSignal notification id, or null when nothing was sent. */
  notificationId: string | null;
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

export interface Notifier {
  sendWithFallback(input: SendWithFallbackInput): Promise<SendWithFallbackResult>;
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
      const key = input.idempotencyKey ?? crypto.randomUUID();
      const target = { include_aliases: { external_id: [input.externalId] } };

      const push = await send({
        app_id: appId,
        target_channel: 'push',
        ...target,
        contents,
        ...(input.headings ? { headings: toLanguageMap(input.headings) } : {}),
        idempotency_key: await uuidV5(`push:${appId}:${key}`),
      });
      if (push.id) return { channel: 'push', notificationId: push.id };

      const sms = await send({
        app_id: appId,
        target_channel: 'sms',
        ...target,
        name: options.smsName ?? 'psf-notify',
        contents,
        ...(options.smsFrom ? { sms_from: options.smsFrom } : {}),
        idempotency_key: await uuidV5(`sms:${appId}:${key}`),
      });
      if (sms.id) return { channel: 'sms', notificationId: sms.id };
      logger.info('No push or SMS subscription for this user; nothing sent');
      return { channel: 'none', notificationId: null, errors: sms.errors };
    },
  };
}
