// The support policy (README "Browser support") as esbuild targets: the browser build's syntax
// must parse in each (tsconfig.build.json's ES2021 and terser's ecma 2021 keep it there), and
// the browser tests compile their TypeScript to the same targets.
export const BROWSER_TARGETS = ['chrome120', 'edge120', 'firefox115', 'safari15', 'ios15'];
