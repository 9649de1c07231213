// A site's own service worker (a PWA's offline worker), registered by browser tests at scope `/`
// as `/sw.js`. `?claim=1` takes control of the open pages on activation, as most PWA workers do:
// a worker registered over it at the same scope then waits until those pages are gone.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  if (new URL(self.location.href).searchParams.get('claim') === '1')
    event.waitUntil(self.clients.claim());
});
