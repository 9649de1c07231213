// `cem analyze` (run by `npm run build`) reads this file. The analyzer sees only the element's
// class, so this plugin completes the manifest from the source it cannot follow:
// - events get their class (`type`), their `detail` shape and whether they are `cancelable`, read
//   from src/browser/element/events.ts; entries the analyzer guessed from `dispatchEvent` calls are dropped;
// - `@internal` and private members (and the attributes Lit state creates for them) are hidden;
// - defaults that name a module constant (`DISMISS_DAYS`) show the constant's value, and types
//   that name a union of strings (`ShowWhen`) show its values;
// - the module points at the published file and declares the `<push-sms-fallback>` definition.
import { readFileSync } from 'node:fs';
import ts from 'typescript';

const ELEMENT_SOURCE = 'src/browser/element/push-sms-fallback.ts';
const PUBLISHED_MODULE = 'dist/push-sms-fallback.js';

const parse = (file) =>
  ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);

/** `type X = 'a' | 'b'` aliases of these files, so detail shapes show the values, not the names. */
function typeAliases(files) {
  const aliases = new Map();
  for (const file of files) {
    for (const statement of parse(file).statements) {
      if (ts.isTypeAliasDeclaration(statement)) {
        aliases.set(statement.name.text, statement.type.getText().replace(/\s+/g, ' ').trim());
      }
    }
  }
  return aliases;
}

const inline = (text, aliases) =>
  text.replace(/\b[A-Z]\w*\b/g, (name) => (aliases.has(name) ? aliases.get(name) : name));

/** Each event class in src/browser/element/events.ts: its name, detail shape and whether it is cancelable. */
function eventClasses() {
  const source = parse('src/browser/element/events.ts');
  const aliases = typeAliases(['src/browser/element/events.ts', 'src/wire/contract.ts']);
  const interfaces = new Map();
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement)) interfaces.set(statement.name.text, statement);
  }
  const shape = (typeNode) => {
    const name = typeNode.getText();
    if (name === 'Record<string, never>') return '{}';
    const declaration = interfaces.get(name);
    if (!declaration) return inline(name, aliases);
    const fields = declaration.members.filter(ts.isPropertySignature).map((member) => {
      const optional = member.questionToken ? '?' : '';
      return `${member.name.getText()}${optional}: ${inline(member.type.getText(), aliases)}`;
    });
    return `{ ${fields.join(', ')} }`;
  };

  const events = new Map();
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name) continue;
    const base = statement.heritageClauses?.[0]?.types[0];
    if (base?.expression.getText() !== 'CustomEvent' || !base.typeArguments?.[0]) continue;
    let name;
    let cancelable = false;
    const visit = (node) => {
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword) {
        const [type, init] = node.arguments;
        if (type && ts.isStringLiteral(type)) name = type.text;
        // `init(detail, true)` is the cancelable form.
        cancelable = init?.arguments?.[1]?.kind === ts.SyntaxKind.TrueKeyword;
      }
      ts.forEachChild(node, visit);
    };
    visit(statement);
    if (name) {
      events.set(name, {
        className: statement.name.text,
        detail: shape(base.typeArguments[0]),
        cancelable,
      });
    }
  }
  return events;
}

/** Names of class members marked `@internal`, and module constants with literal values. */
function elementSourceFacts() {
  const source = parse(ELEMENT_SOURCE);
  const internal = new Set();
  const constants = new Map();
  const isInternal = (node) => ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'internal');
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (init && (ts.isStringLiteral(init) || ts.isNumericLiteral(init))) {
          constants.set(declaration.name.getText(), init.getText());
        }
      }
    }
    if (ts.isClassDeclaration(statement)) {
      for (const member of statement.members) {
        if (member.name && isInternal(member)) internal.add(member.name.getText());
      }
    }
  }
  return { internal, constants };
}

function completeManifest() {
  return {
    name: 'push-sms-fallback: complete the manifest',
    packageLinkPhase({ customElementsManifest }) {
      const events = eventClasses();
      const { internal, constants } = elementSourceFacts();
      const aliases = typeAliases(['src/browser/push/push-state.ts', 'src/wire/contract.ts']);
      const literalUnion = (text) => /^'[^']*'( \| '[^']*')*$/.test(text);
      /** `ShowWhen` becomes `'declined' | 'not-subscribed'`, so tools can offer the values. */
      const expand = (type) => {
        if (!type) return type;
        const text = type.text.replace(/\b[A-Z]\w*\b/g, (name) =>
          aliases.has(name) && literalUnion(aliases.get(name)) ? aliases.get(name) : name,
        );
        return { ...type, text };
      };
      const value = (text) => (text != null && constants.has(text) ? constants.get(text) : text);

      for (const module of customElementsManifest.modules) {
        if (module.path !== ELEMENT_SOURCE) continue;
        const element = module.declarations.find((d) => d.tagName === 'push-sms-fallback');
        if (!element) throw new Error(`No @tagname push-sms-fallback class in ${ELEMENT_SOURCE}`);

        element.members = element.members.filter(
          (member) => member.privacy !== 'private' && !internal.has(member.name),
        );
        for (const member of element.members) {
          if (member.default !== undefined) member.default = value(member.default);
          if (member.type) member.type = expand(member.type);
        }
        element.attributes = element.attributes.filter(
          (attribute) => !attribute.fieldName || !internal.has(attribute.fieldName),
        );
        for (const attribute of element.attributes) {
          const field = element.members.find((member) => member.name === attribute.fieldName);
          if (field?.default !== undefined) attribute.default = field.default;
          else if (attribute.default !== undefined) attribute.default = value(attribute.default);
          if (field?.description && !attribute.description)
            attribute.description = field.description;
          if (field?.type) attribute.type = field.type;
        }

        const documented = element.events.filter((event) => event.name && event.description);
        for (const event of documented) {
          const known = events.get(event.name);
          if (!known)
            throw new Error(
              `@fires ${event.name} has no event class in src/browser/element/events.ts`,
            );
          event.type = { text: known.className };
          event.detail = { text: known.detail };
          event.cancelable = known.cancelable;
        }
        const missing = [...events.keys()].filter(
          (name) => !documented.some((e) => e.name === name),
        );
        if (missing.length) throw new Error(`Events without @fires: ${missing.join(', ')}`);
        element.events = documented;

        module.path = PUBLISHED_MODULE;
        module.exports = [
          ...module.exports.map((entry) => ({
            ...entry,
            declaration: { ...entry.declaration, module: PUBLISHED_MODULE },
          })),
          {
            kind: 'custom-element-definition',
            name: element.tagName,
            declaration: { name: element.name, module: PUBLISHED_MODULE },
          },
        ];
      }
    },
  };
}

export default {
  globs: [ELEMENT_SOURCE],
  litelement: true,
  plugins: [completeManifest()],
};
