/**
 * Logs OneSignal's current user in with the site's user id (OneSignal's Segment guide: Segment's
 * user id is OneSignal's external id), so push and SMS end on one OneSignal user. Loaded only with
 * `identity`, in the analytics chunk. See shared/reference/onesignal-web-sdk.md §1.3 and §1.5.
 */
import type { OneSignalPage } from './onesignal-types.js';

/**
 * Calls `OneSignal.login(externalId)` unless the user has an external id already (a user who is
 * someone is never switched to someone else). Call it once the SDK is ready: before init, login
 * throws. Answers whether the question is settled: the user has an external id now. It has none
 * after a login a consent manager held (the SDK's login does nothing until consent), or one that
 * failed: then ask again later.
 */
export async function loginOnce(externalId: string): Promise<boolean> {
  try {
    const sdk = (window as OneSignalPage).OneSignal;
    if (!sdk?.login || sdk.User?.externalId) return !!sdk?.User?.externalId;
    await sdk.login(externalId);
    return !!sdk.User?.externalId;
  } catch {
    // a rejected login (network, an id claimed elsewhere) is the SDK's own to retry
    return false;
  }
}
