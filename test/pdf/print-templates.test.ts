import { describe, expect, it } from 'vitest';
import {
  HEADER_TITLE_MAX,
  MARGIN_RUN_MAX,
  breakLongRuns,
  buildPageMarginCss,
  buildPdfOptions,
  cssString,
  isPageLength,
  withPageMargins,
} from '../../src/pdf/print-templates.js';

const BASE = { headerTitle: 'T', footerLeft: 'C', metadata: { title: 'T' } };

/**
 * What a CSS parser reads from a string written by cssString: a hex escape is up to six hex digits
 * and one whitespace character after them, which belongs to the escape.
 */
function readCssString(css: string): string {
  expect(css).toMatch(/^"([A-Za-z0-9 ]|\\[0-9a-f]{1,6} )*"$/);
  return css.slice(1, -1).replace(/\\([0-9a-f]{1,6})[ \t\n]?/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

describe('print templates', () => {
  it('writes the title and case id as CSS strings that nothing in them can end', () => {
    const hostile = `"; } body { display: none } </style><script>alert(1)</script>\\ \n 北京 😀 é & "x" 1a`;
    const css = cssString(hostile);
    expect(css).not.toMatch(/[<>;{}\n]/);
    expect(readCssString(css)).toBe(hostile);
    const rules = buildPageMarginCss(hostile, hostile);
    expect(rules).not.toContain('</style');
    // The line break becomes a space: a margin box is one paragraph.
    expect(rules).toContain(`@bottom-left { content: ${cssString(breakLongRuns(hostile).replace('\n', ' '))};`);
  });

  it('drops bidi controls from the header and footer, and isolates right-to-left text', () => {
    const rules = buildPageMarginCss('\u202eTreatment for SCI', '\u202bcase-1');
    expect(rules).toContain(`@top-left { content: ${cssString('Treatment for SCI')};`);
    expect(rules).toContain(`@bottom-left { content: ${cssString('case-1')};`);
    expect(buildPageMarginCss('טיפול', 'x')).toContain(`@top-left { content: ${cssString('\u2066טיפול\u2069')};`);
  });

  it('puts "page X of Y" in the footer with Chromium page counters, in a small explicit font', () => {
    const rules = buildPageMarginCss('Title', 'CASE-1');
    expect(rules).toContain('@bottom-right { content: "page " counter(page) " of " counter(pages);');
    expect(rules).toContain('@top-left { content: "Title";');
    expect(rules).toContain('font-size: 8pt');
  });

  it('cuts a long title with an ellipsis, counting characters, not UTF-16 units', () => {
    const long = '😀'.repeat(150);
    const shown = readCssString(/@top-left \{ content: ("[^"]*")/.exec(buildPageMarginCss(long, 'C'))?.[1] ?? '').replaceAll('\u200b', '');
    expect([...shown]).toHaveLength(HEADER_TITLE_MAX);
    expect(shown.endsWith('😀…')).toBe(true);
    expect(readCssString(/@top-left \{ content: ("[^"]*")/.exec(buildPageMarginCss('Short', 'C'))?.[1] ?? '')).toBe('Short');
  });

  it('gives long unbroken runs in the header and footer a place to break, and leaves other text alone', () => {
    const id = `case-${'w'.repeat(2 * MARGIN_RUN_MAX + 5)}`;
    const shown = readCssString(/@bottom-left \{ content: ("[^"]*")/.exec(buildPageMarginCss('T', id))?.[1] ?? '');
    const runs = shown.split(/[\s\u200b-]/);
    expect(Math.max(...runs.map((run) => [...run].length))).toBeLessThanOrEqual(MARGIN_RUN_MAX);
    expect(shown.replaceAll('\u200b', '')).toBe(id);
    expect(breakLongRuns('A case report: spinal cord injury, C5 AIS-C')).toBe('A case report: spinal cord injury, C5 AIS-C');
    expect(breakLongRuns('😀'.repeat(MARGIN_RUN_MAX + 1))).toBe(`${'😀'.repeat(MARGIN_RUN_MAX)}\u200b😀`);
  });

  it('adds the header and footer at the end of the head, after a doctype, or at the start', () => {
    const options = { headerTitle: 'T', footerLeft: 'C' };
    const style = `<style>\n${buildPageMarginCss('T', 'C')}\n</style>`;
    expect(withPageMargins('<!doctype html><html><head><style>p{}</style></HEAD ><body>x</body></html>', options)).toBe(
      `<!doctype html><html><head><style>p{}</style>${style}</HEAD ><body>x</body></html>`,
    );
    expect(withPageMargins('<!DOCTYPE html>\n<p>x', options)).toBe(`<!DOCTYPE html>${style}\n<p>x`);
    expect(withPageMargins('<h1>Short</h1>', options)).toBe(`${style}<h1>Short</h1>`);
  });

  it('builds tagged, outlined A4 output with default margins', () => {
    const options = buildPdfOptions(BASE, 5000);
    expect(options).toMatchObject({
      format: 'A4',
      displayHeaderFooter: false,
      printBackground: true,
      tagged: true,
      outline: true,
      preferCSSPageSize: false,
      timeout: 5000,
      margin: { top: '20mm', right: '18mm', bottom: '20mm', left: '18mm' },
    });
  });

  it('accepts Letter and partial margins, and rejects margins that are not lengths', () => {
    const options = buildPdfOptions({ ...BASE, pageSize: 'Letter', margins: { top: '1in' } }, 1);
    expect(options.format).toBe('Letter');
    expect(options.margin).toMatchObject({ top: '1in', left: '18mm' });
    expect(isPageLength('12.5mm')).toBe(true);
    expect(isPageLength("1in'><script>")).toBe(false);
    expect(() => buildPdfOptions({ ...BASE, margins: { left: 'auto' } }, 1)).toThrow(RangeError);
  });
});
