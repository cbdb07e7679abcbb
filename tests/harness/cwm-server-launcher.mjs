// Starts the reference server (packages/server/run.mjs) as a child process for one test file: a
// fresh in-memory database, a free port on 127.0.0.1, the /__test control routes, and a lifetime
// limit so a runner that dies without cleaning up cannot leave it running for long.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The server's entry point; CWM_SERVER_SCRIPT points elsewhere (a stand-in while debugging the harness). */
export const SERVER_SCRIPT = resolve(repoRoot, process.env.CWM_SERVER_SCRIPT ?? 'packages/server/run.mjs');

const TAIL_CHARS = 4_000;

/**
 * @typedef {object} LaunchedServer
 * @property {number} pid
 * @property {number} port
 * @property {() => string} output the last lines the server wrote (stdout and stderr), for error messages
 * @property {() => Promise<void>} stop SIGTERM, then SIGKILL if it has not exited within 3 s
 * @property {Promise<unknown>} exited settles when the process has ended, for whatever reason
 */

/**
 * Spawns the server and resolves once it printed `LISTENING <port>`.
 * @param {{ seed?: 'test' | 'demo', startTimeoutMs?: number, maxLifetimeS?: number }} [options]
 * @returns {Promise<LaunchedServer>}
 */
export function launchServer({ seed = 'test', startTimeoutMs = 30_000, maxLifetimeS = 900 } = {}) {
  if (seed !== 'test' && seed !== 'demo') return Promise.reject(new Error(`cwm-server: unknown seed "${seed}"`));
  const args = [SERVER_SCRIPT, '--host', '127.0.0.1', '--port', '0', '--db', ':memory:', '--seed', seed, '--test-control', '--max-lifetime', String(maxLifetimeS)];
  // stdin stays an open pipe: a server may treat its end as "the runner is gone" and exit.
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (chunk) => {
    tail = (tail + chunk).slice(-TAIL_CHARS);
  };
  // Keep reading both pipes for the server's whole life: a full pipe would block its writes.
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', keep);
  if (process.env.CWM_SERVER_LOG) child.stderr.on('data', (chunk) => process.stderr.write(`[cwm-server ${child.pid}] ${chunk}`));

  const exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(timer);
  };

  return new Promise((resolveStart, rejectStart) => {
    let stdoutLine = '';
    let settled = false;
    const fail = (reason) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop();
      rejectStart(new Error(`cwm-server (${SERVER_SCRIPT}) ${reason}\n--- server output ---\n${tail}`));
    };
    const timer = setTimeout(() => fail(`did not print LISTENING within ${startTimeoutMs} ms`), startTimeoutMs);
    child.once('error', (error) => fail(`could not start: ${error.message}`));
    void exited.then(({ code, signal }) => fail(`exited before listening (code ${code}, signal ${signal})`));
    child.stdout.on('data', (chunk) => {
      keep(chunk);
      if (settled) return;
      stdoutLine += chunk;
      const match = /^LISTENING (\d+)\s*$/m.exec(stdoutLine);
      if (!match) return;
      settled = true;
      clearTimeout(timer);
      resolveStart({ pid: child.pid, port: Number(match[1]), output: () => tail, stop, exited });
    });
  });
}
