import type { HTTPRequest, Page } from 'puppeteer-core';

/** What happened to one request the page tried to make. */
export type RequestVerdict = 'allowed' | 'blocked';

/** Observer for every request a report page makes; tests and `--verbose` use it. */
export type RequestListener = (url: string, verdict: RequestVerdict) => void;

/**
 * Only inline content may load: reports are self-contained (CSS inlined, images as data: URIs),
 * so anything else is either a template bug or hostile input trying to reach the network or disk.
 */
export function isAllowedUrl(url: string): boolean {
  return url.startsWith('data:') || url === 'about:blank' || url === 'about:srcdoc';
}

/**
 * Locks a page down before it sees untrusted HTML: no scripts, no service workers, and every
 * request that is not inline is aborted. Chromium already refuses file:// from an about:blank
 * document without emitting a request; the interceptor is the second wall.
 */
export async function isolatePage(page: Page, onRequest?: RequestListener): Promise<void> {
  await page.setJavaScriptEnabled(false);
  await page.setBypassServiceWorker(true);
  await page.setRequestInterception(true);
  page.on('request', (request) => void decideRequest(page, request, onRequest));
  // Chromium would otherwise wait for a dialog to be answered; none can appear with JS off,
  // but a dismissing handler costs nothing and removes a way to hang.
  page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
}

async function decideRequest(page: Page, request: HTTPRequest, onRequest?: RequestListener): Promise<void> {
  const url = request.url();
  // A navigation of the main frame would replace the report (e.g. <meta http-equiv=refresh>).
  const replacesReport = request.isNavigationRequest() && request.frame() === page.mainFrame();
  const allowed = isAllowedUrl(url) && !replacesReport;
  onRequest?.(url, allowed ? 'allowed' : 'blocked');
  try {
    if (allowed) await request.continue();
    // 'aborted' cancels a navigation quietly and keeps the report; any other reason would
    // commit Chromium's error page in its place.
    else await request.abort(replacesReport ? 'aborted' : 'blockedbyclient');
  } catch {
    // The page was closed (timeout, crash) while the request was pending: nothing left to decide.
  }
}
