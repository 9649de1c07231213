/**
 * `POST /api/notify` and `DELETE /api/notify/{idempotencyKey}`: the notifier over HTTP for sites
 * without Node code, behind `Authorization: Bearer $PSF_NOTIFY_TOKEN`.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import {
  FallbackScheduleError,
  OneSignalError,
  PROBLEM_TYPE_PREFIX,
  type Logger,
  type Notifier,
  type SendWithFallbackInput,
} from '../server/index.js';
import type { Metrics } from './metrics.js';

const MAX_BODY = 16 * 1024;

export function problemResponse(
  type: string,
  status: number,
  detail: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(
    JSON.stringify({ type: `${PROBLEM_TYPE_PREFIX}${type}`, title: type, status, detail }),
    {
      status,
      headers: {
        'content-type': 'application/problem+json',
        'cache-control': 'no-store',
        ...headers,
      },
    },
  );
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

export function createNotifyApi(
  notifier: Notifier,
  token: string,
  metrics: Metrics,
  logger: Logger,
) {
  const expected = digest(token);
  const authorised = (request: Request): boolean => {
    const header = request.headers.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    // Hashing first makes the comparison constant-time whatever the lengths.
    return match !== null && timingSafeEqual(digest(match[1] ?? ''), expected);
  };

  return async (request: Request, key: string | null): Promise<Response> => {
    if (!authorised(request)) {
      metrics.notify('unauthorised');
      return problemResponse(
        'unauthorized',
        401,
        'Send Authorization: Bearer <PSF_NOTIFY_TOKEN>.',
        {
          'www-authenticate': 'Bearer',
        },
      );
    }
    try {
      if (key !== null) {
        if (request.method !== 'DELETE') {
          return problemResponse('method-not-allowed', 405, 'Use DELETE.', { allow: 'DELETE' });
        }
        const cancelled = await notifier.cancelFallback(key);
        metrics.notify(cancelled ? 'cancelled' : 'not-pending');
        return Response.json({ cancelled }, { status: cancelled ? 200 : 404 });
      }
      if (request.method !== 'POST') {
        return problemResponse('method-not-allowed', 405, 'Use POST.', { allow: 'POST' });
      }
      if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
        return problemResponse('unsupported-media-type', 415, 'Send application/json.');
      }
      const text = await request.text();
      if (text.length > MAX_BODY)
        return problemResponse('payload-too-large', 413, 'Body too large.');
      let input: SendWithFallbackInput;
      try {
        input = JSON.parse(text) as SendWithFallbackInput;
      } catch {
        return problemResponse('bad-request', 400, 'The body is not JSON.');
      }
      const result = await notifier.sendWithFallback(input);
      metrics.notify(result.channel);
      return Response.json(result);
    } catch (error) {
      if (error instanceof FallbackScheduleError) {
        metrics.notify('schedule-failed');
        return problemResponse('fallback-not-scheduled', 503, error.message, {
          'retry-after': '5',
        });
      }
      if (error instanceof OneSignalError) {
        metrics.notify('onesignal-failed');
        return problemResponse('onesignal-unavailable', error.retryable ? 503 : 502, error.message);
      }
      if (error instanceof TypeError) {
        metrics.notify('invalid');
        return problemResponse('invalid-request', 422, error.message);
      }
      metrics.notify('error');
      logger.error('Notify failed', { error });
      return problemResponse('server-error', 500, 'Something went wrong.');
    }
  };
}
