import { fileURLToPath } from 'node:url';
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
    rolldownOptions: {
      // Both pages of the demo intranet (the dev server serves any .html under demo/; the build needs
      // them named). Absolute, because the bundler resolves relative inputs from the working directory.
      // Storybook's builder replaces this input with its own iframe.html when it builds.
      input: {
        projects: fileURLToPath(new URL('./demo/index.html', import.meta.url)),
        executive: fileURLToPath(new URL('./demo/executive.html', import.meta.url)),
      },
    },
  },
});
