// A web-test-runner plugin that lets browser tests import React 18, which npm ships as CommonJS:
// `react` and `react-dom/client` resolve to small ES modules that re-export one esbuild bundle of
// both, so the test page has a single copy of React (two copies break hooks).
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const BUNDLE = '/__react18/bundle.js';
const MODULES = {
  react: { path: '/__react18/react.js', global: 'React', cjs: 'react' },
  'react-dom/client': {
    path: '/__react18/react-dom-client.js',
    global: 'ReactDOMClient',
    cjs: 'react-dom/client',
  },
};

let bundle;
function reactBundle() {
  bundle ??= build({
    stdin: {
      contents: Object.values(MODULES)
        .map(({ global, cjs }) => `export * as ${global} from '${cjs}';`)
        .join('\n'),
      resolveDir: process.cwd(),
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    write: false,
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0].text);
  return bundle;
}

/** `export const { createElement, … } = React`: the names the CommonJS module exports. */
function facade({ global, cjs }) {
  const names = Object.keys(require(cjs)).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
  return [
    `import { ${global} as module } from '${BUNDLE}';`,
    `const value = module.default ?? module;`,
    `export default value;`,
    `export const { ${names.join(', ')} } = value;`,
  ].join('\n');
}

export function reactEsm() {
  return {
    name: 'react-18-as-esm',
    resolveImport({ source }) {
      return MODULES[source]?.path;
    },
    async serve(context) {
      if (context.path === BUNDLE) return { body: await reactBundle(), type: 'js' };
      const module = Object.values(MODULES).find(({ path }) => path === context.path);
      if (module) return { body: facade(module), type: 'js' };
      return undefined;
    },
  };
}
