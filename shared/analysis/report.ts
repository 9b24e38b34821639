// The analysis' results for the world: the `analysis` output (and the deployment record's copy)
// from the windows run, and the job summary's Markdown: a table with a row per step and a
// Mermaid chart of p95 per window with the baseline and the limit.
import { escapeMarkdown, markdownTable } from '../summary.js'
import { formatElapsed, formatMetric, formatMs, formatPercent, oneLine } from './format.js'
import { regressionLimitMs } from './judge.js'
import { EvenlyThinned } from './samples.js'
import type {
  AnalysisResult,
  AnalysisSettings,
  Baseline,
  StepReport,
  WindowReport,
} from './types.js'

/** A window as gated-deploy ran it: its traffic step's percent, when there are steps. */
export interface RunWindow {
  percent?: number
  report: WindowReport
  /** The step's failure returned all traffic to the previous release. */
  rolledBack?: boolean
}

const round = (value: number, decimals = 0) => Number(value.toFixed(decimals))

/** The output when `analysis-duration` is 0. */
export function analysisOff(): AnalysisResult {
  return { verdict: 'off', reason: 'analysis-duration is 0', samples: 0, metrics: [] }
}

/**
 * The `analysis` output from the windows run, in order. The verdict and reason are the last
 * window's (a failed or inconclusive step ends a rollout, so the last window is the deciding
 * one); samples and the error rate are totals over all windows; p50 and p95 are the deciding
 * window's, as percentiles of separate windows do not add up. `metrics` are every window's
 * values in order, thinned evenly to at most 200. `steps` only when windows carry a percent.
 */
export function analysisResult(windows: RunWindow[], baseline?: Baseline): AnalysisResult {
  const last = windows[windows.length - 1]
  if (last === undefined) {
    return { verdict: 'inconclusive', reason: 'no analysis window ran', samples: 0, metrics: [] }
  }
  const samples = windows.reduce((sum, { report }) => sum + report.samples, 0)
  const failed = windows.reduce(
    (sum, { report }) => sum + (report.errorRate * report.samples) / 100,
    0,
  )
  const metrics = new EvenlyThinned<number>()
  for (const { report } of windows) for (const value of report.metrics) metrics.add(value)
  const stepped = windows.some((window) => window.percent !== undefined)
  // At most 120 characters: a Deployment description holds 140, with `Rolled back to v41: `.
  const reason = oneLine(
    stepped && last.report.verdict !== 'pass' && last.percent !== undefined
      ? `at ${last.percent}%: ${last.report.reason}`
      : last.report.reason,
    120,
  )
  const result: AnalysisResult = {
    verdict: last.report.verdict,
    reason,
    samples,
    metrics: metrics.items(),
  }
  if (samples > 0) result.errorRate = round((failed / samples) * 100, 2)
  if (last.report.p50 !== undefined) result.p50 = round(last.report.p50)
  if (last.report.p95 !== undefined) result.p95 = round(last.report.p95)
  if (baseline) result.baseline = { p50: round(baseline.p50), p95: round(baseline.p95) }
  if (stepped) result.steps = windows.map(stepReport)
  return result
}

function stepReport({ percent, report, rolledBack }: RunWindow): StepReport {
  const step: StepReport = {
    percent: percent ?? 100,
    verdict: report.verdict,
    samples: report.samples,
    errorRate: round(report.errorRate, 2),
  }
  if (report.p95 !== undefined) step.p95 = round(report.p95)
  if (rolledBack) step.rolledBack = true
  return step
}

/** The limits in force, in words: `error rate ≤ 5% · p95 ≤ 800ms · metric < 0.05`. */
function limitsText(settings: AnalysisSettings, baseline: Baseline | undefined): string {
  const { limits } = settings
  const parts: string[] = []
  if (limits.maxErrorRate !== undefined)
    parts.push(`error rate ≤ ${formatPercent(limits.maxErrorRate)}`)
  if (limits.maxLatencyP95Ms !== undefined) parts.push(`p95 ≤ ${formatMs(limits.maxLatencyP95Ms)}`)
  if (limits.maxLatencyRegression !== undefined) {
    parts.push(
      baseline
        ? `p95 ≤ ${limits.maxLatencyRegression}x the baseline's ${formatMs(baseline.p95)}`
        : `p95 ≤ ${limits.maxLatencyRegression}x the baseline (none measured)`,
    )
  }
  if (limits.prometheus) parts.push(`metric ${limits.prometheus.condition.text}`)
  parts.push(
    `failure-limit ${settings.failureLimit}`,
    `inconclusive-limit ${settings.inconclusiveLimit}`,
  )
  return parts.join(' · ')
}

const dash = (value: number | undefined, format: (value: number) => string) =>
  value === undefined ? '–' : format(value)

