import type { Id } from '@cwm/core';

/** Detail of `cwm-workload-drill-down`: the tasks behind one person-week cell. */
export interface WorkloadDrillDownDetail {
  readonly personId: Id;
  /** The ISO week key, `2026-W48`. */
  readonly week: string;
  /** The open tasks that put hours into the cell, in allocation order. */
  readonly taskIds: readonly Id[];
}

declare module '@cwm/ui' {
  interface CwmEventMap {
    /** A workload cell was activated (click or Enter): show the tasks behind it. */
    'cwm-workload-drill-down': CustomEvent<WorkloadDrillDownDetail>;
  }
}
