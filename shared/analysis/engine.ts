// The analysis engine: one window of measurements on a fixed schedule, judged as it goes and
// once more at its end. gated-deploy runs one window per traffic step (or one without steps),
// health-check one `watch` window. Everything it waits on is bounded: each measurement by
// min(interval, 10s), the window by its duration.
import { formatDuration } from '../durations.js'
import { errorMessage } from '../errors.js'
import { sendProbe } from '../http/probe.js'
import * as core from '../runner-protocol.js'
import { sleep } from '../sleep.js'
import { plural } from '../text.js'
import { formatElapsed, formatMetric, formatMs, formatPercent, oneLine } from './format.js'
import { httpProblem, metricProblem, Tally, tooFewSamples, type ProbeResult } from './judge.js'
import { InconclusiveError, queryPrometheus } from './prometheus.js'
import { EvenlyThinned } from './samples.js'
import type {
  AnalysisSettings,
  Baseline,
  Measurement,
  PrometheusCheck,
  WindowReport,
} from './types.js'

export type { ProbeResult } from './judge.js'

/** No measurement waits longer than this for its answers, however long the interval. */
export const MAX_MEASUREMENT_MS = 10_000
/**
 * The least time a request or query of a measurement gets, however short the interval: with
 * measurements every 100 ms, a 150 ms answer from a busy runner or a far region would otherwise
 * count as a failed request. A measurement that takes longer skips the slots it overran; the
 * schedule itself stays start to start.
 */
export const MIN_MEASUREMENT_MS = 1000

/** How long each request and query of a measurement may take: the interval, within 1-10 s. */
export function measurementLimitMs(intervalMs: number): number {
  return Math.min(Math.max(intervalMs, MIN_MEASUREMENT_MS), MAX_MEASUREMENT_MS)
}

export interface Clock {
  /** ms on any monotonic scale. */
  now(): number
  sleep(ms: number): Promise<void>
}

/** What the engine reaches the world through; tests pass their own. */
export interface AnalysisDeps {
  clock: Clock
  /** One GET; must end within `timeoutMs` (a backstop cuts it off 1s later all the same). */
  probe(url: string, headers: Record<string, string>, timeoutMs: number): Promise<ProbeResult>
  /** One instant query; throws InconclusiveError when no number can be had. */
  prometheus(check: PrometheusCheck, timeoutMs: number): Promise<number>
  /** One line per measurement (the runner's log by default, which makes foreign text inert). */
  log(line: string): void
  /** For the latency reservoir of long windows. */
  random(): number
}

export interface WindowOptions {
  /** The baseline `max-latency-regression` compares with. */
  baseline?: Baseline
  /** Put in front of each log line, e.g. `at 10%`. */
  label?: string
}

