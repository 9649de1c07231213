// Writes dist/jsx.d.ts (`push-sms-fallback/jsx`, types only) from custom-elements.json: JSX types for
// the plain `<push-sms-fallback>` element. Run by `npm run build` after the analyzer.
//
// - `PushSmsFallbackJsxProps`: its attributes as props (kebab-case, as written in HTML and rendered
//   on a server), its object properties, and `onpush-sms-fallback-*` handlers typed with the event
//   classes, for any JSX framework to register in its own namespace.
// - React 19 (`import 'push-sms-fallback/jsx'` once, or `"types": ["push-sms-fallback/jsx"]`):
//   `<push-sms-fallback>` in React's `JSX.IntrinsicElements`. React 19 sets properties and adds
//   listeners for custom elements itself, so no wrapper is needed there.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const TAG = 'push-sms-fallback';
const OUT = 'dist/jsx.d.ts';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const element = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .find((declaration) => declaration.tagName === TAG);
if (!element) throw new Error(`custom-elements.json has no <${TAG}>`);

const members = element.members ?? [];
const field = (name) => members.find((member) => member.name === name);
const doc = (text, indent = '  ') =>
  text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '';

/** The JSX type of an attribute written in markup: what the element parses from its text. */
function attributeType(attribute) {
  const type = (field(attribute.fieldName)?.type?.text ?? attribute.type?.text ?? 'string')
    .replace(/\s*\|\s*undefined\b/g, '')
    .trim();
  if (type === 'boolean') return 'boolean';
  if (type === 'number') return 'number | string';
  if (/^'[^']*'( \| '[^']*')*$/.test(type)) return type;
  return 'string'; // lists (`countries="US,CA"`) and everything else are text in markup
}

const imports = new Set([element.name]);
const props = [];
for (const attribute of element.attributes ?? []) {
  // Read-only (`state`) and native (`lang`) attributes are not the element's own props to set.
  if (!attribute.fieldName || field(attribute.fieldName)?.readonly) continue;
  props.push(`${doc(attribute.description)}  '${attribute.name}'?: ${attributeType(attribute)};\n`);
}
for (const member of members) {
  const isAttribute = (element.attributes ?? []).some((a) => a.fieldName === member.name);
  if (member.kind !== 'field' || member.readonly || member.static || isAttribute) continue;
  // Object properties have no attribute: React 19 assigns them as properties.
  const type = (member.type?.text ?? 'unknown').replace(/\s*\|\s*undefined\b/g, '');
  for (const name of type.match(/\b[A-Z]\w*\b/g) ?? []) if (name !== 'Partial') imports.add(name);
  props.push(`${doc(member.description)}  ${member.name}?: ${type};\n`);
}
const handlers = [];
for (const event of element.events ?? []) {
  const type = event.type?.text ?? 'CustomEvent';
  if (type !== 'CustomEvent') imports.add(type);
  handlers.push(`${doc(event.description)}  'on${event.name}'?: (event: ${type}) => void;\n`);
}

const output = `// Generated from custom-elements.json by scripts/jsx-types.mjs: do not edit.
// \`push-sms-fallback/jsx\`: JSX types for the plain <${TAG}> element (React 19 and others).
import type { ${[...imports].sort().join(', ')} } from './index.js';

/** The element's attributes (as written in markup) and object properties. */
export interface PushSmsFallbackJsxAttributes {
${props.join('')}}

/** Event handlers, named \`on\` + the exact event name as React 19 expects. */
export interface PushSmsFallbackJsxEvents {
${handlers.join('')}}

/** Everything \`<${TAG}>\` accepts in JSX besides the standard HTML attributes. */
export type PushSmsFallbackJsxProps = PushSmsFallbackJsxAttributes & PushSmsFallbackJsxEvents;

type ReactElementProps = import('react').DetailedHTMLProps<
  import('react').HTMLAttributes<${element.name}>,
  ${element.name}
>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      '${TAG}': ReactElementProps & PushSmsFallbackJsxProps;
    }
  }
}
`;

mkdirSync('dist', { recursive: true });
writeFileSync(OUT, output);
