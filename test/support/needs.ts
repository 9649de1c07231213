/**
 * Tests that need something only some browsers under test have declare it at the end of their
 * title (or of a describe's title), so that they run where it exists and are reported as "not
 * applicable" elsewhere, never silently left out:
 *
 *   it('writes the tag once for a subscriber [needs push]', async () => { … });
 *
 * Where the need is missing, the hook below skips the test, and test/support/counting-reporter.mjs
 * counts it as not applicable (and as a failure in a browser the config says has push).
 * test/support/onesignal-page.ts imports this module, so every test file that uses OneSignal or
 * the element has the hook.
 */
import { detectPushSupport } from '../../src/browser/push/push-support.js';

const chromium = navigator.userAgent.includes('Chrome/');
const webkit = !chromium && navigator.userAgent.includes('AppleWebKit/');

const available = {
  /** The Push API, as the element detects it (WebKit without `--features=+PushAPI`: an iOS tab). */
  push: detectPushSupport().supported,
  /** Emulated `forced-colors: active` (Playwright's Chromium only). */
  'forced colors': chromium,
  /** setViewport (WebKitWebDriver has none, and its window stops at about 447 px wide). */
  'viewport emulation': !webkit,
};

export type Need = keyof typeof available;

export const has = (need: Need): boolean => available[need];

const MARK = /\[needs ([^\]]+)\]/;

beforeEach(function () {
  const need = MARK.exec(this.currentTest?.fullTitle() ?? '')?.[1];
  if (need === undefined) return;
  if (!(need in available)) throw new Error(`Unknown need "${need}" in the test's title`);
  if (!has(need as Need)) this.skip();
});
