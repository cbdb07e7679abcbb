import type { MessageText } from '@cwm/ui';

/** Every string `<cwm-board>` shows or announces. */
export interface BoardMessages {
  readonly 'board.label': MessageText;
  readonly 'board.loading': MessageText;
  readonly 'board.no-project': MessageText;
  readonly 'board.empty': MessageText;
  readonly 'board.no-status': MessageText;
  readonly 'board.unassigned': MessageText;
  readonly 'board.no-parent': MessageText;
  readonly 'board.all-tasks': MessageText;
  readonly 'board.column-count': MessageText;
  readonly 'board.column-wip': MessageText;
  readonly 'board.wip-over': MessageText;
  readonly 'board.collapse': MessageText;
  readonly 'board.expand': MessageText;
  readonly 'board.shown': MessageText;
  readonly 'board.priority.none': MessageText;
  readonly 'board.priority.low': MessageText;
  readonly 'board.priority.medium': MessageText;
  readonly 'board.priority.high': MessageText;
  readonly 'board.priority.urgent': MessageText;
  readonly 'board.card.due': MessageText;
  readonly 'board.card.overdue': MessageText;
  readonly 'board.card.due-soon': MessageText;
  readonly 'board.card.blocked': MessageText;
  readonly 'board.card.subtasks': MessageText;
  readonly 'board.card.checklist': MessageText;
  readonly 'board.card.messages': MessageText;
  readonly 'board.card.unread': MessageText;
  readonly 'board.card.aging': MessageText;
  readonly 'board.card.assignees': MessageText;
  readonly 'board.card.saving': MessageText;
  readonly 'board.card.selected': MessageText;
  readonly 'board.card.take': MessageText;
  readonly 'board.card.join': MessageText;
  readonly 'board.card.joined': MessageText;
  readonly 'board.card.open': MessageText;
  readonly 'board.add': MessageText;
  readonly 'board.add-placeholder': MessageText;
  readonly 'board.add-cancel': MessageText;
  readonly 'board.filter.label': MessageText;
  readonly 'board.filter.text': MessageText;
  readonly 'board.filter.assignee': MessageText;
  readonly 'board.filter.assignee-any': MessageText;
  readonly 'board.filter.tag': MessageText;
  readonly 'board.filter.tag-any': MessageText;
  readonly 'board.filter.due': MessageText;
  readonly 'board.filter.due-any': MessageText;
  readonly 'board.filter.due-overdue': MessageText;
  readonly 'board.filter.due-this-week': MessageText;
  readonly 'board.filter.due-next-week': MessageText;
  readonly 'board.filter.due-no-date': MessageText;
  readonly 'board.filter.mine': MessageText;
  readonly 'board.filter.clear': MessageText;
  readonly 'board.bulk.selected': MessageText;
  readonly 'board.bulk.move': MessageText;
  readonly 'board.bulk.assign': MessageText;
  readonly 'board.bulk.hint': MessageText;
  readonly 'board.bulk.clear': MessageText;
  readonly 'board.instructions': MessageText;
  readonly 'board.announce.lifted': MessageText;
  readonly 'board.announce.over': MessageText;
  readonly 'board.announce.dropped': MessageText;
  readonly 'board.announce.cancelled': MessageText;
  readonly 'board.announce.refused': MessageText;
  readonly 'board.announce.moved-remote': MessageText;
  readonly 'board.refusal.not-droppable': MessageText;
  readonly 'board.refusal.cross-project': MessageText;
  readonly 'board.refusal.transition': MessageText;
  readonly 'board.refusal.wip-limit': MessageText;
  readonly 'board.refusal.unknown-status': MessageText;
  readonly 'board.dismiss': MessageText;
  readonly 'board.scope.label': MessageText;
  readonly 'board.scope.unlabelled': MessageText;
  readonly 'board.scope.clear': MessageText;
}

declare module '@cwm/ui' {
  interface CwmMessages extends BoardMessages {}
}
