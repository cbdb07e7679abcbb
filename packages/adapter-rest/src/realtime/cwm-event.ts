import { COLLECTIONS, type CollectionName, type PresenceState } from '@cwm/core';
import type { SseEvent, WireChange } from './types.js';

/**
 * Reads one event of the reference server's stream (`@cwm/server`): `change` events carry
 * `{ seq, collection, op: 'upsert' | 'delete', id, version, entity? }`, `reset` asks for a full reload.
 * Everything else (`hello`, unknown events, unreadable or malformed data) is undefined: a stream is read
 * defensively, one bad event must not stop the ones after it.
 */
export function parseCwmEvent(event: SseEvent): WireChange | undefined {
  if (event.event === 'reset') return { type: 'reset' };
  if (event.event !== 'change') return undefined;
  const body = parseJson(event.data);
  if (!isObject(body) || !isCollection(body['collection'])) return undefined;
  const collection = body['collection'];
  const version = optionalVersion(body['version']);
  if (version === null) return undefined;
  if (body['op'] === 'delete') {
    const id = body['id'];
    if (!isId(id)) return undefined;
    return version === undefined ? { type: 'delete', collection, id } : { type: 'delete', collection, id, version };
  }
  if (body['op'] !== 'upsert') return undefined;
  const entity = body['entity'];
  if (!isObject(entity)) return undefined;
  const id = body['id'] ?? entity['id'];
  // An entity whose own id disagrees with the envelope's is corrupt, not a change to apply.
  if (!isId(id) || (entity['id'] !== undefined && entity['id'] !== id)) return undefined;
  const entityVersion = optionalVersion(entity['version']);
  const effective = version ?? (entityVersion === null ? undefined : entityVersion);
  return effective === undefined
    ? { type: 'upsert', collection, id, entity }
    : { type: 'upsert', collection, id, version: effective, entity };
}

/** One person's presence in a room changed: their new state, or `null` when they left (or went stale). */
export interface PresenceEvent {
  readonly room: string;
  readonly personId: string;
  readonly state: Omit<PresenceState, 'at'> | null;
}

/**
 * Reads a `presence` event of the reference server: `{ room, personId, state: { taskId?, typing? } |
 * null, at }`. The server's `at` is not kept: the reader stamps its own clock (clocks of two machines
 * disagree, and freshness is judged locally). Anything else is undefined.
 */
export function parsePresenceEvent(event: SseEvent): PresenceEvent | undefined {
  if (event.event !== 'presence') return undefined;
  const body = parseJson(event.data);
  if (!isObject(body) || !isId(body['room']) || !isId(body['personId'])) return undefined;
  const { room, personId, state } = body;
  if (state === null) return { room, personId, state: null };
  if (!isObject(state)) return undefined;
  const taskId = state['taskId'];
  const typing = state['typing'];
  if (taskId !== undefined && !isId(taskId)) return undefined;
  if (typing !== undefined && typeof typing !== 'boolean') return undefined;
  return { room, personId, state: { personId, ...(taskId === undefined ? {} : { taskId }), ...(typing === undefined ? {} : { typing }) } };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCollection(value: unknown): value is CollectionName {
  return typeof value === 'string' && (COLLECTIONS as readonly string[]).includes(value);
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/** A version number, undefined when absent, null when present but not a usable version. */
function optionalVersion(value: unknown): number | undefined | null {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}
