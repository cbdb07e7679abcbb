// @web/test-runner in the system's headless Chromium. Test files are TypeScript, compiled by esbuild
// with the project's tsconfig (legacy decorators), and resolve @cwm/* packages from their sources.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';
import { cwmServersPlugin } from './harness/cwm-servers-plugin.mjs';
import { summaryReporter } from './summary-reporter.mjs';

const userDataDir = mkdtempSync(join(tmpdir(), 'cwm-wtr-'));

export default {
  rootDir: '.',
  files: ['tests/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  // One page at a time: Chromium stops animation frames in a page that is not in front (a known
  // web-test-runner issue with concurrency > 1), and lit fixtures wait for frames. It also keeps
  // timing-sensitive tests honest on a 2-core machine.
  concurrency: Number(process.env.WTR_CONCURRENCY ?? 1),
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  // Per test file. The fault tests (tests/faults/) run for minutes (a realtime drop of 60 s, runs
  // of a few hundred writes with 12 s timeouts); wtr groups cannot set their own timeout, so the
  // bound is raised for all files. A hung ordinary file still fails at mocha's per-test timeout.
  testsFinishTimeout: 600_000,
  reporters: [defaultReporter(), summaryReporter()],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
    // Reference server + fault proxy + json-server for the REST/fault tests; starts nothing until asked.
    cwmServersPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChromium(),
        headless: true,
        args: [...CHROMIUM_ARGS, `--user-data-dir=${userDataDir}`],
      },
    }),
  ],
  testFramework: {
    config: { timeout: 10_000 },
  },
};
