import { describe, expect, it } from 'vitest';
import { describeSpread, quantile, wilson } from '../../../src/core/series/stats.js';

describe('the Wilson score interval', () => {
  // Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of seven
  // methods. Stat Med 1998;17:857-72, Table II, method 3 (score interval without continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('matches Newcombe 1998 for %i/%i: %f to %f', (k, n, low, high) => {
    const p = wilson(k, n);
    expect(p.ci_low).toBe(low);
    expect(p.ci_high).toBe(high);
  });

  it('matches the series format contract: 3/5, 1/5, 0/5', () => {
    expect(wilson(3, 5)).toEqual({ k: 3, n: 5, proportion: 0.6, ci_low: 0.2307, ci_high: 0.8824 });
    expect(wilson(1, 5)).toEqual({ k: 1, n: 5, proportion: 0.2, ci_low: 0.0362, ci_high: 0.6245 });
    expect(wilson(0, 5)).toEqual({ k: 0, n: 5, proportion: 0, ci_low: 0, ci_high: 0.4345 });
  });

  it('is 1 at the top when every case responds, and has no interval without cases', () => {
    expect(wilson(5, 5)).toMatchObject({ proportion: 1, ci_high: 1, ci_low: 0.5655 });
    expect(wilson(0, 0)).toEqual({ k: 0, n: 0, proportion: null, ci_low: null, ci_high: null });
    expect(() => wilson(3, 2)).toThrow(RangeError);
  });
});

describe('quantiles and spread', () => {
  it('interpolates between order statistics (Hyndman and Fan type 7, as R and NumPy)', () => {
    // R: quantile(c(1, 2, 3, 4), c(.25, .5, .75)) gives 1.75 2.5 3.25
    expect([0.25, 0.5, 0.75].map((p) => quantile([1, 2, 3, 4], p))).toEqual([1.75, 2.5, 3.25]);
    expect(quantile([7], 0.25)).toBe(7);
  });

  it('gives median, quartiles, mean and sample SD rounded to 4 decimals; no SD from one value', () => {
    expect(describeSpread([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ n: 8, median: 4.5, q1: 4, q3: 5.5, mean: 5, sd: 2.1381 });
    expect(describeSpread([3])).toEqual({ n: 1, median: 3, q1: 3, q3: 3, mean: 3, sd: null });
    expect(describeSpread([])).toMatchObject({ n: 0, median: null });
  });
});
