// Plugins for @custom-elements-manifest/analyzer that turn its raw output into the manifest the
// umbrella package publishes: the elements' public API only, with paths a consumer can resolve.
// Used by `custom-elements-manifest.config.mjs` next to the package.json. Each plugin has one job;
// they run after the analyzer's own phases (and after its lit plugin), in the order `cwmManifestPlugins`
// gives.
// No Node APIs: tests/elements/ runs them through the analyzer's browser build.

/**
 * Our plugins in the order they must run: the check first, while the manifest still holds every class
 * under its source path; paths last, once nothing needs to find a module by its source path any more.
 * `manifestDir` is where the manifest is written, relative to the working directory.
 */
export function cwmManifestPlugins({ manifestDir, report }) {
  return [
    checkTagNamesAgainstRegistrations(report ? { report } : {}),
    publicMembersOnly(),
    attributesFromTheirFields(),
    expandLiteralUnionAliases(),
    elementModulesOnly(),
    publishedModulePaths({ manifestDir }),
  ];
}

/** Registered tags start with our prefix; anything else in a registration table is not a tag of ours. */
const OUR_TAG = /^cwm-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Class names are PascalCase: `{ 'cwm-error': onError }` (a listener map) is not a registration. */
const CLASS_NAME = /^[A-Z][a-z0-9]/;

/** Superclasses that make a class an element although the analyzer only sees them by name. */
const ELEMENT_BASES = new Set(['LitElement', 'HTMLElement']);

/**
 * Our elements are registered with `defineElement('cwm-x', Class)`, in the umbrella's `ELEMENTS` table
 * (`['cwm-x', Class]`) or in a composed widget's `static elements = { 'cwm-x': Class }`, never with
 * `customElements.define`, so the analyzer cannot tell a class's tag: the class states it with a JSDoc
 * `@tagname`. This plugin finds those registrations and reports every registered class without a
 * `@tagname` or with a different one, and every tag claimed by two classes, so a widget cannot ship
 * without (or with a wrong) tag in the docs. `report` gets the problems (only called when there are some).
 */
export function checkTagNamesAgainstRegistrations({ report = failTheRun } = {}) {
  /** @type {{ tag: string, className: string, byCall: boolean, file: string }[]} */
  const registrations = [];
  return {
    name: 'cwm-check-tag-names',
    analyzePhase({ ts, node, moduleDoc }) {
      const pair = registrationPair(ts, node);
      if (pair) registrations.push({ ...pair, file: moduleDoc.path });
    },
    packageLinkPhase({ customElementsManifest }) {
      const problems = [];
      const classes = classDeclarations(customElementsManifest);
      for (const { tag, className, byCall, file } of registrations) {
        const declaration = classes.find((entry) => entry.declaration.name === className)?.declaration;
        // A table entry naming no class of ours is some other pairing of a string and a constant.
        if (!declaration && !byCall) continue;
        if (!declaration) {
          problems.push(`${file} registers <${tag}> as ${className}, but no class of that name was analyzed.`);
        } else if (declaration.tagName !== tag) {
          const found = declaration.tagName ? `says @tagname ${declaration.tagName}` : 'has no @tagname';
          problems.push(`${file} registers <${tag}> as ${className}, whose JSDoc ${found}: add "@tagname ${tag}" to it.`);
        }
      }
      const owners = new Map();
      for (const { declaration, path } of classes) {
        if (!declaration.tagName) continue;
        const previous = owners.get(declaration.tagName);
        if (previous) problems.push(`<${declaration.tagName}> is claimed by ${previous} and by ${declaration.name} (${path}).`);
        owners.set(declaration.tagName, `${declaration.name} (${path})`);
      }
      if (problems.length > 0) report(problems);
    },
  };
}

/**
 * Not a throw: the analyzer would wrap it in a "please report this plugin bug" banner. The manifest is
 * still written, but the command fails, and so do `npm run build` and the Storybook scripts.
 */
