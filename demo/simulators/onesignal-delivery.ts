/**
 * What the OneSignal REST simulator reports about a sent message (View message,
 * `GET /notifications/{id}?app_id=…`), as shared/reference/onesignal-delivery.md describes:
 * `successful`, `failed`, `errored`, `received` (confirmed deliveries; never for Safari web
 * push), `converted` (clicks) and `platform_delivery_stats`. Tests and the demo script what the
 * device did with `reportDelivery`. View message is limited per app: at most `limit` requests
 * in any `windowMs` (OneSignal: 1/s with a 10 s look-back), beyond it 429 with Retry-After.
 */

/** The platform key OneSignal uses in `platform_delivery_stats` for a subscription type. */
const PLATFORM_OF: Record<string, string> = {
  ChromePush: 'chrome_web_push',
  FirefoxPush: 'firefox_web_push',
  SafariPush: 'safari_web_push',
  SafariLegacyPush: 'safari_web_push',
  AndroidPush: 'android',
  FireOSPush: 'android',
  HuaweiPush: 'android',
  iOSPush: 'ios',
  SMS: 'sms',
  Email: 'email',
};

/** Platforms whose devices never confirm deliveries (`received` is not reported). */
const UNCONFIRMED = new Set(['safari_web_push']);

interface PlatformCounts {
  successful: number;
  failed: number;
  errored: number;
  converted: number;
  received: number | null;
}

export interface ViewRateLimit {
  limit: number;
  windowMs: number;
}

export type DeliveryEvent = 'received' | 'clicked';

export function createDeliveryModel(rate: ViewRateLimit | false) {
  const messages = new Map<
    string,
    { queuedAt: number; channel: string; stats: Map<string, PlatformCounts> }
  >();
  let grants: number[] = [];

  function view(id: string, appId: string): { status: number; body: unknown } {
    const message = messages.get(id.toLowerCase());
    if (!message) {
      return { status: 404, body: { errors: [`Could not find notification with id ${id}`] } };
    }
    const total: PlatformCounts = {
      successful: 0,
      failed: 0,
      errored: 0,
      converted: 0,
      received: 0,
    };
    const platforms: Record<string, PlatformCounts> = {};
    let anyConfirms = false;
    for (const [platform, counts] of message.stats) {
      platforms[platform] = { ...counts };
      total.successful += counts.successful;
      total.failed += counts.failed;
      total.errored += counts.errored;
      total.converted += counts.converted;
      if (counts.received !== null) {
        anyConfirms = true;
        total.received = (total.received ?? 0) + counts.received;
      }
    }
    const seconds = Math.floor(message.queuedAt / 1000);
    return {
      status: 200,
      body: {
        id,
        app_id: appId,
        ...total,
        received: anyConfirms ? total.received : null,
        remaining: 0,
        queued_at: seconds,
        send_after: seconds,
        completed_at: seconds,
        platform_delivery_stats: platforms,
      },
    };
  }

  return {
    /** A message was created for these recipients (their subscription types). */
    sent(id: string, channel: string, recipientTypes: string[], now: number): void {
      const stats = new Map<string, PlatformCounts>();
      for (const type of recipientTypes) {
        const platform = PLATFORM_OF[type] ?? 'other';
        const counts = stats.get(platform) ?? {
          successful: 0,
          failed: 0,
          errored: 0,
          converted: 0,
          received: UNCONFIRMED.has(platform) ? null : 0,
        };
        counts.successful++;
        stats.set(platform, counts);
      }
      messages.set(id.toLowerCase(), { queuedAt: now, channel, stats });
    },
    /** The device confirmed it (ignored where OneSignal gets no confirmation), or it was clicked. */
    report(id: string, event: DeliveryEvent, platform?: string): void {
      const message = messages.get(id.toLowerCase());
      if (!message) throw new Error(`reportDelivery: no message ${id}`);
      const key = platform ?? [...message.stats.keys()][0];
      const counts = key === undefined ? undefined : message.stats.get(key);
      if (!counts) throw new Error(`reportDelivery: message ${id} did not go to ${platform}`);
      if (event === 'clicked') counts.converted++;
      else if (counts.received !== null) counts.received++;
    },
    /** Answers View message, or 429 beyond the rate limit (checked when the request arrives). */
    handleView(
      id: string,
      appId: string,
      now: number,
    ): { status: number; body: unknown; retryAfter?: number } {
      if (rate) {
        grants = grants.filter((t) => t > now - rate.windowMs);
        if (grants.length >= rate.limit) {
          const waitMs = (grants[0] ?? now) + rate.windowMs - now;
          return {
            status: 429,
            body: { errors: ['API rate limit exceeded'], limit: 'App ID' },
            retryAfter: Math.max(1, Math.ceil(waitMs / 1000)),
          };
        }
        grants.push(now);
      }
      return view(id, appId);
    },
    reset(): void {
      messages.clear();
      grants = [];
    },
  };
}
