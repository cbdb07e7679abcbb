import type { EntityMeta, Id, IsoDateTime } from './common.js';

/** One field that changed, with its value before and after (JSON values). */
export interface FieldChange {
  readonly field: string;
  readonly from: unknown;
  readonly to: unknown;
}

/**
 * One entry of the activity log: who changed what, when. Written by the backend (our adapters do it
 * when they apply a mutation); dashboards rebuild burndown and cumulative flow from it.
 */
export interface ActivityEntry extends EntityMeta {
  readonly taskId: Id;
  readonly projectId: Id;
  readonly actorId: Id;
  readonly at: IsoDateTime;
  readonly action: 'created' | 'updated' | 'deleted';
  readonly changes: readonly FieldChange[];
}
