/** The SDK loader's own push-support test plus isSecureContext: where it fails, OneSignal will never run. */
export function detectPushSupport(): boolean {
  if (typeof window === 'undefined') return false;
  const w = window as Window & { safari?: { pushNotification?: unknown } };
  return (
    w.isSecureContext &&
    // The loader asks hasOwnProperty; `in` answers the same (nothing up the chain has this name).
    ((typeof PushSubscriptionOptions !== 'undefined' &&
      'applicationServerKey' in PushSubscriptionOptions.prototype) ||
      !!w.safari?.pushNotification)
  );
}
