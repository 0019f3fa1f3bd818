/**
 * The author's own prose (abstract, case presentation, discussion, learning points): a small, safe
 * subset of Markdown read into a structure every output format renders with its own markup and
 * escaping. Paragraphs (blank lines between them), lists (`- `, `* ` or `1. ` at line starts),
 * emphasis (`*x*`, `_x_`), strong emphasis (`**x**`) and citations (`[@id]`, `[@a; @b]`).
 * Anything else, raw HTML included, is text and is printed as written.
 */

/** A piece of a line: text, emphasis, strong emphasis, or a citation of references by id. */
export interface ProseRun {
  kind: 'text' | 'em' | 'strong' | 'cite';
  /** The words (for a citation, its reference numbers as printed, e.g. "1, 3-5", once numbered). */
  text: string;
  /** Whether a space follows: values are printed trimmed, so spacing is kept apart. */
  space_after: boolean;
  /** The cited reference ids, in the order written (citations only; empty otherwise). */
  keys: string[];
  /** Their numbers in the reference list (citations only, once numbered). */
  numbers: number[];
}

/** A paragraph (its runs) or a list (its items, each a line of runs). */
export interface ProseBlock {
  kind: 'paragraph' | 'list';
  ordered: boolean;
  runs: ProseRun[];
  items: ProseRun[][];
}

const LIST_ITEM = /^\s{0,3}(?:([-*])|(\d{1,9})[.)])\s+(.*)$/;
const INLINE =
  /\[(@[^\]\s;]+(?:\s*;\s*@[^\]\s;]+)*)\]|\*\*(\S(?:[^*]*\S)?)\*\*|\*(\S(?:[^*]*\S)?)\*|(?<![\p{L}\p{N}])_(\S(?:[^_]*\S)?)_(?![\p{L}\p{N}])/gu;

/** Reads prose text into blocks. Pure; never throws. */
export function parseProse(text: string): ProseBlock[] {
  const lines = text.replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n').split('\n');
  const blocks: ProseBlock[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | undefined;
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', ordered: false, runs: parseInline(paragraph.join(' ')), items: [] });
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, runs: [], items: list.items.map(parseInline) });
    paragraph = [];
    list = undefined;
  };
  for (const line of lines) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item && paragraph.length === 0) {
      const ordered = item[2] !== undefined;
      if (list && list.ordered !== ordered) flush();
      list ??= { ordered, items: [] };
      list.items.push(item[3] ?? '');
    } else if (list && list.items.length > 0) {
      // A line that continues the last item.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}

/** The runs of one line of prose. */
export function parseInline(line: string): ProseRun[] {
  const runs: ProseRun[] = [];
  const push = (kind: ProseRun['kind'], raw: string, keys: string[] = []): void => {
    const previous = runs[runs.length - 1];
    if (/^\s/.test(raw) && previous) previous.space_after = true;
    const text = raw.replace(/\s+/g, ' ').trim();
    if (text === '' && kind !== 'cite') return;
    runs.push({ kind, text, space_after: /\s$/.test(raw), keys, numbers: [] });
  };
  let at = 0;
  for (const match of line.matchAll(INLINE)) {
    push('text', line.slice(at, match.index));
    const [whole, cite, strong, em, underscored] = match;
    if (cite !== undefined)
      push(
        'cite',
        '',
        cite.split(';').map((key) => key.trim().slice(1)),
      );
    else if (strong !== undefined) push('strong', strong);
    else push('em', em ?? underscored ?? '');
    at = match.index + whole.length;
  }
  push('text', line.slice(at));
  return runs.filter((run) => run.kind === 'cite' || run.text !== '');
}

/** Every citation run of some blocks, in reading order. */
export function citationsOf(blocks: readonly ProseBlock[]): ProseRun[] {
  return blocks.flatMap((block) => [...block.runs, ...block.items.flat()]).filter((run) => run.kind === 'cite');
}

/** "1, 3-5": reference numbers as Vancouver prints them, runs of three or more as a range. */
export function formatCitationNumbers(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++;
    parts.push(j - i >= 2 ? `${sorted[i]}\u2013${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}
