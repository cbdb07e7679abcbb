// Starts the reference server from its TypeScript sources: bundles src/main.ts with esbuild (our
// @cwm/* packages from source through the `source` export condition, every other package left to
// Node), then runs it. Takes well under a second, so no build step is needed before `npm run server`.
import { mkdirSync, renameSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(here, '.build');
const outFile = resolve(outDir, 'main.mjs');
// Several servers may start at once (parallel test files): each bundles to its own file and
// renames it into place, so none ever imports a half-written bundle.
const tempFile = resolve(outDir, `main.${process.pid}.tmp.mjs`);

/** Our own packages are bundled from source; everything else from node_modules stays an import. */
const externalPackages = {
  name: 'external-node-modules',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@cwm/')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

mkdirSync(outDir, { recursive: true });
await build({
  entryPoints: [resolve(here, 'src/main.ts')],
  outfile: tempFile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['source'],
  plugins: [externalPackages],
  sourcemap: 'inline',
  logLevel: 'warning',
});
renameSync(tempFile, outFile);

// Stack traces point into src/*.ts, not the bundle.
process.setSourceMapsEnabled(true);

const { runCli } = await import(pathToFileURL(outFile).href);
await runCli(process.argv.slice(2));
