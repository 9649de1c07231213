/**
 * `createPushEventsHandler`: a Fetch handler for OneSignal's web push webhooks
 * (`notification.willDisplay`, `notification.clicked`), which the visitor's service worker
 * POSTs: with `cors: false` as a no-cors request (a text/plain JSON body), with `cors: true` as
 * `application/json` plus `X-OneSignal-Event`, after a preflight. Anyone can forge one, so an
 * event only counts for a push the notifier sent and still waits on, and it can only stop an
 * SMS. Every valid request gets the same 204, so the answer tells a forger nothing.
 */
import { parseJson, readBoundedText } from '../http/body.js';
import { originChecker, type OriginPolicy } from '../http/cors.js';
import { UUID_RE } from '../crypto.js';
import type { PushEvent } from './scheduler.js';
import { safeLogger, type Logger } from '../logger.js';
import type { Notifier } from './notifier.js';
import { fail, problem, problemAnswer, ProblemError } from '../http/problem.js';

export interface PushEventsHandlerOptions {
  notifier: Pick<Notifier, 'recordPushEvent'>;
  /** Origins of the pages whose service workers post. Default: any (an event can only cancel). */
  allowedOrigins?: OriginPolicy;
  /** Largest accepted body. Default 4096 bytes (OneSignal's bodies are a few hundred). */
  maxBodyBytes?: number;
  /** Deadline for reading the body and recording the event. Default 5000 ms. */
  timeoutMs?: number;
  /** Default `console`; `false` silences. */
  logger?: Logger | false;
}

const EVENTS: Record<string, PushEvent | null> = {
  'notification.willDisplay': 'shown',
  'notification.clicked': 'clicked',
  // Chrome only, and not evidence of being seen.
  'notification.dismissed': null,
};

const ALLOW = 'POST, OPTIONS';

function respond(status: number, headers: Record<string, string>, body: string | null): Response {
  return new Response(body, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

/** The event and notification id of a webhook body, or a 400/422 problem. */
function parseEvent(
  json: unknown,
  header: string | null,
): { event: string; notificationId: string } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    fail('bad-request', 400, 'The webhook body must be a JSON object.');
  }
  const body = json as Record<string, unknown>;
  // SDK v16 sends `notificationId`; earlier SDKs sent `id`.
  const notificationId = body['notificationId'] ?? body['id'];
  if (typeof body['event'] !== 'string' || typeof notificationId !== 'string') {
    fail('invalid-request', 422, 'A webhook needs "event" and "notificationId" strings.', 'event');
  }
  if (header !== null && header !== body['event']) {
    fail('invalid-request', 422, 'X-OneSignal-Event does not match the body\'s "event".', 'event');
  }
  return { event: body['event'], notificationId };
}

export function createPushEventsHandler(
  options: PushEventsHandlerOptions,
): (request: Request) => Promise<Response> {
  if (typeof options?.notifier?.recordPushEvent !== 'function') {
    throw new TypeError('createPushEventsHandler: notifier (from createNotifier) is required');
  }
  const isAllowed = options.allowedOrigins ? originChecker(options.allowedOrigins) : () => true;
  const maxBodyBytes = options.maxBodyBytes ?? 4096;
  const timeoutMs = options.timeoutMs ?? 5000;
  const logger = safeLogger(options.logger, []);

  async function handle(request: Request, cors: Record<string, string>): Promise<Response> {
    const origin = request.headers.get('origin');
    if (request.method === 'OPTIONS') {
      return respond(
        204,
        {
          ...cors,
          'access-control-allow-methods': ALLOW,
          'access-control-allow-headers': 'Content-Type, X-OneSignal-Event',
          'access-control-max-age': '7200',
        },
        null,
      );
    }
    if (request.method !== 'POST')
      fail('method-not-allowed', 405, 'Use POST.', undefined, { allow: ALLOW });
    if (origin !== null && !isAllowed(origin)) {
      fail('origin-not-allowed', 403, 'This origin may not post push events.');
    }
    const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    // cors: false posts from a no-cors fetch, whose string body goes as text/plain.
    if (type !== 'application/json' && type !== 'text/plain') {
      fail('unsupported-media-type', 415, 'Send the webhook as JSON.', undefined, {
        'accept-post': 'application/json, text/plain',
      });
    }
    const { event, notificationId } = parseEvent(
      parseJson(await readBoundedText(request, maxBodyBytes)),
      request.headers.get('x-onesignal-event'),
    );
    const kind = EVENTS[event];
    if (kind && UUID_RE.test(notificationId)) {
      const counted = await options.notifier.recordPushEvent(notificationId, kind);
      if (counted) logger.info('Push event recorded', { notificationId, event: kind });
    }
    return respond(204, cors, null);
  }

  return async function pushEventsHandler(request: Request): Promise<Response> {
    const origin = request.headers.get('origin');
    const cors: Record<string, string> =
      origin !== null && isAllowed(origin)
        ? { 'access-control-allow-origin': origin, vary: 'Origin' }
        : {};
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new ProblemError(problem('temporarily-unavailable', 503, 'Try again shortly.'), {
              'retry-after': '1',
            }),
          ),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([handle(request, cors), deadline]);
    } catch (error) {
      const p = error instanceof ProblemError ? error : null;
      if (!p) logger.error('Push event failed', { error });
      const answer = p
        ? problemAnswer(p.problem, p.headers)
        : problemAnswer(problem('server-error', 500, 'Something went wrong.'));
      return respond(answer.status, { ...answer.headers, ...cors }, answer.body);
    } finally {
      clearTimeout(timer);
    }
  };
}
