/** What one `npm run bench` measured: every part's result and the machine it ran on. */
import type { Calibration } from '../browser/calibrate.js';
import type { BrowserResults } from '../browser/measure.js';
import type { WritesResult } from '../browser/onesignal-writes.js';
import type { SizesResult } from '../bytes/sizes.js';
import type { LighthouseResult } from '../lighthouse/audit.js';
import type { ServerBenchResult } from '../server/throughput.js';

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  chromium: string;
  esbuild: string;
  commit: string;
  loadBefore: number[];
  /** Share of all cores busy in the 2 s before the run (bench/shared/host-load.ts). */
  busyBefore: number;
  loadAfter: number[];
}

export interface Results {
  machine: Machine;
  calibration: Calibration;
  /** Why the run is noisy (load, calibration); empty on a clean run. */
  noise: string[];
  sizes: SizesResult;
  browser: BrowserResults;
  lighthouse: LighthouseResult;
  writes: WritesResult;
  server: ServerBenchResult;
  /** Wall time of each part. */
  partsMs: Record<string, number>;
  elapsedMs: number;
}
