// The texts of the console warnings for a misconfigured page, loaded only by such a page.
const WARNINGS = {
  'app-id': (value: string) =>
    `app-id="${value}" is not a OneSignal App ID (a UUID): copy yours from OneSignal, Settings, Keys & IDs.`,
  'no-onesignal': () =>
    'no app-id and no OneSignal on this page: set app-id to your OneSignal App ID, or load and init OneSignal on the page yourself.',
  'app-ids': (value: string) => {
    const [ours, first] = value.split(' ');
    return `app-id="${ours}" differs from app-id="${first}" on another <push-sms-fallback>, which already set up OneSignal with it: a page has one OneSignal app, so this element follows that one. Give every element the same app-id.`;
  },
  'site-worker': (worker: string) =>
    `this site's service worker ${worker} holds scope "/", where OneSignal would register its own worker in its place (the site's would be gone once its pages close), so this element does not initialise OneSignal and offers SMS instead. Fix it either way OneSignal documents, then initialise OneSignal on the page yourself (the element reuses it): import OneSignal's worker into yours, importScripts("https://cdn.onesignal.com/sdks/web/v16/OneSignalSDK.sw.js"), and init with serviceWorkerPath naming your worker; or give OneSignal a path and scope of its own, e.g. init with serviceWorkerParam: { scope: "/push/onesignal/" } and serviceWorkerPath: "push/onesignal/OneSignalSDKWorker.js".`,
  endpoint: () =>
    'no endpoint: set endpoint to the URL that registers numbers (see push-sms-fallback/server), or register them yourself on push-sms-fallback-submit.',
};

export type Misconfiguration = keyof typeof WARNINGS;

export function warn(kind: Misconfiguration, value = ''): void {
  console.warn(`<push-sms-fallback>: ${WARNINGS[kind](value)}`);
}
