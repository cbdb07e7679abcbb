import { expect, fixture, html } from '@open-wc/testing';
import { TOKEN_NAMES, TOKENS, token, tokenValue, type TokenName } from '@cwm/ui';
import type { TestWidget } from './fixtures.js';
import './fixtures.js';

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function luminance(hex: string): number {
  const [r, g, b] = hexToRgb(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function rgb(hex: string): string {
  return `rgb(${hexToRgb(hex).join(', ')})`;
}

function innerText(widget: TestWidget): Element {
  const paragraph = widget.shadowRoot?.querySelector('p');
  if (!paragraph) throw new Error('not rendered');
  return paragraph;
}

describe('design tokens', () => {
  afterEach(() => {
    document.documentElement.style.removeProperty('--cwm-color-text');
    document.documentElement.style.removeProperty('--cwm-font-family');
  });

  it('writes a var() with our light/dark default, and component hooks in front', () => {
    expect(tokenValue('color-text')).to.equal('var(--cwm-color-text, light-dark(#1d2024, #e8eaed))');
    expect(tokenValue('space-m')).to.equal('var(--cwm-space-m, 1rem)');
    expect(String(token('color-surface', '--cwm-board-background'))).to.equal(
      `var(--cwm-board-background, ${tokenValue('color-surface')})`,
    );
    expect(tokenValue('shadow-s')).to.contain('light-dark(');
  });

  it('documents every token with light and dark values', () => {
    for (const name of TOKEN_NAMES) {
      const definition = TOKENS[name];
      expect(definition.description, name).to.not.equal('');
      expect(name.startsWith(definition.group), name).to.equal(true);
      if (definition.group === 'color') expect(definition.light, name).to.match(/^#[0-9a-f]{6}$/);
    }
  });

  it('are all documented in the README with their values', async () => {
    const readme = await (await fetch('/packages/ui/README.md')).text();
    for (const name of TOKEN_NAMES) {
      expect(readme, name).to.contain(`| \`--cwm-${name}\` | \`${TOKENS[name].light}\` |`);
    }
  });

  it('keeps text readable in both schemes (WCAG AA 4.5:1)', () => {
    const pairs: [TokenName, TokenName][] = [
      ['color-text', 'color-surface'],
      ['color-text', 'color-surface-raised'],
      ['color-text-muted', 'color-surface'],
      ['color-accent-text', 'color-accent'],
      ['color-accent', 'color-surface'],
      ['color-danger', 'color-surface'],
      ['color-warning', 'color-surface'],
      ['color-success', 'color-surface'],
    ];
    for (const scheme of ['light', 'dark'] as const) {
      for (const [text, background] of pairs) {
        const ratio = contrast(TOKENS[text][scheme], TOKENS[background][scheme]);
        expect(ratio, `${text} on ${background} (${scheme})`).to.be.at.least(4.5);
      }
    }
  });

  it('follows color-scheme: dark changes the computed colour', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="color-scheme: light"><test-widget></test-widget></div>`);
    const widget = wrapper.querySelector('test-widget') as TestWidget;
    await widget.updateComplete;
    expect(getComputedStyle(innerText(widget)).color).to.equal(rgb(TOKENS['color-text'].light));
    wrapper.style.colorScheme = 'dark';
    expect(getComputedStyle(innerText(widget)).color).to.equal(rgb(TOKENS['color-text'].dark));
  });

  it('lets a vendor theme from :root', async () => {
    const widget = await fixture<TestWidget>(html`<test-widget></test-widget>`);
    document.documentElement.style.setProperty('--cwm-color-text', 'rgb(1, 2, 3)');
    document.documentElement.style.setProperty('--cwm-font-family', 'Georgia');
    expect(getComputedStyle(innerText(widget)).color).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(innerText(widget)).fontFamily).to.equal('Georgia');
  });

  it('resists hostile page CSS', async () => {
    const hostile = document.createElement('style');
    hostile.textContent = `
      * { font-family: 'Comic Sans MS', cursive; color: red; letter-spacing: 5px; line-height: 4;
          text-align: center; box-sizing: content-box; text-transform: uppercase; }
      p { margin: 40px; color: lime; }
    `;
    document.head.append(hostile);
    try {
      const widget = await fixture<TestWidget>(html`<test-widget></test-widget>`);
      const style = getComputedStyle(innerText(widget));
      expect(style.fontFamily).to.match(/^system-ui/);
      expect(style.color).to.equal(rgb(TOKENS['color-text'].light));
      expect(style.letterSpacing).to.equal('normal');
      expect(style.textAlign).to.equal('start');
      expect(style.textTransform).to.equal('none');
      expect(style.boxSizing).to.equal('border-box');
      expect(style.marginTop, 'page element selectors do not reach inside').to.not.equal('40px');
    } finally {
      hostile.remove();
    }
  });
});
