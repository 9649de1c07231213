// What a user gets from the registry: this checkout packed (`npm pack`) and installed alone into
// an empty folder. Used by the tarball test and by `npm run bench:service` (install size).
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** Packs `root` into `dir` and installs the tarball into `dir/app`; returns both paths. */
export async function installPacked(
  root: string,
  dir: string,
): Promise<{ app: string; tarball: string }> {
  // Deadlines: packing is local; installing fetches lit and libphonenumber-js from the registry.
  const packed = await exec('npm', ['pack', '--pack-destination', dir, '--json'], {
    cwd: root,
    timeout: 60_000,
  });
  const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
  const tarball = join(dir, filename);
  const app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{"name":"site","private":true}\n');
  await exec('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', tarball], {
    cwd: app,
    timeout: 120_000,
  });
  return { app, tarball };
}
