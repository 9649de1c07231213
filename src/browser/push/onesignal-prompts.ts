/**
 * What OneSignal keeps in the page's storage about asking for push, read the way its SDK writes
 * it: a prompt the visitor dismissed, and a consent manager's page still waiting for consent.
 */
import type { Sdk } from './onesignal-types.js';

/**
 * OneSignal's note of a push prompt dismissed (its slidedown's Cancel, or the native prompt closed
 * unanswered), kept 3, then 7, then 30 days: `{"value":"\"dismissed\"","timestamp":<expiry>}`.
 */
export const promptDismissed = () => {
  try {
    return JSON.parse(localStorage['onesignal-notification-prompt']).timestamp > Date.now();
  } catch {
    return false;
  }
};

/**
 * A consent manager's page (`requiresUserPrivacyConsent`) holds the SDK's session, and so the push
 * subscription, until `setConsentGiven(true)`.
 */
export const consentPending = (sdk: Sdk | undefined) => {
  try {
    const config = sdk?.config as { userConfig?: { requiresUserPrivacyConsent?: boolean } };
    return (
      (localStorage['requiresPrivacyConsent'] === 'true' ||
        !!config.userConfig?.requiresUserPrivacyConsent) &&
      localStorage['userConsent'] !== 'true'
    );
  } catch {
    return false;
  }
};
