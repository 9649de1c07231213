// The app every runtime serves for the contract checks: one handler whose OneSignal stand-in is
// passed as the `fetch` option (the simulator, in the runtime), one that reaches a simulator in
// the test process through the runtime's own global fetch. Bundled per runtime by esbuild.
import { createSmsFallbackHandler, type SmsFallbackOptions } from '../../../src/server/index.js';
import { createOneSignalSimulator } from '../../../demo/simulators/onesignal-rest.js';

/** Replaced by esbuild's `define`: where the simulator of the test process listens. */
declare const __UPSTREAM__: string;

export const ORIGIN = 'https://shop.example';

export function createRoutes(clientIp?: SmsFallbackOptions['clientIp']) {
  const inRuntime = createOneSignalSimulator();
  const common = {
    appId: inRuntime.appId,
    apiKey: inRuntime.apiKey,
    allowedOrigins: [ORIGIN],
    logger: false as const,
    ...(clientIp ? { clientIp } : {}),
  };
  const viaOption = createSmsFallbackHandler({ ...common, fetch: inRuntime.fetch });
  const viaGlobalFetch = createSmsFallbackHandler({ ...common, apiBaseUrl: __UPSTREAM__ });
  return (request: Request): Promise<Response> =>
    new URL(request.url).pathname === '/global-fetch'
      ? viaGlobalFetch(request)
      : viaOption(request);
}
