import type { AdapterErrorCode } from '../adapter/errors.js';
import type { CollectionName, Id } from '../model/common.js';
import type { DenialCode } from '../permissions/types.js';
import type { ValidationIssue } from '../validation/issue.js';

/**
 * Everything that went wrong, or was corrected, on its way through the store. Widgets show these
 * (a toast, a banner); hosts log them. Nothing here is ever thrown at a widget.
 */
export type StoreError =
  /** Data from the adapter was malformed and skipped. */
  | { readonly kind: 'invalid-data'; readonly issue: ValidationIssue }
  /** A write was refused (by the policy before sending, or by the backend) and rolled back. */
  | {
      readonly kind: 'write-rejected';
      readonly code: AdapterErrorCode | DenialCode;
      readonly message: string;
      readonly collection: CollectionName;
      readonly entityId: Id;
      readonly intent: string;
    }
  /**
   * Someone else changed the entity first, but none of the fields this write changes: the write was
   * sent again on top of their version, and both edits hold.
   */
  | { readonly kind: 'write-rebased'; readonly collection: CollectionName; readonly entityId: Id; readonly intent: string }
  /**
   * Someone else changed the entity first, and some of the fields this write changed too. The write
   * was saved except `kept` (field names): for those the other person's value was kept, because it was
   * made after the value this user edited. Fields nobody else touched were saved as the user meant.
   */
  | {
      readonly kind: 'write-merged';
      readonly collection: CollectionName;
      readonly entityId: Id;
      readonly intent: string;
      readonly kept: readonly string[];
    }
  /**
   * Writes cannot be kept on this device (storage full, blocked or private mode): they still go out,
   * but only survive while the page stays open and online. Reported once per store.
   */
  | { readonly kind: 'storage-unavailable'; readonly message: string }
  /** The backend could not be reached; writes are kept and retried. */
  | { readonly kind: 'offline'; readonly message: string; readonly retryInMs: number }
  /** Reading from the backend failed. */
  | { readonly kind: 'load-failed'; readonly code: AdapterErrorCode; readonly message: string };
