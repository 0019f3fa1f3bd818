import { describe, expect, it } from 'vitest';
import {
  buildFooterTemplate,
  buildHeaderTemplate,
  buildPdfOptions,
  escapeHtml,
  isPageLength,
} from '../../src/pdf/print-templates.js';

const BASE = { headerTitle: 'T', footerLeft: 'C', metadata: { title: 'T' } };

describe('print templates', () => {
  it('escapes the title and case id', () => {
    expect(escapeHtml(`<img src=x onerror='a'>&"`)).toBe('&#60;img src=x onerror=&#39;a&#39;&#62;&#38;&#34;');
    expect(buildHeaderTemplate('<b>Title</b>')).toContain('&#60;b&#62;Title');
    expect(buildFooterTemplate('<i>id')).not.toContain('<i>');
  });

  it('uses Chromium page number classes and an explicit font size', () => {
    const footer = buildFooterTemplate('CASE-1');
    expect(footer).toContain("page <span class='pageNumber'></span> of <span class='totalPages'></span>");
    expect(footer).toContain('font-size:8pt');
  });

  it('builds tagged, outlined A4 output with default margins', () => {
    const options = buildPdfOptions(BASE, 5000);
    expect(options).toMatchObject({
      format: 'A4',
      displayHeaderFooter: true,
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
