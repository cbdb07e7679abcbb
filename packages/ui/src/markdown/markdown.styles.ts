import { css } from 'lit';
import { token } from '../tokens/token.js';

/**
 * Styles of rendered markdown, scoped to the `div.markdown` root `renderMarkdown` produces, so a widget
 * can adopt them next to its own `p` or `a` rules. Hooks: `--cwm-markdown-link-color`,
 * `--cwm-markdown-code-background`, `--cwm-markdown-mention-background`.
 */
export const markdownStyles = css`
  .markdown {
    overflow-wrap: anywhere;
  }

  .markdown > :first-child {
    margin-block-start: 0;
  }

  .markdown > :last-child {
    margin-block-end: 0;
  }

  .markdown p,
  .markdown ul,
  .markdown ol,
  .markdown pre {
    margin-block: 0 ${token('space-s')};
  }

  .markdown ul,
  .markdown ol {
    padding-inline-start: ${token('space-l')};
  }

  /* Isolated: a right-to-left override inside a link, code or a name cannot reorder the text around it. */
  .markdown a,
  .markdown code,
  .markdown .mention {
    unicode-bidi: isolate;
  }

  .markdown a {
    color: ${token('color-accent', '--cwm-markdown-link-color')};
    text-decoration: underline;
  }

  .markdown code {
    font-family: ${token('font-family-mono')};
    font-size: 0.92em;
    padding: 0 ${token('space-2xs')};
    border-radius: ${token('radius-s')};
    background: ${token('color-surface-sunken', '--cwm-markdown-code-background')};
  }

  .markdown pre {
    padding: ${token('space-s')};
    overflow-x: auto;
    border-radius: ${token('radius-m')};
    background: ${token('color-surface-sunken', '--cwm-markdown-code-background')};
    white-space: pre;
  }

  .markdown pre code {
    padding: 0;
    background: none;
  }

  .markdown .mention {
    padding: 0 ${token('space-xs')};
    border-radius: ${token('radius-pill')};
    color: ${token('color-accent')};
    background: ${token('color-surface-raised', '--cwm-markdown-mention-background')};
    font-weight: ${token('font-weight-strong')};
    white-space: nowrap;
  }
`;
