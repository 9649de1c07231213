import { isBuiltin } from 'node:module';
import { resolve } from 'node:path';
import commonjs from '@rollup/plugin-commonjs';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { cssWhitespace } from './scripts/css-whitespace.mjs';
import { thirdPartyNotices } from './scripts/third-party-notices.mjs';

const ts = (options = {}) =>
  typescript({
    tsconfig: './tsconfig.build.json',
    declaration: false,
    sourceMap: true,
    ...options,
  });

const minify = () =>
  terser({ module: true, ecma: 2021, compress: { passes: 2 }, format: { comments: false } });

// `react` and `@lit/react` are optional peers, used only by the `push-sms-fallback/react` entry;
// `bullmq` likewise by `push-sms-fallback/server/bullmq`.
const isDependency = (id) => /^(lit|@lit\/|libphonenumber-js|react$|bullmq$|node:)/.test(id);

// The program reaches the library as any user does: through the built public entries beside it
// (dist/server/index.js, node.js, bullmq.js), never a second copy of their code.
const LIBRARY = 'push-sms-fallback-library:';
const libraryEntries = () => ({
  name: 'library-entries',
  resolveId(source, importer) {
    const entry = /^\.\.\/server\/(index|node|bullmq)\.js$/.exec(source)?.[1];
    if (!entry || !importer?.startsWith(resolve('src/service'))) return null;
    return { id: `${LIBRARY}${entry}`, external: true };
  },
});

// A bundled package reading its own package.json (thread-stream, for its version).
const json = () => ({
  name: 'json',
  transform: (code, id) =>
    id.endsWith('.json') ? { code: `export default ${code};`, map: { mappings: '' } } : null,
});

export default [
  // npm: ES modules with dependencies external, plus type declarations.
  {
    input: {
      index: 'src/index.ts',
      react: 'src/react.ts',
      'server/index': 'src/server/index.ts',
      'server/node': 'src/server/node.ts',
      'server/bullmq': 'src/server/bullmq.ts',
    },
    external: isDependency,
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      // Code only the server entries share goes under dist/server/, so nothing of it sits among
      // the files a browser may load (scripts/size.mjs checks them).
      chunkFileNames: (chunk) =>
        chunk.moduleIds.every((id) => /[\\/]src[\\/](server|wire)[\\/]/.test(id))
          ? 'server/chunks/[name]-[hash].js'
          : 'chunks/[name]-[hash].js',
    },
    plugins: [ts({ declaration: true, declarationDir: 'dist' }), cssWhitespace()],
  },
  // The `push-sms-fallback` program (docs/server.md): Node only, never in a browser build. pino
  // and prom-client are bundled into it (devDependencies), so installing the package for the
  // element installs neither; their licences ship beside it.
  {
    input: { 'service/bin': 'src/service/bin.ts' },
    external: (id) => isBuiltin(id) || /^(libphonenumber-js|pg$|redis$|bullmq$)/.test(id),
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      // The bundled packages' code stays out of the map, as the package's own sources do.
      sourcemapExcludeSources: true,
      paths: (id) => (id.startsWith(LIBRARY) ? `../server/${id.slice(LIBRARY.length)}.js` : id),
      banner:
        '#!/usr/bin/env node\n// Bundles pino and prom-client (MIT, Apache-2.0): see THIRD-PARTY-LICENSES.txt',
    },
    plugins: [
      libraryEntries(),
      nodeResolve({ preferBuiltins: true }),
      json(),
      // `requireReturnsDefault`: `require('./package.json')` gets the object, not a namespace.
      commonjs({ include: /[\\/]node_modules[\\/]/, requireReturnsDefault: 'auto' }),
      ts(),
      thirdPartyNotices('service/THIRD-PARTY-LICENSES.txt'),
    ],
  },
  // Script tag: one self-contained module with Lit; the form and its phone metadata are lazy chunks.
  {
    input: { 'push-sms-fallback': 'src/browser/script-tag.ts' },
    // Lets the lazy chunks import Lit from the entry file instead of splitting Lit into a third file.
    preserveEntrySignatures: 'allow-extension',
    // `lit` re-exports lit-html and LitElement beside ReactiveElement; their only top-level effect
    // is registering their version. Without this, importing ReactiveElement from 'lit' would keep
    // the template engine in the entry, and every push subscriber would download it for nothing.
    treeshake: {
      moduleSideEffects: (id) => !/[\\/]node_modules[\\/](lit|lit-element|lit-html)[\\/]/.test(id),
    },
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      chunkFileNames: 'push-sms-fallback-[name]-[hash].js',
    },
    plugins: [
      nodeResolve({ exportConditions: ['production', 'browser'] }),
      ts(),
      cssWhitespace(),
      minify(),
    ],
  },
  // Classic script tag: a loader for the module build beside it.
  {
    input: 'src/browser/classic.ts',
    output: { file: 'dist/push-sms-fallback.classic.js', format: 'iife', sourcemap: true },
    plugins: [ts(), minify()],
  },
];
