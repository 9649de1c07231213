/**
 * A stand-in for Google's page tags, written from Google's docs: Tag Manager's `dataLayer` (an
 * array the page and GTM's container snippet create, `window.dataLayer = window.dataLayer || []`;
 * GTM reads what was pushed before it loaded, then handles every later push) and GA4's `gtag`
 * (the gtag.js snippet's `function gtag(){dataLayer.push(arguments)}`: its commands travel in the
 * same `dataLayer`, as `arguments` objects).
 *
 * `loadTagManager()` is gtm.js / gtag.js arriving: every message, earlier and later, is logged in
 * `googleTagMessages` and announced as the window event `google-tags-message`.
 */

type Page = Window & { dataLayer?: unknown[]; gtag?: (...args: unknown[]) => void };

export interface GoogleTagMessage {
  /** `dataLayer` for a GTM message (an object), `gtag` for a gtag command (its arguments). */
  kind: 'dataLayer' | 'gtag';
  data: unknown;
}

export const googleTagMessages: GoogleTagMessage[] = [];

const page = () => window as Page;

/** GTM's container snippet (or the page's own line): the array, without replacing one. */
export const installDataLayer = (): unknown[] => (page().dataLayer ??= []);

/** The gtag.js snippet: `gtag()` pushes its `arguments` into `dataLayer`. */
export function installGtag(): void {
  installDataLayer();
  page().gtag = function gtag() {
    // gtag.js tells its commands from GTM messages by their being an `arguments` object.
    // eslint-disable-next-line prefer-rest-params
    installDataLayer().push(arguments);
  };
}

const isArguments = (value: unknown) =>
  Object.prototype.toString.call(value) === '[object Arguments]';

function handle(message: unknown): void {
  const entry: GoogleTagMessage = isArguments(message)
    ? { kind: 'gtag', data: Array.from(message as ArrayLike<unknown>) }
    : { kind: 'dataLayer', data: message };
  googleTagMessages.push(entry);
  dispatchEvent(new CustomEvent('google-tags-message', { detail: entry }));
}

/** gtm.js arrives: it handles what is queued, then every push as it comes. */
export function loadTagManager(): void {
  const dataLayer = installDataLayer();
  dataLayer.forEach(handle);
  const push = dataLayer.push.bind(dataLayer);
  dataLayer.push = (...messages: unknown[]) => {
    const length = push(...messages);
    messages.forEach(handle);
    return length;
  };
}

/** A page without Google's tags again. */
export function resetGoogleTags(): void {
  googleTagMessages.length = 0;
  delete page().dataLayer;
  delete page().gtag;
}
