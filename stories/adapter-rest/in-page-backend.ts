// Story fixture: a stand-in for the reference server (`@cwm/server`) that lives in the page, because
// Storybook cannot start a Node process. Only for stories: it keeps everything in memory and trusts
// every token it issued.
import { MemoryBackend, type WorkspaceData } from '@cwm/adapters';
import type { Id, MutationResult, Patch, Person } from '@cwm/core';
import { BehaviorSubject, type Observable } from 'rxjs';
import { InPageEventLog } from './in-page-events.js';
import { json, pause, problem } from './in-page-http.js';
import { InPageLink } from './in-page-link.js';
import { InPageRoutes } from './in-page-routes.js';

/** The API root the stories give the adapter; `.invalid` never resolves, so nothing leaves the page. */
export const IN_PAGE_API = 'https://cwm-story-backend.invalid/api/v1';

/** What the in-page backend has done so far, for the story's control bar. */
export interface InPageStats {
  /** Writes applied (each Idempotency-Key once). */
  readonly applied: number;
  /** Resent writes answered from the stored first answer instead of being applied again. */
  readonly replayed: number;
  /** Writes refused 409 because someone else changed the entity first. */
  readonly conflicts: number;
  /** 503 answers made up by `failRate`. */
  readonly failures: number;
}

/** How to start an `InPageBackend`. */
export interface InPageBackendOptions {
  readonly seed: WorkspaceData;
  /** Delay of every answer, ms (default 120: a nearby server). */
  readonly latencyMs?: number;
  /** Delay of live changes to open streams, ms (default 0). */
  readonly streamDelayMs?: number;
}

/**
 * **Story fixture, not a product.** A `fetch`-compatible function (`backend.fetch`) that answers the
 * reference server's routes (`packages/server/README.md`) from a `MemoryBackend`: login and the demo's
 * people, the workspace, cursor-paged lists, entities with ETags, writes with Idempotency-Key replay
 * and If-Match (409 with `current`), unread counts, and Server-Sent Events as a `ReadableStream` body.
 * Hand it to `cwmServerOptions({ baseUrl: IN_PAGE_API, fetch: backend.fetch, ... })`.
 *
 * Controls: `online` (off: every request rejects with a TypeError, as a dead network does, and open
 * streams break; `link()` gives another browser its own connection to cut), `latencyMs`, `failRate`
 * (the share of requests answered 503; half of the failed writes were applied before the answer was
 * lost, so their resend meets the replay), `streamDelayMs`, and `editAs` (another person's edit, which
 * every stream hears about).
 */
export class InPageBackend {
  /** The data, with the same write rules as the memory and local adapters. */
  readonly memory: MemoryBackend;
  /** Delay of every answer, ms. */
  latencyMs: number;
  /** Share (0..1) of requests (other than the event stream) answered 503 Service Unavailable. */
  failRate = 0;

  private readonly defaultLink = this.link();
  private readonly events = new InPageEventLog();
  private readonly routes: InPageRoutes;
  private readonly statsValue = new BehaviorSubject<InPageStats>({ applied: 0, replayed: 0, conflicts: 0, failures: 0 });
  private readonly basePath = new URL(IN_PAGE_API).pathname;

  constructor(options: InPageBackendOptions) {
    this.memory = new MemoryBackend({ seed: options.seed });
    this.latencyMs = options.latencyMs ?? 120;
    this.events.delayMs = options.streamDelayMs ?? 0;
    // Every applied write, whoever made it, goes to the change log and the open streams.
    this.memory.changes().subscribe((changes) => this.events.append(changes));
    this.routes = new InPageRoutes(this.memory, this.events, {
      applied: () => this.count('applied'),
      replayed: () => this.count('replayed'),
      conflict: () => this.count('conflicts'),
    });
  }

  /** Whether `fetch` reaches this backend. Switching it off breaks the event streams it opened. */
  get online(): boolean {
    return this.defaultLink.online;
  }

  set online(online: boolean) {
    this.defaultLink.online = online;
  }

  /** `fetch` for the REST adapter: answers the reference server's routes under `IN_PAGE_API`. */
  get fetch(): typeof fetch {
    return this.defaultLink.fetch;
  }

