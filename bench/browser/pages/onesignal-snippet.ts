/**
 * The inline half of OneSignal's standard v16 snippet, as a classic script file (the bench pages
 * have no inline script): the page queues its own `init` before the SDK (a `defer` script beside
 * it) has loaded. Pages with it are a site or CMS plugin that set OneSignal up; our element
 * reuses that, as does the baseline page without our element.
 */
import { BENCH_APP_ID } from './sdk-timing.js';

interface Sdk {
  init(options: { appId: string }): Promise<void>;
}
type SdkWindow = Window & { OneSignalDeferred?: ((sdk: Sdk) => unknown)[] };

const w = window as SdkWindow;
(w.OneSignalDeferred ??= []).push(async (OneSignal) => {
  await OneSignal.init({ appId: BENCH_APP_ID });
});
