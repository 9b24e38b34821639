// Medians and percentiles of measured values. Linear interpolation between the closest ranks
// (R-7, spreadsheets' PERCENTILE.INC): the median of an even count is the mean of the two
// middle values, as the report's definitions say.

/** The p-th quantile (0..1) of the values, or undefined when there are none. */
export function quantile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  const rank = (sorted.length - 1) * p
  const below = Math.floor(rank)
  const low = sorted[below] as number
  const high = sorted[Math.min(below + 1, sorted.length - 1)] as number
  return low + (high - low) * (rank - below)
}

export const median = (values: readonly number[]): number | undefined => quantile(values, 0.5)

/** a ÷ b × 100, or undefined when b is 0. */
export function percent(part: number, whole: number): number | undefined {
  return whole > 0 ? (part / whole) * 100 : undefined
}

/** A figure as an output: a plain decimal with at most 2 decimals, empty when unmeasured. */
export function plainNumber(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return ''
  return String(Math.round(value * 100) / 100)
}
