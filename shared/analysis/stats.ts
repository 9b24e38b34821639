// The two figures the analysis judges requests by. Kept apart from the engine so the report and
// the tests compute them the same way.

/**
 * The p-th percentile by the nearest-rank method: the smallest value with at least p % of the
 * values at or below it (`sorted[ceil(p/100 · n) − 1]`). It is always one of the measured
 * latencies, never an interpolation between two, so a p95 of 88ms means a request took 88ms.
 * `sorted` must be in ascending order; undefined when there are no values.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | undefined {
  const count = sorted.length
  if (count === 0) return undefined
  const rank = Math.min(count, Math.max(1, Math.ceil((p / 100) * count)))
  return sorted[rank - 1]
}

/** The same over values in any order (sorted on a copy). */
export function percentile(values: readonly number[], p: number): number | undefined {
  return percentileOfSorted(Float64Array.from(values).sort(), p)
}

/** Percent of failed requests; 0 when none were made (nothing failed). */
export function errorRate(failed: number, total: number): number {
  return total === 0 ? 0 : (failed / total) * 100
}
