import { defineConfig, defaultClientConditions } from 'vite';

/**
 * One Vite config for the demo (`npm start`), Storybook (which merges it) and the benchmark pages.
 * The `source` export condition makes every `@cwm/*` workspace package resolve to its TypeScript
 * sources, so nothing has to be prebuilt.
 */
export default defineConfig({
  root: 'demo',
  resolve: {
    conditions: ['source', ...defaultClientConditions],
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
  },
  preview: {
    host: '127.0.0.1',
  },
  optimizeDeps: {
    include: ['lit', '@lit/context', 'rxjs', 'idb-keyval'],
  },
  build: {
    outDir: '../dist/demo',
    emptyOutDir: true,
  },
});
