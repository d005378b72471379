import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Flags for Chromium as root on a closed network: no sandbox, no GPU, no calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Finds a Chromium: CHROMIUM_PATH, Debian's, then an installed Chrome, Edge or Playwright browser. */
export function findChromium(env: Record<string, string | undefined> = process.env): string {
  const home = os.homedir();
  const candidates = [
    env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/microsoft-edge',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    ...playwrightBrowsers(path.join(home, '.cache', 'ms-playwright')),
  ].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new Error(
      'No Chromium browser was found. Install one (Debian/Ubuntu: "sudo apt-get install chromium"; or Google Chrome), ' +
        'or point CHROMIUM_PATH at a Chrome or Chromium executable.',
    );
  return found;
}

function playwrightBrowsers(root: string): string[] {
  let folders: string[];
  try {
    folders = readdirSync(root).filter((name) => name.startsWith('chromium-'));
  } catch {
    return [];
  }
  const tails = [
    'chrome-linux/chrome',
    'chrome-linux64/chrome',
    'chrome-mac/Chromium.app/Contents/MacOS/Chromium',
    'chrome-win/chrome.exe',
  ];
  return folders.flatMap((folder) => tails.map((tail) => path.join(root, folder, tail)));
}
