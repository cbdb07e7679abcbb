import type { Id, IsoDate } from '@cwm/core';

/** Detail of `cwm-workload-drill-down`: the tasks behind one cell (a person-week or a person-day). */
export interface WorkloadDrillDownDetail {
  readonly personId: Id;
  /** The ISO week key, `2026-W48` (in the day view, the week of `day`). */
  readonly week: string;
  /** The day of the cell in the day view (`unit="day"`); absent in the week view. */
  readonly day?: IsoDate;
  /** The open tasks that put hours into the cell, in allocation order. */
  readonly taskIds: readonly Id[];
}

declare module '@cwm/ui' {
  interface CwmEventMap {
    /**
     * A workload cell was activated (click or Enter). Cancelable: a host that shows the tasks its own
     * way calls `preventDefault()` and the built-in drill-down panel stays closed.
     */
    'cwm-workload-drill-down': CustomEvent<WorkloadDrillDownDetail>;
  }
}
