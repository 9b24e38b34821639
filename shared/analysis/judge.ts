// What a window has seen so far and what it makes of it: the tally of requests (counts exact,
// latencies bounded by samples.ts) and the limit checks that turn it into a problem, in the
// short words a log line, a verdict's reason and a Deployment description share.
import { statusMatches, type StatusSet } from '../http/status.js'
import { formatMetric, formatMs, formatPercent, shownUrl } from './format.js'
import { conditionHolds, MIN_SAMPLES_PER_URL } from './inputs.js'
import { LatencySample } from './samples.js'
import { errorRate } from './stats.js'
import type { AnalysisLimits, Baseline, Condition } from './types.js'

/** One request's result: a status when an answer came, the time it took, or why none came. */
export interface ProbeResult {
  status?: number
  latencyMs: number
  error?: string
}

/** The window's figures so far. */
export interface TallyFigures {
  samples: number
  /** Percent of failed requests. */
  errorRate: number
  p50?: number
  p95?: number
}

/** Every request of a window: how many per URL, how many failed, and their latencies. */
export class Tally {
  private readonly perUrl = new Map<string, number>()
  private failed = 0
  private total = 0
  private readonly latencies: LatencySample

  constructor(
    urls: readonly string[],
    private readonly statuses: StatusSet,
    random?: () => number,
  ) {
    for (const url of urls) this.perUrl.set(url, 0)
    this.latencies = new LatencySample(undefined, random)
  }

  /**
   * A failed request is a connection error, a timeout or a status outside the expected ones;
   * the latency of every request that got an answer (whatever its status) counts.
   */
  add(url: string, result: ProbeResult): void {
    this.total++
    this.perUrl.set(url, (this.perUrl.get(url) ?? 0) + 1)
    if (result.status === undefined || !statusMatches(this.statuses, result.status)) this.failed++
    if (result.status !== undefined) this.latencies.add(result.latencyMs)
  }

  figures(): TallyFigures {
    return {
      samples: this.total,
      errorRate: errorRate(this.failed, this.total),
      ...this.latencies.percentiles(),
    }
  }

  /** Requests that got an answer. */
  get answered(): number {
    return this.latencies.count
  }

  /** The URL sampled least, with its count (undefined when no URL is sampled). */
  fewest(): { url: string; count: number } | undefined {
    let fewest: { url: string; count: number } | undefined
    for (const [url, count] of this.perUrl) {
      if (fewest === undefined || count < fewest.count) fewest = { url, count }
    }
    return fewest
  }

  /** Whether every URL has enough samples for the HTTP limits to be judged. */
  judgeable(): boolean {
    const fewest = this.fewest()
    return fewest !== undefined && fewest.count >= MIN_SAMPLES_PER_URL
  }
}

/**
 * Below this much added p95 a slower release is not a regression, whatever the factor: a fast
 * endpoint's 5 ms baseline would otherwise fail at 11 ms, within the jitter of one busy runner
 * or network hop. Above a baseline of 50 ms / (factor - 1) the factor alone decides.
 */
export const REGRESSION_FLOOR_MS = 50

/** The p95 the regression limit allows: `factor` times the baseline, and never under it + 50 ms. */
export function regressionLimitMs(factor: number, baseline: Baseline): number {
  return Math.max(factor * baseline.p95, baseline.p95 + REGRESSION_FLOOR_MS)
}

/**
 * The first HTTP limit the figures break, in a few words (`error rate 33% over 5%`, `p95 1.2s
 * over 800ms`, `p95 930ms over 2x the baseline's 310ms`), or undefined when all hold.
 */
export function httpProblem(
  figures: TallyFigures,
  limits: AnalysisLimits,
  baseline: Baseline | undefined,
): string | undefined {
  if (limits.maxErrorRate !== undefined && figures.errorRate > limits.maxErrorRate) {
    return `error rate ${formatPercent(figures.errorRate)} over ${formatPercent(limits.maxErrorRate)}`
  }
  const p95 = figures.p95
  if (p95 === undefined) return undefined
  if (limits.maxLatencyP95Ms !== undefined && p95 > limits.maxLatencyP95Ms) {
    return `p95 ${formatMs(p95)} over ${formatMs(limits.maxLatencyP95Ms)}`
  }
  const factor = limits.maxLatencyRegression
  if (factor !== undefined && baseline !== undefined && p95 > regressionLimitMs(factor, baseline)) {
    return `p95 ${formatMs(p95)} over ${factor}x the baseline's ${formatMs(baseline.p95)}`
  }
  return undefined
}

/** `metric 0.12 is not < 0.05`, or undefined when the value passes. */
export function metricProblem(condition: Condition, value: number): string | undefined {
  if (conditionHolds(condition, value)) return undefined
  return `metric ${formatMetric(value)} is not ${condition.text}`
}

/** `only 3 samples of https://app.example.com/health (5 needed)`. */
export function tooFewSamples(url: string, count: number): string {
  return `only ${count} sample${count === 1 ? '' : 's'} of ${shownUrl(url, 80)} (${MIN_SAMPLES_PER_URL} needed)`
}
