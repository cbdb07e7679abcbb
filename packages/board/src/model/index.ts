// The pure, DOM-free model of <cwm-board>: layout, filters, card views and move plans.
export * from './board-config.js';
export { cellKey, computeLayout, statusCountKey } from './board-layout.js';
export type { BoardColumn, BoardLane, BoardLayout, BoardPosition, LayoutInput, WipCounts } from './board-layout.js';
export { compileFilter, matchesFilter, MATCH_ALL } from './filter.js';
export type { FilterContext, TaskPredicate } from './filter.js';
export { PRIORITY_ORDER } from './grouping.js';
export { taskKey } from './task-key.js';
export { hueOf, initialsOf, personChip } from './person-chip.js';
export type { PersonChip } from './person-chip.js';
export { CardViews } from './card-view.js';
export type { CardDue, CardProgress, CardView, CardViewsInput, CardViewsOptions } from './card-view.js';
export { planMove } from './move-plan.js';
export type { CellTarget, MoveChange, MoveInput, MovePlan, MoveRefusalCode } from './move-plan.js';
export { tasksInStatus, wipState } from './wip-state.js';
export type { WipState } from './wip-state.js';
export { FacetIndex } from './facet-index.js';
