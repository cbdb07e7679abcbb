import { AdapterError } from '@cwm/core';

/**
 * The error an outbox reports when IndexedDB fails (quota, blocked, private mode, refused): writes go
 * on online-only. `network` because the write itself can still be sent; the message says what broke.
 */
export function storageFailure(operation: string, error: unknown): AdapterError {
  if (error instanceof AdapterError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : 'Error';
  const detail = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  const why = name === 'QuotaExceededError' ? 'this device is out of storage space' : `${name}${detail ? `: ${detail}` : ''}`;
  return new AdapterError('network', `Offline storage is unavailable (could not ${operation}: ${why}). Changes are sent while online only.`, { cause: error });
}
