// The analysis inputs of gated-deploy (and health-check's `watch` window): their parsers, their
// schema, the checks across inputs, and the settings the engine runs on. Everything here runs
// before any gate or platform call, so a mistyped limit is refused before a deploy starts.
import { formatDuration } from '../durations.js'
import type { StatusSet } from '../http/status.js'
import { MIN_INTERVAL_MS } from '../http/limits.js'
import {
  duration,
  headerLines,
  httpUrl,
  httpUrls,
  integer,
  oneOf,
  optional,
  parser,
  quote,
  text,
  withDefault,
  type InputValues,
} from '../inputs.js'
import type { AnalysisSettings, Condition } from './types.js'

/** URLs sampled for fewer measurements than this cannot be judged (percentiles of 4 say little). */
export const MIN_SAMPLES_PER_URL = 5

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i

/** `5%` → 5, `0.5%` → 0.5: a share of requests, 0–100. The `%` is required: `0.05` is ambiguous. */
export function parsePercent(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*%$/.exec(value.trim())
  if (!match) {
    const bare = NUMBER.test(value.trim()) ? ` (write it with %, e.g. ${value.trim()}%)` : ''
    throw new Error(`${quote(value)} is not a percentage${bare} (example: 5%)`)
  }
  const percent = Number(match[1])
  if (percent > 100) throw new Error(`${quote(value)} is over 100% (example: 5%)`)
  return percent
}

/** `2x` → 2: how many times the baseline's p95 is tolerated; at least 1. */
export function parseRegression(value: string): number {
  const match = /^(\d+(?:\.\d+)?|\.\d+)\s*[x×]?$/i.exec(value.trim())
  if (!match) throw new Error(`${quote(value)} is not a factor (example: 2x)`)
  const factor = Number(match[1])
  if (factor < 1) {
    throw new Error(
      `${quote(value)} is below 1x: the release would fail even when as fast as the baseline (example: 2x)`,
    )
  }
  return factor
}

const OPERATORS = ['<=', '>=', '==', '!=', '<', '>'] as const

/** `< 0.05`, `>=0.99`, `== 1`: an operator and a number. */
export function parseCondition(value: string): Condition {
  const trimmed = value.trim()
  const operator = OPERATORS.find((candidate) => trimmed.startsWith(candidate))
  const example = '(example: < 0.05; operators < <= > >= == !=)'
  if (operator === undefined) {
    throw new Error(`${quote(value)} has no comparison operator in front ${example}`)
  }
  const number = trimmed.slice(operator.length).trim()
  if (!NUMBER.test(number)) {
    throw new Error(`${quote(value)} does not compare with a number ${example}`)
  }
  const parsed = Number(number)
  return { operator, value: parsed, text: `${operator} ${parsed}` }
}

/** Whether a Prometheus value passes the condition (NaN never does). */
export function conditionHolds(condition: Condition, value: number): boolean {
  switch (condition.operator) {
    case '<':
      return value < condition.value
    case '<=':
      return value <= condition.value
    case '>':
      return value > condition.value
    case '>=':
      return value >= condition.value
    case '==':
      return value === condition.value
    case '!=':
      return value !== condition.value
  }
}

/** `10%,50%,100%` → [10, 50, 100]: whole percents, increasing, each 1–100, the last 100. */
export function parseTrafficSteps(value: string): number[] {
  const example = '(example: 10%,50%,100%)'
  const items = value
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean)
  if (items.length === 0) throw new Error(`no step given ${example}`)
  const steps = items.map((item) => {
    const match = /^(\d+)\s*%?$/.exec(item)
    if (!match) throw new Error(`${quote(item)} is not a whole percent ${example}`)
    const percent = Number(match[1])
    if (percent < 1 || percent > 100) {
      throw new Error(`${quote(item)} is outside 1–100% ${example}`)
    }
    return percent
  })
  steps.forEach((percent, index) => {
    const before = steps[index - 1]
    if (before !== undefined && percent <= before) {
      throw new Error(`the steps must increase, but ${percent}% follows ${before}% ${example}`)
    }
  })
  if (steps[steps.length - 1] !== 100) {
    throw new Error(`the last step must be 100%, so the release ends serving everything ${example}`)
  }
  return steps
}

/** The base URL of the Prometheus HTTP API; the query path is added to it. */
function parsePrometheusUrl(value: string): string {
  // httpUrl masks a user:password in it before anything else (shared/inputs.ts).
  const url = new URL(value)
  if (url.search !== '' || url.hash !== '') {
    throw new Error(
      `the URL must not carry a query or fragment: /api/v1/query?query=… is added to it (example: https://prometheus.example.com)`,
    )
  }
  return value
}

