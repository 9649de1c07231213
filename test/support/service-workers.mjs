// Serves the service worker files browser tests register at the origin's root, where a worker
// may take scope `/`: `/sw.js` (a site's own worker) and `/OneSignalSDKWorker.js` (the page-SDK
// simulator's stand-in for OneSignal's worker). Query strings are the worker's to read.
import { readFile } from 'node:fs/promises';

const FILES = {
  '/sw.js': 'test/support/workers/site-worker.js',
  '/OneSignalSDKWorker.js': 'demo/simulators/onesignal-sdk-worker.js',
};

export function serviceWorkers() {
  return async (ctx, next) => {
    const file = FILES[ctx.path];
    if (!file) return next();
    ctx.type = 'application/javascript';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await readFile(file, 'utf8');
  };
}
