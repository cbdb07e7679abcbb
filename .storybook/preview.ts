import type { Preview } from '@storybook/web-components-vite';
// Every story can use the `cwm-*` tags.
import '@cwm/elements/define';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
