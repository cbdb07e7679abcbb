// Headless screenshot of the running demo, to look at what a change did:
//   node demo/screenshot.mjs http://127.0.0.1:5173/?as=u-3 demo.png [width] [--click]
// Uses the system Chromium (tests/find-chromium.mjs); start the demo (`npm start`) first.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../tests/find-chromium.mjs';

const [url = 'http://127.0.0.1:5173/', out = 'demo.png', width = '1400', ...flags] = process.argv.slice(2);
const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium found (see tests/find-chromium.mjs).');

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: CHROMIUM_ARGS.filter((arg) => !arg.startsWith('--headless')),
});
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: 1000 } });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') console.log(`[page ${message.type()}] ${message.text()}`);
  });
  page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
  const started = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('cwm-workspace')?.activeStore?.state.sync.phase === 'ready', null, {
    timeout: 60_000,
  });
  console.log(`workspace ready after ${Date.now() - started} ms`);
  if (flags.includes('--click')) {
    await page.locator('demo-foundation-panel button.primary').click();
  }
  await page.waitForTimeout(600);
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