/** `pass`, `fail (rolled back, ended early)`. */
function verdictCell({ report, rolledBack }: RunWindow): string {
  const notes = [rolledBack ? 'rolled back' : '', report.endedEarly ? 'ended early' : '']
  const shown = notes.filter((note) => note !== '')
  return shown.length > 0 ? `${report.verdict} (${shown.join(', ')})` : report.verdict
}

/** A window's name in the table and above its chart. */
function windowName(window: RunWindow, index: number, count: number): string {
  if (window.percent !== undefined) return `${window.percent}%`
  return count > 1 ? `window ${index + 1}` : 'after the deploy'
}

/**
 * The chart of one window: p95 at each measurement, and the baseline's p95 and each latency
 * limit as flat lines. Mermaid's xychart grammar takes plain decimals only (no exponent, NaN or
 * Infinity) and a quoted label must not hold `"`: every number is a rounded integer and every
 * label is built here from digits and colons. The lines are named in the text above the chart
 * (a series' own name is not shown by every Mermaid version GitHub has run).
 */
export function p95Chart(
  report: WindowReport,
  settings: AnalysisSettings,
  baseline: Baseline | undefined,
): { legend: string; mermaid: string } | undefined {
  const points = report.measurements.filter(
    (measurement): measurement is typeof measurement & { p95: number } =>
      measurement.p95 !== undefined && Number.isFinite(measurement.p95),
  )
  if (points.length === 0) return undefined
  const series: Array<{ name: string; value?: number }> = [{ name: 'p95 so far' }]
  if (baseline)
    series.push({ name: `the baseline's p95 (${formatMs(baseline.p95)})`, value: baseline.p95 })
  const { maxLatencyP95Ms, maxLatencyRegression } = settings.limits
  if (maxLatencyP95Ms !== undefined) {
    series.push({ name: `the limit (${formatMs(maxLatencyP95Ms)})`, value: maxLatencyP95Ms })
  }
  if (maxLatencyRegression !== undefined && baseline) {
    const limit = regressionLimitMs(maxLatencyRegression, baseline)
    series.push({
      name: `${maxLatencyRegression}x the baseline (${formatMs(limit)})`,
      value: limit,
    })
  }
  const values = points.map((point) => Math.round(point.p95))
  const top = Math.max(...values, ...series.map((line) => Math.round(line.value ?? 0)), 1)
  const lines = series.map((line) =>
    line.value === undefined ? values : points.map(() => Math.round(line.value as number)),
  )
  const mermaid = [
    '```mermaid',
    'xychart-beta',
    '  title "p95 latency (ms)"',
    `  x-axis "time" [${points.map((point) => `"${formatElapsed(point.atMs, settings.intervalMs)}"`).join(', ')}]`,
    `  y-axis "ms" 0 --> ${Math.ceil(top * 1.1)}`,
    ...lines.map((line) => `  line [${line.join(', ')}]`),
    '```',
  ].join('\n')
  const legend =
    series.length === 1
      ? 'The line: p95 so far.'
      : `Lines, in order: ${series.map((line) => line.name).join('; ')}.`
  return { legend, mermaid }
}

/** The job summary's section on the analysis. */
export function analysisMarkdown(
  result: AnalysisResult,
  windows: RunWindow[],
  settings: AnalysisSettings,
  baseline?: Baseline,
): string {
  const sections = [`### Post-deploy analysis: ${result.verdict}`, escapeMarkdown(result.reason)]
  if (result.verdict === 'off') return sections.join('\n\n')
  sections.push(`Limits: ${escapeMarkdown(limitsText(settings, baseline))}`)
  if (baseline) {
    sections.push(
      escapeMarkdown(
        `Baseline (the release serving before): p50 ${formatMs(baseline.p50)}, p95 ${formatMs(baseline.p95)} over ${baseline.samples} samples`,
      ),
    )
  }
  const rows = windows.map((window, index) => [
    windowName(window, index, windows.length),
    verdictCell(window),
    String(window.report.samples),
    formatPercent(window.report.errorRate),
    dash(window.report.p50, formatMs),
    dash(window.report.p95, formatMs),
    dash(window.report.metrics[window.report.metrics.length - 1], formatMetric),
  ])
  sections.push(
    markdownTable(
      ['step', 'verdict', 'samples', 'error rate', 'p50', 'p95', 'metric (last)'],
      rows,
    ),
  )
  windows.forEach((window, index) => {
    const chart = p95Chart(window.report, settings, baseline)
    if (!chart) return
    sections.push(
      `#### p95 ${escapeMarkdown(window.percent === undefined ? windowName(window, index, windows.length) : `at ${window.percent}%`)}`,
      escapeMarkdown(chart.legend),
      chart.mermaid,
    )
  })
  return sections.join('\n\n')
}
