/** Escapes text for SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] ?? ch);
}

/** A coordinate with at most one decimal: short output, stable across platforms. */
export function fmt(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** The most ticks an axis gets: more would not fit, and bounds the loop whatever the range. */
const MAX_TICKS = 12;

/**
 * Evenly spaced "nice" tick values (1, 2, 2.5 or 5 times a power of ten) covering [min, max]. Ends
 * whatever it is given: where the steps cannot be represented (near 1e16 adding 1 changes nothing)
 * or the range is not finite, the ends alone are the ticks.
 */
export function niceTicks(min: number, max: number, target = 5): number[] {
  const ends = [min, max].filter(Number.isFinite);
  if (ends.length < 2) return ends.slice(0, 1);
  if (!(max > min)) return [min];
  const raw = (max - min) / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const first = Math.ceil(min / step) * step;
  const count = Math.floor((max - first) / step + 1e-9) + 1;
  if (!(step > 0) || !Number.isFinite(step) || !Number.isFinite(first) || !(count >= 1 && count <= MAX_TICKS)) return [min, max];
  const ticks: number[] = [];
  for (let i = 0; i < count; i++) {
    const v = first + i * step;
    // Rounding hides floating-point dust (0.30000000000000004); beyond ±1e9 there is none to hide.
    const tick = Math.abs(v) < 1e9 ? Math.round(v * 1e6) / 1e6 : v;
    if (tick !== ticks[ticks.length - 1]) ticks.push(tick);
  }
  return ticks;
}

/**
 * The y range of a chart of a measure without a fixed scale: from its lowest possible value (0 where
 * none is given, or the lowest value shown if below it) to the nice tick at or above the highest value,
 * so the axis ends near the data and a change is seen against the whole quantity, not zoomed in.
 */
export function dataDomain(values: readonly number[], lowest?: number): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [lowest ?? 0, (lowest ?? 0) + 1];
  const high = Math.max(...finite);
  const low = Math.min(lowest ?? 0, ...finite);
  if (!(high > low)) return [low, low + 1];
  const ticks = niceTicks(low, high);
  const step = ticks.length > 1 ? (ticks[1] as number) - (ticks[0] as number) : high - low;
  const bottom = Math.floor(low / step + 1e-9) * step;
  const top = Math.ceil(high / step - 1e-9) * step;
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return [round(bottom), round(top)];
}

/** Shortens a label to about `max` characters, with an ellipsis, so it fits where it is drawn. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, Math.max(1, max - 1))
        .join('')
        .trimEnd()}…`;
}

/** A UTF-8 string as base64, for `data:` URIs. */
export function toBase64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/**
 * The approximate width of `text` in DejaVu Sans at `fontSize`, a little generous: advance widths
 * by class of character (narrow punctuation and i/l, f/r/t, capitals, m/w, CJK and other wide
 * scripts at a full em). No font is measured, so the same text always measures the same.
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (/[\s.,:;'!|ijlI]/.test(ch)) em += 0.34;
    else if (/[frt()[\]{}/\\-]/.test(ch)) em += 0.44;
    else if (/[mwMW@%…]/.test(ch)) em += 1;
    else if (code >= 0x2e80) em += 1;
    else if (/\p{Lu}/u.test(ch)) em += 0.76;
    else em += 0.64;
  }
  return em * fontSize;
}

/**
 * `text` shortened with an ellipsis to fit `maxWidth` at `fontSize` (see textWidth), keeping at
 * least `minChars` characters; undefined where even that does not fit.
 */
export function truncateToWidth(text: string, maxWidth: number, fontSize: number, minChars = 1): string | undefined {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  // No character is narrower than 0.34 em: start where the kept part could first fit.
  for (let keep = Math.min(chars.length - 1, Math.floor(maxWidth / (0.34 * fontSize))); keep >= minChars; keep--) {
    const shortened = `${chars.slice(0, keep).join('').trimEnd()}…`;
    if (textWidth(shortened, fontSize) <= maxWidth) return shortened;
  }
  return undefined;
}
