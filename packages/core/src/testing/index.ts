/**
 * `@cwm/core/testing`: deterministic data for demos, stories, tests and benchmarks. Not part of the
 * runtime entry, so production bundles never carry the word lists.
 */
export { generateWorkspace, GENERATED_PLAN_DAYS } from './generate.js';
export type { GeneratedWorkspace, GenerateOptions } from './options.js';
export { createRng, mulberry32, type Rng } from './random.js';
export { PIPELINE_STATUSES, withStatuses } from './with-statuses.js';
