import type { Document, LineCounter, Node } from 'yaml';
import type { CasePath } from './errors.js';
import { yamlLib } from './yaml-lib.js';

/** Where a path points in the YAML text: its value, or its key (for an unknown key). */
export interface Located {
  line: number;
  column: number;
}

/**
 * Finds the line and column of `path` in a parsed document. When the path runs past what the file
 * holds (a missing key), it points at the deepest node that exists, which is where the fix goes.
 */
export function locatePath(doc: Document, counter: LineCounter, path: CasePath, pointAtKey = false): Located | undefined {
  const { isMap, isScalar, isSeq } = yamlLib();
  let node: unknown = doc.contents;
  let found: Node | undefined = (doc.contents as Node | null) ?? undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(segment));
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
  const offset = found?.range?.[0];
  if (offset === undefined) return undefined;
  const pos = counter.linePos(offset);
  return { line: pos.line, column: pos.col };
}
