import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { TOKEN_NAMES, TOKENS, cssVarName, tokenValue, type TokenGroup, type TokenName } from '@cwm/ui';

const meta: Meta = {
  title: 'Foundation/Design tokens',
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'Every global `--cwm-*` token with its light and dark default. Widgets consume them with these fallbacks; a vendor themes by setting them on `:root`.',
      },
    },
  },
};
export default meta;

const namesOf = (group: TokenGroup): TokenName[] => TOKEN_NAMES.filter((name) => TOKENS[name].group === group);

function sample(name: TokenName) {
  const value = tokenValue(name);
  switch (TOKENS[name].group) {
    case 'color':
      return html`<span class="swatch" style=${styleMap({ background: value })}></span>`;
    case 'space':
      return html`<span class="bar" style=${styleMap({ inlineSize: value })}></span>`;
    case 'radius':
      return html`<span class="corner" style=${styleMap({ borderRadius: value })}></span>`;
    case 'shadow':
      return html`<span class="card" style=${styleMap({ boxShadow: value })}></span>`;
    case 'font':
      if (name.startsWith('font-family')) return html`<span style=${styleMap({ fontFamily: value })}>Plan 2026</span>`;
      if (name.startsWith('font-size')) return html`<span style=${styleMap({ fontSize: value })}>Aa</span>`;
      if (name.startsWith('font-weight')) return html`<span style=${styleMap({ fontWeight: value })}>Aa</span>`;
      return html`<span style=${styleMap({ lineHeight: value })}>Aa<br />Aa</span>`;
  }
}

function scheme(label: 'light' | 'dark') {
  return html`<section class="scheme" style=${styleMap({ colorScheme: label })}>
    <h2>${label === 'light' ? 'Light' : 'Dark'}</h2>
    ${(['color', 'space', 'radius', 'font', 'shadow'] as const).map(
      (group) => html`<h3>${group}</h3>
        <table>
          <tbody>
            ${namesOf(group).map(
              (name) => html`<tr>
                <td>${sample(name)}</td>
                <td><code>${cssVarName(name)}</code></td>
                <td><code>${TOKENS[name][label]}</code></td>
                <td class="muted">${TOKENS[name].description}</td>
              </tr>`,
            )}
          </tbody>
        </table>`,
    )}
  </section>`;
}

const styles = html`<style>
  .tokens {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(34rem, 1fr));
    font: 14px/1.4 system-ui, sans-serif;
  }
  .scheme {
    padding: 1rem 1.5rem;
    background: ${tokenValue('color-surface')};
    color: ${tokenValue('color-text')};
  }
  .scheme h3 {
    text-transform: capitalize;
    margin: 1.25rem 0 0.25rem;
  }
  .scheme table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  .scheme td {
    padding: 0.3rem 0.5rem;
    border-block-end: 1px solid ${tokenValue('color-border')};
    vertical-align: middle;
  }
  .scheme .muted {
    color: ${tokenValue('color-text-muted')};
  }
  .swatch,
  .corner,
  .card {
    display: inline-block;
    inline-size: 2.5rem;
    block-size: 1.5rem;
    border: 1px solid ${tokenValue('color-border')};
  }
  .corner {
    background: ${tokenValue('color-surface-raised')};
  }
  .card {
    background: ${tokenValue('color-surface-raised')};
    border: 0;
  }
  .bar {
    display: inline-block;
    block-size: 0.75rem;
    background: ${tokenValue('color-accent')};
  }
</style>`;

/** The whole token table, rendered once in each colour scheme. */
export const TokenTable: StoryObj = {
  render: () => html`${styles}
    <div class="tokens">${scheme('light')} ${scheme('dark')}</div>`,
};
