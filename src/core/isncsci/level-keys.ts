import { MOTOR_LEVELS, SENSORY_LEVELS } from './levels.js';

const LEVELS: ReadonlySet<string> = new Set([...MOTOR_LEVELS, ...SENSORY_LEVELS]);

/** How a grid's levels read in a message: all ten motor levels, or the sensory range. */
export function describeLevels(levels: readonly string[]): string {
  return levels.length === MOTOR_LEVELS.length ? levels.join(' ') : `${levels[0] ?? ''} … ${levels.at(-1) ?? ''}`;
}

/** The level a loosely written key most likely means (`s4-5` → `S4_5`, `t 4` → `T4`), or the key upper-cased. */
export function canonicalLevelKey(key: string): string {
  if (LEVELS.has(key)) return key; // as almost every key is written
  const upper = key.trim().toUpperCase();
  if (/^S\s*4\s*[-_/.,\s]?\s*S?\s*5$/.test(upper)) return 'S4_5';
  return upper.replace(/[\s_\-.]+/g, '');
}

/** Edit distance, for did-you-mean hints on level keys (short strings, so the plain table is fine). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The nearest of `candidates` to `key` within `maxDistance` edits (first one wins a tie). */
function nearest(key: string, candidates: readonly string[], maxDistance: number): string | undefined {
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const candidate of candidates) {
    const distance = editDistance(key, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** A hint for an unknown map key, preferring a level that the map is missing. */
export function hintForUnknownKey(key: string, levels: readonly string[], missing: readonly string[]): string {
  const canonical = canonicalLevelKey(key);
  if (levels.includes(canonical)) return `write ${canonical}`;
  const isMotor = levels.length === MOTOR_LEVELS.length;
  if (isMotor && (SENSORY_LEVELS as readonly string[]).includes(canonical)) {
    return `${canonical} has no key muscle; the motor levels are ${describeLevels(levels)}`;
  }
  const guess = nearest(canonical, missing, 2);
  if (guess !== undefined) return `did you mean ${guess}?`;
  if (missing.length === 0) return `all ${levels.length} levels are already there; remove ${key}`;
  return `the levels are ${describeLevels(levels)}; still missing: ${missing.join(', ')}`;
}
