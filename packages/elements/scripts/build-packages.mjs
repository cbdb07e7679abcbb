// `npm run build`: emits every workspace package's dist/ with tsc (ESM + .d.ts + source maps), checks
// that each package.json `exports` map points at files that now exist, builds the single-file CDN
// bundle of @cwm/elements, and prints what each package costs a page (minified + gzip).
//
// It lives in the umbrella package because the umbrella is what ties the packages together; it builds
// all of them (the repository's top level is fixed, so there is no tools/ folder for it).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const elementsDir = join(repoRoot, 'packages', 'elements');
const cdnFile = join(elementsDir, 'dist', 'cdn', 'cwm-elements.js');
const tscBin = createRequire(join(repoRoot, 'package.json')).resolve('typescript/bin/tsc');
const cemBin = createRequire(join(repoRoot, 'package.json')).resolve('@custom-elements-manifest/analyzer/cem.js');
const manifestConfig = join(elementsDir, 'custom-elements-manifest.config.mjs');
const manifestFile = join(elementsDir, 'custom-elements.json');

/** Export conditions that do not describe emitted files: `source` points into src/ on purpose. */
const NON_DIST_CONDITIONS = new Set(['source']);

main().catch((error) => {
  console.error(`\nbuild failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

async function main() {
  const started = performance.now();
  const packages = buildOrder(readWorkspacePackages());

  for (const pkg of packages) {
    heading(`tsc ${pkg.name}`);
    compile(pkg);
    const problems = checkEmittedFiles(pkg);
    if (problems.length > 0) {
      throw new Error(`${pkg.name}: package.json points at files the build did not emit:\n  ${problems.join('\n  ')}`);
    }
  }

  heading('CDN bundle');
  await build({ configFile: join(elementsDir, 'vite.cdn.config.ts') });
  checkSelfContained(cdnFile);
  console.log(relative(repoRoot, cdnFile));

  heading('sizes');
  const rows = [];
  for (const pkg of packages) {
    for (const entry of distEntries(pkg)) rows.push({ label: entry.importName, ...(await measureEntry(pkg, entry.file)) });
  }
  const cdnCode = readFileSync(cdnFile);
  rows.push({ label: 'CDN cwm-elements.js (all, with lit and rxjs)', minBytes: cdnCode.length, gzipBytes: gzipSize(cdnCode) });
  printSizes(rows);

  heading('custom-elements.json');
  analyzeElements();

  console.log(`\nbuilt ${packages.length} packages and the CDN bundle in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Writes the umbrella's custom-elements.json (the same command as `npm run analyze`) and lists the
 * tags it documents. The analyzer reads the TypeScript sources, not dist/, so it needs no build; it runs
 * last only so a failed check (a registered element without its `@tagname`) does not hide tsc's errors.
 */
function analyzeElements() {
  const result = spawnSync(process.execPath, [cemBin, 'analyze', '--config', relative(repoRoot, manifestConfig), '--quiet'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`the custom elements manifest failed its checks (${relative(repoRoot, manifestConfig)})`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const tags = manifest.modules.flatMap((module) => module.declarations ?? []).flatMap((declaration) => declaration.tagName ?? []);
  console.log(`${relative(repoRoot, manifestFile)}: ${tags.length} elements (${tags.map((tag) => `<${tag}>`).join(', ')})`);
}

function heading(title) {
  console.log(`\n== ${title}`);
}

/** The publishable packages listed in the root `workspaces` (plain paths or `dir/*` globs), with their manifests. */
function readWorkspacePackages() {
  const rootManifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const dirs = [];
  for (const pattern of rootManifest.workspaces ?? []) {
    if (pattern.endsWith('/*')) {
      const parent = join(repoRoot, pattern.slice(0, -2));
      for (const name of readdirSync(parent).sort()) {
        if (existsSync(join(parent, name, 'package.json'))) dirs.push(join(parent, name));
      }
    } else {
      dirs.push(join(repoRoot, pattern));
    }
  }
  // Private packages (the reference server) are never published, so they have no dist/ to build.
  return dirs
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, manifest }) => ({ name: manifest.name, dir, manifest }));
}

/**
 * Packages ordered so each comes after the workspace packages it depends on: a package is compiled
 * against its dependencies' emitted .d.ts, so they must exist first.
 */
function buildOrder(packages) {
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
  const ordered = [];
  const state = new Map();
  const visit = (pkg, path) => {
    if (state.get(pkg.name) === 'done') return;
    if (state.get(pkg.name) === 'visiting') throw new Error(`workspace dependency cycle: ${[...path, pkg.name].join(' -> ')}`);
    state.set(pkg.name, 'visiting');
    const { dependencies = {}, peerDependencies = {}, devDependencies = {} } = pkg.manifest;
    for (const dependency of Object.keys({ ...dependencies, ...peerDependencies, ...devDependencies })) {
      const inner = byName.get(dependency);
      if (inner) visit(inner, [...path, pkg.name]);
    }
    state.set(pkg.name, 'done');
    ordered.push(pkg);
  };
  for (const pkg of packages) visit(pkg, []);
  return ordered;
}

function compile(pkg) {
  const project = join(pkg.dir, 'tsconfig.build.json');
  if (!existsSync(project)) throw new Error(`${pkg.name} has no tsconfig.build.json`);
  // A clean dist/ so files of deleted sources never get published.
  rmSync(join(pkg.dir, 'dist'), { recursive: true, force: true });
  const result = spawnSync(process.execPath, [tscBin, '-p', project], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`tsc failed for ${pkg.name} (${relative(repoRoot, project)})`);
  console.log(`${relative(repoRoot, join(pkg.dir, 'dist'))}: ${listFiles(join(pkg.dir, 'dist')).length} files`);
}

/** Every file named by `exports` (except the `source` condition) and by `sideEffects` that is missing. */
function checkEmittedFiles(pkg) {
  const missing = [];
  const check = (target, where) => {
    if (!existsSync(join(pkg.dir, target))) missing.push(`${where}: ${target}`);
  };
  const walk = (value, where) => {
    if (typeof value === 'string') check(value, where);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (!NON_DIST_CONDITIONS.has(key)) walk(inner, `${where} > ${key}`);
      }
    }
  };
  walk(pkg.manifest.exports, 'exports');
  for (const path of Array.isArray(pkg.manifest.sideEffects) ? pkg.manifest.sideEffects : []) {
    if (path.startsWith('./dist/')) check(path, 'sideEffects');
  }
  return missing;
}

