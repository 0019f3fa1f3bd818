/** The PDF layer: find a browser, print self-contained HTML to tagged PDF, clean up. */
export { BrowserError, PdfError, RenderError } from './errors.js';
export type { BrowserErrorCode, PdfErrorCode, RenderErrorCode } from './errors.js';
export { BROWSER_COMMANDS, BROWSER_REMEDIES, findBrowser, listUsualLocations } from './find-browser.js';
export type { BrowserFound, BrowserLookups, BrowserNotFound, FindBrowserResult } from './find-browser.js';
export { findBrowserOnThisMachine, findPuppeteerBrowser, whichOnPath } from './find-browser-on-this-machine.js';
export { buildLaunchArgs, detectLaunchContext } from './launch-options.js';
export type { LaunchArgs, LaunchArgsInput, LaunchContext, LaunchProbe } from './launch-options.js';
export { isAllowedUrl } from './isolate-page.js';
export type { RequestListener, RequestVerdict } from './isolate-page.js';
export { PdfPrinter } from './pdf-printer.js';
export type { PdfPrinterOptions } from './pdf-printer.js';
export { DEFAULT_MARGINS, buildPageMarginCss, buildPdfOptions, cssString, isPageLength, withPageMargins } from './print-templates.js';
export type { PageMargins, PrintOptions } from './print-templates.js';
export { setPdfMetadata } from './set-pdf-metadata.js';
export type { PdfMetadata } from './set-pdf-metadata.js';
export { registerExitCleanup } from './exit-cleanup.js';
export type { ExitCleanupHost, KillableSync } from './exit-cleanup.js';
