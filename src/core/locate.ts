import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import type { CasePath } from './errors.js';

/** Where a path points in the YAML text: its value, or its key (for an unknown key). */
export interface Located {
  line: number;
  column: number;
}

// Each mapping's pairs by key, built the first time a path passes through it: a file with 50,000
// unknown keys has 50,000 issues in one mapping, and a search per issue would take quadratic time.
const pairsByKey = new WeakMap<YAMLMap, Map<string, number>>();

/** The position in its mapping of the pair with this key (as the data spells keys), in constant time after the first. */
export function pairIndex(map: YAMLMap, key: string): number | undefined {
  let index = pairsByKey.get(map);
  if (!index) {
    index = new Map();
    for (const [i, pair] of (map.items as Pair[]).entries()) {
      const name = keyText(pair.key);
      if (!index.has(name)) index.set(name, i);
    }
    pairsByKey.set(map, index);
  }
  return index.get(key);
}

/** The pair of a mapping with this key, if any. */
export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  const i = pairIndex(map, key);
  return i === undefined ? undefined : (map.items[i] as Pair);
}

/** The node a path leads to, or undefined where the file does not hold it (or an alias stands in the way). */
export function nodeAt(doc: Document, path: CasePath): unknown {
  let node: unknown = doc.contents;
  for (const segment of path) {
    if (isMap(node)) node = pairOf(node, String(segment))?.value;
    else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else return undefined;
  }
  return node;
}

function keyText(key: unknown): string {
  if (key === null || key === undefined) return '';
  return isScalar(key) ? String(key.value ?? '') : String(key);
}

/**
 * Finds the line and column of `path` in a parsed document. When the path runs past what the file
 * holds (a missing key), it points at the deepest node that exists, which is where the fix goes.
 */
export function locatePath(
  doc: Document,
  counter: LineCounter,
  path: CasePath,
  pointAtKey = false,
  within?: { text: string; needle: string },
): Located | undefined {
  let node: unknown = doc.contents;
  let found: Node | undefined = (doc.contents as Node | null) ?? undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = pairOf(node, String(segment));
      if (!pair) break;
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if ((last && pointAtKey) || value === null || value.range === undefined) {
        found = key ?? found;
        if (!(last && pointAtKey) && value?.range) found = value;
        node = value;
        if (last && pointAtKey) break;
        continue;
      }
      node = value;
      found = value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      node = item;
      found = item;
    } else {
      break;
    }
  }
  let offset = found?.range?.[0];
  if (offset === undefined) return undefined;
  // A needle inside the value (a citation in a paragraph): its first place in the value's own text.
  const end = found?.range?.[1];
  if (within && end !== undefined) {
    const at = within.text.slice(offset, end).indexOf(within.needle);
    if (at >= 0) offset += at;
  }
  const pos = counter.linePos(offset);
  return { line: pos.line, column: pos.col };
}
