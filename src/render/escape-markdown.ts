/** Characters that would turn case text into Markdown markup or raw HTML. */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|#]/g;
const NEEDS_ESCAPE = /[\\`*_[\]<>|#\r\n]/;

/** Escapes one string so Markdown shows it as written (also in table cells: no breaks, no pipes). */
export function escapeMarkdownText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
}
