import { loginOnce } from '../push/onesignal-login.js';
import type { AnalyticsHost } from './host.js';
import { followSegmentUser } from './segment-user.js';

/**
 * `identity="segment"`: Segment's user id is the registration's external id (an explicit
 * `external-id` wins), and, once the SDK is ready, OneSignal's user logs in with it unless it has
 * an external id already: one OneSignal user for push and SMS.
 */
export function linkSegmentUser(host: AnalyticsHost): void {
  let id: string | null = null;
  let settled = false;
  const login = () => {
    if (settled || !id || host.externalId || host.push.facts.sdk !== 'ready') return;
    settled = true;
    void loginOnce(id).then((done) => (settled = done));
  };
  followSegmentUser((next) => {
    id = next;
    host.linkedId = next ?? undefined;
    login();
  });
  // The SDK's readiness, and every change after it, comes with a permission event.
  host.addEventListener('push-sms-fallback-permission', login);
}
