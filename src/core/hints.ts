/** Levenshtein distance, small and allocation-light: the inputs are short keys and enum values. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}

// A typo is short, and a file may have thousands of unknown words: past these sizes, no hint.
const MAX_WORD = 64;
const MAX_CANDIDATES = 1000;

const normalize = (word: string) => word.toLowerCase().replace(/[\s_]/g, '-');

// Candidates spelled for comparison, once per list: one list may serve 50,000 unknown keys.
const normalized = new WeakMap<readonly string[], string[]>();

/** The closest candidate to a mistyped word, if one is close enough to be a likely typo. */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > MAX_WORD || candidates.length > MAX_CANDIDATES) return undefined;
  const needle = normalize(word);
  const limit = Math.max(2, Math.ceil(word.length * 0.4));
  let spelled = normalized.get(candidates);
  if (!spelled) normalized.set(candidates, (spelled = candidates.map((c) => (c.length > MAX_WORD ? '' : normalize(c)))));
  let best: string | undefined;
  let bestScore = Infinity;
  for (const [i, candidate] of candidates.entries()) {
    const hay = spelled[i] as string;
    if (hay === '') continue;
    const near = Math.abs(hay.length - needle.length) <= limit;
    const score = hay === needle ? 0 : hay.startsWith(needle) || needle.startsWith(hay) ? 1 : near ? editDistance(needle, hay) : Infinity;
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return bestScore <= limit ? best : undefined;
}

/** "did you mean `male`?" or undefined. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const match = closestMatch(word, candidates);
  return match === undefined ? undefined : `did you mean \`${match}\`?`;
}
