// The README's API tables (attributes and properties, methods, events, slots, parts, CSS custom
// properties), generated from custom-elements.json between `<!-- api:start -->` and `<!-- api:end -->`.
//   node scripts/api-docs.mjs --write   regenerates them (after `npm run build`)
//   node scripts/api-docs.mjs --check   exits 1 when the README and the manifest disagree
// The check also fails when the source uses a `--push-sms-fallback-*` custom property or dispatches
// an event the manifest does not document, so a missing `@cssprop` or `@fires` cannot slip through.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';

const README = 'README.md';
const MANIFEST = 'custom-elements.json';
const START = '<!-- api:start -->';
const END = '<!-- api:end -->';
const TAG = 'push-sms-fallback';

const mode = process.argv[2];
if (mode !== '--write' && mode !== '--check') {
  console.error('usage: node scripts/api-docs.mjs --write | --check');
  process.exit(2);
}

const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
const element = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .find((declaration) => declaration.tagName === TAG);
if (!element) throw new Error(`${MANIFEST} has no <${TAG}>: run \`npm run build\` first`);

const code = (text) => `\`${text}\``;
// Inside a table cell a `|` ends the cell, also within code spans.
const cell = (text) => (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
const none = '—';

/** A default as the README shows it: `'inline'` → `inline`, prose stays prose. */
function shownDefault(value) {
  if (value == null) return none;
  const quoted = /^'(.*)'$/.exec(value);
  if (quoted) return code(quoted[1]);
  if (value === 'false') return 'off';
  if (/^[\d.]+$/.test(value)) return code(value);
  return value;
}

function table(header, rows) {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

function attributesSection() {
  const members = element.members ?? [];
  const attributes = element.attributes ?? [];
  const rows = attributes.map((attribute) => {
    const field = members.find((member) => member.name === (attribute.fieldName ?? attribute.name));
    return [
      code(attribute.name),
      field ? code(field.name) : code(attribute.name),
      shownDefault(attribute.default ?? field?.default),
      attribute.description ?? field?.description ?? '',
    ];
  });
  const propertyOnly = members.filter(
    (member) =>
      member.kind === 'field' &&
      !member.readonly &&
      !member.static &&
      !attributes.some((attribute) => attribute.fieldName === member.name),
  );
  for (const member of propertyOnly) {
    rows.push([none, code(member.name), shownDefault(member.default), member.description ?? '']);
  }
  const readonly = members.filter(
    (member) =>
      member.kind === 'field' &&
      member.readonly &&
      !attributes.some((attribute) => attribute.name === member.name),
  );
  for (const member of readonly) {
    rows.push([none, code(member.name), none, member.description ?? '']);
  }
  const methods = members.filter((member) => member.kind === 'method');
  return [
    '## Attributes and properties',
    '',
    table(['attribute', 'property', 'default', 'meaning'], rows),
    '',
    'Malformed values (`sdk-timeout="abc"`, an unknown `show-when`) fall back to the default with one',
    'console warning.',
    ...(methods.length
      ? [
          '',
          table(
            ['method', 'what it does'],
            methods.map((method) => [
              code(`${method.name}(${(method.parameters ?? []).map((p) => p.name).join(', ')})`),
              method.description ?? '',
            ]),
          ),
        ]
      : []),
  ].join('\n');
}

function eventsSection() {
  const events = element.events ?? [];
  const classes = events.map((event) => event.type?.text).filter(Boolean);
  return [
    '## Events',
    '',
    'All are `CustomEvent`s that bubble and cross shadow roots (`composed`), exported as classes',
    `(${classes.map(code).join(', ')}) and typed in \`HTMLElementEventMap\`.`,
    '',
    table(
      ['event', 'when', '`detail`', 'cancelable'],
      events.map((event) => [
        code(event.name),
        event.description ?? '',
        event.detail ? code(event.detail.text) : none,
        event.cancelable ? 'yes' : 'no',
      ]),
    ),
  ].join('\n');
}

function stylingSection() {
  const parts = element.cssParts ?? [];
  const properties = element.cssProperties ?? [];
  const slots = element.slots ?? [];
  return [
    '## Styling and slots',
    '',
    table(
      ['part', 'what'],
      parts.map((part) => [code(part.name), part.description ?? '']),
    ),
    '',
    table(
      ['custom property', 'default', 'what'],
      properties.map((property) => [
        code(property.name),
        property.default ? code(property.default) : none,
        property.description ?? '',
      ]),
    ),
    '',
    table(
      ['slot', 'what'],
      slots.map((slot) => [slot.name ? code(slot.name) : '(default)', slot.description ?? '']),
    ),
  ].join('\n');
}

const generated = [
  START,
  '',
  `<!-- Generated from ${MANIFEST} by \`node scripts/api-docs.mjs --write\`: edit the JSDoc in src/browser/element/push-sms-fallback.ts, then run it. -->`,
  '',
  attributesSection(),
  '',
  eventsSection(),
  '',
  stylingSection(),
  '',
  END,
].join('\n');

const current = readFileSync(README, 'utf8');
const start = current.indexOf(START);
const end = current.indexOf(END);
if (start < 0 || end < start) {
  console.error(`${README} has no ${START} … ${END} block`);
  process.exit(1);
}
const next = await format(current.slice(0, start) + generated + current.slice(end + END.length), {
  ...(await resolveConfig(README)),
  filepath: README,
});

/** What the source uses that the manifest must document. */
function undocumented() {
  const files = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? entry.name === 'server'
          ? []
          : files(join(dir, entry.name))
        : entry.name.endsWith('.ts')
          ? [join(dir, entry.name)]
          : [],
    );
  const source = files('src')
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  const used = (pattern) => new Set([...source.matchAll(pattern)].map((match) => match[1]));
  const cssProperties = used(/var\((--push-sms-fallback-[\w-]+)/g);
  const events = used(/super\('(push-sms-fallback-[\w-]+)'/g);
  return [
    ...[...cssProperties]
      .filter((name) => !element.cssProperties?.some((p) => p.name === name))
      .map((name) => `CSS custom property ${name} has no @cssprop`),
    ...[...events]
      .filter((name) => !element.events?.some((e) => e.name === name))
      .map((name) => `event ${name} has no @fires`),
  ];
}

const problems = undocumented();
for (const problem of problems)
  console.error(`${MANIFEST}: ${problem} in src/browser/element/push-sms-fallback.ts`);

if (mode === '--write') {
  if (next !== current) writeFileSync(README, next);
  console.log(
    next === current ? `${README}: API tables up to date` : `${README}: API tables written`,
  );
  process.exit(problems.length ? 1 : 0);
}
if (next !== current) {
  console.error(
    `${README}: the API tables differ from ${MANIFEST}. Run \`npm run build && node scripts/api-docs.mjs --write\`.`,
  );
  process.exit(1);
}
if (problems.length) process.exit(1);
console.log(`${README}: API tables match ${MANIFEST}`);