const prometheusUrl = () => {
  const url = httpUrl('https://prometheus.example.com')
  return parser((value) => {
    const checked = url.safeParse(value)
    if (!checked.success) throw new Error(checked.error.issues[0]?.message ?? 'is not a URL')
    return parsePrometheusUrl(checked.data)
  })
}

/** The limits health-check's `watch` shares with gated-deploy: one entry each, one meaning. */
export const limitInputSchema = {
  'max-error-rate': optional(parser(parsePercent)),
  'max-latency-p95': optional(duration('800ms', { minMs: 1 })),
}

export const analysisInputSchema = {
  'analysis-duration': withDefault(duration('5m'), '0'),
  'analysis-interval': withDefault(duration('10s', { minMs: MIN_INTERVAL_MS }), '10s'),
  'analysis-url': withDefault(httpUrls(), ''),
  ...limitInputSchema,
  'max-latency-regression': optional(parser(parseRegression)),
  'prometheus-url': optional(prometheusUrl()),
  'prometheus-query': withDefault(text(), ''),
  'prometheus-condition': optional(parser(parseCondition)),
  // Every value a user sets here is masked when read (headerLines → maskSensitiveHeaders).
  'prometheus-headers': withDefault(headerLines(), ''),
  'failure-limit': withDefault(integer({ min: 0, example: '3' }), '3'),
  'inconclusive-limit': withDefault(integer({ min: 0, example: '3' }), '3'),
  'on-inconclusive': withDefault(oneOf(['rollback', 'keep'] as const), 'rollback'),
}

export type AnalysisInputs = InputValues<typeof analysisInputSchema>

/** health-check: `watch` judges a window instead of one probe, with the same limits. */
export const watchInputSchema = {
  watch: withDefault(duration('5m'), '0'),
  ...limitInputSchema,
}

export type WatchInputs = InputValues<typeof watchInputSchema>

/** The limits that need a window, as `input` names (for "needs analysis-duration"). */
function limitsSet(inputs: AnalysisInputs): string[] {
  const set: string[] = []
  if (inputs['max-error-rate'] !== undefined) set.push('max-error-rate')
  if (inputs['max-latency-p95'] !== undefined) set.push('max-latency-p95')
  if (inputs['max-latency-regression'] !== undefined) set.push('max-latency-regression')
  if (inputs['prometheus-condition'] !== undefined) set.push('prometheus-condition')
  return set
}

/**
 * How many measurements fit in a window: measurement k starts at k·interval while that is
 * before the window's end.
 */
export function measurementsIn(durationMs: number, intervalMs: number): number {
  return durationMs <= 0 ? 0 : Math.ceil(durationMs / intervalMs)
}

/** The window must hold enough measurements to judge the URLs it samples. */
function windowProblem(durationInput: string, durationMs: number, intervalMs: number) {
  const count = measurementsIn(durationMs, intervalMs)
  if (count >= MIN_SAMPLES_PER_URL) return undefined
  const enough = formatDuration(intervalMs * MIN_SAMPLES_PER_URL)
  return `\`${durationInput}\` ${formatDuration(durationMs)} at \`analysis-interval\` ${formatDuration(intervalMs)} gives ${count} measurement${count === 1 ? '' : 's'}; at least ${MIN_SAMPLES_PER_URL} are needed (example: ${durationInput}: ${enough})`
}

/**
 * The checks across inputs, each a problem naming the input and showing a good value; empty when
 * the inputs go together. `healthUrls` are what is sampled when `analysis-url` is empty.
 */
