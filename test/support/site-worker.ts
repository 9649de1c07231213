/**
 * A site's own service worker in browser tests: `/sw.js` (test/support/workers/site-worker.js,
 * served at the root by test/support/service-workers.mjs) registered at scope `/` as a PWA does,
 * and a page of the site it controls. Every registration is removed after each test.
 */
import { until } from './onesignal-page.js';

/** The file a registration's worker runs: `sw.js`, `OneSignalSDKWorker.js`. */
export const fileOf = (worker?: ServiceWorker | null) =>
  worker && new URL(worker.scriptURL).pathname.split('/').pop();

/** Registers the site's worker at `/` and waits until it is active. */
export async function registerSiteWorker(): Promise<ServiceWorkerRegistration> {
  const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  await until(() => registration.active, 'the site’s worker, active');
  return registration;
}

/** A page of the site in an iframe, controlled by the worker at `/`: an open tab of the site. */
export async function openSitePage(): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.src = '/demo/terms.html';
  document.body.append(frame);
  await new Promise((loaded) => frame.addEventListener('load', loaded, { once: true }));
  await until(() => frame.contentWindow?.navigator.serviceWorker?.controller, 'a controlled page');
  return frame;
}

/** The registration holding `/` now, as the browser answers it. */
export const rootRegistration = () => navigator.serviceWorker.getRegistration('/');

/** Removes every service worker registration of this origin (and any page left open). */
export async function removeWorkers(): Promise<void> {
  document.querySelectorAll('iframe[src="/demo/terms.html"]').forEach((frame) => frame.remove());
  if (!navigator.serviceWorker) return;
  // The browser's own list, past the simulator's stand-in registration.
  const all = ServiceWorkerContainer.prototype.getRegistrations.call(navigator.serviceWorker);
  for (const registration of await all) await registration.unregister();
}
