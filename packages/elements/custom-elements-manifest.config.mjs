// Configuration of @custom-elements-manifest/analyzer for the whole library. Run from the repository
// root (`npm run analyze`, also the last step of `npm run build`):
//   cem analyze --config packages/elements/custom-elements-manifest.config.mjs
// It writes packages/elements/custom-elements.json, which @cwm/elements publishes (package.json
// `customElements`) and Storybook's preview reads for its args tables. The file is build output and
// not in git: every consumer generates it first.
//
// It lives in the umbrella package because the umbrella publishes the manifest (and the repository's
// top level is fixed). Globs and `outdir` are relative to the working directory, the repository root.
import { cwmManifestPlugins } from './scripts/manifest-plugins.mjs';

const manifestDir = 'packages/elements';

export default {
  // Every package's sources, so a widget package is documented the day it exists. Tests live in
  // tests/ and stories in stories/, but a package-local test or story must not become API either.
  globs: ['packages/*/src/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts', '**/*.d.ts'],
  outdir: manifestDir,
  litelement: true,
  // The analyzer would otherwise write a `customElements` field into the root package.json (the
  // working directory's); the umbrella's package.json names the file itself.
  packagejson: false,
  // Public API only, tag names checked against the registrations, paths as published: see the plugins.
  plugins: cwmManifestPlugins({ manifestDir }),
};