export function analysisInputProblems(
  inputs: AnalysisInputs,
  context: { healthUrls: string[] },
): string[] {
  const problems: string[] = []
  const url = inputs['prometheus-url']
  const query = inputs['prometheus-query'].trim()
  const condition = inputs['prometheus-condition']
  const given = [
    url && 'prometheus-url',
    query && 'prometheus-query',
    condition && 'prometheus-condition',
  ]
  const present = given.filter((name): name is string => Boolean(name))
  if (present.length > 0 && present.length < 3) {
    const missing = ['prometheus-url', 'prometheus-query', 'prometheus-condition'].filter(
      (name) => !present.includes(name),
    )
    problems.push(
      `\`${missing[0]}\` is required with \`${present[0]}\`: prometheus-url, prometheus-query and prometheus-condition go together (example: prometheus-query: sum(rate(http_requests_total{code=~"5.."}[1m])) / sum(rate(http_requests_total[1m])), prometheus-condition: < 0.05)`,
    )
  }
  if (Object.keys(inputs['prometheus-headers']).length > 0 && !url) {
    problems.push(
      '`prometheus-headers` is set without `prometheus-url` (example: prometheus-url: https://prometheus.example.com)',
    )
  }

  const durationMs = inputs['analysis-duration']
  const limits = limitsSet(inputs)
  if (durationMs === 0) {
    for (const name of limits) {
      problems.push(
        `\`${name}\` needs \`analysis-duration\`: with 0 there is no window to judge (example: analysis-duration: 5m)`,
      )
    }
    return problems
  }
  if (limits.length === 0) {
    problems.push(
      '`analysis-duration` is set but no limit is: set max-error-rate, max-latency-p95, max-latency-regression or prometheus-condition (example: max-error-rate: 5%)',
    )
  }
  const urls = inputs['analysis-url'].length > 0 ? inputs['analysis-url'] : context.healthUrls
  const httpLimits = limits.filter((name) => name !== 'prometheus-condition')
  if (urls.length === 0 && (httpLimits.length > 0 || !url)) {
    problems.push(
      `\`analysis-url\` is needed: ${httpLimits.length > 0 ? `${httpLimits.join(', ')} judge${httpLimits.length === 1 ? 's' : ''} requests` : 'the analysis has nothing to sample'}, and there is no health-url either (example: analysis-url: https://app.example.com/)`,
    )
  }
  if (urls.length > 0) {
    const problem = windowProblem('analysis-duration', durationMs, inputs['analysis-interval'])
    if (problem) problems.push(problem)
  }
  return problems
}

/** health-check's `watch`: a limit without a window, or a window too short for its interval. */
export function watchInputProblems(inputs: WatchInputs, intervalMs: number): string[] {
  const limits = (['max-error-rate', 'max-latency-p95'] as const).filter(
    (name) => inputs[name] !== undefined,
  )
  if (inputs.watch === 0) {
    return limits.map(
      (name) =>
        `\`${name}\` needs \`watch\`: with 0 there is no window to judge (example: watch: 5m)`,
    )
  }
  const problems: string[] = []
  if (limits.length === 0) {
    problems.push(
      '`watch` judges the window against a limit: set `max-error-rate` or `max-latency-p95` (example: max-error-rate: 5%)',
    )
  }
  const count = measurementsIn(inputs.watch, intervalMs)
  if (count >= MIN_SAMPLES_PER_URL) return problems
  return [
    ...problems,
    `\`watch\` ${formatDuration(inputs.watch)} at \`watch-interval\` ${formatDuration(intervalMs)} gives ${count} measurement${count === 1 ? '' : 's'}; at least ${MIN_SAMPLES_PER_URL} are needed (example: watch: ${formatDuration(intervalMs * MIN_SAMPLES_PER_URL)})`,
  ]
}

/** What the engine runs on, from checked inputs (`analysis-url`, or else the health URLs). */
export function analysisSettings(
  inputs: AnalysisInputs,
  healthUrls: string[],
  statuses: StatusSet,
  headers: Record<string, string>,
): AnalysisSettings {
  const url = inputs['prometheus-url']
  const condition = inputs['prometheus-condition']
  const query = inputs['prometheus-query'].trim()
  return {
    urls: inputs['analysis-url'].length > 0 ? inputs['analysis-url'] : healthUrls,
    headers,
    statuses,
    durationMs: inputs['analysis-duration'],
    intervalMs: inputs['analysis-interval'],
    limits: {
      maxErrorRate: inputs['max-error-rate'],
      maxLatencyP95Ms: inputs['max-latency-p95'],
      maxLatencyRegression: inputs['max-latency-regression'],
      prometheus:
        url && condition && query
          ? { url, query, condition, headers: inputs['prometheus-headers'] }
          : undefined,
    },
    failureLimit: inputs['failure-limit'],
    inconclusiveLimit: inputs['inconclusive-limit'],
    onInconclusive: inputs['on-inconclusive'],
  }
}

/**
 * health-check's `watch` window: the probe's URLs at its interval, with the watch limits; no
 * Prometheus and no baseline. The tolerances are gated-deploy's defaults (3 failed
 * measurements), and the whole window is judged once more at its end.
 */
export function watchSettings(
  inputs: WatchInputs,
  urls: string[],
  statuses: StatusSet,
  headers: Record<string, string>,
  intervalMs: number,
): AnalysisSettings {
  return {
    urls,
    headers,
    statuses,
    durationMs: inputs.watch,
    intervalMs,
    limits: {
      maxErrorRate: inputs['max-error-rate'],
      maxLatencyP95Ms: inputs['max-latency-p95'],
    },
    failureLimit: 3,
    inconclusiveLimit: 3,
    onInconclusive: 'rollback',
  }
}
