// Checks that every browser file in dist/ is already within the support policy's syntax: esbuild
// prints each file once for `esnext` and once for the policy's browsers, and any difference is
// syntax it had to rewrite for one of them (an ES2022 class static block for Safari 15, say).
import { readdirSync, readFileSync } from 'node:fs';
import { transform } from 'esbuild';
import { BROWSER_TARGETS } from './browser-targets.mjs';

const files = readdirSync('dist').filter((f) => /^push-sms-fallback.*\.js$/.test(f));
const print = (code, target) =>
  transform(code, { target, format: 'esm', loader: 'js' }).then((result) => result.code);
let failed = 0;
for (const file of files) {
  const code = readFileSync(`dist/${file}`, 'utf8');
  const [latest, policy] = await Promise.all([print(code, 'esnext'), print(code, BROWSER_TARGETS)]);
  if (latest !== policy) {
    failed++;
    console.error(`dist/${file} uses syntax newer than ${BROWSER_TARGETS.join(', ')}`);
  }
}
console.log(
  `syntax: ${files.length - failed} of ${files.length} browser files within ${BROWSER_TARGETS.join(', ')}`,
);
process.exit(failed || !files.length ? 1 : 0);
