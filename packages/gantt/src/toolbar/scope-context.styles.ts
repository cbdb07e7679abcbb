import { css } from 'lit';
import { token } from '@cwm/ui';

/**
 * Marks of rows the Gantt shows only as context while scoped (ancestors of tasks in scope, kept so the
 * hierarchy still reads): muted names in the grid, faded bars on the timeline.
 */
export const scopeContextStyles = css`
  .row.context .name {
    color: ${token('color-text-muted')};
    font-style: italic;
  }
  .gantt .bar-wrapper.cwm-context {
    opacity: 0.45;
  }
`;
