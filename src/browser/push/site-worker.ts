/**
 * Whether a site's own service worker holds the scope where OneSignal's `init({ appId })` puts
 * its worker (`/`, OneSignal's default). OneSignal registers its worker there over any other one
 * it finds; the browser then swaps the site's worker out once the site's pages are closed, and its
 * offline mode is gone. Part of the OneSignal adapter (`onesignal-load.ts` asks it before loading).
 */

/**
 * The script URL of the worker holding scope `/` when it is not OneSignal's (told by its file
 * name, as the SDK tells its own), else undefined. A site worker that imports OneSignal's cannot
 * be told from outside: README says what its owner does.
 */
export async function siteWorker(): Promise<string | undefined> {
  try {
    // Only a registration at `/` itself matches `/`: a narrower scope is not in the way. Of its
    // workers, the SDK reads the active one, else the one on its way.
    const r = await navigator.serviceWorker.getRegistration('/');
    const url = r && (r.active || r.installing || r.waiting)?.scriptURL;
    return url && !/\/OneSignalSDK\w*\.js/.test(url) ? url : undefined;
  } catch {
    // No service workers here (some private modes): nothing of the site's to replace.
    return undefined;
  }
}
