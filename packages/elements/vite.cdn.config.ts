import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const packageDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * The single-file CDN bundle: ES module, minified, with lit, @lit/context, rxjs and idb-keyval bundled
 * in, so `<script type="module" src=".../cwm-elements.js">` is all a page needs. It is built from the
 * packages' dist/ (the `source` condition is deliberately absent), after `tsc` has lowered the legacy
 * decorators: Vite's own transform would leave standard decorators in place.
 * Run by `npm run build` (packages/elements/scripts/build-packages.mjs), not on its own.
 */
export default defineConfig({
  root: packageDir,
  logLevel: 'warn',
  // Library mode leaves `process.env.NODE_ENV` for the consumer's bundler; a CDN file has none.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    target: 'es2022',
    minify: 'oxc',
    sourcemap: true,
    reportCompressedSize: false,
    lib: {
      entry: 'scripts/cdn-entry.js',
      formats: ['es'],
      fileName: () => 'cwm-elements.js',
    },
    rolldownOptions: {
      output: {
        // One file even if some module is loaded lazily.
        codeSplitting: false,
        // Library mode keeps whitespace and /*@__PURE__*/ notes for a consumer's tree-shaking; nothing
        // consumes this file further, so minify it fully. License headers (lit's BSD notice) stay.
        minify: true,
        comments: { annotation: false, jsdoc: false, legal: true },
      },
    },
  },
});
