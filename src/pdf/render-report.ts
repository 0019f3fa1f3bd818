import { TimeoutError, type Page, type PDFOptions } from 'puppeteer-core';
import type { BrowserSession } from './browser-session.js';
import { PdfError, RenderError } from './errors.js';
import type { PagePool } from './page-pool.js';

/**
 * Loads one report into a pooled page and prints it, all within `timeoutMs`. On timeout the page
 * is closed (the only reliable way to stop Chromium mid-render) and RENDER_TIMEOUT is thrown; the
 * pool then drops that page, so the printer stays usable.
 */
export async function renderReport(
  pool: PagePool<Page>,
  session: BrowserSession,
  html: string,
  pdfOptions: PDFOptions,
  timeoutMs: number,
): Promise<Uint8Array> {
  let timedOut = false;
  let current: Page | undefined;
  const work = (async () => {
    const page = await pool.take(session);
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
      await pool.put(session, page, healthy);
    }
  })();
  // The loser of the race must not surface later as an unhandled rejection.
  work.catch(() => undefined);

  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      void current?.close().catch(() => undefined);
      reject(timeoutError(timeoutMs));
    }, timeoutMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** True for our deadline and for puppeteer's own timeouts. */
export function isTimeout(error: unknown): boolean {
  return (error instanceof RenderError && error.code === 'RENDER_TIMEOUT') || error instanceof TimeoutError;
}

/** Maps anything a render threw to a typed error of this layer. */
export function toRenderError(error: unknown, timeoutMs: number): PdfError {
  if (error instanceof PdfError) return error;
  if (error instanceof TimeoutError) {
    return timeoutError(timeoutMs, error);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new RenderError('RENDER_FAILED', `Chromium could not print the report: ${detail}`, { cause: error });
}

function timeoutError(timeoutMs: number, cause?: unknown): RenderError {
  const message = `Printing took longer than ${timeoutMs} ms and was stopped.`;
  return new RenderError('RENDER_TIMEOUT', message, {
    hint: 'Large images make reports slow to print; raise the timeout or shrink the images.',
    ...(cause === undefined ? {} : { cause }),
  });
}
