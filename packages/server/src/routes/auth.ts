import { Hono } from 'hono';
import type { Person } from '@cwm/core';
import type { AppEnv, ServerContext } from '../context.js';
import { readJsonObject } from '../http/body.js';
import { ApiError } from '../http/errors.js';

/** The password of every seeded person: this server is for demos and tests, not for real accounts. */
export const DEMO_PASSWORD = 'demo';

/** People who can sign in: seeded persons (resources such as rooms never log in). */
export function signInPeople(context: ServerContext): Person[] {
  return (context.repository.all('people') as Person[]).filter((person) => person.kind === 'person');
}

function workspaceId(context: ServerContext): string {
  return context.repository.workspace()?.id ?? '';
}

/**
 * `/auth/login`, `/auth/refresh` and `/demo/people`: the routes that need no token. Login and refresh
 * answer `{ token, refreshToken, personId, workspaceId, expiresAt }`.
 */
export function authRoutes(context: ServerContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.post('/auth/login', async (c) => {
    const body = await readJsonObject(c.req.raw);
    const { personId, password } = body;
    if (typeof personId !== 'string' || typeof password !== 'string') throw new ApiError('bad-request', 'Send { "personId": "...", "password": "..." }.');
    const person = signInPeople(context).find((candidate) => candidate.id === personId);
    if (person === undefined || password !== DEMO_PASSWORD) throw new ApiError('unauthorized', 'Unknown person or wrong password.');
    return c.json({ ...context.tokens.issue(person.id), workspaceId: workspaceId(context) });
  });

  routes.post('/auth/refresh', async (c) => {
    const { refreshToken } = await readJsonObject(c.req.raw);
    if (typeof refreshToken !== 'string') throw new ApiError('bad-request', 'Send { "refreshToken": "..." }.');
    const session = context.tokens.refresh(refreshToken);
    if (session === undefined) throw new ApiError('unauthorized', 'The refresh token is unknown, used up or expired: sign in again.');
    return c.json({ ...session, workspaceId: workspaceId(context) });
  });

  routes.get('/demo/people', (c) =>
    c.json({
      workspaceId: workspaceId(context),
      people: signInPeople(context).map((person) => ({ id: person.id, name: person.name, role: person.role })),
    }),
  );

  return routes;
}
