// `node scripts/bundle-modules.mjs [chunk-name-part]`: where the script-tag build's bytes are.
// Builds the script-tag bundle in memory (rollup.config.mjs, as `npm run build` does) and prints,
// for each chunk, its minified and gzip size and each module's share before minifying. Numbering
// plans and locales are left out unless named (`node scripts/bundle-modules.mjs ja`). For
// looking, not a gate: `npm run size` holds the budgets.
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import configs from '../rollup.config.mjs';

const config = configs.find((c) => c.input?.['push-sms-fallback']);
const wanted = process.argv[2];
const bundle = await rollup({ ...config, onwarn: () => {} });
const { output } = await bundle.generate(config.output);
await bundle.close();

for (const chunk of output) {
  if (chunk.type !== 'chunk') continue;
  const lazyData = /-(part-\d+|[a-z]{2}(-[A-Z]{2})?)-[\w-]{8}\.js$/.test(chunk.fileName);
  if (wanted ? !chunk.fileName.includes(wanted) : lazyData) continue;
  const gzip = gzipSync(chunk.code, { level: 9 }).length;
  console.log(`\n${chunk.fileName}: ${chunk.code.length} B minified, ${gzip} B gzip`);
  const modules = Object.entries(chunk.modules)
    .filter(([, module]) => module.renderedLength > 0)
    .sort(([, a], [, b]) => b.renderedLength - a.renderedLength);
  for (const [id, module] of modules) {
    const name = id.replace(/^.*[\\/]node_modules[\\/]/, '').replace(process.cwd() + '/', '');
    console.log(`${String(module.renderedLength).padStart(8)}  ${name}`);
  }
}
