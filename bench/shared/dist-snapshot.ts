/**
 * A copy of dist/'s JavaScript, so a rebuild by someone else during the run cannot mix two
 * builds: the sizes (part 1) and every page load (parts 2, 3 and 5) use the same files.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './paths.js';

export interface DistSnapshot {
  /** A folder holding `dist/`, for scripts/bundle-sizes.mjs (whose DIST is relative to the cwd). */
  root: string;
  dist: string;
  remove(): void;
}

export function snapshotDist(): DistSnapshot {
  const root = mkdtempSync(join(tmpdir(), 'psf-bench-'));
  const dist = join(root, 'dist');
  cpSync(join(ROOT, 'dist'), dist, {
    recursive: true,
    filter: (source) => !/\.(map|d\.ts)$/.test(source),
  });
  return { root, dist, remove: () => rmSync(root, { recursive: true, force: true }) };
}
