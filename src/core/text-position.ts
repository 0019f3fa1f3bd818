/** A line and column in a text, both 1-based. */
export interface TextPosition {
  line: number;
  column: number;
}

/** Offsets at which each line of a text starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The line and column (1-based) of an offset, given the text's line starts. */
export function positionAt(starts: readonly number[], offset: number): TextPosition {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}

/** The offset of a 1-based line and a 0-based column (Handlebars counts columns from 0). */
export function offsetAt(starts: readonly number[], line: number, column0: number): number {
  return (starts[line - 1] ?? 0) + column0;
}
