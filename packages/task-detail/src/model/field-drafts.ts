import { isIsoDate, type Patch, type Task } from '@cwm/core';
import type { MessageKey, MessageParams } from '@cwm/ui';

/** Task fields edited as text (a draft the user types), as opposed to pickers that save at once. */
export type DraftField = 'title' | 'description' | 'tags' | 'start' | 'due' | 'estimate' | 'progress';

/** Every draft field, in the order the editor shows them. */
export const DRAFT_FIELDS: readonly DraftField[] = ['title', 'description', 'tags', 'start', 'due', 'estimate', 'progress'];

/** A draft turned into a patch, or the reason it cannot be (a message key and its parameters). */
export type DraftCheck =
  | { readonly ok: true; readonly patch: Patch<'tasks'> }
  | { readonly ok: false; readonly error: MessageKey; readonly params?: MessageParams };

/**
 * The text a field shows for the task's current value: what an input starts from, and what the
 * concurrent-edit notice compares (two values are the same when their texts are).
 */
export function fieldText(task: Task, field: DraftField): string {
  switch (field) {
    case 'title':
      return task.title;
    case 'description':
      return task.description ?? '';
    case 'tags':
      return task.tags.join(', ');
    case 'start':
      return task.start ?? '';
    case 'due':
      return task.due ?? '';
    case 'estimate':
      return task.estimate === undefined ? '' : String(task.estimate);
    case 'progress':
      return String(task.progress);
  }
}

/** Tags typed as one comma-separated line; empty pieces from stray commas are dropped. */
export function splitTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

/**
 * Checks what the user typed for `field` and turns it into a patch for `task`. Refusals name the
 * problem so it can be shown beside the field while the draft stays as typed.
 */
export function checkDraft(task: Task, field: DraftField, text: string): DraftCheck {
  switch (field) {
    case 'title': {
      const title = text.trim();
      return title === '' ? { ok: false, error: 'task-detail.title-empty' } : { ok: true, patch: { title } };
    }
    case 'description': {
      // Trailing blank lines are noise; an emptied description is removed rather than stored as ''.
      const description = text.replace(/\s+$/, '');
      return { ok: true, patch: { description: description === '' ? undefined : description } as Patch<'tasks'> };
    }
    case 'tags': {
      const tags = splitTags(text);
      const seen = new Set<string>();
      const repeated = new Set<string>();
      for (const tag of tags) {
        const key = tag.toLocaleLowerCase();
        if (seen.has(key)) repeated.add(tag);
        seen.add(key);
      }
      if (repeated.size > 0) return { ok: false, error: 'task-detail.tags-invalid', params: { tags: [...repeated].join(', ') } };
      return { ok: true, patch: { tags } };
    }
    case 'start':
    case 'due':
      return checkDate(task, field, text.trim());
    case 'estimate': {
      const trimmed = text.trim();
      if (trimmed === '') return { ok: true, patch: { estimate: undefined } as Patch<'tasks'> };
      const value = Number(trimmed.replace(',', '.'));
      if (!Number.isFinite(value) || value < 0) return { ok: false, error: 'task-detail.estimate-invalid' };
      return { ok: true, patch: { estimate: value } };
    }
    case 'progress': {
      const trimmed = text.trim();
      const value = Number(trimmed);
      if (trimmed === '' || !Number.isInteger(value) || value < 0 || value > 100) return { ok: false, error: 'task-detail.progress-invalid' };
      return { ok: true, patch: { progress: value } };
    }
  }
}

function checkDate(task: Task, field: 'start' | 'due', text: string): DraftCheck {
  if (text === '') return { ok: true, patch: { [field]: undefined } as Patch<'tasks'> };
  if (!isIsoDate(text)) return { ok: false, error: 'task-detail.date-invalid' };
  // ISO days compare correctly as strings.
  if (field === 'due' && task.start !== undefined && text < task.start) {
    return { ok: false, error: 'task-detail.due-before-start', params: { start: task.start } };
  }
  if (field === 'start' && task.due !== undefined && text > task.due) {
    return { ok: false, error: 'task-detail.start-after-due', params: { due: task.due } };
  }
  return { ok: true, patch: { [field]: text } as Patch<'tasks'> };
}
