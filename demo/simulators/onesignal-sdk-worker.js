// A stand-in for OneSignal's `OneSignalSDKWorker.js`, registered by the page-SDK simulator only
// where a real worker already holds the scope. Like OneSignal's, it never skips waiting and
// claims the open pages once active. It handles no push: headless browsers have no push service.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
