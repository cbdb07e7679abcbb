/// <reference types="vite/client" />
/**
 * The in-page half of the benchmark harness, loaded by `index.html`.
 *
 * `?scenario=<name>` pages expose `window.cwmBench.runScenario(name)`, which the runner calls;
 * `?peer=<module>` pages load a peer module for a multi-tab scenario and expose its functions.
 * Either way `window.cwmBenchReady` turns true when the page can be driven.
 */
import type { BenchContext, MetricRecord, PeerPage, ScenarioModule, ScenarioOutcome } from './types.js';

/** Functions the runner installs in every page of the browser context (Playwright bindings). */
interface RunnerBindings {
  __cwmBenchOpenPeer(module: string): Promise<number>;
  __cwmBenchCallPeer(peerId: number, fn: string, args: unknown[]): Promise<unknown>;
  __cwmBenchClosePeer(peerId: number): Promise<void>;
}

declare global {
  interface Window extends Partial<RunnerBindings> {
    cwmBenchReady?: boolean;
    /** Set instead of `cwmBenchReady` when the page could not start (e.g. a peer module failed to load). */
    cwmBenchError?: string;
    cwmBench?: { runScenario(name: string): Promise<ScenarioOutcome> };
    cwmBenchPeer?: { call(fn: string, args: unknown[]): Promise<unknown> };
  }
}

// Vite turns this into one lazy import per file, so only the scenario that runs is loaded.
const modules = import.meta.glob('../scenarios/*.ts');

async function loadModule(name: string): Promise<Record<string, unknown>> {
  const load = modules[`../scenarios/${name}.ts`];
  if (!load) throw new Error(`No module tests/bench/scenarios/${name}.ts`);
  return (await load()) as Record<string, unknown>;
}

function binding<K extends keyof RunnerBindings>(name: K): RunnerBindings[K] {
  const fn = window[name];
  if (!fn) throw new Error(`${name} is missing: this page must be driven by tests/bench/run-bench.mjs`);
  return fn as RunnerBindings[K];
}

function createContext(metrics: MetricRecord[]): BenchContext {
  return {
    async sample(options, measure) {
      const samples: number[] = [];
      for (let run = 0; run < options.warmup + options.runs; run++) {
        const ms = await measure(run);
        if (!Number.isFinite(ms) || ms < 0) throw new Error(`run ${run} measured ${ms} ms`);
        if (run >= options.warmup) samples.push(ms);
      }
      return samples;
    },
    async sampleEach(options, measures) {
      const keys = Object.keys(measures) as (keyof typeof measures)[];
      const samples = Object.fromEntries(keys.map((key) => [key, [] as number[]])) as Record<keyof typeof measures, number[]>;
      for (let run = 0; run < options.warmup + options.runs; run++) {
        for (let step = 0; step < keys.length; step++) {
          const key = keys[(run + step) % keys.length] as keyof typeof measures;
          const ms = await measures[key](run);
          if (!Number.isFinite(ms) || ms < 0) throw new Error(`${String(key)} run ${run} measured ${ms} ms`);
          if (run >= options.warmup) samples[key].push(ms);
        }
      }
      return samples;
    },
    async time(work) {
      const start = performance.now();
      const value = await work();
      return { ms: performance.now() - start, value };
    },
    record(metric) {
      if (metric.samples.length === 0) throw new Error(`metric "${metric.name}" has no samples`);
      if (metrics.some((known) => known.name === metric.name)) throw new Error(`metric "${metric.name}" recorded twice`);
      metrics.push({ ...metric, samples: [...metric.samples] });
    },
    async openPeer(module) {
      const peerId = await binding('__cwmBenchOpenPeer')(module);
      const peer: PeerPage = {
        call: async <T>(fn: string, ...args: unknown[]) => (await binding('__cwmBenchCallPeer')(peerId, fn, args)) as T,
        close: () => binding('__cwmBenchClosePeer')(peerId),
      };
      return peer;
    },
    sharedNow: () => performance.timeOrigin + performance.now(),
    collectGarbage: () => (globalThis as { gc?: () => void }).gc?.(),
    log: (message) => console.log(`[bench] ${message}`),
  };
}

async function runScenario(name: string): Promise<ScenarioOutcome> {
  const module = (await loadModule(name)) as Partial<ScenarioModule>;
  if (typeof module.run !== 'function' || typeof module.description !== 'string') {
    throw new Error(`scenarios/${name}.ts must export \`description\` (string) and \`run(context)\``);
  }
  const metrics: MetricRecord[] = [];
  await module.run(createContext(metrics));
  for (const metric of metrics) {
    if (metric.baseline && !metrics.some((other) => other.name === metric.baseline)) {
      throw new Error(`metric "${metric.name}" names baseline "${metric.baseline}", which was not recorded`);
    }
  }
  return { description: module.description, metrics, crossOriginIsolated };
}

async function startPeer(name: string): Promise<void> {
  const module = await loadModule(name);
  window.cwmBenchPeer = {
    async call(fn, args) {
      const exported = module[fn];
      if (typeof exported !== 'function') throw new Error(`peer module ${name} has no function ${fn}`);
      return await (exported as (...values: unknown[]) => unknown)(...args);
    },
  };
}

const peer = new URL(location.href).searchParams.get('peer');
try {
  if (peer) await startPeer(peer);
  else window.cwmBench = { runScenario };
  window.cwmBenchReady = true;
} catch (error) {
  window.cwmBenchError = error instanceof Error ? (error.stack ?? error.message) : String(error);
}