  /** A connection of its own (another browser): going offline on it leaves everyone else's alone. */
  link(): InPageLink {
    return new InPageLink((request) => this.handle(request));
  }

  /** Delay of live changes to open streams, ms: a slow connection, so an edit can meet a stale save. */
  get streamDelayMs(): number {
    return this.events.delayMs;
  }

  set streamDelayMs(ms: number) {
    this.events.delayMs = ms;
  }

  /** What the backend has done so far, current value first. */
  get stats$(): Observable<InPageStats> {
    return this.statsValue.asObservable();
  }

  /** The bearer token of a person (every token this backend issues is valid for the page's life). */
  tokenFor(personId: Id): string {
    return `story-token-${personId}`;
  }

  /**
   * Someone else's edit of a task, straight on the backend (without If-Match, like `/__test/edit` of
   * the reference server): applied at once whatever the story's network does, and sent to every stream.
   */
  editAs(personId: Id, taskId: Id, patch: Patch<'tasks'>): MutationResult | undefined {
    const [result] = this.memory.push([
      { kind: 'update', collection: 'tasks', entityId: taskId, patch, id: crypto.randomUUID(), actorId: personId, at: new Date().toISOString(), intent: 'task.edit' },
    ]).results;
    if (result?.status === 'applied') this.count('applied');
    return result;
  }

  /** One request that reached the backend: after `latencyMs`, a made-up 503 or the route's answer. */
  private async handle(request: Request): Promise<Response> {
    await pause(this.latencyMs, request.signal);
    const url = new URL(request.url);
    if (!url.pathname.startsWith(`${this.basePath}/`)) return problem('not-found', `Only ${IN_PAGE_API} is served here.`);
    const parts = url.pathname.slice(this.basePath.length + 1).split('/').map(decodeURIComponent);
    const stream = parts.at(-1) === 'events';
    if (!stream && parts[0] !== 'auth' && Math.random() < this.failRate) {
      // Half the failed writes fail after the write happened: the answer is lost, the resend replays it.
      if (request.method !== 'GET' && Math.random() < 0.5) await this.route(request, parts);
      this.count('failures');
      return problem('internal', 'The server is overloaded (made up by the story).', {}, { 'Retry-After': '1' }, 503);
    }
    return this.route(request, parts);
  }

  private async route(request: Request, parts: readonly string[]): Promise<Response> {
    const [area, second, ...rest] = parts;
    if (area === 'demo' && second === 'people' && request.method === 'GET') {
      const people = (this.memory.all('people') as Person[]).map(({ id, name, role }) => ({ id, name, role }));
      return json(200, { workspaceId: this.memory.workspace?.id, people });
    }
    if (area === 'auth' && second === 'login' && request.method === 'POST') return this.login(request);
    if (area !== 'workspaces') return problem('not-found', `There is no route /${parts.join('/')} here.`);
    const personId = this.personOf(request.headers.get('Authorization'));
    if (personId === undefined) return problem('unauthorized', 'Sign in first: this request has no valid bearer token.');
    if (second !== this.memory.workspace?.id) return problem('not-found', `There is no workspace "${second ?? ''}" here.`);
    return this.routes.answer(request, personId, rest);
  }

  private async login(request: Request): Promise<Response> {
    const body = (await request.json().catch(() => ({}))) as { personId?: unknown; password?: unknown };
    const person = typeof body.personId === 'string' ? this.memory.get('people', body.personId) : undefined;
    if (person === undefined || body.password !== 'demo') return problem('unauthorized', 'Unknown person or wrong password (it is "demo").');
    const token = this.tokenFor(person.id);
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    return json(200, { token, refreshToken: `${token}-refresh`, personId: person.id, workspaceId: this.memory.workspace?.id, expiresAt });
  }

  private personOf(authorization: string | null): Id | undefined {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    const personId = token?.startsWith('story-token-') ? token.slice('story-token-'.length) : undefined;
    return personId !== undefined && this.memory.get('people', personId) !== undefined ? personId : undefined;
  }

  private count(what: keyof InPageStats): void {
    const stats = this.statsValue.value;
    this.statsValue.next({ ...stats, [what]: stats[what] + 1 });
  }
}
