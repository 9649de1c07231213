// Serves copies of the built dist/ under other URLs, as when a page gets the script-tag build
// twice (a CMS plugin and a theme, or two CDN versions): `/__copies/<label>/<file>` is
// dist/<file>, a separate module graph for the browser. A label `v<version>` also stamps that
// version into the copy, so a test can load two versions side by side.
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';

const PACKAGE_VERSION = JSON.parse(await readFile('package.json', 'utf8')).version;

export function scriptCopies() {
  return async (ctx, next) => {
    const match = /^\/__copies\/([\w.-]+)\/([\w.-]+\.js)$/.exec(ctx.path);
    if (!match) return next();
    const [, label, file] = match;
    let body;
    try {
      body = await readFile(join('dist', normalize(file)), 'utf8');
    } catch {
      ctx.status = 404;
      return;
    }
    const version = /^v(\d+\.\d+\.\d+(?:-[\w.]+)?)$/.exec(label)?.[1];
    if (version) body = body.replaceAll(`"${PACKAGE_VERSION}"`, `"${version}"`);
    ctx.type = 'application/javascript';
    ctx.body = body;
  };
}
