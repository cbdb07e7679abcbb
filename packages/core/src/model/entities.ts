import type { ActivityEntry } from './activity.js';
import type { CollectionName } from './common.js';
import type { Message } from './message.js';
import type { Notification } from './notification.js';
import type { Person } from './person.js';
import type { Project } from './project.js';
import type { ReadMarker } from './read-marker.js';
import type { Task } from './task.js';
import type { TaskTemplate } from './template.js';

/** The entity type stored in each collection. */
export interface EntityByCollection {
  people: Person;
  projects: Project;
  tasks: Task;
  messages: Message;
  notifications: Notification;
  activity: ActivityEntry;
  reads: ReadMarker;
  templates: TaskTemplate;
}

export type EntityOf<C extends CollectionName> = EntityByCollection[C];
export type AnyEntity = EntityByCollection[CollectionName];