/** The file a bundler picks for each export subpath (`import`, else `default` condition), by import name. */
function distEntries(pkg) {
  const pick = (value) => {
    if (typeof value === 'string') return value;
    if (!value || typeof value !== 'object') return undefined;
    return pick(value.import) ?? pick(value.default);
  };
  const exportsMap = pkg.manifest.exports ?? {};
  // `exports` is either a map of subpaths (`.`, `./testing`) or, for a single entry, the conditions.
  const hasSubpaths = typeof exportsMap === 'object' && Object.keys(exportsMap).some((key) => key.startsWith('.'));
  const subpaths = hasSubpaths ? exportsMap : { '.': exportsMap };
  const entries = [];
  for (const [subpath, value] of Object.entries(subpaths)) {
    const file = pick(value);
    if (file?.endsWith('.js')) entries.push({ importName: subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`, file: join(pkg.dir, file) });
  }
  return entries;
}

/**
 * What importing one entry point adds to a page: the entry bundled and minified with every other
 * package (lit, rxjs, the other @cwm packages) left external, then gzipped. Nothing is written to disk.
 */
async function measureEntry(pkg, file) {
  const outputs = await build({
    configFile: false,
    root: pkg.dir,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      target: 'es2022',
      minify: 'oxc',
      reportCompressedSize: false,
      lib: { entry: file, formats: ['es'], fileName: 'entry' },
      rolldownOptions: {
        external: (id) => isBareSpecifier(id),
        // Fully minified, as the peers' sizes we compare with were measured.
        output: { minify: true, comments: false, codeSplitting: false },
      },
    },
  });
  let minBytes = 0;
  let gzipBytes = 0;
  for (const output of [outputs].flat()) {
    for (const chunk of output.output) {
      if (chunk.type !== 'chunk') continue;
      const code = Buffer.from(chunk.code);
      minBytes += code.length;
      gzipBytes += gzipSize(code);
    }
  }
  return { minBytes, gzipBytes };
}

function isBareSpecifier(id) {
  return !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[A-Za-z]:[\\/]/.test(id);
}

/** The CDN file must load on its own: an import of a bare package name would fail in a browser. */
function checkSelfContained(file) {
  const code = readFileSync(file, 'utf8');
  // A package name only (letters, digits, @ / . _ -): minified code has strings like `from":this.x,"`.
  const bareImport = /(?:\bfrom|\bimport)\s*\(?\s*["']([@a-zA-Z][\w@/.+-]*)["']/.exec(code);
  if (bareImport) throw new Error(`${relative(repoRoot, file)} still imports "${bareImport[1]}": it must bundle everything`);
}

function gzipSize(buffer) {
  return gzipSync(buffer, { level: 9 }).length;
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

function printSizes(rows) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const table = [['entry point', 'minified', 'min+gzip'], ...rows.map((row) => [row.label, kb(row.minBytes), kb(row.gzipBytes)])];
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
  for (const [index, row] of table.entries()) {
    console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  }
  console.log('Each entry point alone with the other packages (lit, rxjs, @cwm/*) external; 1 KB = 1024 bytes.');
}
