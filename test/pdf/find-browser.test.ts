import { describe, expect, it } from 'vitest';
import { BrowserError } from '../../src/pdf/errors.js';
import { findBrowser, listUsualLocations, type BrowserLookups } from '../../src/pdf/find-browser.js';
import { whichOnPath } from '../../src/pdf/find-browser-on-this-machine.js';

/** A machine where only `files` exist and PATH holds /usr/local/bin. */
function fakeMachine(files: string[], overrides: Partial<BrowserLookups> = {}): BrowserLookups {
  const present = new Set(files);
  return {
    env: {},
    exists: (path) => present.has(path),
    which: (name) => (present.has(`/usr/local/bin/${name}`) ? `/usr/local/bin/${name}` : undefined),
    puppeteerPath: () => undefined,
    platform: 'linux',
    ...overrides,
  };
}

function expectFound(lookups: BrowserLookups): { path: string; via: string } {
  const result = findBrowser(lookups);
  if ('error' in result) throw new Error(`expected a browser, got: ${result.error.message}`);
  return result;
}

function expectError(lookups: BrowserLookups): BrowserError {
  const result = findBrowser(lookups);
  if (!('error' in result)) throw new Error(`expected an error, found ${result.path}`);
  return result.error;
}

const EVERYTHING = [
  '/explicit/chrome',
  '/env/casereport-browser',
  '/env/puppeteer-executable',
  '/cache/puppeteer/chrome',
  '/usr/local/bin/chromium',
  '/usr/bin/chromium',
];
const FULL_ENV = {
  CASEREPORT_BROWSER: '/env/casereport-browser',
  PUPPETEER_EXECUTABLE_PATH: '/env/puppeteer-executable',
};

describe('findBrowser', () => {
  it('takes each source in order, falling to the next when one is absent', () => {
    const machine = (files: string[], extra: Partial<BrowserLookups> = {}): BrowserLookups =>
      fakeMachine(files, { env: FULL_ENV, puppeteerPath: () => '/cache/puppeteer/chrome', ...extra });

    expect(expectFound(machine(EVERYTHING, { browserPath: '/explicit/chrome' }))).toEqual({
      path: '/explicit/chrome',
      via: '--browser-path',
    });
    expect(expectFound(machine(EVERYTHING)).via).toBe('CASEREPORT_BROWSER');
    expect(expectFound(machine(EVERYTHING.slice(2))).via).toBe('PUPPETEER_EXECUTABLE_PATH');
    expect(expectFound(machine(EVERYTHING.slice(3))).via).toBe('the browser Puppeteer downloaded');
    expect(expectFound(machine(EVERYTHING.slice(4)))).toEqual({
      path: '/usr/local/bin/chromium',
      via: 'PATH (chromium)',
    });
    expect(expectFound(machine(EVERYTHING.slice(5)))).toEqual({
      path: '/usr/bin/chromium',
      via: 'usual install location',
    });
  });

  it('tries every command name on PATH', () => {
    const found = expectFound(fakeMachine(['/usr/local/bin/google-chrome-stable']));
    expect(found.path).toBe('/usr/local/bin/google-chrome-stable');
  });

  it('does not fall through when the explicit --browser-path is missing', () => {
    const error = expectError(fakeMachine(['/usr/bin/chromium'], { browserPath: '/nope/chrome' }));
    expect(error).toBeInstanceOf(BrowserError);
    expect(error.code).toBe('BROWSER_NOT_FOUND');
    expect(error.message).toContain('/nope/chrome');
    expect(error.hint).toContain('apt-get install chromium');
  });

  it('skips environment variables that point nowhere, and says so', () => {
    const found = expectFound(fakeMachine(['/usr/bin/chromium'], { env: { CASEREPORT_BROWSER: '/gone' } }));
    expect(found.path).toBe('/usr/bin/chromium');
    const error = expectError(fakeMachine([], { env: { CASEREPORT_BROWSER: '/gone' } }));
    expect(error.tried).toContain('CASEREPORT_BROWSER: /gone (does not exist)');
  });

  it('lists everything tried and the three remedies when nothing is found', () => {
    const error = expectError(fakeMachine([], { puppeteerPath: () => '/cache/chrome' }));
    expect(error.code).toBe('BROWSER_NOT_FOUND');
    expect(error.tried).toEqual([
      'CASEREPORT_BROWSER: not set',
      'PUPPETEER_EXECUTABLE_PATH: not set',
      "Puppeteer's browser: /cache/chrome (does not exist)",
      'PATH: chromium-headless-shell, chrome-headless-shell, chromium, chromium-browser, google-chrome, google-chrome-stable, chrome',
      ...listUsualLocations('linux', {}),
    ]);
    expect(error.tried).toContain('/snap/bin/chromium');
    expect(error.tried.indexOf('/usr/bin/chromium-headless-shell')).toBeLessThan(error.tried.indexOf('/usr/bin/chromium'));
    expect(error.hint).toContain('apt-get install chromium');
    expect(error.hint).toContain('npx puppeteer browsers install chrome');
    expect(error.hint).toContain('--browser-path');
  });

  it('knows the macOS and Windows locations', () => {
    const mac = expectFound(fakeMachine(['/Applications/Chromium.app/Contents/MacOS/Chromium'], { platform: 'darwin' }));
    expect(mac.path).toContain('Chromium.app');
    const windows = listUsualLocations('win32', { PROGRAMFILES: 'D:\\Apps', LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' });
    expect(windows[0]).toBe('D:\\Apps\\Google\\Chrome\\Application\\chrome.exe');
    expect(windows).toContain('C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe');
    expect(windows).toContain('C:\\Users\\a\\AppData\\Local\\Chromium\\Application\\chrome.exe');
  });
});

describe('whichOnPath', () => {
  it('walks PATH in order', () => {
    const present = new Set(['/b/chromium', '/c/chromium']);
    const found = whichOnPath('chromium', { PATH: '/a:/b:/c' }, (path) => present.has(path), 'linux');
    expect(found).toBe('/b/chromium');
    expect(whichOnPath('chrome', { PATH: '/a' }, () => false, 'linux')).toBeUndefined();
  });
});
