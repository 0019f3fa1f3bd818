import type { HelperDelegate, HelperOptions } from 'handlebars';
import { capitalize } from '../core/text.js';
import { translator, type MessageValues, type Translator } from '../text/translator.js';
import { withSoftBreaks } from './soft-breaks.js';

/**
 * The few helpers templates may use. They only format values: a template cannot run code,
 * read files or reach the network.
 */
export const TEMPLATE_HELPERS: Record<string, HelperDelegate> = {
  eq: (a: unknown, b: unknown) => a === b,
  ne: (a: unknown, b: unknown) => a !== b,
  gt: (a: number, b: number) => a > b,
  and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
  or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
  not: (a: unknown) => !a,
  inc: (n: number) => Number(n) + 1,
  len: (list: unknown) => (Array.isArray(list) ? list.length : 0),
  join: (list: unknown, separator: unknown) =>
    Array.isArray(list) ? list.map(String).join(typeof separator === 'string' ? separator : ', ') : '',
  capitalize: (text: unknown) => (typeof text === 'string' ? capitalize(text) : ''),
  lower: (text: unknown) => (typeof text === 'string' ? text.toLowerCase() : ''),
  /** The text with places to break long URLs and identifiers, for table cells (see withSoftBreaks). */
  breakable: (text: unknown) => withSoftBreaks(text),
  plural: (n: number, singular: string, pluralForm: unknown) =>
    `${n} ${n === 1 ? singular : typeof pluralForm === 'string' ? pluralForm : `${singular}s`}`,
  signed: (n: number) => (n > 0 ? `+${n}` : String(n)),
  abs: (n: number) => Math.abs(Number(n)),
  sign: (n: number) => (n > 0 ? 'up' : n < 0 ? 'down' : 'none'),
  isList: (value: unknown) => Array.isArray(value),
  /**
   * The indices of a list in as few parts of at most `size` as it takes, evenly filled: a table of
   * many columns printed as several (`(chunks results.columns 8)` for 10 columns: [0..4], [5..9]).
   */
  chunks: (list: unknown, size: unknown) => {
    const n = Array.isArray(list) ? list.length : 0;
    const parts = Math.max(1, Math.ceil(n / Math.max(1, Number(size) || 1)));
    const per = Math.ceil(n / parts);
    return Array.from({ length: parts }, (_, p) =>
      Array.from({ length: Math.max(0, Math.min(n, (p + 1) * per) - p * per) }, (_, i) => p * per + i),
    );
  },
  /** Whether any item of a list has a truthy `field`: `(some assessments "derived")`. */
  some: (list: unknown, field: unknown) =>
    Array.isArray(list) &&
    list.some((item) => typeof item === 'object' && item !== null && Boolean((item as Record<string, unknown>)[String(field)])),
  replace: (text: unknown, from: string, to: string) => (typeof text === 'string' ? text.split(from).join(to) : ''),
  /**
   * A message of the catalog, `{{t "key" name=value}}`: templates hold markup, the catalog the words.
   * The message is plain text, escaped for the output format like any other value.
   */
  t(key: unknown, options: HelperOptions) {
    const messages = (options.data as { translator?: Translator } | undefined)?.translator ?? translator();
    return messages.t(String(key), options.hash as MessageValues);
  },
  url: (path: unknown) => (typeof path === 'string' ? path.split('/').map(encodePathSegment).join('/') : ''),
};

/**
 * One segment of a relative path as it can stand in a Markdown link destination or an HTML
 * attribute: a space or an unbalanced parenthesis would end the destination, and a `:` in the
 * first segment would make a scheme of it (`javascript:`).
 */
function encodePathSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}
