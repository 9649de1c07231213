/**
 * Logs OneSignal's current user in with the site's user id (OneSignal's Segment guide: Segment's
 * user id is OneSignal's external id), so push and SMS end on one OneSignal user. Loaded only with
 * `identity`, in the analytics chunk. See shared/reference/onesignal-web-sdk.md §1.3 and §1.5.
 */
import { consentPending } from './onesignal-prompts.js';
import type { OneSignalPage } from './onesignal-types.js';

/**
 * Calls `OneSignal.login(externalId)` unless the user has an external id already (a user who is
 * someone is never switched to someone else). Call it once the SDK is ready: before init, login
 * throws. Answers whether that question is settled (login called, or an id already there);
 * `false` while it cannot be asked yet: no SDK, or a consent manager holding it (login is a no-op then).
 */
export function loginOnce(externalId: string): boolean {
  try {
    const sdk = (window as OneSignalPage).OneSignal;
    if (!sdk?.User || !sdk.login || consentPending(sdk)) return false;
    if (sdk.User.externalId) return true;
    // Its rejections (network, a 409 for an id claimed elsewhere) are the SDK's own to retry.
    sdk.login(externalId).catch(() => {});
    return true;
  } catch {
    return false;
  }
}
