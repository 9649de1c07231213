/**
 * How busy the host is before the bench starts, from the CPUs' own time counters: the share of
 * all cores not idle over a short window. The load average cannot say this at the start of
 * `npm run bench`: it still holds the build that ran a moment before (a 1-minute average).
 */
import { cpus } from 'node:os';

/** More than this share of the host's cores busy with other work makes the run noisy. */
export const BUSY_LIMIT = 0.25;

const totals = () =>
  cpus().reduce(
    (sum, { times: t }) => ({
      idle: sum.idle + t.idle,
      all: sum.all + t.user + t.nice + t.sys + t.idle + t.irq,
    }),
    { idle: 0, all: 0 },
  );

/** The busy share of all cores (0–1) over the next `windowMs`. */
export async function busyShare(windowMs = 2000): Promise<number> {
  const before = totals();
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  const after = totals();
  const all = after.all - before.all;
  return all > 0 ? 1 - (after.idle - before.idle) / all : 0;
}
