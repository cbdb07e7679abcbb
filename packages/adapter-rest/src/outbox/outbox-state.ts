/** What the outbox is doing, for the adapter's `connection()` and the widgets' status line. */
export interface OutboxState {
  /**
   * `idle` nothing to send; `sending`; `waiting` (every queued write waits for a retry at `retryAt`);
   * `paused-auth` (the backend refused the sign-in: `resumeAuth()` after renewing it); `other-tab`
   * (another tab of this browser sends this namespace's queue).
   */
  readonly sending: 'idle' | 'sending' | 'waiting' | 'paused-auth' | 'other-tab';
  /** Unsettled writes of this namespace, every tab's. */
  readonly queued: number;
  /** False in online-only mode (chosen, or IndexedDB failed): a reload loses what is queued. */
  readonly durable: boolean;
  /** When the next retry is due, ms since epoch; while `waiting`. */
  readonly retryAt?: number;
}
