/** The normal quantile for a two-sided 95% interval, as the series format fixes it. */
export const Z95 = 1.959964;

/** A proportion with its 95% Wilson score interval, rounded to 4 decimals. */
export interface Proportion {
  k: number;
  n: number;
  /** k / n; null where n is 0. */
  proportion: number | null;
  ci_low: number | null;
  ci_high: number | null;
}

/** Rounded to 4 decimals, as the series JSON gives every statistic. */
export function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/**
 * The Wilson score interval (Wilson 1927; method 3 of Newcombe 1998, Stat Med 17:857-72): no
 * continuity correction, never outside [0, 1], and defined at k = 0 and k = n, where the simple
 * (Wald) interval collapses to a point.
 */
export function wilson(k: number, n: number, z = Z95): Proportion {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n) throw new RangeError(`wilson(${k}, ${n}): need 0 <= k <= n`);
  if (n === 0) return { k, n, proportion: null, ci_low: null, ci_high: null };
  const p = k / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  // At k = 0 and k = n the bound is exactly 0 or 1; computing it leaves floating-point dust.
  const low = k === 0 ? 0 : (centre - spread) / denominator;
  const high = k === n ? 1 : (centre + spread) / denominator;
  return { k, n, proportion: round4(p), ci_low: round4(low), ci_high: round4(high) };
}

/**
 * The p-th quantile of sorted values by linear interpolation between order statistics: Hyndman and
 * Fan's type 7, the default of R and of NumPy. With one value, every quantile is that value.
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

/** Median and quartiles (type 7), mean and sample standard deviation (n - 1), each rounded to 4 decimals. */
export interface Spread {
  n: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
  mean: number | null;
  /** Null with fewer than two values. */
  sd: number | null;
}

export function describeSpread(values: readonly number[]): Spread {
  const n = values.length;
  if (n === 0) return { n, median: null, q1: null, q3: null, mean: null, sd: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1)) : null;
  return {
    n,
    median: round4(quantile(sorted, 0.5)),
    q1: round4(quantile(sorted, 0.25)),
    q3: round4(quantile(sorted, 0.75)),
    mean: round4(mean),
    sd: sd === null ? null : round4(sd),
  };
}
