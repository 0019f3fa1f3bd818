/** Codes for every failure the PDF layer reports; the CLI maps them to its own exit codes. */
export type PdfErrorCode =
  'BROWSER_NOT_FOUND' | 'BROWSER_LAUNCH_FAILED' | 'BROWSER_CRASHED' | 'PRINTER_CLOSED' | 'RENDER_TIMEOUT' | 'RENDER_FAILED';

/** Codes of errors about the browser itself (finding, starting, keeping it alive). */
export type BrowserErrorCode = Extract<PdfErrorCode, 'BROWSER_NOT_FOUND' | 'BROWSER_LAUNCH_FAILED' | 'BROWSER_CRASHED' | 'PRINTER_CLOSED'>;

/** Codes of errors about one report; the printer stays usable after them. */
export type RenderErrorCode = Extract<PdfErrorCode, 'RENDER_TIMEOUT' | 'RENDER_FAILED'>;

interface PdfErrorDetails {
  /** What the user can do about it, one or more lines. */
  hint?: string;
  cause?: unknown;
}

/** Base class so the CLI can catch the whole layer with one `instanceof`. */
export class PdfError extends Error {
  readonly code: PdfErrorCode;
  readonly hint: string | undefined;

  constructor(code: PdfErrorCode, message: string, details: PdfErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'PdfError';
    this.code = code;
    this.hint = details.hint;
  }
}

/** The browser could not be found, started, or kept running. */
export class BrowserError extends PdfError {
  declare readonly code: BrowserErrorCode;
  /** Every location that was looked at, in order (only for BROWSER_NOT_FOUND). */
  readonly tried: readonly string[];

  constructor(code: BrowserErrorCode, message: string, details: PdfErrorDetails & { tried?: readonly string[] } = {}) {
    super(code, message, details);
    this.name = 'BrowserError';
    this.tried = details.tried ?? [];
  }
}

/** One report failed to print (timeout or a page error). */
export class RenderError extends PdfError {
  declare readonly code: RenderErrorCode;

  constructor(code: RenderErrorCode, message: string, details: PdfErrorDetails = {}) {
    super(code, message, details);
    this.name = 'RenderError';
  }
}
