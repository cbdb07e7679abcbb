// The task popup and dependency editor of <cwm-gantt>: a part element the gantt composes (it lists
// `CwmGanttPopup` in its static `elements`); importing this module registers nothing.

export { CwmGanttPopup } from './gantt-popup.js';
export type { PopupAnchor, PopupCandidate, PopupLink, PopupPeople, PopupSlack } from './popup-model.js';
export type {
  GanttPopupAddDependencyDetail,
  GanttPopupCloseDetail,
  GanttPopupOpenTaskDetail,
  GanttPopupRemoveDependencyDetail,
} from './events.js';
export { parseLag } from './lag.js';
export { placePopup, POPUP_GAP, type BoxSize, type PopupPlacement } from './place-popup.js';
export { filterCandidates, MAX_SHOWN_CANDIDATES } from './candidate-filter.js';