/** The real probe: one GET through the probe engine, redirects followed within its rules. */
export async function realProbe(
  url: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<ProbeResult> {
  const outcome = await sendProbe({
    url,
    method: 'GET',
    headers,
    timeoutMs,
    followRedirects: true,
    insecure: false,
    ipVersion: 0,
  })
  if (outcome.ok) return { status: outcome.response.status, latencyMs: outcome.response.latencyMs }
  return { error: outcome.error, latencyMs: outcome.latencyMs }
}

export const realDeps: AnalysisDeps = {
  clock: { now: () => performance.now(), sleep: (ms) => sleep(ms) },
  probe: realProbe,
  prometheus: queryPrometheus,
  log: (line) => core.info(line),
  random: Math.random,
}

/** Past `ms` (+1s grace), `fallback` wins: a dependency that ignores its limit cannot stall a window. */
async function bounded<T>(work: Promise<T>, ms: number, fallback: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const backstop = new Promise<T>((resolve, reject) => {
    timer = setTimeout(() => {
      try {
        resolve(fallback())
      } catch (err) {
        reject(err)
      }
    }, ms + 1000)
    timer.unref?.()
  })
  try {
    return await Promise.race([work, backstop])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Runs `measure` at start + k·interval while that is before start + duration, start to start:
 * a measurement that overran (it cannot by more than its bound) skips the slots it missed
 * instead of bunching the next ones up. Stops when `measure` returns true.
 */
async function onSchedule(
  clock: Clock,
  durationMs: number,
  intervalMs: number,
  measure: (atMs: number) => Promise<boolean>,
): Promise<{ endedEarly: boolean; elapsedMs: number }> {
  const start = clock.now()
  for (let slot = 0; slot * intervalMs < durationMs;) {
    const wait = start + slot * intervalMs - clock.now()
    if (wait > 0) await clock.sleep(wait)
    if (await measure(slot * intervalMs)) {
      // Early only when a measurement was still to come.
      const endedEarly = (slot + 1) * intervalMs < durationMs
      return { endedEarly, elapsedMs: clock.now() - start }
    }
    slot = Math.max(slot + 1, Math.ceil((clock.now() - start) / intervalMs))
  }
  return { endedEarly: false, elapsedMs: clock.now() - start }
}

/** One request per URL, in parallel, each within `timeoutMs`, all added to the tally. */
async function sampleUrls(
  settings: AnalysisSettings,
  tally: Tally,
  timeoutMs: number,
  deps: AnalysisDeps,
): Promise<void> {
  const noAnswer = (): ProbeResult => ({
    latencyMs: timeoutMs,
    error: `no answer within ${formatDuration(timeoutMs)}`,
  })
  const results = await Promise.all(
    settings.urls.map((url) =>
      bounded(
        // A probe that throws, even before returning a promise, is a request that failed.
        Promise.resolve()
          .then(() => deps.probe(url, settings.headers, timeoutMs))
          .catch((err: unknown): ProbeResult => ({ latencyMs: 0, error: errorMessage(err) })),
        timeoutMs,
        noAnswer,
      ),
    ),
  )
  settings.urls.forEach((url, index) => tally.add(url, results[index] ?? noAnswer()))
}

/** The metric's value, or why it could not be had. */
async function sampleMetric(
  check: PrometheusCheck,
  timeoutMs: number,
  deps: AnalysisDeps,
): Promise<{ value: number } | { problem: string }> {
  try {
    const query = Promise.resolve().then(() => deps.prometheus(check, timeoutMs))
    const value = await bounded(query, timeoutMs, () => {
      throw new InconclusiveError(`Prometheus did not answer within ${formatDuration(timeoutMs)}`)
    })
    return { value }
  } catch (err) {
    return { problem: oneLine(errorMessage(err), 200) }
  }
}

function counts(failures: number, inconclusives: number, settings: AnalysisSettings): string {
  return `(failed ${failures}/${settings.failureLimit}, inconclusive ${inconclusives}/${settings.inconclusiveLimit})`
}

/** `[at 10%] 0:40 · 20 samples · errors 5% · p50 42ms p95 88ms · metric 0.01 · ok (failed 0/3, inconclusive 0/3)` */
function logLine(
  measurement: Measurement,
  settings: AnalysisSettings,
  options: WindowOptions,
  tail: string,
): string {
  const parts = [formatElapsed(measurement.atMs, settings.intervalMs)]
  if (settings.urls.length > 0) {
    parts.push(plural(measurement.samples, 'sample'))
    parts.push(`errors ${formatPercent(measurement.errorRate ?? 0)}`)
    const p50 = measurement.p50 === undefined ? '-' : formatMs(measurement.p50)
    const p95 = measurement.p95 === undefined ? '-' : formatMs(measurement.p95)
    parts.push(`p50 ${p50} p95 ${p95}`)
  }
  if (settings.limits.prometheus) {
    parts.push(
      `metric ${measurement.metric === undefined ? '?' : formatMetric(measurement.metric)}`,
    )
  }
  const outcome =
    measurement.outcome === 'ok' ? 'ok' : `${measurement.outcome}: ${measurement.problem ?? ''}`
  parts.push(`${outcome} ${tail}`)
  return `${options.label ? `[${oneLine(options.label, 40)}] ` : ''}${parts.join(' · ')}`
}

/**
 * Runs one analysis window and returns its verdict. A measurement fails when the window's
 * figures so far break a limit (HTTP limits once every URL has 5 samples, the metric from its
 * first value); it is inconclusive when the Prometheus query could not be made and nothing
 * failed. One failure past `failureLimit` ends the window `fail` at once, one inconclusive past
 * `inconclusiveLimit` ends it `inconclusive`. At its end the whole window is judged once more.
 */
export async function runWindow(
  settings: AnalysisSettings,
  options: WindowOptions = {},
  overrides: Partial<AnalysisDeps> = {},
): Promise<WindowReport> {
  const deps: AnalysisDeps = { ...realDeps, ...overrides }
  const check = settings.limits.prometheus
  const timeoutMs = measurementLimitMs(settings.intervalMs)
  const tally = new Tally(settings.urls, settings.statuses, deps.random)
  const measurements = new EvenlyThinned<Measurement>()
  const metrics = new EvenlyThinned<number>()
  let failures = 0
  let inconclusives = 0
  let lastInconclusive = ''
  let early: { verdict: 'fail' | 'inconclusive'; reason: string } | undefined

  const schedule = await onSchedule(
    deps.clock,
    settings.durationMs,
    settings.intervalMs,
    async (atMs) => {
      const [, metric] = await Promise.all([
        sampleUrls(settings, tally, timeoutMs, deps),
        check ? sampleMetric(check, timeoutMs, deps) : undefined,
      ])
      const figures = tally.figures()
      const measurement: Measurement = { atMs, samples: figures.samples, outcome: 'ok' }
      if (settings.urls.length > 0) {
        Object.assign(measurement, {
          errorRate: figures.errorRate,
          p50: figures.p50,
          p95: figures.p95,
        })
      }
      let problem =
        settings.urls.length > 0 && tally.judgeable()
          ? httpProblem(figures, settings.limits, options.baseline)
          : undefined
      if (check && metric && 'value' in metric) {
        measurement.metric = metric.value
        metrics.add(metric.value)
        problem ??= metricProblem(check.condition, metric.value)
      }
      if (problem !== undefined) {
        failures++
        Object.assign(measurement, { outcome: 'failed', problem })
      } else if (metric && 'problem' in metric) {
        inconclusives++
        lastInconclusive = metric.problem
        Object.assign(measurement, { outcome: 'inconclusive', problem: metric.problem })
      }
      measurements.add(measurement)
      deps.log(logLine(measurement, settings, options, counts(failures, inconclusives, settings)))
      if (failures > settings.failureLimit && problem !== undefined) {
        early = { verdict: 'fail', reason: problem }
      } else if (inconclusives > settings.inconclusiveLimit) {
        early = {
          verdict: 'inconclusive',
          // 110: room for `at 100%: ` in front within a Deployment description.
          reason: oneLine(
            `${plural(inconclusives, 'measurement')} could not be made: ${lastInconclusive}`,
            110,
          ),
        }
      }
      return early !== undefined
    },
  )

  const figures = tally.figures()
  const verdict =
    early ?? finalVerdict(settings, tally, options.baseline, metrics.count, lastInconclusive)
  return {
    verdict: verdict.verdict,
    reason: verdict.reason,
    samples: figures.samples,
    errorRate: figures.errorRate,
    p50: figures.p50,
    p95: figures.p95,
    metrics: metrics.items(),
    measurements: measurements.items(),
    failures,
    inconclusives,
    durationMs: Math.round(schedule.elapsedMs),
    endedEarly: schedule.endedEarly,
  }
}

/**
 * The whole window judged once more: a limit the window's figures break fails it even when
 * fewer measurements failed than tolerated; too few samples of a URL, or a Prometheus condition
 * that never got a value, make it inconclusive. Never a silent pass.
 */
function finalVerdict(
  settings: AnalysisSettings,
  tally: Tally,
  baseline: Baseline | undefined,
  metricValues: number,
  lastInconclusive: string,
): { verdict: 'pass' | 'fail' | 'inconclusive'; reason: string } {
  const fewest = tally.fewest()
  if (fewest !== undefined) {
    if (!tally.judgeable()) {
      return { verdict: 'inconclusive', reason: tooFewSamples(fewest.url, fewest.count) }
    }
    const problem = httpProblem(tally.figures(), settings.limits, baseline)
    if (problem !== undefined) return { verdict: 'fail', reason: problem }
  }
  // A condition never compared with a value held nothing (even when the URLs passed).
  if (settings.limits.prometheus && metricValues === 0) {
    const why = lastInconclusive === '' ? 'the window held no measurement' : lastInconclusive
    return { verdict: 'inconclusive', reason: oneLine(`no Prometheus value: ${why}`, 110) }
  }
  if (fewest === undefined && !settings.limits.prometheus) {
    return {
      verdict: 'inconclusive',
      reason: 'nothing was sampled: no URL and no Prometheus query',
    }
  }
  return { verdict: 'pass', reason: 'all limits held' }
}

/**
 * The release serving before the deploy, sampled like the window (same URLs, headers, statuses
 * and interval) for `durationMs` with no limits: its p50 and p95, or undefined when no request
 * got an answer (then `max-latency-regression` has nothing to compare with).
 */
export async function measureBaseline(
  settings: AnalysisSettings,
  durationMs: number,
  overrides: Partial<AnalysisDeps> = {},
): Promise<Baseline | undefined> {
  const deps: AnalysisDeps = { ...realDeps, ...overrides }
  const timeoutMs = measurementLimitMs(settings.intervalMs)
  const tally = new Tally(settings.urls, settings.statuses, deps.random)
  await onSchedule(deps.clock, durationMs, settings.intervalMs, async () => {
    await sampleUrls(settings, tally, timeoutMs, deps)
    return false
  })
  const figures = tally.figures()
  if (figures.p50 === undefined || figures.p95 === undefined) {
    deps.log(`baseline: ${figures.samples} samples, none answered: no baseline to compare with`)
    return undefined
  }
  deps.log(
    `baseline: ${figures.samples} samples over ${formatDuration(durationMs)} · p50 ${formatMs(figures.p50)} p95 ${formatMs(figures.p95)}`,
  )
  return { p50: figures.p50, p95: figures.p95, samples: figures.samples }
}
