/// <reference types="vite/client" />
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
// Every story can use the `cwm-*` tags.
import '@cwm/elements/define';
import { manifestControls } from './manifest-controls.js';

// The args tables (autodocs) come from the custom elements manifest, i.e. from the elements' JSDoc.
// It is build output (`npm run analyze`, run first by the Storybook scripts) and not in git, so it is
// read with a glob: a missing file leaves the tables empty instead of failing the type check or build.
const manifests = import.meta.glob<unknown>('../packages/elements/custom-elements.json', { eager: true, import: 'default' });
const manifest = Object.values(manifests)[0];
if (manifest === undefined) {
  console.warn('[cwm] packages/elements/custom-elements.json is missing: run `npm run analyze` for the args tables.');
} else {
  setCustomElementsManifest(manifest);
}

const preview: Preview = {
  argTypesEnhancers: [manifestControls],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
