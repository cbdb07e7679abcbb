/** The families of global design tokens; each becomes `--cwm-<group>-*`. */
export type TokenGroup = 'color' | 'space' | 'radius' | 'font' | 'shadow';

/** One global design token: its values in the light and dark schemes and what it is for. */
export interface TokenDefinition {
  readonly group: TokenGroup;
  /** Value in the light colour scheme. */
  readonly light: string;
  /** Value in the dark colour scheme (the same as `light` for sizes and fonts). */
  readonly dark: string;
  /** What the token is for: shown in the README and the tokens story. */
  readonly description: string;
  /**
   * The fallback written into widget styles when it cannot be derived from `light` and `dark`
   * (shadows: `light-dark()` accepts only colours, so it goes inside the shadow value).
   */
  readonly fallback?: string;
}

function color(light: string, dark: string, description: string): TokenDefinition {
  return { group: 'color', light, dark, description };
}

function fixed(group: TokenGroup, value: string, description: string): TokenDefinition {
  return { group, light: value, dark: value, description };
}

function shadow(geometry: string, lightColor: string, darkColor: string, description: string): TokenDefinition {
  return {
    group: 'shadow',
    light: `${geometry} ${lightColor}`,
    dark: `${geometry} ${darkColor}`,
    description,
    fallback: `${geometry} light-dark(${lightColor}, ${darkColor})`,
  };
}

/**
 * Every global token the widgets consume, without the `--cwm-` prefix. Widgets read them only through
 * `token()`, so the fallback (our default theme) is written in exactly one place: here.
 *
 * Vendors theme by setting `--cwm-*` on `:root` (or any ancestor); widgets never set them on `:host`.
 */
export const TOKENS = {
  'color-surface': color('#ffffff', '#17191c', 'Background of a widget.'),
  'color-surface-raised': color('#f5f6f8', '#22252a', 'Background of cards, popovers and raised panels.'),
  'color-surface-sunken': color('#eceef1', '#101214', 'Background of wells: board columns, empty areas.'),
  'color-text': color('#1d2024', '#e8eaed', 'Body text.'),
  'color-text-muted': color('#5b626b', '#a2a9b1', 'Secondary text: metadata, hints, placeholders.'),
  'color-border': color('#d5d9de', '#3a3f46', 'Borders and dividers.'),
  'color-accent': color('#2357c6', '#7fa7ff', 'Brand accent: primary buttons, links, selection.'),
  'color-accent-text': color('#ffffff', '#0d1421', 'Text on an accent background.'),
  'color-danger': color('#b4232c', '#ff8a8f', 'Errors, destructive actions, overdue work.'),
  'color-warning': color('#8a5a00', '#f5c35b', 'Warnings: WIP limits, due soon.'),
  'color-success': color('#1b7a3d', '#6fd38f', 'Success, confirmed writes.'),
  'color-focus-ring': color('#2357c6', '#9dbcff', 'Keyboard focus outline.'),
  'color-status-todo': color('#6b7380', '#9aa3ae', 'Status category "to do".'),
  'color-status-active': color('#2357c6', '#7fa7ff', 'Status category "in progress".'),
  'color-status-done': color('#1b7a3d', '#6fd38f', 'Status category "done".'),
  'space-2xs': fixed('space', '0.125rem', 'Hairline gaps.'),
  'space-xs': fixed('space', '0.25rem', 'Gaps inside small controls.'),
  'space-s': fixed('space', '0.5rem', 'Gaps between related items.'),
  'space-m': fixed('space', '1rem', 'Default padding of panels.'),
  'space-l': fixed('space', '1.5rem', 'Gaps between groups.'),
  'space-xl': fixed('space', '2rem', 'Gaps between sections.'),
  'radius-s': fixed('radius', '0.25rem', 'Small controls, tags.'),
  'radius-m': fixed('radius', '0.5rem', 'Cards, inputs, buttons.'),
  'radius-l': fixed('radius', '0.75rem', 'Panels and dialogs.'),
  'radius-pill': fixed('radius', '999px', 'Pills and avatars.'),
  'font-family': fixed(
    'font',
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
    'Text font of every widget.',
  ),
  'font-family-mono': fixed('font', "ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace", 'Code and keys.'),
  'font-size-s': fixed('font', '0.8125rem', 'Metadata and captions.'),
  'font-size-m': fixed('font', '0.875rem', 'Body text.'),
  'font-size-l': fixed('font', '1rem', 'Headings inside widgets.'),
  'font-size-xl': fixed('font', '1.25rem', 'Large figures (dashboard tiles).'),
  'font-weight-normal': fixed('font', '400', 'Body text weight.'),
  'font-weight-strong': fixed('font', '600', 'Headings and emphasis.'),
  'font-line-height': fixed('font', '1.45', 'Line height of body text.'),
  'shadow-s': shadow('0 1px 2px', 'rgb(16 24 40 / 0.12)', 'rgb(0 0 0 / 0.5)', 'Cards at rest.'),
  'shadow-m': shadow('0 4px 12px', 'rgb(16 24 40 / 0.16)', 'rgb(0 0 0 / 0.6)', 'Lifted cards while dragging.'),
  'shadow-l': shadow('0 12px 32px', 'rgb(16 24 40 / 0.22)', 'rgb(0 0 0 / 0.7)', 'Popovers and dialogs.'),
} as const satisfies Readonly<Record<string, TokenDefinition>>;

/** The name of a global token without the `--cwm-` prefix, e.g. `color-text`. */
export type TokenName = keyof typeof TOKENS;

/** Every token name, in table order. */
export const TOKEN_NAMES = Object.keys(TOKENS) as TokenName[];
