/**
 * The contract between a benchmark scenario (running in the page) and the runner (`run-bench.mjs`,
 * in Node). Scenarios return raw samples; the runner computes the statistics, so medians and p95s are
 * computed in exactly one place.
 */

/** A statistic a target is checked against. */
export type Stat = 'median' | 'p95';

/**
 * What a metric must stay within to pass: `stat <= max` (in the metric's unit), or, with `ofBaseline`,
 * `stat <= ofBaseline x the baseline's same stat` (e.g. "at most a third of raw frappe-gantt's median":
 * `{ stat: 'median', ofBaseline: 1 / 3 }` with `baseline` naming the peer metric).
 */
export type Target =
  | { readonly stat: Stat; readonly max: number; readonly ofBaseline?: undefined }
  | { readonly stat: Stat; readonly ofBaseline: number; readonly max?: undefined };

/** One measured quantity: many samples (repeated runs) or one (a setup step timed once). */
export interface MetricRecord {
  /** Unique within the scenario; shown in the table. */
  readonly name: string;
  readonly unit: 'ms';
  /** Warm-up runs are already excluded. */
  readonly samples: readonly number[];
  readonly target?: Target;
  /** Name of the metric in the same scenario that is this one's peer baseline (measured in the same run). */
  readonly baseline?: string;
  /** This metric is itself a baseline (shown as such, never pass/fail). */
  readonly isBaseline?: boolean;
  /** A short remark printed under the table (sizes, what exactly was timed). */
  readonly note?: string;
}

/** Options of a repeated measurement. */
export interface SampleOptions {
  /** Measured runs. */
  readonly runs: number;
  /** Runs before those, whose durations are dropped (JIT, caches, lazy loading). */
  readonly warmup: number;
}

/** A function exported by a peer module, callable from the scenario page. Arguments and results are JSON. */
export type PeerFunction = (...args: never[]) => unknown;

/** Another tab (page) of the same browser context, running a peer module. */
export interface PeerPage {
  /** Calls an exported function of the peer module in the other page and returns its (JSON) result. */
  call<T = unknown>(fn: string, ...args: unknown[]): Promise<T>;
  close(): Promise<void>;
}

/** What a scenario gets from the harness. */
export interface BenchContext {
  /** Runs `measure` `warmup + runs` times, in sequence; returns the durations of the measured runs. */
  sample(options: SampleOptions, measure: (run: number) => number | Promise<number>): Promise<number[]>;
  /**
   * Like `sample` for several measurements that should be compared: each run performs every one of
   * them, in an order rotated from run to run, so machine noise and warming caches hit all alike.
   * Returns the measured durations per key.
   */
  sampleEach<K extends string>(
    options: SampleOptions,
    measures: Readonly<Record<K, (run: number) => number | Promise<number>>>,
  ): Promise<Record<K, number[]>>;
  /** Times one call (setup steps reported as information). */
  time<T>(work: () => T | Promise<T>): Promise<{ ms: number; value: T }>;
  /** Adds a metric to the scenario's results. */
  record(metric: MetricRecord): void;
  /**
   * Opens another tab of the same browser context (same origin, same storage) running
   * `scenarios/<module>.ts`; its exports become callable through `PeerPage.call`.
   */
  openPeer(module: string): Promise<PeerPage>;
  /** A clock shared by all pages of the run: `performance.timeOrigin + performance.now()`, in ms. */
  sharedNow(): number;
  /** Asks V8 for a full garbage collection (the browser runs with --expose-gc), so one run's garbage is not billed to the next. */
  collectGarbage(): void;
  /** Progress for the terminal. */
  log(message: string): void;
}

/** A benchmark scenario module: `tests/bench/scenarios/<name>.ts` with these exports. */
export interface ScenarioModule {
  /** One sentence: what is measured. */
  readonly description: string;
  run(context: BenchContext): Promise<void>;
}

/** What a scenario page hands back to the runner. */
export interface ScenarioOutcome {
  readonly description: string;
  readonly metrics: readonly MetricRecord[];
  readonly crossOriginIsolated: boolean;
}
