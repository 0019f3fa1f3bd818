import { BrowserError } from './errors.js';

/** The file-system view `findBrowser` needs, injected so tests can fake a whole machine. */
export interface BrowserLookups {
  /** `--browser-path`: when given it must exist; we never fall back behind the user's back. */
  browserPath?: string;
  env: Record<string, string | undefined>;
  exists: (path: string) => boolean;
  /** Resolves a command name on PATH to a file, like `which`. */
  which: (name: string) => string | undefined;
  /** The browser Puppeteer downloaded, if any (see `findPuppeteerBrowser`). */
  puppeteerPath?: () => string | undefined;
  /** Limits the usual locations to one OS; all of them when omitted. */
  platform?: NodeJS.Platform;
}

/** A usable browser executable and which source supplied it (shown under `--verbose`). */
export interface BrowserFound {
  path: string;
  via: string;
}

/** The not-found error: code BROWSER_NOT_FOUND, with `tried` and a `hint` listing the remedies. */
export type BrowserNotFound = BrowserError;

export type FindBrowserResult = BrowserFound | { error: BrowserNotFound };

/** Command names tried on PATH, most specific first. */
export const BROWSER_COMMANDS = [
  // The headless shell is built for printing: it starts and prints about three times faster.
  'chromium-headless-shell',
  'chrome-headless-shell',
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'chrome',
] as const;

/** How to get a browser; part of every not-found error. */
export const BROWSER_REMEDIES = [
  'Debian/Ubuntu: apt-get install chromium (or chromium-headless-shell, which prints faster)',
  'with internet access: npx puppeteer browsers install chrome',
  'an existing Chrome/Chromium: --browser-path /path/to/chrome (or CASEREPORT_BROWSER=/path/to/chrome)',
] as const;

const HINT = `Install Chromium or Chrome, or tell casereport where one is:\n${BROWSER_REMEDIES.map((remedy) => `  - ${remedy}`).join(
  '\n',
)}`;

/** Finds a Chrome/Chromium executable without touching the machine itself (all I/O is injected). */
export function findBrowser(lookups: BrowserLookups): FindBrowserResult {
  const { browserPath, env, exists, which, puppeteerPath } = lookups;
  const tried: string[] = [];

  if (browserPath !== undefined) {
    if (exists(browserPath)) return { path: browserPath, via: '--browser-path' };
    return {
      error: new BrowserError('BROWSER_NOT_FOUND', `No browser at --browser-path ${browserPath}`, {
        hint: HINT,
        tried: [`--browser-path: ${browserPath} (does not exist)`],
      }),
    };
  }

  for (const name of ['CASEREPORT_BROWSER', 'PUPPETEER_EXECUTABLE_PATH']) {
    const value = env[name];
    if (!value) {
      tried.push(`${name}: not set`);
    } else if (exists(value)) {
      return { path: value, via: name };
    } else {
      tried.push(`${name}: ${value} (does not exist)`);
    }
  }

  const downloaded = puppeteerPath?.();
  if (downloaded && exists(downloaded)) return { path: downloaded, via: 'the browser Puppeteer downloaded' };
  tried.push(downloaded ? `Puppeteer's browser: ${downloaded} (does not exist)` : `Puppeteer's browser: none installed`);

  for (const name of BROWSER_COMMANDS) {
    const found = which(name);
    if (found && exists(found)) return { path: found, via: `PATH (${name})` };
  }
  tried.push(`PATH: ${BROWSER_COMMANDS.join(', ')}`);

  for (const location of listUsualLocations(lookups.platform, env)) {
    if (exists(location)) return { path: location, via: 'usual install location' };
    tried.push(location);
  }

  return {
    error: new BrowserError('BROWSER_NOT_FOUND', 'No Chrome or Chromium browser found for printing PDF.', {
      hint: HINT,
      tried,
    }),
  };
}

/** Where Chrome and Chromium usually live, per OS; Windows paths honour the Program Files variables. */
export function listUsualLocations(platform: NodeJS.Platform | undefined, env: Record<string, string | undefined>): string[] {
  const linux = [
    '/usr/bin/chromium-headless-shell',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/snap/bin/chromium',
  ];
  const mac = ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];
  const programFiles = env['PROGRAMFILES'] ?? 'C:\\Program Files';
  const programFilesX86 = env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)';
  const localAppData = env['LOCALAPPDATA'];
  const windows = [
    `${programFiles}\\Google\\Chrome\\Application\\chrome.exe`,
    `${programFilesX86}\\Google\\Chrome\\Application\\chrome.exe`,
    ...(localAppData
      ? [`${localAppData}\\Google\\Chrome\\Application\\chrome.exe`, `${localAppData}\\Chromium\\Application\\chrome.exe`]
      : []),
    // Edge is Chromium and ships with every Windows, so it is a dependable last resort there.
    `${programFilesX86}\\Microsoft\\Edge\\Application\\msedge.exe`,
    `${programFiles}\\Microsoft\\Edge\\Application\\msedge.exe`,
  ];
  if (platform === 'linux') return linux;
  if (platform === 'darwin') return mac;
  if (platform === 'win32') return windows;
  return [...linux, ...mac, ...windows];
}
