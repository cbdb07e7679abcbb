import { BehaviorSubject, type Observable } from 'rxjs';
import type { OutboxChannel } from './channel.js';
import { DEFAULT_HEARTBEAT, HeartbeatElector, type HeartbeatTiming } from './heartbeat-elector.js';
import type { Leadership } from './leadership.js';

export type { Leadership } from './leadership.js';

/**
 * Leadership by a Web Lock: the tab whose `navigator.locks.request` callback runs holds the lock as
 * long as it lives. The browser releases it when the holding document dies (tab closed, iframe
 * removed, crash), and the next waiting tab's callback runs: that is the takeover, with no timers.
 */
export class WebLockLeadership implements Leadership {
  private readonly state = new BehaviorSubject(false);
  readonly leader$: Observable<boolean> = this.state.asObservable();
  private readonly abort = new AbortController();
  private releaseLock: (() => void) | undefined;
  private released = false;

  constructor(readonly lockName: string) {
    navigator.locks
      .request(lockName, { mode: 'exclusive', signal: this.abort.signal }, () => {
        if (this.released) return undefined;
        this.state.next(true);
        return new Promise<void>((resolve) => {
          this.releaseLock = resolve;
        });
      })
      // AbortError: released while still waiting for the lock; nothing to undo.
      .catch(() => undefined);
  }

  get isLeader(): boolean {
    return this.state.value;
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.abort.abort();
    this.releaseLock?.();
    this.state.next(false);
    this.state.complete();
  }
}

/** How a tab joins a namespace's election. */
export interface ElectionOptions {
  /** `heartbeat` forces the BroadcastChannel fallback; `auto` uses Web Locks where they exist. */
  readonly mode: 'auto' | 'heartbeat';
  readonly channel: OutboxChannel;
  readonly tabId: string;
  readonly heartbeat?: HeartbeatTiming;
}

/** Joins the election for `lockName`: Web Locks when available (and not refused), else heartbeats. */
export function electLeader(lockName: string, options: ElectionOptions): Leadership {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (options.mode === 'auto' && locks !== undefined) return new WebLockLeadership(lockName);
  return new HeartbeatElector(options.channel, options.tabId, options.heartbeat ?? DEFAULT_HEARTBEAT);
}
