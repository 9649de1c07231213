// Rollup plugin: writes the licence of every npm package bundled into an output (name, version,
// licence and the package's own licence text), as MIT and similar licences ask of copies. The
// build fails when a bundled package has no licence file, so none ships without its notice.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const PACKAGE_DIR = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/;

function licenceText(dir) {
  const file = readdirSync(dir).find((name) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(name));
  return file ? readFileSync(join(dir, file), 'utf8').trim() : undefined;
}

/** @param {string} fileName the notice file, relative to the output directory */
export function thirdPartyNotices(fileName) {
  return {
    name: 'third-party-notices',
    generateBundle(_options, bundle) {
      const dirs = new Set();
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const id of chunk.moduleIds) {
          const dir = PACKAGE_DIR.exec(id.replace(/^\0/, ''))?.[1];
          if (dir && existsSync(join(dir, 'package.json'))) dirs.add(dir);
        }
      }
      const sections = [...dirs].sort().map((dir) => {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
        const text = licenceText(dir);
        if (!text) this.error(`${pkg.name} is bundled but has no licence file in ${dir}`);
        return `${pkg.name}@${pkg.version} (${pkg.license})\n\n${text}`;
      });
      if (sections.length === 0) return;
      const heading = `Packages bundled into this directory's JavaScript, with their licences.`;
      this.emitFile({
        type: 'asset',
        fileName,
        source: `${heading}\n\n${sections.join(`\n\n${'-'.repeat(72)}\n\n`)}\n`,
      });
    },
  };
}
