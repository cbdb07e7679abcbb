// Finds the Chromium that browser tests, the benchmark and screenshots run in.
// npm tools here cannot download a browser, so we use the system one (Debian's `chromium`).
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** Path of a Chromium executable, or undefined. `CHROME_PATH` wins when set. */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

/** Flags a headless Chromium needs on a closed network, as root, with little /dev/shm. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  // Test files run in parallel pages; a page in the background must keep its timers and animation
  // frames running, or fixtures that wait for a frame hang until the test times out.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

export const HOW_TO_GET_CHROMIUM = `No Chromium found. The browser tests run in a real headless Chromium.
  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium
  macOS:          install Google Chrome
  Or point CHROME_PATH at any Chromium or Chrome executable.`;
