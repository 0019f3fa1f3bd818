import { availableParallelism } from 'node:os';
import type { Page, PDFOptions } from 'puppeteer-core';
import { launchBrowserSession, type BrowserSession } from './browser-session.js';
import { BrowserError } from './errors.js';
import type { BrowserFound } from './find-browser.js';
import { findBrowserOnThisMachine } from './find-browser-on-this-machine.js';
import { isolatePage, type RequestListener } from './isolate-page.js';
import { buildLaunchArgs, detectLaunchContext } from './launch-options.js';
import { PagePool } from './page-pool.js';
import { buildPdfOptions, withPageMargins, type PrintOptions } from './print-templates.js';
import { isTimeout, renderReport, toRenderError } from './render-report.js';
import { setPdfMetadata } from './set-pdf-metadata.js';

export interface PdfPrinterOptions {
  /** `--browser-path`; ignored when `browser` is given. */
  browserPath?: string;
  /** A browser found earlier (skips the search). */
  browser?: BrowserFound;
  /** Reports printed at once; default `os.availableParallelism()`. */
  concurrency?: number;
  /** Per-report limit for loading and printing; default 60 s. */
  timeoutMs?: number;
  /** Extra Chromium flags. */
  extraArgs?: string[];
  /** Sees every request a report makes and whether it was let through. */
  onRequest?: RequestListener;
  /** Receives `--verbose` lines: which browser, why the sandbox is off, relaunches. */
  log?: (message: string) => void;
}

/** One Chromium, a bounded pool of locked-down pages, and self-repair when Chromium dies. */
export class PdfPrinter {
  readonly browser: BrowserFound;
  readonly sandboxReason: string;
  readonly #args: readonly string[];
  readonly #pool: PagePool<Page>;
  readonly #timeoutMs: number;
  readonly #log: (message: string) => void;
  #session: BrowserSession;
  #relaunching: Promise<BrowserSession> | undefined;
  #closing: Promise<void> | undefined;

  private constructor(session: BrowserSession, browser: BrowserFound, args: readonly string[], reason: string, options: PdfPrinterOptions) {
    this.#session = session;
    this.browser = browser;
    this.#args = args;
    this.sandboxReason = reason;
    this.#timeoutMs = options.timeoutMs ?? 60_000;
    this.#log = options.log ?? (() => undefined);
    const onRequest = options.onRequest;
    const size = options.concurrency ?? availableParallelism();
    this.#pool = new PagePool<Page>(size, (page) => isolatePage(page, onRequest));
  }

  /** Finds a browser, picks its flags and starts it; throws BrowserError when that fails. */
  static async launch(options: PdfPrinterOptions = {}): Promise<PdfPrinter> {
    const found = options.browser ?? (await findBrowserOnThisMachine(options.browserPath));
    if ('error' in found) throw found.error;
    const { args, reason } = buildLaunchArgs({ ...detectLaunchContext(), extra: options.extraArgs ?? [] });
    options.log?.(`browser: ${found.path} (via ${found.via})`);
    options.log?.(reason);
    const session = await launchBrowserSession({ executablePath: found.path, args });
    return new PdfPrinter(session, found, args, reason, options);
  }

  /** The browser's version string, e.g. "Chrome/156.0.8078.73". */
  get version(): string {
    return this.#session.version;
  }

  /** Process id of the current Chromium (changes after a relaunch). */
  get pid(): number | undefined {
    return this.#session.pid;
  }

  /**
   * Opens and locks down up to `count` pages ahead of time (bounded by the pool size), so the first
   * reports do not wait for them; meant to run while the caller is still preparing its HTML.
   */
  async warm(count: number): Promise<void> {
    const session = await this.#liveSession();
    const pages = await Promise.all(
      Array.from({ length: Math.min(count, this.#pool.size) }, () => this.#pool.take(session).catch(() => undefined)),
    );
    await Promise.all(pages.map((page) => (page ? this.#pool.put(session, page, true) : undefined)));
  }

  /** Prints one self-contained HTML document to PDF bytes, with the document properties when given. */
  async print(html: string, options: PrintOptions): Promise<Uint8Array> {
    if (this.#closing) throw closedError();
    const timeoutMs = options.timeoutMs ?? this.#timeoutMs;
    const pdfOptions = buildPdfOptions(options, timeoutMs);
    const withHeader = withPageMargins(html, options);
    const raw = await this.#pool.withSlot(() => this.#renderWithRetry(withHeader, pdfOptions, timeoutMs));
    return options.metadata ? setPdfMetadata(raw, options.metadata) : raw;
  }

  /** Closes Chromium and deletes its profile; idempotent. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.#relaunching?.catch(() => undefined);
      await this.#session.close();
    })();
    return this.#closing;
  }

  /** Kills Chromium at once; for exit and signal handlers (see registerExitCleanup). */
  killSync(): void {
    this.#closing ??= Promise.resolve();
    this.#session.killSync();
  }

  async #renderWithRetry(html: string, pdfOptions: PDFOptions, timeoutMs: number): Promise<Uint8Array> {
    const session = await this.#liveSession();
    try {
      return await renderReport(this.#pool, session, html, pdfOptions, timeoutMs);
    } catch (error) {
      if (this.#closing) throw closedError(error);
      // A timeout is the report's fault unless Chromium is visibly gone; only other errors wait.
      const died = isTimeout(error) ? !session.alive : await hasDied(session);
      if (!died) throw toRenderError(error, timeoutMs);
      this.#log('Chromium stopped while printing; relaunching it and retrying this report once');
      const fresh = await this.#replace(session);
      try {
        return await renderReport(this.#pool, fresh, html, pdfOptions, timeoutMs);
      } catch (retryError) {
        if (!(await hasDied(fresh))) throw toRenderError(retryError, timeoutMs);
        throw new BrowserError('BROWSER_CRASHED', 'Chromium stopped twice while printing this report.', {
          hint: 'The report may be too large for the available memory; try fewer images or a smaller --concurrency.',
          cause: retryError,
        });
      }
    }
  }

  async #liveSession(): Promise<BrowserSession> {
    if (this.#relaunching) return this.#relaunching;
    if (this.#session.alive) return this.#session;
    this.#log('Chromium is gone; relaunching it');
    return this.#replace(this.#session);
  }

  /** Swaps a dead session for a new one; concurrent callers share the same relaunch. */
  #replace(dead: BrowserSession): Promise<BrowserSession> {
    if (this.#relaunching) return this.#relaunching;
    if (this.#session !== dead) return Promise.resolve(this.#session);
    this.#relaunching = (async () => {
      await dead.close();
      const next = await launchBrowserSession({ executablePath: this.browser.path, args: this.#args });
      if (this.#closing) {
        await next.close();
        throw closedError();
      }
      this.#session = next;
      return next;
    })().finally(() => {
      this.#relaunching = undefined;
    });
    return this.#relaunching;
  }
}

/** Chromium's death is reported a moment after the failed command, so give the event a chance. */
async function hasDied(session: BrowserSession): Promise<boolean> {
  if (!session.alive) return true;
  const grace = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 250).unref());
  return Promise.race([session.disconnected.then(() => true), grace]);
}

function closedError(cause?: unknown): BrowserError {
  return new BrowserError('PRINTER_CLOSED', 'The PDF printer was closed.', cause === undefined ? {} : { cause });
}
