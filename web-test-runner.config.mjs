// Browser tests: real Chromium, Firefox and WebKit from Debian (the test tools cannot download
// their own). BROWSERS=chromium,firefox,webkit picks some (webkit: both modes; webkit-push or
// webkit-no-push: one).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { mockEndpoint } from './test/support/mock-endpoint.mjs';
import { reactEsm } from './test/support/react-esm.mjs';
import { scriptCopies } from './test/support/script-copies.mjs';
import { serviceWorkers } from './test/support/service-workers.mjs';
import { strictCsp } from './test/support/strict-csp.mjs';
import { countingReporter } from './test/support/counting-reporter.mjs';
import { defaultReporter } from '@web/test-runner';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';
import { BROWSER_TARGETS } from './scripts/browser-targets.mjs';
import { startWebKitDriver, webkitLauncher, webkitMissing } from './scripts/webkit.mjs';

const only = process.env.BROWSERS?.split(',');
const wanted = (id) => !only || only.some((name) => id === name || id.startsWith(`${name}-`));

const browsers = [
  wanted('chromium') &&
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS },
    }),
  wanted('firefox') &&
    chromeLauncher({
      puppeteer: puppeteerCore,
      // Puppeteer opens Firefox test files as tabs of one window: a background tab's timers are
      // throttled and it never has focus, so Firefox runs one file at a time.
      concurrency: 1,
      launchOptions: { browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true },
    }),
].filter(Boolean);

// WebKit twice: with the Push API (Safari on macOS) and without (a Safari tab on iOS).
const webkitModes = [
  { id: 'webkit-push', push: true },
  { id: 'webkit-no-push', push: false },
].filter(({ id }) => wanted(id));
const missing = webkitModes.length ? webkitMissing() : [];
const notRun = [];
if (missing.length && only) throw new Error(`WebKit needs ${missing.join(', ')}: see README`);
if (missing.length) {
  notRun.push(`WebKit: ${missing.join(', ')} missing (apt-get install webkit2gtk-driver xvfb)`);
  console.warn(notRun[0]);
} else {
  for (const { push } of webkitModes) {
    browsers.push(webkitLauncher({ push, port: await startWebKitDriver() }));
  }
}
const withoutPush = browsers.filter((b) => b.push === false).map((b) => b.label);

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 2,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  plugins: [
    reactEsm(),
    esbuildPlugin({ ts: true, target: BROWSER_TARGETS, tsconfig: 'tsconfig.json' }),
  ],
  middleware: [mockEndpoint(), strictCsp(), scriptCopies(), serviceWorkers()],
  testFramework: { config: { timeout: 20_000 } },
  browsers,
  reporters: [
    defaultReporter(),
    countingReporter('.test-results/browser.json', { withoutPush, notRun }),
  ],
};
