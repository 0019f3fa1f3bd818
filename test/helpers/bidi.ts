/** The embedding level and directional override of one character after the explicit rules. */
export interface ExplicitLevel {
  level: number;
  override: 'L' | 'R' | null;
}

const STRONG_RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]/;
const STRONG_LTR = /\p{L}/u;
// eslint-disable-next-line no-control-regex -- the separators FS, GS and RS are control characters
const PARAGRAPH_BREAK = /[\n\r\x1c-\x1e\u0085\u2029]/;

/**
 * The explicit levels of UAX #9 (rules X1-X8, paragraphs left to right): what embeddings,
 * overrides and isolates in the text do to each character. A character that casereport wrote is
 * in its own order when its level is even and nothing overrides it.
 */
export function explicitLevels(text: string): ExplicitLevel[] {
  type Entry = ExplicitLevel & { isolate: boolean };
  let stack: Entry[] = [{ level: 0, override: null, isolate: false }];
  const out: ExplicitLevel[] = [];
  const top = (): Entry => stack[stack.length - 1] as Entry;
  // The least greater odd (right to left) or even (left to right) level.
  const next = (rtl: boolean): number => (rtl ? (top().level + 1) | 1 : (top().level + 2) & ~1);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    const { level, override } = top();
    out.push({ level, override });
    if (PARAGRAPH_BREAK.test(ch)) stack = [{ level: 0, override: null, isolate: false }];
    else if ('\u202a\u202b\u202d\u202e'.includes(ch)) {
      const rtl = ch === '\u202b' || ch === '\u202e';
      const kind = ch === '\u202d' ? 'L' : ch === '\u202e' ? 'R' : null;
      stack.push({ level: next(rtl), override: kind, isolate: false });
    } else if ('\u2066\u2067\u2068'.includes(ch)) {
      const rtl = ch === '\u2067' || (ch === '\u2068' && firstStrongIsRtl(text, i + 1));
      stack.push({ level: next(rtl), override: null, isolate: true });
    } else if (ch === '\u2069') {
      if (stack.some((e) => e.isolate)) {
        while (!top().isolate) stack.pop();
        stack.pop();
      }
      out[i] = { level: top().level, override: top().override };
    } else if (ch === '\u202c') {
      if (stack.length > 1 && !top().isolate) stack.pop();
    }
  }
  return out;
}

/** Rule P2 within an isolate: its first strong character, skipping nested isolates. */
function firstStrongIsRtl(text: string, from: number): boolean {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text[i] ?? '';
    if ('\u2066\u2067\u2068'.includes(ch)) depth++;
    else if (ch === '\u2069') {
      if (depth === 0) return false;
      depth--;
    } else if (depth === 0 && STRONG_RTL.test(ch)) return true;
    else if (depth === 0 && STRONG_LTR.test(ch)) return false;
  }
  return false;
}

/** A Latin letter that bidi controls reorder (overridden, or at an odd level), with its context. */
export function firstReorderedLetter(text: string): string | undefined {
  const levels = explicitLevels(text);
  const at = levels.findIndex((l, i) => /[A-Za-z]/.test(text[i] ?? '') && (l.override !== null || l.level % 2 === 1));
  return at < 0 ? undefined : JSON.stringify(text.slice(Math.max(0, at - 40), at + 40));
}
