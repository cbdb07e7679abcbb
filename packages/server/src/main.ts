import { parseCli, USAGE } from './cli.js';
import { signInPeople } from './routes/auth.js';
import { startServer } from './server.js';

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/**
 * The command line (run.mjs calls this): starts the server, prints `LISTENING <port>` on stdout
 * (the only stdout line; launchers wait for it), and stops cleanly on SIGTERM/SIGINT or when
 * `--max-lifetime` runs out: event streams ended, listener closed, database closed.
 */
export async function runCli(args: readonly string[]): Promise<void> {
  let options;
  try {
    options = parseCli(args);
  } catch (error) {
    log(`cwm-server: ${(error as Error).message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    log(USAGE);
    return;
  }

  let server;
  try {
    server = await startServer({ ...options, log });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    log(`cwm-server: could not start: ${code === 'EADDRINUSE' ? `port ${options.port} is in use (another server running? --port 0 picks a free one)` : (error as Error).message}`);
    process.exitCode = 1;
    return;
  }
  let stopping = false;
  const stop = (why: string): void => {
    if (stopping) return;
    stopping = true;
    log(`cwm-server: stopping (${why})`);
    // A stuck close must not keep a test machine's process alive.
    setTimeout(() => process.exit(1), 5_000).unref();
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  if (options.maxLifetimeS !== undefined) {
    setTimeout(() => stop(`max lifetime of ${options.maxLifetimeS} s reached`), options.maxLifetimeS * 1000).unref();
  }

  const origin = `http://${options.host}:${server.port}`;
  const { repository, tokens } = server.context;
  const workspace = repository.workspace();
  log(`cwm-server: ${origin}/api/v1  workspace "${workspace?.id}" (seed ${repository.meta('seed')}), database ${options.db}${options.testControl ? ', test control on' : ''}`);
  const first = signInPeople(server.context)[0];
  if (!options.testControl && first !== undefined) {
    log(`cwm-server: sign in with POST ${origin}/api/v1/auth/login {"personId": "${first.id}", "password": "demo"}; who can: ${origin}/api/v1/demo/people`);
    log(`cwm-server: to try it: curl -H "Authorization: Bearer ${tokens.currentAccess(first.id)}" ${origin}/api/v1/workspaces/${workspace?.id}/projects`);
  }
  process.stdout.write(`LISTENING ${server.port}\n`);
}
