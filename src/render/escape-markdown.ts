import { isolateBidi } from './isolate-bidi.js';

/**
 * Anything that may need work, anywhere in a value: characters that are markup somewhere in
 * CommonMark or GFM, the starts of autolinks, line breaks of any kind and bidi characters. Plain
 * text fails this one test (and the checks of its first and last character) and is returned as is.
 */
const MAYBE_SPECIAL =
  /[\\`*_[\]<>|#~&@\r\n\v\f\u0085\u2028\u2029\u0590-\u08ff\u200e\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefe\ud802\ud803\ud83a\ud83b]|[Ww]{3}\.|:\/\//;

/**
 * Markup at any position, each escaped by a backslash before its special character:
 * emphasis, code, links, images, footnotes and task boxes, raw HTML and angle autolinks, table
 * cells, headings, block quotes, strikethrough and fences (`~`), character references (`&lt;`),
 * e-mail, www. and http(s):// autolinks.
 */
const MARKUP = /[\\`*_[\]<>|#~@]|&(?=#?[0-9A-Za-z]+;)|(?<=[Ww]{3})\.|:(?=\/\/)/g;

/** Line breaks of every kind (Markdown's CR, LF and CRLF, and NEL, LS, PS, VT, FF for other readers). */
const LINE_BREAK = /\r\n|[\r\n\v\f\u0085\u2028\u2029]/g;

/**
 * Markup that only counts at the start of a line (where a template may put a value, or after a
 * list marker): a bullet or a thematic break (`-`, `+`), a setext underline (`=`) and an ordered
 * list item (`1.` or `1)` followed by a space or nothing).
 */
const LINE_START = /^(?:[-+=](?![0-9A-Za-z])|\d{1,9}[.)](?=[ \t]|$))/;

/**
 * Escapes one string so that CommonMark and GFM show it as written wherever a template puts it:
 * at the start of a line or after a list marker, in a table cell, a heading, emphasis or a link
 * text. It becomes one line (a table row stays one row); leading and trailing white space is
 * dropped (four spaces would start a code block, and spaces inside `**` end the emphasis); a
 * value of white space only becomes one escaped space; bidi text is isolated (see isolateBidi).
 */
export function escapeMarkdownText(text: string): string {
  if (!MAYBE_SPECIAL.test(text) && !specialAtEdges(text)) return text;
  const line = text.replace(LINE_BREAK, ' ');
  const trimmed = line.trim();
  if (trimmed === '') return line === '' ? '' : '&#32;';
  const escaped = trimmed.replace(MARKUP, (ch) => `\\${ch}`);
  // The backslash goes before the marker's last character: `\-`, `1\.`.
  const marker = LINE_START.exec(escaped)?.[0].length ?? 0;
  const safe = marker > 0 ? `${escaped.slice(0, marker - 1)}\\${escaped.slice(marker - 1)}` : escaped;
  return isolateBidi(safe.endsWith('!') ? `${safe.slice(0, -1)}\\!` : safe);
}

/**
 * Whether either end needs work: white space, a line-start marker first, or a `!` last (it would
 * make an image of a `[` after it). Numbers (`32`, `-3`, `+9`, `6.5`) need none.
 */
function specialAtEdges(text: string): boolean {
  if (text === '') return false;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if (isSpace(first) || isSpace(last) || last === 0x21) return true;
  const mayStartMarker = first === 0x2d || first === 0x2b || first === 0x3d || (first >= 0x30 && first <= 0x39);
  return mayStartMarker && LINE_START.test(text);
}

/** ASCII space and controls, and, above ASCII, what JavaScript's trim() removes. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return true;
  return code >= 0x80 && /\s/.test(String.fromCharCode(code));
}
