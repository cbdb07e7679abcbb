// `npm test`: every test file under tests/ in headless Chromium through @web/test-runner.
// Fails fast with a clear message when there is no browser instead of a stack trace from the launcher.
import { spawn } from 'node:child_process';
import { findChromium, HOW_TO_GET_CHROMIUM } from './find-chromium.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}

const runner = spawn(
  process.execPath,
  ['node_modules/@web/test-runner/dist/bin.js', '--config', 'tests/web-test-runner.config.mjs', ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chromium } },
);
runner.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
