/** Characters that would turn case text into Markdown markup or raw HTML. */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|#]/g;
const NEEDS_ESCAPE = /[\\`*_[\]<>|#\r\n]/;

/** Escapes one string so Markdown shows it as written (also in table cells: no breaks, no pipes). */
export function escapeMarkdownText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
}

// Made by casereport itself, never shown as text in Markdown, and large: copied as they are.
const NOT_TEXT = new Set(['svg', 'dataUri']);

/** A deep copy of a value with every string escaped for Markdown; numbers and booleans unchanged. */
export function escapeMarkdownDeep<T>(value: T): T {
  if (typeof value === 'string') return escapeMarkdownText(value) as T;
  if (Array.isArray(value)) {
    // Score grids and chart points are numbers only: nothing to escape, nothing to copy.
    if (value.every((item) => typeof item === 'number')) return value;
    return value.map((item) => escapeMarkdownDeep(item)) as T;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (NOT_TEXT.has(key)) {
        // Copied as a descriptor, so a lazily computed value stays uncomputed.
        Object.defineProperty(out, key, Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor);
      } else {
        out[key] = escapeMarkdownDeep((value as Record<string, unknown>)[key]);
      }
    }
    return out as T;
  }
  return value;
}
