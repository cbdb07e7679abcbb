// `npm run bench [-- <name-filter>...]`: runs the benchmark scenarios of tests/bench/scenarios/ in
// headless Chromium, prints a table and writes bench-results/bench.json.
//
// Node side only: serves the scenario pages with Vite (TypeScript sources through the `source`
// condition, like the demo), drives Chromium with playwright-core, and turns the raw samples the pages
// return into medians and p95s. What is measured lives in the scenario modules (see README.md here).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { cpus } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, HOW_TO_GET_CHROMIUM, findChromium } from '../find-chromium.mjs';

const benchRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(benchRoot, '../..');
const resultsFile = join(repoRoot, 'bench-results', 'bench.json');

/** A scenario that takes longer than this is stuck; its browser is closed and it is reported as failed. */
const SCENARIO_TIMEOUT_MS = 5 * 60_000;
const PAGE_READY_TIMEOUT_MS = 60_000;

/** Scenarios whose name starts with this run first: they check the harness itself. */
const SELF_TEST_PREFIX = 'self-test';

// What is running, so Ctrl-C and crashes still stop the server and the browser.
const running = { server: undefined, browser: undefined };

process.on('SIGINT', () => {
  console.error('\ninterrupted: stopping the browser and the server');
  void stopAll().finally(() => process.exit(130));
});

main().then(
  (exitCode) => process.exit(exitCode),
  (error) => {
    console.error(`\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    void stopAll().finally(() => process.exit(1));
  },
);

async function main() {
  const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const names = selectScenarios(filters);
  if (names.length === 0) {
    console.error(`No scenario matches ${filters.map((f) => `"${f}"`).join(', ')}. Known: ${selectScenarios([]).join(', ')}`);
    return 1;
  }
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(HOW_TO_GET_CHROMIUM);
    return 1;
  }

  const results = [];
  let browserVersion = '';
  try {
    const baseUrl = await startServer();
    // Non-persistent: Playwright gives the browser a fresh temporary profile and deletes it on close.
    const browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] });
    running.browser = browser;
    for (const name of names) {
      console.log(`\n== ${name}`);
      const result = await runScenario(name, baseUrl, browser);
      browserVersion ||= result.browserVersion ?? '';
      results.push(result);
      if (result.error) console.log(`   failed: ${result.error.split('\n')[0]}`);
      else console.log(`   done in ${(result.durationMs / 1000).toFixed(1)} s`);
    }
  } finally {
    await stopAll();
  }

  const summarized = results.map(summarizeScenario);
  printTable(summarized);
  writeResults(summarized, { filters, browserVersion });
  const failed = summarized.filter((scenario) => scenario.error || scenario.metrics.some((metric) => metric.pass === false));
  if (failed.length > 0) {
    console.log(`\n${failed.length} scenario(s) failed: ${failed.map((scenario) => scenario.name).join(', ')}`);
    return 1;
  }
  console.log('\nall targets met');
  return 0;
}

/** Scenario names (files in scenarios/, without peer modules), the self-test first, then by name. */
function selectScenarios(filters) {
  const all = readdirSync(join(benchRoot, 'scenarios'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.peer.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort((a, b) => Number(b.startsWith(SELF_TEST_PREFIX)) - Number(a.startsWith(SELF_TEST_PREFIX)) || a.localeCompare(b));
  return filters.length === 0 ? all : all.filter((name) => filters.some((filter) => name.includes(filter)));
}

async function freePort() {
  const probe = createNetServer();
  await new Promise((done, fail) => probe.once('error', fail).listen(0, '127.0.0.1', done));
  const { port } = probe.address();
  await new Promise((done) => probe.close(done));
  return port;
}

/** The root Vite config (same `source` resolve condition as the demo), serving tests/bench/. */
async function startServer() {
  const port = await freePort();
  const server = await createServer({
    configFile: join(repoRoot, 'vite.config.ts'),
    root: benchRoot,
    // Apart from the demo's cache, so `npm start` and a benchmark never re-optimize each other's deps.
    cacheDir: join(repoRoot, 'node_modules', '.vite-bench'),
    logLevel: 'warn',
    clearScreen: false,
    server: {
      host: '127.0.0.1',
      port,
      strictPort: true,
      open: false,
      hmr: false,
      watch: null,
      // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs; the
      // store-remote-change target is 1 ms, so the clock must be much finer than that.
      headers: {
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      },
    },
    // Scan every scenario up front: a dependency discovered mid-run makes Vite reload the page.
    optimizeDeps: { entries: ['index.html', 'harness/*.ts', 'scenarios/*.ts', 'baselines/*.ts'] },
  });
  running.server = server;
  await server.listen();
  return `http://127.0.0.1:${port}`;
}

async function stopAll() {
  const { browser, server } = running;
  running.browser = undefined;
  running.server = undefined;
  await browser?.close().catch(() => {});
  await server?.close().catch(() => {});
}

function forwardConsole(page, label) {
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('[bench] ')) console.log(`   ${label}: ${text.slice('[bench] '.length)}`);
    else if (message.type() === 'error' || message.type() === 'warning') console.log(`   ${label} console.${message.type()}: ${text}`);
  });
  page.on('pageerror', (error) => console.log(`   ${label} page error: ${error.message}`));
}

