/** The SDK loader's own push-support test plus isSecureContext: where it fails, OneSignal will never run. */
export function detectPushSupport(): { supported: boolean } {
  if (typeof window === 'undefined') return { supported: false };
  const w = window as Window & { safari?: { pushNotification?: unknown } };
  const supported =
    w.isSecureContext &&
    // The loader asks hasOwnProperty; `in` answers the same (nothing up the chain has this name).
    ((typeof PushSubscriptionOptions !== 'undefined' &&
      'applicationServerKey' in PushSubscriptionOptions.prototype) ||
      !!w.safari?.pushNotification);
  return { supported };
}
