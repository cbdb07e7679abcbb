import { unsafeCSS, type CSSResult } from 'lit';
import { TOKENS, type TokenDefinition, type TokenName } from './token-table.js';

/** The custom property of a token: `cssVarName('color-text')` is `--cwm-color-text`. */
export function cssVarName(name: TokenName): `--cwm-${TokenName}` {
  return `--cwm-${name}`;
}

/**
 * Our default value of a token as CSS. Colours that differ between schemes become `light-dark()`, which
 * follows the `color-scheme` a widget inherits (the workspace's `theme`, or the page's).
 */
export function tokenFallback(definition: TokenDefinition): string {
  if (definition.fallback !== undefined) return definition.fallback;
  if (definition.light === definition.dark) return definition.light;
  return `light-dark(${definition.light}, ${definition.dark})`;
}

/** `var(--cwm-<name>, <our default>)` as a plain string, for inline styles and non-lit code. */
export function tokenValue(name: TokenName): string {
  return `var(${cssVarName(name)}, ${tokenFallback(TOKENS[name])})`;
}

/**
 * A token for lit `css` templates: `` css`color: ${token('color-text')};` ``. Reads the vendor's value
 * when one is set on an ancestor (usually `:root`) and falls back to our light/dark default.
 *
 * Component hooks pass their own name first: `token('color-surface', '--cwm-board-background')`
 * gives `var(--cwm-board-background, var(--cwm-color-surface, ...))`.
 */
export function token(name: TokenName, componentHook?: `--cwm-${string}`): CSSResult {
  const global = tokenValue(name);
  return unsafeCSS(componentHook === undefined ? global : `var(${componentHook}, ${global})`);
}
