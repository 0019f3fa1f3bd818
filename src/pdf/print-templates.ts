import type { PDFOptions } from 'puppeteer-core';
import type { PdfMetadata } from './set-pdf-metadata.js';

/** CSS lengths (e.g. '20mm', '0.75in') for each page margin. */
export interface PageMargins {
  top: string;
  right: string;
  bottom: string;
  left: string;
}

/** What one report needs besides its HTML. */
export interface PrintOptions {
  /** Default A4; Letter for North American journals. */
  pageSize?: 'A4' | 'Letter';
  margins?: Partial<PageMargins>;
  /** Shown small and grey at the top of every page (usually the report title). */
  headerTitle: string;
  /** Shown bottom left on every page (the case id). */
  footerLeft: string;
  metadata: PdfMetadata;
  /** Overrides the printer's per-report timeout for this report. */
  timeoutMs?: number;
}

/** Room for the running header and footer, plus a readable line length on A4 and Letter. */
export const DEFAULT_MARGINS: PageMargins = { top: '20mm', right: '18mm', bottom: '20mm', left: '18mm' };

/** True for the lengths Chromium accepts as page margins: a number with px, in, cm or mm. */
export function isPageLength(value: string): boolean {
  return /^(\d+(\.\d+)?|\.\d+)(px|in|cm|mm)?$/.test(value);
}

/** Escapes text for HTML element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

// Header and footer templates render in their own tiny document: no page CSS reaches them and
// their font size defaults to 0, so every style is inline. The side padding lines them up with
// the page margins.
function wrapTemplate(margins: PageMargins, content: string): string {
  const style = [
    'box-sizing:border-box',
    'width:100%',
    `padding:0 ${margins.right} 0 ${margins.left}`,
    'font-family:system-ui,"Noto Sans","Noto Sans CJK SC",sans-serif',
    'font-size:8pt',
    'color:#666',
    'display:flex',
    'justify-content:space-between',
    'align-items:baseline',
    'gap:6mm',
  ].join(';');
  return `<div style='${style}'>${content}</div>`;
}

/** Running header: the report title, small and grey, truncated with an ellipsis if too long. */
export function buildHeaderTemplate(title: string, margins: PageMargins = DEFAULT_MARGINS): string {
  const clip = 'overflow:hidden;white-space:nowrap;text-overflow:ellipsis';
  return wrapTemplate(margins, `<span style='${clip}'>${escapeHtml(title)}</span>`);
}

/** Running footer: the case id on the left, "page X of Y" on the right (Chromium fills the spans). */
export function buildFooterTemplate(left: string, margins: PageMargins = DEFAULT_MARGINS): string {
  const pageOf = `page <span class='pageNumber'></span> of <span class='totalPages'></span>`;
  return wrapTemplate(
    margins,
    `<span>${escapeHtml(left)}</span><span style='white-space:nowrap'>${pageOf}</span>`,
  );
}

/** puppeteer `page.pdf()` options for a tagged, outlined, paginated report. */
export function buildPdfOptions(options: PrintOptions, timeoutMs: number): PDFOptions {
  const margins: PageMargins = { ...DEFAULT_MARGINS, ...stripUndefined(options.margins ?? {}) };
  for (const [side, value] of Object.entries(margins)) {
    // Margins also go into the header/footer style attributes, so they must be plain lengths.
    if (!isPageLength(value)) throw new RangeError(`Invalid ${side} margin "${value}": use e.g. 20mm, 0.75in, 2cm or 72px`);
  }
  return {
    format: options.pageSize ?? 'A4',
    margin: margins,
    displayHeaderFooter: true,
    headerTemplate: buildHeaderTemplate(options.headerTitle, margins),
    footerTemplate: buildFooterTemplate(options.footerLeft, margins),
    printBackground: true,
    // Tagged PDF (structure tree) for screen readers, and bookmarks from h1-h6.
    tagged: true,
    outline: true,
    // The page size is a CLI option; a stray @page rule in a template must not override it.
    preferCSSPageSize: false,
    timeout: timeoutMs,
  };
}

function stripUndefined(margins: Partial<PageMargins>): Partial<PageMargins> {
  return Object.fromEntries(Object.entries(margins).filter(([, value]) => value !== undefined));
}
