// Headless screenshot of one element of the running demo (e.g. the Gantt), after optional key presses:
//   node demo/shot-element.mjs URL out.png selector [width] [--keys=Tab,ArrowDown,...]
// Uses the system Chromium (tests/find-chromium.mjs); start the demo (`npm start`) first.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../tests/find-chromium.mjs';

const [url, out = 'element.png', selector = 'cwm-gantt', width = '1400', ...flags] = process.argv.slice(2);
const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium found (see tests/find-chromium.mjs).');
const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS.filter((arg) => !arg.startsWith('--headless')) });
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: 1000 } });
  page.on('console', (message) => {
    if (message.type() === 'error') console.log(`[page error] ${message.text()}`);
  });
  page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('cwm-workspace')?.activeStore?.state.sync.phase === 'ready', null, { timeout: 60_000 });
  await page.waitForTimeout(800);
  const element = page.locator(selector).first();
  await element.scrollIntoViewIfNeeded();
  const keys = flags.find((flag) => flag.startsWith('--keys='))?.slice('--keys='.length).split(',') ?? [];
  if (keys.length > 0) await element.focus();
  for (const key of keys) await page.keyboard.press(key);
  await page.waitForTimeout(600);
  await element.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
