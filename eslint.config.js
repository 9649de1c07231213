import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** A lint rule that refuses relative imports from `files` into the named top folders of src/. */
const crossing = (files, folders, message) => ({
  files: [files],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [{ regex: `^(\\.\\./)+(${folders.join('|')})/`, message }],
      },
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'demo/.build/',
      'bench/results/',
      'examples/*/dist/',
      'examples/*/.next/',
      'examples/*/next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  // Where code runs (docs/architecture.md): what ships to the browser and the server share only
  // the wire contract. A relative import that climbs into the other side fails the build.
  crossing('src/browser/**', ['server'], 'browser code shares only src/wire/ with the server'),
  crossing('src/server/**', ['browser'], 'server code shares only src/wire/ with the browser code'),
  crossing('src/wire/**', ['browser', 'server'], 'the wire contract imports from neither side'),
  crossing('src/{browser,server,wire}/**', ['service'], 'the program sits on top of the library'),
  {
    // The program uses the library as any user would: through its public server entries.
    files: ['src/service/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(browser|wire|server/(?!(index|node|bullmq)\\.js$))',
              message: 'src/service/ imports only ../server/index.js, node.js and bullmq.js',
            },
          ],
        },
      ],
    },
  },
  {
    // With noUncheckedIndexedAccess, `events[0]!` is the honest way to say "the test fails if absent".
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Command-line scripts talk to a terminal.
    files: ['scripts/**', 'bench/**', 'demo/serve.ts', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
);
