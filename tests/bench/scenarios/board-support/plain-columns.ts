/** The board data as the plain-DOM floor's columns: the same cards, in the same columns and order. */
import type { PlainCard, PlainColumn } from '../../baselines/plain-dom-board.js';
import { BOARD_STATUSES, type BoardData } from './board-data.js';

/** Initials as the board shows them: first letters of the first and last word. */
function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/);
  return `${words[0]?.[0] ?? ''}${words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : ''}`.toUpperCase();
}

/** One column per status, cards in rank order, with their key, title, assignees' initials and due date as text. */
export function plainColumns(board: BoardData): PlainColumn[] {
  const names = new Map(board.data.people.map((person) => [person.id, initialsOf(person.name)]));
  const format = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const byStatus = new Map<string, PlainCard[]>(BOARD_STATUSES.map((status) => [status.id, []]));
  const tasks = [...board.data.tasks].sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  for (const task of tasks) {
    byStatus.get(task.status)?.push({
      id: task.id,
      key: `${board.project.key}-${task.id.replace(/^\D+/, '')}`,
      title: task.title,
      initials: task.assigneeIds.map((id) => names.get(id) ?? '?'),
      due: task.due ? format.format(new Date(`${task.due}T12:00:00Z`)) : '',
    });
  }
  return BOARD_STATUSES.map((status) => ({ name: status.name, cards: byStatus.get(status.id) ?? [] }));
}
