import { AdapterError } from '@cwm/core';

/**
 * Turns an IndexedDB failure into an `AdapterError` a developer can act on. Storage failures are
 * reported as `network` (worth retrying: a closing connection, a busy disk) except a full quota,
 * which is still `network` but says plainly what to do. `AdapterError`s pass through unchanged.
 */
export function storageError(operation: string, error: unknown): AdapterError {
  if (error instanceof AdapterError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : 'Error';
  const detail = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  if (name === 'QuotaExceededError') {
    return new AdapterError('network', `Local storage is full while trying to ${operation}: free up space or sign out of unused workspaces.`, { cause: error });
  }
  return new AdapterError('network', `Local storage (IndexedDB) failed to ${operation}: ${name}: ${detail || 'no details'}`, { cause: error });
}
