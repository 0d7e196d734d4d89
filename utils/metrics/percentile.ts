/**
 * Percentiles by linear interpolation between closest ranks (the "inclusive" method of
 * spreadsheets' PERCENTILE.INC): p-th percentile of sorted x[0..n-1] is at rank p·(n−1).
 * The median is the 50th percentile. Empty input gives null (the dashboard shows "—").
 */
export function percentileOfSorted(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.min(Math.max(p, 0), 1) * (n - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (rank - lo);
}

export function percentile(values: readonly number[], p: number): number | null {
  return percentileOfSorted(Float64Array.from(values).sort() as unknown as number[], p);
}

export interface Spread {
  median: number | null;
  p90: number | null;
  count: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = Float64Array.from(values).sort() as unknown as number[];
  return { median: percentileOfSorted(sorted, 0.5), p90: percentileOfSorted(sorted, 0.9), count: values.length };
}
