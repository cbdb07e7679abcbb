import { AdapterError, DEFAULT_CALENDAR, type AdapterSession, type Workspace } from '@cwm/core';
import type { WorkspaceMapping } from '../options.js';
import { classifyRead, readJson } from '../http/classify.js';
import { isRecord } from '../mapping/json.js';
import type { RestContext } from './rest-context.js';

/** GETs the workspace by its mapping and checks its shape (a missing work calendar gets the default one). */
export async function readWorkspace(context: RestContext, mapping: WorkspaceMapping, session: AdapterSession, signal?: AbortSignal): Promise<Workspace> {
  const what = 'Reading the workspace';
  const result = await context.http.send({ method: 'GET', url: context.url(mapping.path) }, { purpose: 'workspace', session }, signal);
  const raw = readJson(classifyRead(result, what), what);
  return toWorkspace(mapping.fromWire ? mapping.fromWire(raw) : raw, session);
}

/** Checks a workspace read from anywhere; throws `validation` naming what is wrong. */
export function toWorkspace(raw: unknown, session: AdapterSession): Workspace {
  if (!isRecord(raw) || typeof raw['id'] !== 'string' || raw['id'] === '') {
    throw new AdapterError('validation', 'The backend\'s workspace has no id.');
  }
  if (raw['id'] !== session.workspaceId) {
    throw new AdapterError('not-found', `The backend answered with workspace "${raw['id']}", not "${session.workspaceId}".`);
  }
  const calendar = isRecord(raw['calendar']) && Array.isArray(raw['calendar']['workingDays']) ? raw['calendar'] : DEFAULT_CALENDAR;
  return { ...raw, id: raw['id'], name: typeof raw['name'] === 'string' ? raw['name'] : raw['id'], calendar } as Workspace;
}
