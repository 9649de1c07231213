// Loaded into `push-sms-fallback serve` by bench/server/service.ts (node --expose-gc --import)
// for its memory run: asked 'memory' over IPC, it answers process.memoryUsage() after a full
// collection, so the figure is what the service keeps, not garbage not yet collected.
process.on('message', (message) => {
  if (message !== 'memory') return;
  globalThis.gc?.();
  process.send?.({ memory: process.memoryUsage() });
});
// The channel must not keep serve alive: SIGTERM still ends it as in production.
process.channel?.unref();
