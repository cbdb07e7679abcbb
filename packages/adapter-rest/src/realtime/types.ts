import type { CollectionName, Id } from '@cwm/core';

/** One dispatched Server-Sent Event, as the WHATWG event-stream rules build it. */
export interface SseEvent {
  /**
   * The stream's last event id when this event was dispatched (what `EventSource` calls `lastEventId`):
   * set by this event's `id:` line or an earlier one. Absent while no id has been given (or after `id:` with
   * an empty value, which clears it).
   */
  readonly id?: string;
  /** The `event:` field, `'message'` when the event had none. */
  readonly event: string;
  /** Every `data:` line of the event joined with `\n`. */
  readonly data: string;
  /** The `retry:` value (ms) when this event carried a valid one. */
  readonly retry?: number;
}

/** A change read off the live stream, before the version gate and the store see it. */
export type WireChange =
  | { readonly type: 'upsert'; readonly collection: CollectionName; readonly id: Id; readonly version?: number; readonly entity: unknown }
  | { readonly type: 'delete'; readonly collection: CollectionName; readonly id: Id; readonly version?: number }
  /** The server could not replay what was missed: everything must be read again. */
  | { readonly type: 'reset' };
