import type { TokenStore } from './auth/tokens.js';
import type { Repository } from './db/repository.js';
import type { SeedName } from './db/seed.js';
import type { FanOut } from './realtime/fan-out.js';
import type { PresenceHub } from './realtime/presence.js';
import type { WriteService } from './domain/writes.js';

/** Everything the routes share: one per running server. */
export interface ServerContext {
  readonly repository: Repository;
  readonly tokens: TokenStore;
  readonly writes: WriteService;
  readonly fanOut: FanOut;
  /** Who is viewing or typing where: memory only, fanned out on the event streams. */
  readonly presence: PresenceHub;
  /** Replaces all data with a seed and tells every open stream to reload. */
  reseed(seed: SeedName): void;
}

/** Hono's per-request variables: the person the bearer token names. */
export interface AppEnv {
  Variables: { personId: string };
}
