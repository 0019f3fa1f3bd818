/**
 * Optional print rules for report templates. Page size and margins come from `page.pdf()`
 * options (see print-templates.ts), so there is deliberately no @page size rule here.
 */
export const PRINT_CSS = `
@media print {
  html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  /* A heading stranded at the bottom of a page, its text on the next, is the commonest print flaw. */
  h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
  /* Splitting a row splits one measurement across pages; whole rows keep tables readable. */
  tr, th, td { break-inside: avoid; page-break-inside: avoid; }
  /* Repeat header rows on every page a long table spans. */
  thead { display: table-header-group; }
  tfoot { display: table-footer-group; }
  figure, img, svg, pre, blockquote { break-inside: avoid; page-break-inside: avoid; }
  img, svg { max-width: 100%; }
  p, li { orphans: 3; widows: 3; }
  a { color: inherit; }
}
`.trim();
