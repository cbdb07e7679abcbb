import { BehaviorSubject, type Observable, distinctUntilChanged } from 'rxjs';

/** Where the paged history of one task's conversation stands. */
export interface MessageHistoryState {
  /** A page is being read. */
  readonly loading: boolean;
  /** Older messages exist that are not loaded yet. */
  readonly hasMore: boolean;
}

/** What `loadOlderMessages` did. */
export interface OlderMessages {
  /** Messages the page brought. */
  readonly loaded: number;
  readonly hasMore: boolean;
}

/**
 * The paging bookkeeping of one task's thread: the cursor towards older messages, and the page being
 * read so that a second request while one runs (a scroll event storm) joins it instead of reading the
 * same page twice.
 */
export class MessageHistory {
  /** Cursor of the next older page; undefined before the first page and at the start of the thread. */
  cursor: string | undefined;
  /** The first page's read, once started. */
  first: Promise<void> | undefined;
  /** The older page being read now. */
  older: Promise<OlderMessages> | undefined;

  private readonly subject = new BehaviorSubject<MessageHistoryState>({ loading: false, hasMore: true });

  readonly state$: Observable<MessageHistoryState> = this.subject.pipe(
    distinctUntilChanged((a, b) => a.loading === b.loading && a.hasMore === b.hasMore),
  );

  get state(): MessageHistoryState {
    return this.subject.value;
  }

  set(patch: Partial<MessageHistoryState>): void {
    if (!this.subject.closed) this.subject.next({ ...this.subject.value, ...patch });
  }

  complete(): void {
    this.subject.complete();
  }
}
