// Every TypeScript and JavaScript snippet in the README and docs/ compiles on its own: no syntax
// error and no name used without being imported or declared (the Vue snippet once called
// defineConfig without importing it). Imported modules are not resolved (the snippets import
// Vite, Next.js, Express…): an import counts as a declaration.
import { readFileSync, readdirSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;
const FILES = ['README.md', ...readdirSync(`${ROOT}docs`).map((f) => `docs/${f}`)].filter((f) =>
  f.endsWith('.md'),
);
const LANGS: Record<string, string> = {
  ts: 'ts',
  typescript: 'ts',
  tsx: 'tsx',
  js: 'js',
  jsx: 'jsx',
};

interface Snippet {
  file: string;
  line: number;
  ext: string;
  code: string;
}

function snippets(file: string): Snippet[] {
  const text = readFileSync(`${ROOT}${file}`, 'utf8');
  const found: Snippet[] = [];
  // Fences inside list items are indented: their snippets count too (the pg.Pool one did not).
  for (const match of text.matchAll(/^( *)```(\w+)\n([\s\S]*?)^\1```$/gm)) {
    const ext = LANGS[match[2]!];
    if (!ext) continue;
    const line = text.slice(0, match.index).split('\n').length;
    const indent = new RegExp(`^ {0,${match[1]!.length}}`, 'gm');
    found.push({ file, line, ext, code: match[3]!.replace(indent, '') });
  }
  return found;
}

// Names a snippet may use without declaring them: modules (not resolved), and the reader's own
// app (their analytics, their audit log, their order, their D1 store, Deno's global) that the
// snippets stand for, and Preact's JSX.HTMLAttributes, which a module augmentation sees without
// importing it.
const AMBIENT = `
declare module '*';
declare const process: { env: Record<string, string | undefined> };
declare const Deno: any, analytics: any, audit: any, order: any, setPhone: any;
declare const myD1ConsentStore: any;
type Env = any;
type HTMLAttributes<T> = T | any;
`;

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
  allowJs: true,
  checkJs: true,
  noEmit: true,
  noResolve: true,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: [],
};

// One program for every snippet (the standard library is read once). A snippet may use what an
// earlier snippet of the same page declared: it is compiled after them, and judged on its own lines.
const all = FILES.flatMap(snippets);
const sources = new Map<string, { code: string; from: number }>();
all.forEach((snippet, i) => {
  const before = all.slice(0, i).filter((s) => s.file === snippet.file && s.ext === snippet.ext);
  const prefix = before.map((s) => s.code).join('\n');
  sources.set(`/snippet-${i}.${snippet.ext}`, {
    code: `${prefix}\n${snippet.code}`,
    from: prefix.length + 1,
  });
});
const host = ts.createCompilerHost(OPTIONS);
const read = host.getSourceFile.bind(host);
host.getSourceFile = (file, language) => {
  const own = file === '/ambient.d.ts' ? AMBIENT : sources.get(file)?.code;
  return own !== undefined ? ts.createSourceFile(file, own, language, true) : read(file, language);
};
host.fileExists = (file) =>
  sources.has(file) || file === '/ambient.d.ts' || ts.sys.fileExists(file);
const program = ts.createProgram([...sources.keys(), '/ambient.d.ts'], OPTIONS, host);

function problems(i: number): string[] {
  const name = `/snippet-${i}.${all[i]!.ext}`;
  const source = program.getSourceFile(name)!;
  const { from } = sources.get(name)!;
  const diagnostics = [
    ...program.getSyntacticDiagnostics(source),
    // "Cannot find name": a name used without an import or a declaration.
    ...program.getSemanticDiagnostics(source).filter((d) => [2304, 2552].includes(d.code)),
  ];
  return diagnostics
    .filter((d) => (d.start ?? 0) >= from)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

// Pages with at least one such snippet (docs/cms.md has PHP and HTML only).
describe.each(FILES.filter((file) => all.some((s) => s.file === file)))('%s', (file) => {
  const cases = all.flatMap((s, i) =>
    s.file === file ? [[`line ${s.line} (${s.ext})`, i] as const] : [],
  );
  it.each(cases)('snippet at %s compiles on its own', (_, i) => {
    expect(problems(i)).toEqual([]);
  });
});

// A pg.Pool without an 'error' listener crashes the process when PostgreSQL restarts or ends an
// idle connection: every snippet that makes one also listens (issue 23, item 9).
describe('pg.Pool snippets', () => {
  const pools = all.filter((s) => /new (pg\.)?Pool\(/.test(s.code));
  it.each(pools.map((s) => [`${s.file} line ${s.line}`, s] as const))(
    '%s listens for pool errors',
    (_, s) => {
      expect(s.code).toMatch(/\.on\(\s*'error'/);
    },
  );
});