function failTheRun(problems) {
  for (const problem of problems) console.error(`custom-elements.json: ${problem}`);
  process.exitCode = 1;
}

/**
 * `{ tag, className, byCall }` when `node` pairs one of our tag strings with a class name, else
 * undefined. `byCall` marks a `defineElement` call, which is a registration for certain.
 */
function registrationPair(ts, node) {
  const pairOf = (tagNode, classNode, byCall) =>
    tagNode &&
    classNode &&
    ts.isStringLiteralLike(tagNode) &&
    OUR_TAG.test(tagNode.text) &&
    ts.isIdentifier(classNode) &&
    CLASS_NAME.test(classNode.text)
      ? { tag: tagNode.text, className: classNode.text, byCall }
      : undefined;
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'defineElement') {
    return pairOf(node.arguments[0], node.arguments[1], true);
  }
  if (ts.isArrayLiteralExpression(node) && node.elements.length === 2) {
    return pairOf(node.elements[0], node.elements[1], false);
  }
  if (ts.isPropertyAssignment(node)) {
    return pairOf(node.name, node.initializer, false);
  }
  return undefined;
}

/**
 * Removes what is not public API of an element: private and protected members (the analyzer lists
 * them with a `privacy` flag), `#private` fields and static members (`static elements` and the like
 * belong to the class, not to the element a page uses). Storybook would otherwise offer every private
 * field as a control. Attributes stay (they are HTML API) but lose the link to a field that is gone.
 */
export function publicMembersOnly() {
  const isPublic = (member) =>
    member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#') && !member.static;
  return {
    name: 'cwm-public-members-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const { declaration } of classDeclarations(customElementsManifest)) {
        if (!declaration.members) continue;
        declaration.members = declaration.members.filter(isPublic);
        const fields = new Set(declaration.members.map((member) => member.name));
        for (const attribute of declaration.attributes ?? []) {
          if (attribute.fieldName && !fields.has(attribute.fieldName)) delete attribute.fieldName;
        }
        if (declaration.members.length === 0) delete declaration.members;
      }
    },
  };
}

/**
 * The lit plugin copies an attribute's type and default from the source text of the decorated field,
 * so `adapter = DEFAULT_ADAPTER` documents the attribute's default as `DEFAULT_ADAPTER` and a field
 * whose type is inferred documents no type at all, while the field itself got the resolved value
 * (`'local'`) and the inferred type. Attributes take both from their field.
 */
export function attributesFromTheirFields() {
  return {
    name: 'cwm-attributes-from-their-fields',
    packageLinkPhase({ customElementsManifest }) {
      for (const { declaration } of classDeclarations(customElementsManifest)) {
        for (const attribute of declaration.attributes ?? []) {
          const field = declaration.members?.find((member) => member.name === attribute.fieldName);
          if (!field) continue;
          if (field.type) attribute.type = { ...field.type };
          if (field.default !== undefined) attribute.default = field.default;
        }
      }
    },
  };
}

/**
 * A field typed with an alias of string literals (`theme: WorkspaceTheme | undefined`) tells a reader of
 * the docs or an IDE nothing about the values it takes. Aliases that are unions of literals, declared in
 * any analyzed file, are written out: `'light' | 'dark' | 'auto' | undefined`. Only plain unions are
 * rewritten (no generics, arrays or object types), so the result is always the same type.
 */
