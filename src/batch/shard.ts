import { relative, resolve, sep } from 'node:path';
import type { InputRef } from '../io/expand-inputs.js';

/** `--shard I/N`: this run renders share I (1-based) of N. */
export interface Shard {
  index: number;
  count: number;
}

/** Reads `I/N`; undefined with a reason when it is not a valid shard. */
export function parseShard(text: string): Shard | string {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) return `invalid --shard \`${text}\`: write I/N with 1 <= I <= N, e.g. 2/5`;
  return { index, count };
}

/** FNV-1a: small, fast and the same on every machine, which is all a shard assignment needs. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The key a case is sharded by: its path relative to the working directory, with `/` separators. */
export function shardKey(ref: InputRef, cwd = process.cwd()): string {
  return ref.kind === 'stdin' ? '-' : relative(cwd, resolve(ref.path)).split(sep).join('/');
}

/**
 * The inputs that belong to one shard. Each case goes to the shard its path hashes to, so the split
 * does not depend on the order the files were listed in, and shards 1..N together cover every case once.
 */
export function selectShard(refs: readonly InputRef[], shard: Shard, cwd = process.cwd()): InputRef[] {
  return refs.filter((ref) => hash(shardKey(ref, cwd)) % shard.count === shard.index - 1);
}
