// The demo's side of the reference server (`npm run server`): who may sign in, signing in and out, and
// the session of this tab. Plain fetch calls to the routes of packages/server; the workspace's REST
// adapter does everything else. Sessions live in sessionStorage, so every tab (and every browser) can
// be a different person and a reload keeps the person.
import type { Id } from '@cwm/core';
import type { CwmWorkspace } from '@cwm/ui';

/** How the workspace's REST adapter signs requests (the `auth` property of `<cwm-workspace>`). */
type WorkspaceAuth = NonNullable<CwmWorkspace['auth']>;

/** Where the demo's data comes from: the browser's IndexedDB (`local`) or the reference server. */
export type DataSource = 'local' | 'server';

/** The API of `npm run server`; `?api=` in the URL points the demo at another one. */
export const DEFAULT_API = 'http://127.0.0.1:8787/api/v1';

const SOURCE_KEY = 'cwm-demo:data-source';
const SESSION_KEY = 'cwm-demo:server-session';
/** A server that is running answers in milliseconds; one that is not refuses at once. */
const REACH_TIMEOUT_MS = 4_000;

/** The person picker's entries (`GET /demo/people`). */
export interface DemoPerson {
  readonly id: Id;
  readonly name: string;
}

/** What `POST /auth/login` and `/auth/refresh` answer. */
export interface ServerSession {
  readonly token: string;
  readonly refreshToken: string;
  readonly personId: Id;
  readonly workspaceId: string;
  readonly expiresAt?: string | number;
}

/** The source chosen on this browser (remembered across pages and reloads); `local` by default. */
export function chosenSource(): DataSource {
  return localStorage.getItem(SOURCE_KEY) === 'server' ? 'server' : 'local';
}

export function rememberSource(source: DataSource): void {
  localStorage.setItem(SOURCE_KEY, source);
}

/** The server could not be reached at all (not running, wrong port), as opposed to answering an error. */
export class ServerUnreachable extends Error {}

/** Talks to the reference server's demo and auth routes. */
export class DemoServer {
  constructor(readonly api: string) {}

  /** Who can sign in, and the workspace they share. */
  async people(): Promise<{ workspaceId: string; people: readonly DemoPerson[] }> {
    const body = (await this.call('/demo/people')) as { workspaceId?: unknown; people?: unknown };
    if (typeof body.workspaceId !== 'string' || !Array.isArray(body.people)) throw new Error('GET /demo/people answered something unexpected.');
    const people = body.people.filter(
      (person): person is DemoPerson => typeof person?.id === 'string' && typeof person?.name === 'string',
    );
    return { workspaceId: body.workspaceId, people };
  }

  /** Signs in a seeded person (their password is `demo`). */
  async login(personId: Id): Promise<ServerSession> {
    return asSession(await this.call('/auth/login', { personId, password: 'demo' }));
  }

  /** A new token for a session; `undefined` when the server no longer accepts the refresh token. */
  async refresh(session: ServerSession): Promise<ServerSession | undefined> {
    try {
      return asSession(await this.call('/auth/refresh', { refreshToken: session.refreshToken }));
    } catch (error) {
      if (error instanceof ServerUnreachable) throw error;
      return undefined;
    }
  }

  private async call(path: string, body?: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.api}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(REACH_TIMEOUT_MS),
      });
    } catch (error) {
      throw new ServerUnreachable(error instanceof Error ? error.message : String(error));
    }
    const answer = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
    if (!response.ok) throw new Error(answer?.error?.message ?? `${path} answered ${response.status}.`);
    return answer;
  }
}

function asSession(value: unknown): ServerSession {
  const session = value as Partial<ServerSession> | undefined;
  if (typeof session?.token !== 'string' || typeof session.personId !== 'string') throw new Error('The server did not sign in.');
  return {
    token: session.token,
    refreshToken: session.refreshToken ?? '',
    personId: session.personId,
    workspaceId: session.workspaceId ?? '',
    ...(session.expiresAt === undefined ? {} : { expiresAt: session.expiresAt }),
  };
}

/**
 * This tab's sign-in: the session kept in sessionStorage, and the `auth` object the workspace's REST
 * adapter signs its requests with (it reads the current token at each request and refreshes on a 401).
 */
export class TabSession {
  private current: ServerSession | undefined;

  constructor(private readonly server: DemoServer) {
    this.current = readSession();
  }

  get session(): ServerSession | undefined {
    return this.current;
  }

  async signIn(personId: Id): Promise<ServerSession> {
    const session = await this.server.login(personId);
    this.store(session);
    return session;
  }

  signOut(): void {
    this.current = undefined;
    sessionStorage.removeItem(SESSION_KEY);
  }

  /** A fresh object per sign-in: the workspace builds a new store when its `auth` changes. */
  auth(): WorkspaceAuth {
    return {
      header: async () => (this.current ? { Authorization: `Bearer ${this.current.token}` } : undefined),
      refresh: async () => {
        if (!this.current) return false;
        const renewed = await this.server.refresh(this.current).catch(() => undefined);
        if (!renewed) return false;
        this.store(renewed);
        return true;
      },
      userId: () => this.current?.personId,
    };
  }

  private store(session: ServerSession): void {
    this.current = session;
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  }
}

function readSession(): ServerSession | undefined {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    return raw === null ? undefined : asSession(JSON.parse(raw));
  } catch {
    return undefined;
  }
}
