import { join } from 'node:path';

/** Where the bench finds the repository and writes its results. */
export const ROOT = new URL('../..', import.meta.url).pathname;

/** bench/results/: report.md and sizes.svg (committed), results.json and lighthouse/ (ignored). */
export const RESULTS = join(ROOT, 'bench/results');
