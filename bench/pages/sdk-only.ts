/**
 * The baseline page of the scripting measurement: loads the OneSignal page SDK (the simulator)
 * and calls `init` the standard v16 way, without our element. Its scripting time is subtracted
 * from the element page's, so what remains is the element's own.
 *
 * `<html data-sdk-src="…">` names the SDK script.
 */
interface Sdk {
  init(options: { appId: string }): Promise<void>;
}
type SdkWindow = Window & { OneSignalDeferred?: ((sdk: Sdk) => unknown)[] };

const w = window as SdkWindow;
(w.OneSignalDeferred ??= []).push((sdk) => sdk.init({ appId: 'bench-app' }));
const script = document.createElement('script');
script.src = document.documentElement.dataset['sdkSrc'] ?? '';
script.defer = true;
document.head.append(script);
