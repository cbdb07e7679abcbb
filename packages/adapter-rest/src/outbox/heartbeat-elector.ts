import { BehaviorSubject, type Observable, type Subscription } from 'rxjs';
import type { OutboxChannel } from './channel.js';
import type { Leadership } from './leadership.js';

/** Timing of the fallback election. */
export interface HeartbeatTiming {
  /** The leader says it is alive this often, ms. */
  readonly beatMs: number;
  /** A follower claims the lead after this long without a beat, ms. */
  readonly timeoutMs: number;
  /** A starting tab waits this long for a leader to answer its hello before claiming, ms. */
  readonly helloWaitMs: number;
}

/** Beat every second, take over after 3 s of silence: a dead leader's queue waits at most ~4 s. */
export const DEFAULT_HEARTBEAT: HeartbeatTiming = { beatMs: 1000, timeoutMs: 3000, helloWaitMs: 300 };

/**
 * Leader election over the namespace's BroadcastChannel, for browsers without Web Locks. The leader
 * beats every `beatMs`; a follower that hears nothing for `timeoutMs` claims; when two lead at once
 * (both claimed in the same moment) the higher tab id steps down on hearing the lower one. Two leaders
 * for a moment cost at most a resend, which the idempotency key makes harmless.
 */
export class HeartbeatElector implements Leadership {
  private readonly state = new BehaviorSubject(false);
  readonly leader$: Observable<boolean> = this.state.asObservable();
  private readonly subscription: Subscription;
  private readonly beat: ReturnType<typeof setInterval>;
  private hello: ReturnType<typeof setTimeout> | undefined;
  private lastBeatAt = -Infinity;
  private leaderId: string | undefined;
  private released = false;

  constructor(
    private readonly channel: OutboxChannel,
    private readonly tabId: string,
    private readonly timing: HeartbeatTiming = DEFAULT_HEARTBEAT,
    private readonly now: () => number = Date.now,
  ) {
    this.subscription = channel.messages$.subscribe((message) => {
      if (message.type === 'heartbeat') this.heard(message.tabId);
      else if (message.type === 'hello' && this.isLeader) this.sendBeat();
      else if (message.type === 'resign' && message.tabId === this.leaderId) this.claim();
    });
    this.beat = setInterval(() => this.tick(), timing.beatMs);
    channel.post({ type: 'hello', tabId });
    this.hello = setTimeout(() => {
      this.hello = undefined;
      if (this.leaderId === undefined) this.claim();
    }, timing.helloWaitMs);
  }

  get isLeader(): boolean {
    return this.state.value;
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    clearInterval(this.beat);
    if (this.hello !== undefined) clearTimeout(this.hello);
    this.subscription.unsubscribe();
    if (this.isLeader) this.channel.post({ type: 'resign', tabId: this.tabId });
    this.state.next(false);
    this.state.complete();
  }

  private tick(): void {
    if (this.isLeader) this.sendBeat();
    else if (this.hello === undefined && this.now() - this.lastBeatAt > this.timing.timeoutMs) this.claim();
  }

  private heard(from: string): void {
    if (from === this.tabId) return;
    if (this.isLeader) {
      // Two leaders: the lower id keeps the lead; answer at once so the other steps down quickly.
      if (from < this.tabId) this.follow(from);
      else this.sendBeat();
      return;
    }
    this.follow(from);
  }

  private follow(leaderId: string): void {
    this.leaderId = leaderId;
    this.lastBeatAt = this.now();
    if (this.isLeader) this.state.next(false);
  }

  private claim(): void {
    if (this.released || this.isLeader) return;
    this.leaderId = this.tabId;
    this.state.next(true);
    this.sendBeat();
  }

  private sendBeat(): void {
    this.channel.post({ type: 'heartbeat', tabId: this.tabId, at: this.now() });
  }
}
