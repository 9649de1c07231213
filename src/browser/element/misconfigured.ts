// The texts of the console warnings for a misconfigured page, loaded only by such a page.
const WARNINGS = {
  'app-id': (value: string) =>
    `app-id="${value}" is not a OneSignal App ID (a UUID): copy yours from OneSignal, Settings, Keys & IDs.`,
  'no-onesignal': () =>
    'no app-id and no OneSignal on this page: set app-id to your OneSignal App ID, or load and init OneSignal on the page yourself.',
  endpoint: () =>
    'no endpoint: set endpoint to the URL that registers numbers (see push-sms-fallback/server), or register them yourself on push-sms-fallback-submit.',
};

export type Misconfiguration = keyof typeof WARNINGS;

export function warn(kind: Misconfiguration, value = ''): void {
  console.warn(`<push-sms-fallback>: ${WARNINGS[kind](value)}`);
}
