import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import { shortText, type CasePath } from './errors.js';

/**
 * How many values aliases may add to a case file in all. Aliases are shared, not copied, when the
 * file is read, but every later step (the schema check, the report model) walks each place a value
 * appears: nested aliases would let a small file stand for billions of values.
 */
export const MAX_ALIASED_VALUES = 10_000;

/** A problem found while turning the YAML document into data, at an offset in the text. */
export interface DataProblem {
  code: 'duplicate-key' | 'reserved-key' | 'complex-key' | 'unknown-alias' | 'alias-cycle' | 'alias-bomb';
  message: string;
  path: CasePath;
  offset: number;
  hint?: string;
}

class AliasBomb extends Error {}

/**
 * The plain value of a YAML document (objects, arrays, text, numbers, booleans, null), in one pass
 * over its nodes. It does what `Document.toJS` does, and also what a case file needs that `toJS`
 * does not do, or does in quadratic time: duplicate keys (also `1` and `"1"`, which `toJS` merges
 * silently), keys that are not text, `__proto__`, aliases that contain themselves or add more than
 * {@link MAX_ALIASED_VALUES} values.
 */
export function documentToData(doc: Document.Parsed, lineOf: (offset: number) => number): { data: unknown } | { problems: DataProblem[] } {
  const walk = new DataWalk(lineOf);
  try {
    const data = walk.value(doc.contents);
    return walk.problems.length > 0 ? { problems: walk.problems } : { data };
  } catch (error) {
    if (error instanceof AliasBomb) return { problems: [walk.bomb as DataProblem] };
    throw error;
  }
}

class DataWalk {
  readonly problems: DataProblem[] = [];
  bomb: DataProblem | undefined;
  /** The path to the value being read; copied only into problems. */
  private readonly path: CasePath = [];
  /** The last node seen with each anchor name: an alias means the nearest anchor before it. */
  private readonly anchors = new Map<string, Node>();
  /** Anchored nodes read in full, with their value and how many values they hold, aliases counted. */
  private readonly read = new Map<Node, { value: unknown; size: number }>();
  private aliased = 0;
  /** How many values the node just read holds (itself included), aliases counted. */
  private size = 0;

  constructor(private readonly lineOf: (offset: number) => number) {}

  value(node: unknown): unknown {
    if (isAlias(node)) return this.alias(node.source, offsetOf(node));
    const anchor = (node as Node | null)?.anchor;
    if (anchor !== undefined) this.anchors.set(anchor, node as Node);
    let value: unknown;
    if (isMap(node)) value = this.map(node.items as Pair[]);
    else if (isSeq(node)) value = this.seq(node.items);
    else {
      value = isScalar(node) ? scalarValue(node.value, node.source) : null;
      this.size = 1;
    }
    if (anchor !== undefined) this.read.set(node as Node, { value, size: this.size });
    return value;
  }

  private map(pairs: Pair[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const firstAt = new Map<string, number>();
    let size = 1;
    for (const pair of pairs) {
      const key = this.key(pair.key);
      const at = offsetOf(pair.key ?? pair.value);
      this.path.push(key ?? '?');
      if (key === undefined) {
        this.problem('complex-key', 'a key must be a plain word or text, not a list or a mapping', at, 'write the key as text');
      } else if (key === '__proto__') {
        this.problem('reserved-key', '`__proto__` cannot be used as a key', at, 'rename the key');
      } else if (firstAt.has(key)) {
        this.problem(
          'duplicate-key',
          `duplicate key \`${shortText(key)}\` (first at line ${this.lineOf(firstAt.get(key) as number)})`,
          at,
          'each key may appear once in a mapping; merge the two entries',
        );
      } else {
        firstAt.set(key, at);
      }
      const value = this.value(pair.value);
      if (key !== undefined && key !== '__proto__' && !Object.hasOwn(out, key)) out[key] = value;
      size += 1 + this.size;
      this.path.pop();
    }
    this.size = size;
    return out;
  }

  private seq(items: unknown[]): unknown[] {
    const out: unknown[] = new Array(items.length);
    let size = 1;
    for (let i = 0; i < items.length; i++) {
      this.path.push(i);
      out[i] = this.value(items[i]);
      size += this.size;
      this.path.pop();
    }
    this.size = size;
    return out;
  }

  /** A key as the data's property name; undefined for a key that is a collection. */
  private key(node: unknown): string | undefined {
    if (node === null || node === undefined) return '';
    if (isScalar(node)) return String(scalarValue(node.value, node.source) ?? '');
    if (isAlias(node)) {
      const target = this.anchors.get(node.source);
      return isScalar(target) ? String(scalarValue(target.value, target.source) ?? '') : undefined;
    }
    return undefined;
  }

  private alias(name: string, at: number): unknown {
    const target = this.anchors.get(name);
    if (target === undefined) {
      this.problem(
        'unknown-alias',
        `the alias \`*${shortText(name)}\` has no anchor \`&${shortText(name)}\` before it`,
        at,
        'define the anchor (`&name`) on a value above the alias',
      );
      this.size = 1;
      return null;
    }
    const read = this.read.get(target);
    if (read === undefined) {
      this.problem(
        'alias-cycle',
        `the alias \`*${shortText(name)}\` is inside the value it stands for`,
        at,
        'a value cannot contain itself; write the inner value out',
      );
      this.size = 1;
      return null;
    }
    this.aliased += read.size;
    if (this.aliased > MAX_ALIASED_VALUES) {
      this.bomb = this.make(
        'alias-bomb',
        `YAML aliases expand this file beyond a safe size (more than ${MAX_ALIASED_VALUES.toLocaleString('en-US')} repeated values)`,
        at,
        'write the repeated values out, or use fewer aliases',
      );
      throw new AliasBomb();
    }
    this.size = read.size;
    return read.value;
  }

  private problem(code: DataProblem['code'], message: string, offset: number, hint: string): void {
    this.problems.push(this.make(code, message, offset, hint));
  }

  private make(code: DataProblem['code'], message: string, offset: number, hint: string): DataProblem {
    return { code, message, path: [...this.path], offset, hint };
  }
}

/** A scalar's value; anything but text, numbers, booleans and null is read as written. */
function scalarValue(value: unknown, source: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return typeof source === 'string' ? source : String(value);
}

function offsetOf(node: unknown): number {
  return (node as Node | null)?.range?.[0] ?? 0;
}