export function expandLiteralUnionAliases() {
  /** Alias name -> its literal union; `null` when two files declare the name differently. */
  const aliases = new Map();
  const expand = (type) => {
    if (!type?.text || !/^[\w$'"\s|.-]+$/.test(type.text)) return;
    const parts = type.text.split('|').map((part) => part.trim());
    if (!parts.some((part) => aliases.get(part))) return;
    type.text = parts.map((part) => aliases.get(part) ?? part).join(' | ');
  };
  return {
    name: 'cwm-expand-literal-union-aliases',
    collectPhase({ ts, node }) {
      if (!ts.isTypeAliasDeclaration(node) || node.typeParameters) return;
      const members = ts.isUnionTypeNode(node.type) ? node.type.types : [node.type];
      if (!members.every((member) => ts.isLiteralTypeNode(member))) return;
      const text = members.map((member) => member.getText()).join(' | ');
      const name = node.name.text;
      aliases.set(name, aliases.has(name) && aliases.get(name) !== text ? null : text);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const { declaration } of classDeclarations(customElementsManifest)) {
        for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) expand(item.type);
      }
    },
  };
}

/**
 * Keeps the modules that declare elements (a class that is, or extends, a custom element class), drops
 * the rest (the store, adapters, helpers: documented by their `.d.ts`, not an element manifest, and
 * Storybook bundles this file into every page), and sorts the modules by source path (package, then
 * file) so the output does not depend on the order the file system lists them in.
 * Runs after inheritance was applied, so widgets already carry what they inherit from `CwmElement`.
 */
export function elementModulesOnly() {
  return {
    name: 'cwm-element-modules-only',
    packageLinkPhase({ customElementsManifest }) {
      const classes = classDeclarations(customElementsManifest).map((entry) => entry.declaration);
      const byName = new Map(classes.map((declaration) => [declaration.name, declaration]));
      const isElement = (declaration, seen = new Set()) => {
        if (declaration.customElement || ELEMENT_BASES.has(declaration.superclass?.name)) return true;
        const parent = byName.get(declaration.superclass?.name);
        if (!parent || seen.has(parent)) return false;
        seen.add(declaration);
        return isElement(parent, seen);
      };
      customElementsManifest.modules = customElementsManifest.modules
        .filter((module) => module.declarations?.some((declaration) => declaration.kind === 'class' && isElement(declaration)))
        // Code-unit order, not the locale's: the same on every machine.
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

/**
 * The analyzer names modules by the source path it read (`packages/ui/src/workspace/workspace.ts`,
 * relative to the repository). The manifest ships in `@cwm/elements`, and `path` is the module a consumer
 * imports, so every path and module reference becomes the emitted JavaScript relative to the umbrella:
 * `../ui/dist/workspace/workspace.js`, which resolves both in this repository and in
 * `node_modules/@cwm/` (every package compiles `src/` to `dist/` with the same layout).
 */
export function publishedModulePaths({ manifestDir }) {
  const toPublished = (sourcePath) => {
    const match = /^packages\/([^/]+)\/src\/(.+)\.ts$/.exec(sourcePath);
    if (!match) return sourcePath;
    const [, packageDir, rest] = match;
    return relativePath(manifestDir, `packages/${packageDir}/dist/${rest}.js`);
  };
  const rewrite = (value) => {
    if (Array.isArray(value)) value.forEach(rewrite);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if ((key === 'path' || key === 'module') && typeof inner === 'string') value[key] = toPublished(inner);
        else rewrite(inner);
      }
    }
  };
  return {
    name: 'cwm-published-module-paths',
    packageLinkPhase({ customElementsManifest }) {
      rewrite(customElementsManifest.modules);
    },
  };
}

/** `to` relative to the directory `from`; both relative to the same root, `/`-separated, without `.`/`..`. */
function relativePath(from, to) {
  const fromParts = from.split('/').filter(Boolean);
  const toParts = to.split('/').filter(Boolean);
  let shared = 0;
  while (shared < fromParts.length && shared < toParts.length - 1 && fromParts[shared] === toParts[shared]) shared++;
  return [...fromParts.slice(shared).map(() => '..'), ...toParts.slice(shared)].join('/');
}

/** Every class declaration in the manifest, with the path of its module. */
function classDeclarations(manifest) {
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? [])
      .filter((declaration) => declaration.kind === 'class')
      .map((declaration) => ({ declaration, path: module.path })),
  );
}
