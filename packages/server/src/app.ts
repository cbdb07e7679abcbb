import { Hono } from 'hono';
import type { AppEnv, ServerContext } from './context.js';
import { corsFor } from './http/cors.js';
import { ApiError, errorBody } from './http/errors.js';
import { authRoutes } from './routes/auth.js';
import { homePage } from './routes/home.js';
import { testControlRoutes } from './routes/test-control.js';
import { workspaceRoutes } from './routes/workspace.js';

/** How the app is put together. */
export interface AppOptions {
  /** Mount `/__test/*` (tests only). */
  readonly testControl: boolean;
  /** Origins allowed besides any loopback one. */
  readonly corsOrigins: readonly string[];
  /** The origin the server listens on, for the home page (from the CLI, never from a request header). */
  readonly origin: () => string;
  /** Where unexpected errors are reported. */
  readonly log?: (message: string) => void;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The HTTP app: `GET /` (what this is), `/api/v1/auth/*` and `/api/v1/demo/people` (no token),
 * `/api/v1/workspaces/*` (bearer token), and `/__test/*` with `testControl`. Every error is
 * `{ error: { code, message } }` with its status.
 */
export function createApp(context: ServerContext, options: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(errorBody(error.code, error.message, error.issues), error.status as 400);
    if (error instanceof SyntaxError) return c.json(errorBody('bad-request', `The body is not valid JSON: ${error.message}`), 400);
    log(`cwm-server: ${c.req.method} ${c.req.path} failed: ${error.stack ?? String(error)}`);
    return c.json(errorBody('internal', 'The server failed on this request; see its log.'), 500);
  });
  app.notFound((c) => c.json(errorBody('not-found', `No route ${c.req.method} ${c.req.path}.`), 404));

  const corsMiddleware = corsFor(options.corsOrigins);
  app.use('/', corsMiddleware);
  app.use('/api/*', corsMiddleware);
  app.get('/', (c) => c.text(homePage(options.origin(), context.repository.workspace()?.id, context.repository.meta('seed'))));

  app.route('/api/v1', authRoutes(context));

  app.use('/api/v1/workspaces/*', async (c, next) => {
    const match = BEARER.exec(c.req.header('authorization') ?? '');
    const personId = match === null ? undefined : context.tokens.personOf(match[1] as string);
    if (personId === undefined) {
      throw new ApiError('unauthorized', match === null ? 'Send "Authorization: Bearer <token>" (POST /api/v1/auth/login gives one).' : 'The token is unknown or expired: refresh it or sign in again.');
    }
    c.set('personId', personId);
    await next();
  });
  app.route('/api/v1/workspaces', workspaceRoutes(context));

  if (options.testControl) app.route('/__test', testControlRoutes(context));
  return app;
}
