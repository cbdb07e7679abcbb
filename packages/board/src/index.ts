// @cwm/board: the Kanban board. Importing this module registers nothing; import `@cwm/board/define`
// (or `defineAll` from @cwm/elements) to register <cwm-board>.
export { CwmBoard } from './board.js';
export { CwmBoardCell } from './cell/board-cell.js';
export { CwmBoardCard } from './card/board-card.js';
export type { BoardPartsHost, CardState } from './board-context.js';
export type { BoardPlace, TaskCreateDetail, TaskCreatedDetail, TaskMoveDetail, TaskMovedDetail, TaskOpenDetail } from './events.js';
export { BOARD_EN } from './i18n/en.js';
export { BOARD_DE } from './i18n/de.js';
export type { BoardMessages } from './i18n/messages.js';
export * from './model/index.js';
