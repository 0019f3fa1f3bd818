/**
 * Characters that take part in bidirectional reordering: right-to-left letters (Hebrew, Arabic,
 * Syriac, Thaana, N'Ko and the other scripts of U+0590-U+08FF, their presentation forms, and the
 * right-to-left blocks beyond U+FFFF, found here by their high surrogates), the directional marks
 * and the explicit embeddings, overrides and isolates. Text without them cannot reorder anything.
 */
const BIDI = /[\u0590-\u08ff\u200e\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefe\ud802\ud803\ud83a\ud83b]/;

/** Embeddings, overrides and isolates: LRE RLE PDF LRO RLO, LRI RLI FSI PDI. */
const EXPLICIT = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * Paragraph separators of the bidi algorithm (LF, CR, FS, GS, RS, NEL, PS): one inside an isolate
 * would end it early and let the rest of the value act on the words after it.
 */
// eslint-disable-next-line no-control-regex -- the separators FS, GS and RS are control characters
const PARAGRAPH_BREAK = /\r\n|[\n\r\x1c-\x1e\u0085\u2029]/g;

/** Left-to-right isolate and pop directional isolate. */
export const LRI = '\u2066';
export const PDI = '\u2069';

/** True when text holds a character that can take part in bidirectional reordering. */
export function hasBidi(text: string): boolean {
  return BIDI.test(text);
}

/**
 * Makes case text unable to reorder the words printed around it. Its explicit embeddings,
 * overrides and isolates are removed: a value may be a sentence that casereport composed around
 * case text (a label in "X, a 34-year-old patient"), where an override in the label would reverse
 * the words after it and only the model could isolate the label itself. The value is then wrapped
 * in LRI...PDI, which works wherever text goes (Markdown, CSS strings, HTML attributes and
 * titles, where a <bdi> tag cannot; HTML text gets <bdi dir="ltr">). Left-to-right, the direction of casereport's own words, and
 * not FSI: a composed value that starts with right-to-left case text would be laid out right to
 * left as a whole, its generated words moved before the case text. Right-to-left text inside is
 * still laid out right to left. Text without bidi characters is returned as it is.
 */
export function isolateBidi(text: string): string {
  return BIDI.test(text) ? `${LRI}${withoutBidiControls(text)}${PDI}` : text;
}

/**
 * The text without embeddings, overrides and isolates, and with spaces for paragraph breaks: what
 * goes inside an isolate (LRI...PDI, or HTML's <bdi dir="ltr">, see isolateBidi).
 */
export function withoutBidiControls(text: string): string {
  return text.replace(EXPLICIT, '').replace(PARAGRAPH_BREAK, ' ');
}
