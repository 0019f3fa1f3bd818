import { isMap, isScalar, Scalar, type Document, type Pair } from 'yaml';
import { shortText, type CasePath } from '../errors.js';
import { nodeAt, pairIndex } from '../locate.js';

/** Hints for keys that are common slips of the format rather than typos. */
export function hintForUnknownKey(path: CasePath, key: string): string | undefined {
  if (key === 'date' && path.length === 2 && path[0] === 'rounds') {
    return 'rounds take `start` and `end` (dates), or `day` and `end_day`, not `date`';
  }
  return undefined;
}

/**
 * The YAML trap of a comma in unquoted text inside `{ }`: `{ finding: can lift the arm, slowly }`
 * ends the finding at the comma and makes `slowly` a key. An issue at such a key (unknown, or
 * without a value) gets a hint that says so, when the entry before it is unquoted text.
 */
export function flowCommaHint(doc: Document, path: CasePath, code: string): string | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  const map = nodeAt(doc, path.slice(0, -1));
  if (!isMap(map) || !map.flow) return undefined;
  const i = pairIndex(map, key);
  if (i === undefined || i === 0) return undefined;
  const pair = map.items[i] as Pair;
  const before = map.items[i - 1] as Pair;
  if (code !== 'unknown-key' && pair.value !== null) return undefined;
  const text = before.value;
  if (!isScalar(text) || text.type !== Scalar.PLAIN || typeof text.value !== 'string') return undefined;
  const name = isScalar(before.key) ? String(before.key.value) : 'the text';
  const whole = pair.value === null ? `\`${name}: "${shortText(`${text.value}, ${key}`, 60)}"\`` : 'it';
  return `inside \`{ }\` a comma ends the text before it, and \`${shortText(key)}\` became a key: put the text in quotes (${whole}) or use block style`;
}
