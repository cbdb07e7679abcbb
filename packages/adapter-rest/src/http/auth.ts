import { BehaviorSubject, type Observable } from 'rxjs';
import type { Id } from '@cwm/core';
import type { RestAuth } from '../options.js';

/** Auth headers for one request, and which credentials they were (see `AuthSession.recover`). */
export interface AuthHeaders {
  readonly headers: Record<string, string>;
  /** Counts refreshes: a 401 on headers older than the latest refresh needs no refresh of its own. */
  readonly generation: number;
}

/**
 * The host's credentials as the adapter uses them: headers asked for per request, one refresh at a
 * time however many requests hit a 401 together, and a paused state once refreshing no longer helps
 * (writes wait for `resume()`, which the host calls through `RestAdapter.resumeAuth()`).
 */
export class AuthSession {
  private generation = 0;
  private refreshing: Promise<boolean> | undefined;
  private readonly paused = new BehaviorSubject<boolean>(false);

  constructor(private readonly auth: RestAuth | undefined) {}

  /** True while the backend refuses the credentials and refreshing failed. */
  readonly paused$: Observable<boolean> = this.paused.asObservable();

  get isPaused(): boolean {
    return this.paused.value;
  }

  /** The headers to send now; a host function that throws counts as no credentials. */
  async headers(): Promise<AuthHeaders> {
    const generation = this.generation;
    let headers: Record<string, string> | undefined;
    try {
      headers = await this.auth?.header();
    } catch {
      headers = undefined;
    }
    return { headers: { ...headers }, generation };
  }

  /**
   * After a 401 on a request sent with credentials of `generation`: true when it is worth sending again
   * (new credentials are in place). Concurrent callers share one `refresh()`; a request that was sent
   * before a refresh that has finished meanwhile is simply sent again. No refresh function, a refresh
   * that answers false or throws, and any 401 while paused: false, and the session pauses.
   */
  async recover(generation: number): Promise<boolean> {
    if (generation !== this.generation) return true;
    if (this.paused.value) return false;
    const refresh = this.auth?.refresh;
    if (!refresh) {
      this.pause();
      return false;
    }
    this.refreshing ??= (async () => {
      try {
        const renewed = await refresh.call(this.auth);
        if (renewed) this.generation++;
        else this.pause();
        return renewed;
      } catch {
        this.pause();
        return false;
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  /** The backend refused even fresh credentials: stop refreshing until `resume()`. */
  pause(): void {
    if (!this.paused.value) this.paused.next(true);
  }

  /** The host has new credentials: requests may refresh again on a 401. */
  resume(): void {
    this.generation++;
    if (this.paused.value) this.paused.next(false);
  }

  /** Whose credentials these are, when the host says. */
  userId(): Id | undefined {
    try {
      return this.auth?.userId?.();
    } catch {
      return undefined;
    }
  }
}
