import type { Observable } from 'rxjs';

/**
 * This tab's part in a namespace's election: only the leader sends the queue. `leader$` starts with
 * the current value; `release()` steps down (or stops waiting) for good.
 */
export interface Leadership {
  readonly leader$: Observable<boolean>;
  readonly isLeader: boolean;
  release(): void;
}
