import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { TokenStore } from './auth/tokens.js';
import type { ServerContext } from './context.js';
import { Repository } from './db/repository.js';
import { openDatabase } from './db/schema.js';
import { loadSeed, type SeedName } from './db/seed.js';
import { Authorizer } from './domain/authorize.js';
import { WriteService } from './domain/writes.js';
import { FanOut } from './realtime/fan-out.js';
import { PresenceHub } from './realtime/presence.js';

/** How to start a server. */
export interface ServerOptions {
  /** Only loopback addresses are accepted. */
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** A file, or `:memory:`. */
  readonly db: string;
  /** Data to start with: always loaded into a new database; a file that already has data keeps it. */
  readonly seed: SeedName;
  readonly testControl: boolean;
  readonly corsOrigins: readonly string[];
  readonly log?: (message: string) => void;
}

/** A running server. */
export interface RunningServer {
  readonly port: number;
  readonly context: ServerContext;
  /** Ends every event stream, stops listening, closes the database. Idempotent. */
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Opens the database (seeding it when it has no workspace yet), builds the app and listens. The
 * server only ever binds a loopback address: it is for demos and tests on this machine.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  if (!LOOPBACK_HOSTS.has(options.host)) throw new Error(`--host must be a loopback address (127.0.0.1, localhost or ::1), got "${options.host}".`);
  const db = openDatabase(options.db);
  const repository = new Repository(db);
  const tokens = new TokenStore(db);
  const fanOut = new FanOut();
  const presence = new PresenceHub((text) => fanOut.broadcast(text));
  const writes = new WriteService(repository, new Authorizer(repository));
  const context: ServerContext = {
    repository,
    tokens,
    writes,
    fanOut,
    presence,
    reseed(seed) {
      loadSeed(repository, seed);
      presence.clear();
      fanOut.reset(repository.latestSeq(), 'reseeded');
    },
  };
  if (repository.workspace() === undefined) loadSeed(repository, options.seed);
  tokens.purgeExpired();

  let port = options.port;
  const app = createApp(context, {
    testControl: options.testControl,
    corsOrigins: options.corsOrigins,
    origin: () => `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    ...(options.log === undefined ? {} : { log: options.log }),
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, () => resolve(started as Server)) as Server;
    started.once('error', reject);
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    port,
    context,
    close() {
      closing ??= new Promise<void>((resolve) => {
        fanOut.closeAll();
        presence.close();
        server.close(() => {
          db.close();
          resolve();
        });
        // Idle keep-alive sockets would hold close() open. Requests in flight get a moment to finish
        // (a write's transaction is synchronous: it is either committed or never started).
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 200).unref();
      });
      return closing;
    },
  };
}
