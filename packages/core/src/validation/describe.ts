import type { CollectionName, Id } from '../model/common.js';

const NOUNS: Record<CollectionName, string> = {
  people: 'Person',
  projects: 'Project',
  tasks: 'Task',
  messages: 'Message',
  notifications: 'Notification',
  activity: 'Activity entry',
  reads: 'Read marker',
  templates: 'Task template',
};

/** What one entity of a collection is called in messages, lower case: `task`, `activity entry`. */
export function entityNoun(collection: CollectionName): string {
  return NOUNS[collection].toLowerCase();
}

/** How issue messages name an entity: `Task "t-1"`, or `A task without an id`. */
export function describeEntity(collection: CollectionName, id: Id | undefined): string {
  return id === undefined ? `A ${entityNoun(collection)} without an id` : `${NOUNS[collection]} "${id}"`;
}

const PREVIEW_LENGTH = 60;

/** A short, safe rendering of a bad value for an issue message. */
export function previewValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = typeof value === 'function' ? 'a function' : (JSON.stringify(value) ?? String(value));
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 1)}…` : text;
}
