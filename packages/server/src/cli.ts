import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SEED_NAMES, type SeedName } from './db/seed.js';
import type { ServerOptions } from './server.js';

/** What the command line asks for. */
export interface CliOptions extends ServerOptions {
  /** Exit by itself after this many seconds (a test runner that dies cannot leave it running). */
  readonly maxLifetimeS?: number;
}

export const USAGE = `Usage: node packages/server/run.mjs [options]
  --host <addr>          loopback address to bind (default 127.0.0.1)
  --port <n>             port, 0 = any free one (default 8787)
  --db <file>|:memory:   SQLite database (default .cwm-server.sqlite in the repository root)
  --seed demo|test       data for a new database (default demo)
  --test-control         mount the /__test routes (tests only, no authentication)
  --cors <origins>       comma-separated origins allowed besides http://localhost:* and http://127.0.0.1:*
  --max-lifetime <s>     exit after this many seconds
  --help                 this text
Prints "LISTENING <port>" on stdout once it accepts requests; everything else goes to stderr.`;

/**
 * `.cwm-server.sqlite` in the repository root, wherever the command runs from. Three levels up from
 * both this source file (packages/server/src) and its bundle (packages/server/.build).
 */
export const DEFAULT_DB = fileURLToPath(new URL('../../../.cwm-server.sqlite', import.meta.url));

function whole(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${text}".`);
  return value;
}

/** Parses the arguments; throws with a readable message on anything unknown or malformed. */
export function parseCli(args: readonly string[]): CliOptions | 'help' {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: false,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8787' },
      db: { type: 'string', default: DEFAULT_DB },
      seed: { type: 'string', default: 'demo' },
      'test-control': { type: 'boolean', default: false },
      cors: { type: 'string', default: '' },
      'max-lifetime': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const seed = values.seed as string;
  if (!SEED_NAMES.includes(seed as SeedName)) throw new Error(`--seed must be one of ${SEED_NAMES.join(', ')}, got "${seed}".`);
  const maxLifetime = values['max-lifetime'];
  return {
    host: values.host as string,
    port: whole('port', values.port as string, 0, 65_535),
    db: values.db as string,
    seed: seed as SeedName,
    testControl: values['test-control'] === true,
    corsOrigins: (values.cors as string).split(',').map((origin) => origin.trim()).filter((origin) => origin !== ''),
    ...(maxLifetime === undefined ? {} : { maxLifetimeS: whole('max-lifetime', maxLifetime, 1, 7 * 24 * 3600) }),
  };
}
