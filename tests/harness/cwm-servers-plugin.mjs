// web-test-runner plugin that gives browser tests real servers: the reference server behind a
// fault-injecting proxy, and json-server. The browser asks through `executeServerCommand` (typed
// wrappers in browser/servers.ts). Nothing starts until a test asks, so other suites pay nothing;
// every child is stopped by its pid when the test file asks, when it starts another, when the run
// ends (serverStop) and, as a last resort, when the runner process exits.
import { appendFigures, checkFigures, figuresTable, FIGURES_FILE } from './figures.mjs';
import { launchServer } from './cwm-server-launcher.mjs';
import { FaultProxy } from './fault-proxy.mjs';
import { startJsonServer } from './json-server-launcher.mjs';

/** The commands this plugin answers; any other command is left to other plugins. */
export const COMMANDS = Object.freeze([
  'cwm-server-start',
  'cwm-server-stop',
  'cwm-faults',
  'cwm-fault-stats',
  'cwm-control',
  'cwm-json-server-start',
  'cwm-json-server-stop',
  'cwm-figures',
  'cwm-fault-env',
]);

async function readJson(url, init) {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url} answered ${response.status}: ${text.slice(0, 500)}`);
  return text === '' ? null : JSON.parse(text);
}

function payloadObject(payload) {
  if (payload === undefined || payload === null) return {};
  if (typeof payload !== 'object') throw new Error('payload must be an object');
  return payload;
}

/** The plugin; add it to `plugins` in the wtr config. */
export function cwmServersPlugin() {
  /** Per test session (one test file in one browser): its server, proxy and json-server. */
  const sessions = new Map();
  /** Pids of every live child, for the synchronous 'exit' handler. */
  const children = new Set();
  const runStarted = new Date().toISOString();
  const figures = [];
  let exitHandler;

  const killChildrenNow = () => {
    for (const pid of children) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    children.clear();
  };

  // Node runs no 'exit' handlers when a signal ends the process, and web-test-runner only handles
  // SIGINT: on SIGTERM (a CI timeout) stop the children first, then let the signal do its default
  // (re-raised only when nobody else listens, so other handlers keep their behaviour).
  const onSigterm = () => {
    killChildrenNow();
    if (process.listenerCount('SIGTERM') === 0) process.kill(process.pid, 'SIGTERM');
  };

  const installExitHooks = () => {
    if (exitHandler) return;
    exitHandler = killChildrenNow;
    process.once('exit', exitHandler);
    process.once('SIGTERM', onSigterm);
  };

  const slot = (sessionId) => {
    if (!sessions.has(sessionId)) sessions.set(sessionId, {});
    return sessions.get(sessionId);
  };

  const stopServer = async (entry) => {
    const running = entry.server;
    if (!running) return;
    entry.server = undefined;
    await running.proxy?.close();
    await running.launched.stop();
    children.delete(running.launched.pid);
  };

  const stopJson = async (entry) => {
    const running = entry.json;
    entry.json = undefined;
    await running?.close();
  };

  const startServer = async (entry, { seed = 'test' }) => {
    await stopServer(entry);
    installExitHooks();
    const launched = await launchServer({ seed });
    children.add(launched.pid);
    // Forget the pid as soon as the process ends (its lifetime limit, a crash): a pid is reused by
    // the system later, and the exit handler must never signal a stranger.
    void launched.exited.then(() => children.delete(launched.pid));
    const running = { launched, proxy: undefined };
    entry.server = running;
    try {
      running.proxy = new FaultProxy({ port: launched.port });
      const proxyPort = await running.proxy.listen();
      const origin = `http://127.0.0.1:${launched.port}`;
      const directUrl = `${origin}/api/v1`;
      const tokens = await readJson(`${origin}/__test/tokens`);
      const demo = await readJson(`${directUrl}/demo/people`);
      return {
        apiUrl: `http://127.0.0.1:${proxyPort}/api/v1`,
        directUrl,
        controlUrl: origin,
        workspaceId: demo.workspaceId,
        people: demo.people,
        tokens,
      };
    } catch (error) {
      await stopServer(entry);
      throw new Error(`${error.message}\n--- server output ---\n${launched.output()}`);
    }
  };

  const requireServer = (entry) => {
    if (!entry.server?.proxy) throw new Error('no cwm server in this test file: call startServer() first');
    return entry.server;
  };

  const handlers = {
    'cwm-server-start': (entry, payload) => startServer(entry, payload),
    'cwm-server-stop': async (entry) => {
      await stopServer(entry);
      return true;
    },
    'cwm-faults': (entry, payload) => {
      requireServer(entry).proxy.configure(payload);
      return true;
    },
    'cwm-fault-stats': (entry, payload) => requireServer(entry).proxy.stats({ reset: payload.reset === true }),
    'cwm-control': async (entry, payload) => {
      const { launched } = requireServer(entry);
      if (typeof payload.path !== 'string') throw new Error('cwm-control: path missing');
      const hasBody = payload.body !== undefined;
      const init = {
        method: payload.method ?? (hasBody ? 'POST' : 'GET'),
        headers: hasBody ? { 'content-type': 'application/json' } : {},
        body: hasBody ? JSON.stringify(payload.body) : undefined,
      };
      const path = payload.path.replace(/^\/+/, '');
      // Wrapped: a command answering null counts as "not handled" in web-test-runner.
      return { body: await readJson(`http://127.0.0.1:${launched.port}/__test/${path}`, init) };
    },
    'cwm-json-server-start': async (entry, payload) => {
      await stopJson(entry);
      const started = await startJsonServer(payload.db);
      entry.json = started;
      return { url: started.url };
    },
    'cwm-json-server-stop': async (entry) => {
      await stopJson(entry);
      return true;
    },
    'cwm-figures': (_entry, payload) => {
      const line = appendFigures(checkFigures(payload), runStarted);
      figures.push(line);
      return true;
    },
    // CWM_FAULT_QUICK=1 shortens the long outages for a local run; CI never sets it, so it runs them in full.
    'cwm-fault-env': () => ({ quick: process.env.CWM_FAULT_QUICK === '1' }),
  };

  return {
    name: 'cwm-servers',

    async executeCommand({ command, payload, session }) {
      const handler = handlers[command];
      if (!handler) return undefined;
      return handler(slot(session.id), payloadObject(payload));
    },

    async serverStop() {
      const entries = [...sessions.values()];
      sessions.clear();
      await Promise.allSettled(entries.flatMap((entry) => [stopServer(entry), stopJson(entry)]));
      killChildrenNow();
      if (exitHandler) {
        process.off('exit', exitHandler);
        process.off('SIGTERM', onSigterm);
        exitHandler = undefined;
      }
      if (figures.length > 0) {
        process.stdout.write(`\nFault test figures (also in ${FIGURES_FILE}):\n${figuresTable(figures)}\n`);
      }
    },
  };
}
