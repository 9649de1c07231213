/**
 * Group commit for an append-only file: every write that finished while a flush to disk was
 * running shares the next one, so concurrent registrations wait for one `fdatasync` or two
 * instead of queueing one each behind the others.
 */
export function sharedSync(flush: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const start = (): Promise<void> => {
    running = flush().finally(() => (running = null));
    return running;
  };
  // Resolves once a flush that started after this call has finished.
  return () => {
    if (!running) return start();
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = null;
        return start();
      });
    return next;
  };
}
