/** Characters that would turn case text into Markdown markup or raw HTML. */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|#]/g;

/** Escapes one string so Markdown shows it as written (also in table cells: no breaks, no pipes). */
export function escapeMarkdownText(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
}

const views = new WeakMap<object, object>();

/**
 * A read-only view of a value in which every string comes out Markdown-escaped. Strings are escaped
 * when a template reads them, so the large parts of a model that a template never touches (raw
 * exam grids, say) cost nothing.
 */
export function escapeMarkdownDeep<T>(value: T): T {
  if (typeof value === 'string') return escapeMarkdownText(value) as T;
  if (value === null || typeof value !== 'object') return value;
  const cached = views.get(value);
  if (cached) return cached as T;
  const view = new Proxy(value, {
    get(target, key, receiver) {
      const item: unknown = Reflect.get(target, key, receiver);
      return typeof key === 'symbol' ? item : escapeMarkdownDeep(item);
    },
    set: () => false,
    deleteProperty: () => false,
  });
  views.set(value, view);
  return view as T;
}
