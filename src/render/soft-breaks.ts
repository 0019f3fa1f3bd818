/** A run of characters without a space longer than this gets places where a line may break. */
export const LONG_RUN = 20;
/** How many characters of such a run go between two of those places. */
export const RUN_CHUNK = 6;

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * The text with a zero-width space every RUN_CHUNK characters of each run longer than LONG_RUN (a
 * URL, an identifier). For table cells: a table is never narrower than its longest unbreakable
 * word, so one long URL would push it past the page edge, while CSS that lets every word break
 * (overflow-wrap: anywhere) squeezes columns until ordinary words break too. Plain text, not
 * `<wbr>`: the value is still escaped like any other.
 */
export function withSoftBreaks(text: unknown): string {
  const source = text === null || text === undefined ? '' : String(text);
  return source
    .split(/(\s+)/)
    .map((part) => {
      const chars = [...part];
      if (chars.length <= LONG_RUN) return part;
      const chunks: string[] = [];
      for (let at = 0; at < chars.length; at += RUN_CHUNK) chunks.push(chars.slice(at, at + RUN_CHUNK).join(''));
      return chunks.join(ZERO_WIDTH_SPACE);
    })
    .join('');
}
