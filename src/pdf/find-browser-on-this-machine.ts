import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { findBrowser, type FindBrowserResult } from './find-browser.js';

/** `findBrowser` with the real file system, PATH and Puppeteer cache of this machine. */
export async function findBrowserOnThisMachine(browserPath?: string): Promise<FindBrowserResult> {
  // An explicit path wins outright, so do not spend time importing Puppeteer for nothing.
  const downloaded = browserPath === undefined ? await findPuppeteerBrowser(process.env) : undefined;
  return findBrowser({
    ...(browserPath === undefined ? {} : { browserPath }),
    env: process.env,
    exists: isFile,
    which: (name) => whichOnPath(name, process.env, isFile),
    puppeteerPath: () => downloaded,
    platform: process.platform,
  });
}

/** Resolves a command on PATH (with PATHEXT on Windows), like `which`. */
export function whichOnPath(
  name: string,
  env: Record<string, string | undefined>,
  exists: (path: string) => boolean,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  const dirs = (env['PATH'] ?? env['Path'] ?? '').split(platform === 'win32' ? ';' : delimiter);
  const extensions = platform === 'win32' ? (env['PATHEXT'] ?? '.EXE;.CMD;.BAT').split(';').filter(Boolean) : [''];
  for (const dir of dirs.filter(Boolean)) {
    for (const extension of extensions) {
      const candidate = join(dir, name + extension);
      if (exists(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * The browser that `npx puppeteer browsers install chrome` (or a full `puppeteer` install) put in
 * Puppeteer's cache. We depend only on puppeteer-core, so the full package is optional: use it when
 * present, otherwise look in its cache folder ourselves.
 */
export async function findPuppeteerBrowser(env: Record<string, string | undefined>): Promise<string | undefined> {
  const fromPackage = await askPuppeteerPackage();
  if (fromPackage && isFile(fromPackage)) return fromPackage;
  const cacheDir = env['PUPPETEER_CACHE_DIR'] ?? join(homedir(), '.cache', 'puppeteer');
  return findInPuppeteerCache(join(cacheDir, 'chrome'));
}

async function askPuppeteerPackage(): Promise<string | undefined> {
  // A variable specifier keeps TypeScript and bundlers from requiring the optional package.
  const specifier = 'puppeteer';
  try {
    const loaded = (await import(specifier)) as {
      default?: { executablePath?: () => string };
      executablePath?: () => string;
    };
    const executablePath = loaded.default?.executablePath ?? loaded.executablePath;
    return executablePath?.();
  } catch {
    // Not installed, or installed without a downloaded browser: both mean "nothing here".
    return undefined;
  }
}

/** Newest Chrome for Testing in a Puppeteer cache folder such as ~/.cache/puppeteer/chrome. */
function findInPuppeteerCache(chromeDir: string): string | undefined {
  let entries: string[];
  try {
    entries = readdirSync(chromeDir);
  } catch {
    return undefined;
  }
  const builds = entries
    .map((entry) => ({ entry, version: entry.slice(entry.indexOf('-') + 1) }))
    .sort((a, b) => compareVersions(b.version, a.version));
  for (const { entry } of builds) {
    const base = join(chromeDir, entry);
    const candidates = [
      join(base, 'chrome-linux64', 'chrome'),
      join(base, 'chrome-win64', 'chrome.exe'),
      join(base, 'chrome-win32', 'chrome.exe'),
      ...['chrome-mac-arm64', 'chrome-mac-x64'].map((dir) =>
        join(base, dir, 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'),
      ),
    ];
    const found = candidates.find(isFile);
    if (found) return found;
  }
  return undefined;
}

function compareVersions(a: string, b: string): number {
  const partsA = a.split('.').map(Number);
  const partsB = b.split('.').map(Number);
  for (let i = 0; i < Math.max(partsA.length, partsB.length); i++) {
    const diff = (partsA[i] ?? 0) - (partsB[i] ?? 0);
    if (diff !== 0 && !Number.isNaN(diff)) return diff;
  }
  return 0;
}

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}
