// One Prometheus instant query (`GET {url}/api/v1/query?query=…`) turned into one number, or
// into an InconclusiveError that says in plain words why no number came. The answer's shape is
// Prometheus' HTTP API (https://prometheus.io/docs/prometheus/latest/querying/api/):
// `{"status":"success","data":{"resultType":"scalar","result":[<ts>,"<value>"]}}`, or a vector
// whose elements are `{"metric":{…},"value":[<ts>,"<value>"]}`; errors are
// `{"status":"error","errorType":…,"error":…}`, sent with a 4xx/5xx status.
import { HttpError, httpRequest } from '../http/client.js'
import { formatDuration } from '../durations.js'
import { withoutCredentials } from '../secrets.js'
import { oneLine } from './format.js'
import type { PrometheusCheck } from './types.js'

/** A measurement that could not be made: it counts against `inconclusive-limit`. */
export class InconclusiveError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InconclusiveError'
  }
}

/**
 * One number is a few dozen bytes; a few hundred series with their labels fit well under this.
 * More is a query that selects far too much (and must not grow memory once a second).
 */
export const MAX_PROMETHEUS_BYTES = 256 * 1024

/** Foreign text (Prometheus' own error) in a message: one line, short. */
const FOREIGN_MAX = 160

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * The request for a check: the query path added to the base URL, and a user:password in the URL
 * sent as Basic authentication (as curl and browsers do; the HTTP client does not), so the URL
 * itself never carries it.
 */
export function prometheusRequest(check: PrometheusCheck): {
  url: string
  headers: Record<string, string>
} {
  const base = new URL(check.url)
  const headers = { ...check.headers }
  if (base.username || base.password) {
    const hasAuthorization = Object.keys(headers).some((name) => /^authorization$/i.test(name))
    if (!hasAuthorization) {
      const user = safeDecode(base.username)
      const password = safeDecode(base.password)
      headers.Authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
    }
  }
  const url = new URL(withoutCredentials(check.url))
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/api/v1/query`
  url.search = new URLSearchParams({ query: check.query }).toString()
  return { url: url.toString(), headers }
}

/** A sample value as Prometheus writes it (Go's float formatting: `0.01`, `1e-05`, `NaN`, `+Inf`). */
export function parseSampleValue(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  if (/^[+-]?inf$/i.test(value)) return value.startsWith('-') ? -Infinity : Infinity
  if (/^nan$/i.test(value)) return NaN
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(value)) return undefined
  return Number(value)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The number in a `[<ts>, "<value>"]` pair, or why there is none. */
function sampleValue(pair: unknown, what: string): number {
  const raw = Array.isArray(pair) ? pair[1] : undefined
  const value = parseSampleValue(raw)
  if (value === undefined) {
    const shown = typeof raw === 'string' ? JSON.stringify(oneLine(raw, 40)) : 'no value'
    throw new InconclusiveError(`Prometheus answered ${shown} for ${what}, not a number`)
  }
  if (Number.isNaN(value)) {
    // NaN is what a ratio over no traffic gives (0/0): there was nothing to judge.
    throw new InconclusiveError(`Prometheus answered NaN for ${what} (no data to compute it from)`)
  }
  return value
}

/** The one number in a successful answer's `data`. */
function valueOf(data: unknown): number {
  if (!isObject(data)) throw new InconclusiveError('Prometheus answered without data')
  const { resultType, result } = data
  if (resultType === 'scalar') return sampleValue(result, 'the scalar')
  if (resultType === 'vector') {
    if (!Array.isArray(result))
      throw new InconclusiveError('Prometheus answered a vector without result')
    if (result.length === 0) {
      throw new InconclusiveError(
        'Prometheus answered an empty vector: no series matched the query',
      )
    }
    if (result.length > 1) {
      throw new InconclusiveError(
        `Prometheus answered ${result.length} series; the query must return one (wrap it in sum(...) or similar)`,
      )
    }
    const series: unknown = result[0]
    return sampleValue(isObject(series) ? series.value : undefined, 'the series')
  }
  if (resultType === 'matrix') {
    throw new InconclusiveError(
      'Prometheus answered a matrix (a range vector such as x[5m]); the query must give one value, e.g. rate(x[5m])',
    )
  }
  throw new InconclusiveError(
    `Prometheus answered a result of type ${JSON.stringify(oneLine(String(resultType), 20))}, not a number`,
  )
}

/** Where Prometheus is, as messages show it: origin and path only (never user:password@). */
function shownBase(url: string): string {
  try {
    const parsed = new URL(url)
    return oneLine(`${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`, 60)
  } catch {
    return 'its URL'
  }
}

/** Why the request itself failed, in words that carry no credential (origin and path only). */
function requestFailure(err: unknown, where: string, timeoutMs: number): InconclusiveError {
  const message = err instanceof Error ? err.message : String(err)
  if (/did not answer within|Request timeout/i.test(message)) {
    return new InconclusiveError(
      `Prometheus at ${where} did not answer within ${formatDuration(timeoutMs)}`,
    )
  }
  if (/answered with more than/.test(message)) {
    return new InconclusiveError(
      `Prometheus at ${where} answered with more than ${MAX_PROMETHEUS_BYTES / 1024} KiB; the query must return one number`,
    )
  }
  // The client's message names the service, method and path, then what happened (`failed:
  // connect ECONNREFUSED 127.0.0.1:9090`, `was redirected to another origin …`); a query string
  // is dropped all the same, it only makes the line long.
  const rest = message.replace(/^Prometheus \w+ \S+ /, '').replace(/\?\S*/g, '')
  const reason = rest.startsWith('failed: ')
    ? `could not be reached: ${rest.slice('failed: '.length)}`
    : rest
  return new InconclusiveError(`Prometheus at ${where} ${oneLine(reason, FOREIGN_MAX)}`)
}

/**
 * Runs the check's query once and returns its number. Bounded by `timeoutMs` for the whole
 * exchange and by MAX_PROMETHEUS_BYTES for the answer; headers never go to another origin (the
 * HTTP client refuses such a redirect). Throws InconclusiveError for anything it cannot use.
 */
export async function queryPrometheus(check: PrometheusCheck, timeoutMs: number): Promise<number> {
  const request = prometheusRequest(check)
  const where = shownBase(check.url)
  let answer
  try {
    answer = await httpRequest({
      method: 'GET',
      url: request.url,
      headers: { Accept: 'application/json', ...request.headers },
      timeoutMs,
      service: 'Prometheus',
      maxBytes: MAX_PROMETHEUS_BYTES,
    })
  } catch (err) {
    if (err instanceof HttpError || err instanceof Error)
      throw requestFailure(err, where, timeoutMs)
    throw err
  }
  let body: unknown
  try {
    body = JSON.parse(answer.body)
  } catch {
    body = undefined
  }
  // Prometheus sends its errors as JSON with a 4xx/5xx status: its words say more than the status.
  if (isObject(body) && body.status === 'error') {
    const type = typeof body.errorType === 'string' ? `${body.errorType}: ` : ''
    const error = typeof body.error === 'string' ? body.error : 'no reason given'
    throw new InconclusiveError(
      `Prometheus refused the query (${oneLine(`${type}${error}`, FOREIGN_MAX)})`,
    )
  }
  if (answer.status < 200 || answer.status > 299) {
    throw new InconclusiveError(`Prometheus at ${where} answered HTTP ${answer.status}`)
  }
  if (!isObject(body) || body.status !== 'success') {
    throw new InconclusiveError(
      `Prometheus at ${where} answered with something that is not its query API's JSON`,
    )
  }
  return valueOf(body.data)
}
