import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';

/** How long an access token is good for: short, so the clients' refresh path is exercised for real. */
export const ACCESS_TTL_MS = 60 * 60 * 1000;
/** How long a refresh token is good for. */
export const REFRESH_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** What login and refresh answer (the workspace id is added by the route). */
export interface IssuedSession {
  readonly token: string;
  readonly refreshToken: string;
  readonly personId: string;
  readonly expiresAt: string;
}

function newToken(prefix: string): string {
  return `${prefix}-${randomBytes(24).toString('base64url')}`;
}

/**
 * Bearer tokens in the `tokens` table: an access token names a person until it expires; a refresh
 * token buys a new pair once (it is used up when spent, so a stolen one that was already used is
 * worthless). Tokens are random, never derived from anything a client sends.
 */
export class TokenStore {
  private readonly statements;

  constructor(db: Database.Database, private readonly now: () => number = Date.now) {
    this.statements = {
      insert: db.prepare('INSERT INTO tokens (token, kind, person_id, expires_at) VALUES (?, ?, ?, ?)'),
      find: db.prepare('SELECT person_id, expires_at FROM tokens WHERE token = ? AND kind = ?'),
      remove: db.prepare('DELETE FROM tokens WHERE token = ?'),
      expireAccess: db.prepare("UPDATE tokens SET expires_at = ? WHERE kind = 'access'"),
      purge: db.prepare('DELETE FROM tokens WHERE expires_at <= ?'),
      latestAccess: db.prepare("SELECT token FROM tokens WHERE kind = 'access' AND person_id = ? AND expires_at > ? ORDER BY expires_at DESC LIMIT 1"),
    };
  }

  /** A fresh access + refresh pair for a person. */
  issue(personId: string): IssuedSession {
    const now = this.now();
    const token = newToken('at');
    const refreshToken = newToken('rt');
    const expiresAt = now + ACCESS_TTL_MS;
    this.statements.insert.run(token, 'access', personId, expiresAt);
    this.statements.insert.run(refreshToken, 'refresh', personId, now + REFRESH_TTL_MS);
    return { token, refreshToken, personId, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** The person an unexpired access token stands for. */
  personOf(token: string): string | undefined {
    const row = this.statements.find.get(token, 'access') as { person_id: string; expires_at: number } | undefined;
    return row !== undefined && row.expires_at > this.now() ? row.person_id : undefined;
  }

  /** Spends a refresh token: a new pair, or undefined when it is unknown, spent or expired. */
  refresh(refreshToken: string): IssuedSession | undefined {
    const row = this.statements.find.get(refreshToken, 'refresh') as { person_id: string; expires_at: number } | undefined;
    if (row === undefined || row.expires_at <= this.now()) return undefined;
    this.statements.remove.run(refreshToken);
    return this.issue(row.person_id);
  }

  /** An access token of the person that is still good, made if there is none (test control). */
  currentAccess(personId: string): string {
    const row = this.statements.latestAccess.get(personId, this.now()) as { token: string } | undefined;
    return row?.token ?? this.issue(personId).token;
  }

  /** Every access token stops working now; refresh tokens keep working (test control). */
  expireAccessTokens(): void {
    this.statements.expireAccess.run(this.now() - 1);
  }

  /** Forgets expired tokens. */
  purgeExpired(): void {
    this.statements.purge.run(this.now());
  }
}
