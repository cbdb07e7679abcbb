import type { ActivityEntry, Message, Notification, Person, Project, ReadMarker, Task, TaskTemplate, Workspace } from '@cwm/core';

/**
 * Everything one workspace holds, as plain arrays: what a backend is seeded with. `generateWorkspace`
 * from `@cwm/core/testing` returns exactly this shape.
 */
export interface WorkspaceData {
  readonly workspace: Workspace;
  readonly people?: readonly Person[];
  readonly projects?: readonly Project[];
  readonly tasks?: readonly Task[];
  readonly messages?: readonly Message[];
  readonly notifications?: readonly Notification[];
  readonly activity?: readonly ActivityEntry[];
  readonly reads?: readonly ReadMarker[];
  readonly templates?: readonly TaskTemplate[];
}
