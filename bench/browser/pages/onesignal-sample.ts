/**
 * A MODEL of OneSignal's published SMS-fallback sample, not its code: the mount effect of
 * `OneSignalDevelopers/sms-fallback-delivery` `utils/useOneSignal.js` (v15 SDK), translated to
 * the v16 API as shared/reference/onesignal-web-sdk.md §5 describes, run against the same SDK
 * simulator as our element so the writes are counted the same way.
 *
 * What the sample does on every mount (every page view):
 * 1. `OneSignal.init({ appId, notifyButton, allowLocalhostAsSecureOrigin, promptOptions })`,
 *    not awaited.
 * 2. `isPushNotificationsEnabled(cb)`: v15 waits for init internally; in v16 that is awaiting
 *    init, then `User.PushSubscription.id != null && Notifications.permission`.
 * 3. Not enabled: `sendTag('subscribed_to_push', 'false')` (v16: `User.addTag`) and a POST of a
 *    hard-coded phone number to its own backend, which sends an SMS through OneSignal.
 *    Enabled: `sendTag('subscribed_to_push', '')`, which deletes the tag (v16: `User.removeTag`).
 *
 * The SMS slidedown prompt in its init options is not modelled (the simulator has no slidedowns).
 */
import { BENCH_APP_ID } from './sdk-timing.js';

interface Sdk {
  init(options: Record<string, unknown>): Promise<void>;
  Notifications: { permission: boolean };
  User: {
    addTag(key: string, value: string): void;
    removeTag(key: string): void;
    PushSubscription: { id?: string | null };
  };
}
type SampleWindow = Window & {
  OneSignalDeferred?: ((sdk: Sdk) => unknown)[];
  __sampleDone?: Promise<void>;
};

const w = window as SampleWindow;
const API_URL = '/api';

let mounted = () => {};
w.__sampleDone = new Promise<void>((resolve) => (mounted = resolve));

(w.OneSignalDeferred ??= []).push(async (OneSignal) => {
  const initialised = OneSignal.init({
    appId: BENCH_APP_ID,
    notifyButton: { enable: true },
    allowLocalhostAsSecureOrigin: true,
    promptOptions: {
      slidedown: {
        prompts: [
          {
            type: 'sms',
            autoPrompt: true,
            text: {
              actionMessage: 'Get updates by text message',
              acceptButton: 'Submit',
              cancelButton: 'No thanks',
            },
            delay: { pageViews: 1, timeDelay: 5 },
          },
        ],
      },
    },
  });
  try {
    await initialised; // what v15's isPushNotificationsEnabled waited for
    const isEnabled =
      OneSignal.User.PushSubscription.id != null && OneSignal.Notifications.permission;
    if (!isEnabled) {
      OneSignal.User.addTag('subscribed_to_push', 'false');
      await fetch(`${API_URL}/sms-fallback`, {
        method: 'POST',
        body: JSON.stringify({ phoneNumbers: ['+18325550123'] }),
        headers: { 'Content-Type': 'application/json' },
      });
    } else {
      OneSignal.User.removeTag('subscribed_to_push');
    }
  } finally {
    mounted();
  }
});
