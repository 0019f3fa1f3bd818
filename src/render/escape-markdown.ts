/** Characters that would turn case text into Markdown markup or raw HTML. */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|#]/g;

/** Escapes one string so Markdown shows it as written (also in table cells: no breaks, no pipes). */
export function escapeMarkdownText(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
}

/** A deep copy of a value with every string escaped for Markdown; numbers and booleans unchanged. */
export function escapeMarkdownDeep<T>(value: T): T {
  if (typeof value === 'string') return escapeMarkdownText(value) as T;
  if (Array.isArray(value)) return value.map((item) => escapeMarkdownDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = escapeMarkdownDeep(item);
    return out as T;
  }
  return value;
}
