import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import { BrowserError } from './errors.js';

export interface LaunchSessionOptions {
  executablePath: string;
  args: readonly string[];
  launchTimeoutMs?: number;
}

/** One running Chromium with its own throw-away profile; the printer owns at most one at a time. */
export interface BrowserSession {
  readonly pid: number | undefined;
  readonly version: string;
  /** False once Chromium exited or the pipe to it broke. */
  readonly alive: boolean;
  /** Settles when Chromium disconnects for any reason. */
  readonly disconnected: Promise<void>;
  newPage(): Promise<Page>;
  /** Graceful close, then a hard kill, then the profile is deleted; safe to call twice. */
  close(): Promise<void>;
  /** Synchronous kill for process exit handlers, where nothing asynchronous runs any more. */
  killSync(): void;
}

const LAUNCH_HINT = [
  'If Chromium cannot set up its sandbox here, try CASEREPORT_NO_SANDBOX=1.',
  'On minimal Linux images, install the distribution package (apt-get install chromium) for its libraries,',
  'or point to another browser with --browser-path.',
].join('\n');

/** Launches Chromium over a pipe (no debugging port is opened) with a fresh temporary profile. */
export async function launchBrowserSession(options: LaunchSessionOptions): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'casereport-chromium-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: options.executablePath,
      headless: true,
      pipe: true,
      userDataDir,
      args: [...options.args],
      timeout: options.launchTimeoutMs ?? 30_000,
      // Signals are ours to handle (see registerExitCleanup), so the CLI keeps its exit codes.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    const detail = error instanceof Error ? error.message : String(error);
    throw new BrowserError('BROWSER_LAUNCH_FAILED', `Could not start ${options.executablePath}: ${detail.slice(0, 1000)}`, {
      hint: LAUNCH_HINT,
      cause: error,
    });
  }
  return wrapBrowser(browser, userDataDir);
}

async function wrapBrowser(browser: Browser, userDataDir: string): Promise<BrowserSession> {
  const child = browser.process();
  if (child) guardStreams(child);
  let alive = true;
  let closing: Promise<void> | undefined;
  const disconnected = new Promise<void>((resolve) => {
    browser.once('disconnected', () => {
      alive = false;
      resolve();
    });
  });
  // A separate context per session lets us deny downloads for every page in one place.
  let context: BrowserContext;
  try {
    context = await browser.createBrowserContext({ downloadBehavior: { policy: 'deny' } });
  } catch (error) {
    killProcessTree(child);
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    throw new BrowserError('BROWSER_LAUNCH_FAILED', 'Chromium started but did not accept commands.', {
      hint: LAUNCH_HINT,
      cause: error,
    });
  }
  const version = await browser.version().catch(() => 'Chromium');

  const killSync = (): void => {
    alive = false;
    killProcessTree(child);
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  };
  const close = async (): Promise<void> => {
    closing ??= (async () => {
      const graceful = browser.close().catch(() => undefined);
      await Promise.race([graceful, delay(3_000)]);
      alive = false;
      // Even after a graceful close, a stuck renderer may linger; the group kill reaches it too.
      killProcessTree(child);
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    })();
    return closing;
  };

  return {
    pid: child?.pid,
    version,
    get alive() {
      return alive && browser.connected;
    },
    disconnected,
    newPage: () => context.newPage(),
    close,
    killSync,
  };
}

/**
 * Gives every stream to and from Chromium (its standard streams and the pipe puppeteer talks over)
 * an error handler that outlives puppeteer's own: when Chromium dies mid-batch, a write still on
 * its way fails with EPIPE or ECONNRESET after puppeteer has let go of the pipe, and an 'error'
 * event nobody listens to would end the whole process. Chromium's death itself is seen through
 * the 'disconnected' event, and the printer relaunches it.
 */
export function guardStreams(child: Pick<ChildProcess, 'stdio' | 'on'>): void {
  for (const stream of child.stdio) stream?.on('error', () => undefined);
  child.on('error', () => undefined);
}

/** Puppeteer starts Chromium as a process-group leader (detached), so -pid reaches every helper. */
function killProcessTree(child: ChildProcess | null): void {
  const pid = child?.pid;
  if (!child || pid === undefined) return;
  if (process.platform !== 'win32') {
    try {
      // While any member lives the group id cannot be reused, so this reaches only Chromium's
      // helpers; once the group is empty it fails with ESRCH and we move on.
      process.kill(-pid, 'SIGKILL');
    } catch {
      // The whole group is gone already.
    }
  }
  // Node knows whether its own child exited, so this never signals a recycled pid.
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
