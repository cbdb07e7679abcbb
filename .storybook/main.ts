import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Storybook for the widgets. It merges the root `vite.config.ts` (so the `source` export condition
 * resolves every @cwm/* package to its TypeScript), but that config's `root` is `demo/` for `npm start`:
 * stories live at the repository root, so the root is put back here.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Docs pages with the args tables built from custom-elements.json (our JSDoc).
  addons: ['@storybook/addon-docs'],
  // Without this every build waits on telemetry network timeouts (the machines here are offline).
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    return { ...viteConfig, root: repoRoot };
  },
};

export default config;
