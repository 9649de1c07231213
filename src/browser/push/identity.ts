import type { OneSignalPage } from './onesignal-types.js';

/** Who the SDK says the visitor is right now. */
export interface Identity {
  /** A real OneSignal user's id (the SDK has none while the user is local, e.g. mid-login). */
  onesignalId: string | null;
  /** The id the page logged in with (`OneSignal.login`). */
  externalId: string | null;
}

/**
 * Read when a number is sent, not kept from the last change: a page's `OneSignal.login` that
 * identifies the visitor's user changes the external id without any event. Form path only.
 */
export function readIdentity(): Identity {
  try {
    const user = (window as OneSignalPage).OneSignal?.User;
    return { onesignalId: user?.onesignalId || null, externalId: user?.externalId || null };
  } catch {
    return { onesignalId: null, externalId: null };
  }
}
