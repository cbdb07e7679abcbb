import type { Project, Task } from '@cwm/core';

const TRAILING_DIGITS = /(\d+)$/;

/**
 * The short key people quote for a task, `WEB-123`: the project's key and the number at the end of
 * the task id (`t-123` -> `123`). Ids without such a number keep the whole id after the key; without
 * the project the key is the bare id, so a card always shows something that identifies the task.
 */
export function taskKey(task: Task, project: Project | undefined): string {
  if (!project) return task.id;
  const number = TRAILING_DIGITS.exec(task.id)?.[1] ?? task.id;
  return `${project.key}-${number}`;
}
