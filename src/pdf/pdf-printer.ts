import { availableParallelism } from 'node:os';
import { TimeoutError, type Page, type PDFOptions } from 'puppeteer-core';
import { launchBrowserSession, type BrowserSession } from './browser-session.js';
import { BrowserError, PdfError, RenderError } from './errors.js';
import type { BrowserFound } from './find-browser.js';
import { findBrowserOnThisMachine } from './find-browser-on-this-machine.js';
import { isolatePage, type RequestListener } from './isolate-page.js';
import { buildLaunchArgs, detectLaunchContext } from './launch-options.js';
import { PagePool } from './page-pool.js';
import { buildPdfOptions, type PrintOptions } from './print-templates.js';
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
    this.#pool = new PagePool<Page>(options.concurrency ?? availableParallelism(), (page) => isolatePage(page, onRequest));
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

  /** Process id of the current Chromium (changes after a relaunch). */
  get pid(): number | undefined {
    return this.#session.pid;
  }

  /** Prints one self-contained HTML document to PDF bytes with metadata set. */
  async print(html: string, options: PrintOptions): Promise<Uint8Array> {
    if (this.#closing) throw closedError();
    const timeoutMs = options.timeoutMs ?? this.#timeoutMs;
    const pdfOptions = buildPdfOptions(options, timeoutMs);
    const raw = await this.#pool.withSlot(() => this.#renderWithRetry(html, pdfOptions, timeoutMs));
    return setPdfMetadata(raw, options.metadata);
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
      return await this.#render(session, html, pdfOptions, timeoutMs);
    } catch (error) {
      if (this.#closing) throw closedError(error);
      if (!(await hasDied(session))) throw toRenderError(error, timeoutMs);
      this.#log('Chromium stopped while printing; relaunching it and retrying this report once');
      const fresh = await this.#replace(session);
      try {
        return await this.#render(fresh, html, pdfOptions, timeoutMs);
      } catch (retryError) {
        if (!(await hasDied(fresh))) throw toRenderError(retryError, timeoutMs);
        throw new BrowserError('BROWSER_CRASHED', 'Chromium stopped twice while printing this report.', {
          hint: 'The report may be too large for the available memory; try fewer images or a smaller --concurrency.',
          cause: retryError,
        });
      }
    }
  }

  async #render(session: BrowserSession, html: string, pdfOptions: PDFOptions, timeoutMs: number): Promise<Uint8Array> {
    let timedOut = false;
    let current: Page | undefined;
    const work = (async () => {
      const page = await this.#pool.take(session);
      current = page;
      let healthy = false;
      try {
        if (timedOut) throw new RenderError('RENDER_TIMEOUT', 'timed out before the page was ready');
        // Aborted requests fail fast, so 'load' arrives even when the HTML references the network.
        await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
        const pdf = await page.pdf(pdfOptions);
        healthy = !timedOut;
        return pdf;
      } finally {
        await this.#pool.put(session, page, healthy);
      }
    })();
    // The loser of the race must not surface later as an unhandled rejection.
    work.catch(() => undefined);

    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        // Closing the page is the only reliable way to stop a render; the pool then drops it.
        void current?.close().catch(() => undefined);
        reject(new RenderError('RENDER_TIMEOUT', `Printing took longer than ${timeoutMs} ms and was stopped.`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
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

function toRenderError(error: unknown, timeoutMs: number): PdfError {
  if (error instanceof PdfError) return error;
  if (error instanceof TimeoutError) {
    return new RenderError('RENDER_TIMEOUT', `Printing took longer than ${timeoutMs} ms and was stopped.`, { cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new RenderError('RENDER_FAILED', `Chromium could not print the report: ${detail}`, { cause: error });
}

function closedError(cause?: unknown): BrowserError {
  return new BrowserError('PRINTER_CLOSED', 'The PDF printer was closed.', cause === undefined ? {} : { cause });
}
