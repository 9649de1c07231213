/** The SDK loader's own push-support test plus isSecureContext: where it fails, OneSignal will never run. */
export function detectPushSupport(): { supported: boolean; hint?: 'ios-home-screen' } {
  if (typeof window === 'undefined') return { supported: false };
  const w = window as Window & { safari?: { pushNotification?: unknown } };
  const nav = navigator as Navigator & { standalone?: boolean };
  const supported =
    w.isSecureContext &&
    // The loader asks hasOwnProperty; `in` answers the same (nothing up the chain has this name).
    ((typeof PushSubscriptionOptions !== 'undefined' &&
      'applicationServerKey' in PushSubscriptionOptions.prototype) ||
      !!w.safari?.pushNotification);
  // iOS and iPadOS only offer web push to a site added to the Home Screen.
  return !supported &&
    /Apple/.test(nav.vendor) &&
    nav.maxTouchPoints > 0 &&
    !nav.standalone &&
    !w.matchMedia?.('(display-mode: standalone)').matches
    ? { supported, hint: 'ios-home-screen' }
    : { supported };
}
