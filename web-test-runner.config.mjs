// Browser tests: real Chromium and Firefox from Debian (the test tools cannot download their own).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { mockEndpoint } from './test/support/mock-endpoint.mjs';
import { reactEsm } from './test/support/react-esm.mjs';
import { scriptCopies } from './test/support/script-copies.mjs';
import { strictCsp } from './test/support/strict-csp.mjs';
import { countingReporter } from './test/support/counting-reporter.mjs';
import { defaultReporter } from '@web/test-runner';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';

const only = process.env.BROWSERS?.split(',');
const browsers = [
  playwrightLauncher({
    product: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS },
  }),
  chromeLauncher({
    puppeteer: puppeteerCore,
    // Puppeteer opens Firefox test files as tabs of one window: a background tab's timers are
    // throttled and it never has focus, so Firefox runs one file at a time.
    concurrency: 1,
    launchOptions: { browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true },
  }),
].filter((_, i) => !only || only.includes(i === 0 ? 'chromium' : 'firefox'));

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 2,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  plugins: [reactEsm(), esbuildPlugin({ ts: true, target: 'es2021', tsconfig: 'tsconfig.json' })],
  middleware: [mockEndpoint(), strictCsp(), scriptCopies()],
  testFramework: { config: { timeout: 20_000 } },
  browsers,
  reporters: [defaultReporter(), countingReporter('.test-results/browser.json')],
};
