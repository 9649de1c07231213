/**
 * Whether this browser holds a push subscription for the site, asked of the service worker
 * registrations themselves: it tells a push subscriber from a visitor who will never get one while
 * the SDK's subscription id is late, or when the SDK is blocked. Part of the OneSignal adapter.
 */
export async function hasBrowserPushSubscription(): Promise<boolean> {
  try {
    const registrations = (await navigator.serviceWorker?.getRegistrations?.()) ?? [];
    for (const registration of registrations) {
      if (await registration.pushManager?.getSubscription()) return true;
    }
  } catch {
    // No service workers here (some private modes), or a registration that cannot answer.
  }
  return false;
}

/**
 * Calls `refused` when this page may not use IndexedDB (some private modes, storage policies):
 * OneSignal's init then resolves without ever making the SDK ready. It asks what the SDK asks,
 * `open` (which may throw, or fail later), and deletes the probe it made.
 */
export function whenStorageRefused(refused: () => void): void {
  const name = 'push-sms-fallback-probe';
  try {
    const request = indexedDB.open(name);
    request.onerror = refused;
    request.onsuccess = () => {
      request.result.close();
      indexedDB.deleteDatabase(name);
    };
  } catch {
    refused();
  }
}
