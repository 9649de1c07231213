import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * A lint rule refusing the given imports in `files`. One per set of files: a later
 * `no-restricted-imports` for the same files would replace these patterns, not add to them.
 */
const refusing = (files, ...patterns) => ({
  files: [files],
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

/** A relative import that climbs into the named top folders of src/. */
const into = (folders, message) => ({ regex: `^(\\.\\./)+(${folders.join('|')})/`, message });

const PROGRAM = into(['service'], 'the program sits on top of the library');

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
  refusing(
    'src/browser/**',
    into(['server'], 'browser code shares only src/wire/ with the server'),
    PROGRAM,
    {
      regex: '^libphonenumber-js',
      message:
        "the form reads numbers with form/phone-parse.ts: libphonenumber-js's code would add 7 kB gzip to every declined visitor's download",
    },
  ),
  refusing(
    'src/server/**',
    into(['browser'], 'server code shares only src/wire/ with the browser code'),
    PROGRAM,
  ),
  refusing(
    'src/wire/**',
    into(['browser', 'server'], 'the wire contract imports from neither side'),
    PROGRAM,
  ),
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
