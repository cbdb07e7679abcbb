// Starts json-server 0.17.4 (an off-the-shelf generic REST server we did not design) inside the test
// runner's process, from an in-memory copy of a JS object: no file, no child process, nothing left
// behind. The tests talk to it only through RestAdapter options, which proves the mapping.
//
// Measured behaviour worth knowing (0.17.4): a POST whose id already exists answers 500 with the
// text/html body "Error: Insert failed, duplicate id\n    at ..." (the stack; the router also prints
// it to the runner's stderr), not 409; a POST without id gets a generated 7-character id; PATCH or
// DELETE of a missing id answers 404 `{}`; lists send X-Total-Count (exposed to CORS) only with
// _page, _limit or _end. It has no versions, ETags or idempotency keys.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * @param {object} db collections as arrays of records, e.g. `{ tasks: [{ id: 't1', title: 'a' }] }`
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startJsonServer(db) {
  if (db === null || typeof db !== 'object' || Array.isArray(db)) throw new Error('json-server: db must be an object of collections');
  // json-server is CommonJS and loads Express; require it lazily so other test suites pay nothing.
  const jsonServer = require('json-server');
  const app = jsonServer.create();
  app.use(jsonServer.defaults({ logger: false }));
  // A deep copy: the router mutates its database, and every start must begin from the same data.
  app.use(jsonServer.router(structuredClone(db)));
  const server = await new Promise((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    listening.once('error', reject);
  });
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