async function waitUntilReady(page) {
  await page.waitForFunction(() => window.cwmBenchReady === true || window.cwmBenchError !== undefined, null, {
    timeout: PAGE_READY_TIMEOUT_MS,
  });
  const error = await page.evaluate(() => window.cwmBenchError);
  if (error) throw new Error(error);
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * One scenario in its own browser context: its own storage (IndexedDB, BroadcastChannel scope), so
 * nothing carries over between scenarios. Peer pages are more tabs of the same context.
 */
async function runScenario(name, baseUrl, browser) {
  const started = performance.now();
  const peers = new Map();
  let nextPeerId = 1;
  let context;
  try {
    context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });

    await context.exposeBinding('__cwmBenchOpenPeer', async (_source, module) => {
      const peerId = nextPeerId++;
      const peer = await context.newPage();
      forwardConsole(peer, `peer ${peerId}`);
      await peer.goto(`${baseUrl}/index.html?peer=${encodeURIComponent(module)}`);
      await waitUntilReady(peer);
      peers.set(peerId, peer);
      return peerId;
    });
    await context.exposeBinding('__cwmBenchCallPeer', async (_source, peerId, fn, args) => {
      const peer = peers.get(peerId);
      if (!peer) throw new Error(`no open peer ${peerId}`);
      return peer.evaluate(([fnName, fnArgs]) => window.cwmBenchPeer.call(fnName, fnArgs), [fn, args]);
    });
    await context.exposeBinding('__cwmBenchClosePeer', async (_source, peerId) => {
      await peers.get(peerId)?.close();
      peers.delete(peerId);
    });

    const page = await context.newPage();
    forwardConsole(page, name);
    await page.goto(`${baseUrl}/index.html?scenario=${encodeURIComponent(name)}`);
    await waitUntilReady(page);
    const browserVersion = await page.evaluate(browserVersionInPage);
    const outcome = await withTimeout(
      page.evaluate((scenario) => window.cwmBench.runScenario(scenario), name),
      SCENARIO_TIMEOUT_MS,
      `scenario ${name}`,
    );
    return { name, ...outcome, browserVersion, durationMs: performance.now() - started };
  } catch (error) {
    return { name, metrics: [], error: error instanceof Error ? error.message : String(error), durationMs: performance.now() - started };
  } finally {
    await context?.close().catch(() => {});
  }
}

/** The full Chromium version (the user agent string only says `Chrome/156.0.0.0`). Runs in the page. */
async function browserVersionInPage() {
  const brands = (await navigator.userAgentData?.getHighEntropyValues(['fullVersionList']))?.fullVersionList ?? [];
  const chromium = brands.find((brand) => brand.brand === 'Chromium') ?? brands.find((brand) => /Chrome/.test(brand.brand));
  return chromium ? `Chromium ${chromium.version}` : navigator.userAgent;
}

