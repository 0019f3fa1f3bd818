import type { PDFOptions } from 'puppeteer-core';
import { hasBidi, isolateBidi, withoutBidiControls } from '../render/isolate-bidi.js';
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
  /** Shown small and grey at the top of every page (usually the report title; see withPageMargins). */
  headerTitle: string;
  /** Shown bottom left on every page (the case id). */
  footerLeft: string;
  /** Document properties; without them the PDF is left as Chromium printed it. */
  metadata?: PdfMetadata;
  /** Overrides the printer's per-report timeout for this report. */
  timeoutMs?: number;
}

/** Room for the running header and footer, plus a readable line length on A4 and Letter. */
export const DEFAULT_MARGINS: PageMargins = { top: '20mm', right: '18mm', bottom: '20mm', left: '18mm' };

/** True for the lengths Chromium accepts as page margins: a number with px, in, cm or mm. */
export function isPageLength(value: string): boolean {
  return /^(\d+(\.\d+)?|\.\d+)(px|in|cm|mm)?$/.test(value);
}

/**
 * Escapes text as a CSS string: every character but letters, digits and spaces becomes a hex
 * escape, so nothing in the text can end the string, the rule or the style element. Each escape
 * ends with a space, which CSS reads as part of the escape (a space after it is kept).
 */
export function cssString(text: string): string {
  let out = '"';
  for (const char of text) out += /^[A-Za-z0-9 ]$/.test(char) ? char : `\\${(char.codePointAt(0) ?? 0).toString(16)} `;
  return `${out}"`;
}

/** Longer titles are cut, with an ellipsis, so that the running header stays one or two lines. */
export const HEADER_TITLE_MAX = 100;

// DejaVu, a Latin TrueType family, before Noto CJK, which Chromium embeds as Type 3 fonts; no
// system-ui, which is Noto Sans CJK on a Linux desktop in a Chinese or Japanese locale.
const MARGIN_BOX_STYLE = 'font-family: "Noto Sans", "DejaVu Sans", "Noto Sans CJK SC", sans-serif; font-size: 8pt; color: #666;';

/** The longest run of characters a margin box gets without a place to break the line. */
export const MARGIN_RUN_MAX = 24;

/**
 * Puts a zero-width space after every MARGIN_RUN_MAX characters of a run without a space or hyphen.
 * Chromium breaks lines in page margin boxes only at such places (overflow-wrap and word-break do
 * nothing there), so a long unbroken title or case id would otherwise run off the page.
 */
export function breakLongRuns(text: string): string {
  return text.replace(new RegExp(`[^\\s-]{${MARGIN_RUN_MAX}}(?=[^\\s-])`, 'gu'), (run) => `${run}\u200b`);
}

/**
 * The running header (the title, small and grey) and footer (the case id on the left, "page X of
 * Y" on the right) as CSS page margin boxes, which Chromium lays out with the report itself.
 * Chromium's header and footer templates, the other way, are separate documents rendered for every
 * page: with them, a bare Puppeteer loop printed casereport's reports about 10% slower.
 */
export function buildPageMarginCss(title: string, footerLeft: string): string {
  const points = [...title];
  const shown =
    points.length > HEADER_TITLE_MAX
      ? `${points
          .slice(0, HEADER_TITLE_MAX - 1)
          .join('')
          .trimEnd()}…`
      : title;
  return [
    '@page {',
    `  @top-left { content: ${cssString(marginText(shown))}; ${MARGIN_BOX_STYLE} }`,
    `  @bottom-left { content: ${cssString(marginText(footerLeft))}; ${MARGIN_BOX_STYLE} }`,
    `  @bottom-right { content: "page " counter(page) " of " counter(pages); white-space: nowrap; ${MARGIN_BOX_STYLE} }`,
    '}',
  ].join('\n');
}

/**
 * Case text as a margin box shows it: with places to break, without bidi controls (which would
 * reorder the box), and isolated only when right-to-left letters remain.
 */
function marginText(text: string): string {
  const plain = withoutBidiControls(breakLongRuns(text));
  return hasBidi(plain) ? isolateBidi(plain) : plain;
}

/**
 * The report's HTML with the running header and footer added: a style element at the end of its
 * head (after the template's own styles, so that ours win), or at its start when it has no head.
 */
export function withPageMargins(html: string, options: Pick<PrintOptions, 'headerTitle' | 'footerLeft'>): string {
  const style = `<style>\n${buildPageMarginCss(options.headerTitle, options.footerLeft)}\n</style>`;
  const headEnd = html.search(/<\/head\s*>/i);
  if (headEnd >= 0) return `${html.slice(0, headEnd)}${style}${html.slice(headEnd)}`;
  // After a doctype, so that the page stays in standards mode.
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return `${html.slice(0, at)}${style}${html.slice(at)}`;
}

/** puppeteer `page.pdf()` options for a tagged, outlined, paginated report. */
export function buildPdfOptions(options: PrintOptions, timeoutMs: number): PDFOptions {
  const margins: PageMargins = { ...DEFAULT_MARGINS, ...stripUndefined(options.margins ?? {}) };
  for (const [side, value] of Object.entries(margins)) {
    if (!isPageLength(value)) throw new RangeError(`Invalid ${side} margin "${value}": use e.g. 20mm, 0.75in, 2cm or 72px`);
  }
  return {
    format: options.pageSize ?? 'A4',
    margin: margins,
    // The running header and footer are page margin boxes in the document (see withPageMargins).
    displayHeaderFooter: false,
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

/** Page sizes in millimetres (width, height). */
const PAGE_MM: Record<'A4' | 'Letter', [number, number]> = { A4: [210, 297], Letter: [215.9, 279.4] };
const MM_PER_UNIT: Record<string, number> = { mm: 1, cm: 10, in: 25.4, px: 25.4 / 96, '': 25.4 / 96 };
/** Room a page must keep for its content, in millimetres, whatever the margins. */
const MIN_CONTENT_MM = 50;

/** A page length (see isPageLength) in millimetres. */
export function lengthInMm(length: string): number {
  const match = /^([\d.]+)([a-z]*)$/.exec(length);
  return Number(match?.[1]) * (MM_PER_UNIT[match?.[2] ?? ''] ?? Number.NaN);
}

/**
 * Why these margins leave too little of the page for the report, or undefined when they are fine:
 * Chromium fails on margins larger than the page, and tiny content areas print one word a line.
 */
export function checkMargins(pageSize: 'A4' | 'Letter', margins: Partial<PageMargins>): string | undefined {
  const m = { ...DEFAULT_MARGINS, ...stripUndefined(margins) };
  const [width, height] = PAGE_MM[pageSize];
  const across = lengthInMm(m.left) + lengthInMm(m.right);
  const down = lengthInMm(m.top) + lengthInMm(m.bottom);
  if (!(width - across >= MIN_CONTENT_MM) || !(height - down >= MIN_CONTENT_MM)) {
    return `the margins leave less than ${MIN_CONTENT_MM} mm of the ${pageSize} page (${width} × ${height} mm) for the report`;
  }
  return undefined;
}
