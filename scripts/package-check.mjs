// `npm test` step "package": packs the package as `npm publish` would (after `npm run build`) and
// checks the tarball users get:
// - it holds only what users need (dist JavaScript and type declarations, the manifest, README,
//   CHANGELOG, licence), and every file package.json points at;
// - every JavaScript file in it is reachable from an entry point (a stale chunk from an earlier
//   build would ship dead code);
// - publint and @arethetypeswrong/cli pass on the tarball itself.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';

const problems = [];
const dir = mkdtempSync(join(tmpdir(), 'push-sms-fallback-pack-'));

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw result.error;
  return result;
}

try {
  const packed = run('npm', ['pack', '--json', '--pack-destination', dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (packed.status !== 0) throw new Error('npm pack failed');
  const [{ filename, files, size, unpackedSize }] = JSON.parse(packed.stdout);
  const tarball = join(dir, filename);
  const paths = files.map((file) => file.path).sort();
  const shipped = new Set(paths);
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

  // 1. Only what users need.
  const allowed = [
    /^package\.json$/,
    /^README\.md$/,
    /^CHANGELOG\.md$/,
    /^LICEN[CS]E(\.md|\.txt)?$/,
    /^custom-elements\.json$/,
    /^dist\/.+\.js$/,
    /^dist\/.+\.js\.map$/,
    /^dist\/.+\.d\.ts$/,
    // The licences of the packages bundled into the program (rollup.config.mjs).
    /^dist\/service\/THIRD-PARTY-LICENSES\.txt$/,
  ];
  for (const path of paths) {
    if (!allowed.some((pattern) => pattern.test(path))) problems.push(`unexpected file: ${path}`);
  }

  // 2. Everything package.json points at, plus the documented script-tag builds.
  const targets = new Set([
    pkg.main,
    pkg.module,
    pkg.types,
    pkg.unpkg,
    pkg.jsdelivr,
    pkg.customElements,
    'CHANGELOG.md',
    'README.md',
    'dist/push-sms-fallback.js',
    'dist/push-sms-fallback.classic.js',
  ]);
  const collect = (value) => {
    if (typeof value === 'string') targets.add(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(pkg.exports);
  collect(pkg.bin);
  collect(pkg.typesVersions);
  const required = [...targets]
    .filter((target) => target && !target.includes('*'))
    .map((target) => posix.normalize(target.replace(/^\.\//, '')));
  for (const path of required) {
    if (!shipped.has(path))
      problems.push(`missing file: ${path} (package.json or the README names it)`);
  }

  // 3. No unreachable JavaScript.
  const read = (path) => run('tar', ['-xzOf', tarball, `package/${path}`]).stdout;
  const reachable = new Set();
  const visit = (path) => {
    if (reachable.has(path) || !shipped.has(path)) return;
    reachable.add(path);
    const code = read(path);
    const specifiers = [
      ...code.matchAll(/\bfrom\s*["'](\.{1,2}\/[^"']+)["']/g),
      ...code.matchAll(/\bimport\s*["'](\.{1,2}\/[^"']+)["']/g),
      ...code.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g),
      // The classic loader imports the module build beside it by URL.
      ...code.matchAll(/new URL\(\s*["']([\w.-]+\.js)["']/g),
    ].map((match) => match[1]);
    for (const specifier of specifiers) {
      visit(posix.normalize(posix.join(posix.dirname(path), specifier)));
    }
  };
  required.filter((path) => path.endsWith('.js')).forEach(visit);
  for (const path of paths) {
    if (path.endsWith('.js') && !reachable.has(path)) {
      problems.push(
        `unreachable file: ${path} (left over from an earlier build? rm -rf dist && npm run build)`,
      );
    }
  }

  console.log(
    `${filename}: ${paths.length} files, ${(size / 1000).toFixed(1)} kB packed, ${(unpackedSize / 1000).toFixed(1)} kB unpacked`,
  );
  console.log(
    `  ${paths.filter((p) => p.endsWith('.js')).length} JavaScript files, ` +
      `${paths.filter((p) => p.endsWith('.d.ts')).length} type declarations, ` +
      `${paths.filter((p) => !p.startsWith('dist/')).join(', ')}`,
  );

  // 4. The linters, on the tarball.
  const publint = run('npx', ['publint', 'run', tarball, '--strict'], { stdio: 'inherit' });
  if (publint.status !== 0) problems.push('publint reported problems (above)');
  // The package is ESM only by design: CommonJS callers use `import()`, which attw reports as
  // `cjs-resolves-to-esm`. Everything else, node10 type resolution included, must pass.
  const attw = run(
    'npx',
    ['attw', tarball, '--ignore-rules', 'cjs-resolves-to-esm', '--format', 'table-flipped'],
    { stdio: 'inherit' },
  );
  if (attw.status !== 0) problems.push('@arethetypeswrong/cli reported problems (above)');
} finally {
  rmSync(dir, { recursive: true, force: true });
}

for (const problem of problems) console.error(`package: ${problem}`);
if (problems.length) process.exit(1);
console.log('package: contents, publint and attw ok');