/** Median (mean of the middle two for even counts) and nearest-rank percentiles. */
function statistics(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const rank = (p) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))];
  const middle = Math.floor(n / 2);
  return {
    n,
    median: n % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2,
    p95: rank(0.95),
    min: sorted[0],
    max: sorted[n - 1],
    mean: sorted.reduce((sum, value) => sum + value, 0) / n,
  };
}

function summarizeScenario(result) {
  const stats = new Map(result.metrics.map((metric) => [metric.name, statistics(metric.samples)]));
  const metrics = result.metrics.map((metric) => {
    const own = stats.get(metric.name);
    const stat = metric.target?.stat ?? 'median';
    const baseline = metric.baseline ? { name: metric.baseline, stat, value: stats.get(metric.baseline)[stat] } : undefined;
    // A relative target ("a third of the baseline") becomes an absolute one here, from this run's baseline.
    const target =
      metric.target?.ofBaseline !== undefined && baseline
        ? { stat: metric.target.stat, max: Math.round(baseline.value * metric.target.ofBaseline * 10) / 10, ofBaseline: metric.target.ofBaseline }
        : metric.target;
    const pass = target && !metric.isBaseline ? own[target.stat] <= target.max : undefined;
    return { ...metric, target, ...own, baseline, pass, samples: metric.samples.map((value) => Math.round(value * 1000) / 1000) };
  });
  return {
    name: result.name,
    description: result.description,
    crossOriginIsolated: result.crossOriginIsolated,
    durationMs: Math.round(result.durationMs),
    ...(result.error ? { error: result.error } : {}),
    metrics,
  };
}

/** `1/3` for a third, `0.5` otherwise. */
function formatRatio(ratio) {
  const inverse = 1 / ratio;
  return Number.isInteger(Math.round(inverse * 1000) / 1000) ? `1/${Math.round(inverse)}` : String(ratio);
}

function formatMs(value) {
  if (value === undefined) return '';
  const digits = value < 1 ? 3 : value < 10 ? 2 : 1;
  return `${value.toFixed(digits)} ms`;
}

function printTable(scenarios) {
  const rows = [['scenario', 'metric', 'n', 'median', 'p95', 'target', 'baseline (same run)', 'result']];
  const notes = [];
  for (const scenario of scenarios) {
    if (scenario.error) rows.push([scenario.name, '', '', '', '', '', '', 'ERROR']);
    for (const [index, metric] of scenario.metrics.entries()) {
      const result = metric.isBaseline ? 'baseline' : metric.pass === undefined ? 'info' : metric.pass ? 'PASS' : 'FAIL';
      rows.push([
        index === 0 ? scenario.name : '',
        metric.name,
        String(metric.n),
        formatMs(metric.median),
        metric.n > 1 ? formatMs(metric.p95) : '',
        metric.target ? `${metric.target.stat} <= ${metric.target.max} ms${metric.target.ofBaseline !== undefined ? ` (${formatRatio(metric.target.ofBaseline)} baseline)` : ''}` : '',
        metric.baseline ? `${formatMs(metric.baseline.value)} ${metric.baseline.stat}` : '',
        result,
      ]);
      if (metric.note) notes.push(`${scenario.name} / ${metric.name}: ${metric.note}`);
    }
    if (scenario.error) notes.push(`${scenario.name} failed: ${scenario.error}`);
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const numeric = new Set([2, 3, 4]);
  console.log('');
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd());
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  }
  if (notes.length > 0) console.log(`\n${notes.map((note) => `- ${note}`).join('\n')}`);
}

function gitCommit() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: repoRoot, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit}+uncommitted` : commit;
  } catch {
    return undefined;
  }
}

function writeResults(scenarios, { filters, browserVersion }) {
  mkdirSync(join(repoRoot, 'bench-results'), { recursive: true });
  const report = {
    generatedAt: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    browser: browserVersion,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    filters,
    scenarios,
  };
  writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwrote ${relative(repoRoot, resultsFile)}`);
}
