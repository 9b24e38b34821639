// A local stand-in for Prometheus' HTTP API (https://prometheus.io/docs/prometheus/latest/querying/api/)
// on 127.0.0.1: `/api/v1/query` (GET, or POST with a form body, as Prometheus takes both) answers
// from a script a test sets: scalars, vectors of one or several series, matrices, the error
// envelope Prometheus sends with 400/422/503, bare HTTP errors, values that are not numbers,
// huge bodies, or no answer at all (held open until the fake stops). Every request is recorded
// with its query and headers, so tests can check what was sent.
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface PrometheusRequest {
  method: string
  path: string
  query?: string
  headers: IncomingHttpHeaders
}

export interface PrometheusAnswer {
  status: number
  body: string
  contentType?: string
}

/** Returned by a script: hold the connection open and never answer. */
export const HANG = Symbol('hang')

export type PrometheusScript = (
  request: PrometheusRequest,
  index: number,
) => PrometheusAnswer | typeof HANG

const ts = () => Date.now() / 1000

const success = (data: unknown): PrometheusAnswer => ({
  status: 200,
  body: JSON.stringify({ status: 'success', data }),
})

/** `scalar(0.01)` → `{"resultType":"scalar","result":[ts,"0.01"]}`; strings go as given (`"NaN"`). */
export function scalar(value: number | string): PrometheusAnswer {
  return success({ resultType: 'scalar', result: [ts(), String(value)] })
}

/** A vector with one series per value (none: an empty vector). */
export function vector(...values: Array<number | string>): PrometheusAnswer {
  return success({
    resultType: 'vector',
    result: values.map((value, index) => ({
      metric: { __name__: 'flightdeck_test', instance: `app-${index}` },
      value: [ts(), String(value)],
    })),
  })
}

/** A range vector (what `x[5m]` alone gives). */
export function matrix(...values: Array<number | string>): PrometheusAnswer {
  return success({
    resultType: 'matrix',
    result: [{ metric: {}, values: values.map((value, index) => [ts() + index, String(value)]) }],
  })
}

/** Prometheus' error envelope, with the status it sends it with (400 for bad_data). */
export function promError(errorType: string, error: string, status = 400): PrometheusAnswer {
  return { status, body: JSON.stringify({ status: 'error', errorType, error }) }
}

/** A bare HTTP error, as a proxy in front of Prometheus sends it. */
export function httpStatus(status: number, body = 'upstream unavailable'): PrometheusAnswer {
  return { status, body, contentType: 'text/plain' }
}

/** A valid answer padded past any sane size (a label value of `bytes` characters). */
export function huge(bytes: number): PrometheusAnswer {
  return success({
    resultType: 'vector',
    result: [{ metric: { padding: 'x'.repeat(bytes) }, value: [ts(), '1'] }],
  })
}

export class FakePrometheus {
  readonly requests: PrometheusRequest[] = []
  url = ''
  private server?: Server
  private script: PrometheusScript = () => scalar(0)
  private readonly held = new Set<ServerResponse>()

  /** Answers every query from now on with this script. */
  answer(script: PrometheusScript | PrometheusAnswer): this {
    this.script = typeof script === 'function' ? script : () => script
    return this
  }

  /** Answers the queries in turn with these, repeating the last. */
  answers(...answers: Array<PrometheusAnswer | typeof HANG>): this {
    this.script = (_, index) => answers[Math.min(index, answers.length - 1)] ?? scalar(0)
    return this
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1')
        const form = new URLSearchParams(
          req.method === 'POST' ? Buffer.concat(chunks).toString('utf8') : '',
        )
        const request: PrometheusRequest = {
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams.get('query') ?? form.get('query') ?? undefined,
          headers: req.headers,
        }
        this.requests.push(request)
        this.respond(request, res)
      })
    })
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
    const { port } = this.server.address() as AddressInfo
    this.url = `http://127.0.0.1:${port}`
    return this
  }

  private respond(request: PrometheusRequest, res: ServerResponse): void {
    if (!request.path.endsWith('/api/v1/query')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found\n')
      return
    }
    if (request.method !== 'GET' && request.method !== 'POST') {
      res.writeHead(405).end()
      return
    }
    if (!request.query) {
      const answer = promError(
        'bad_data',
        'invalid parameter "query": unknown position: parse error: no expression found in input',
      )
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body)
      return
    }
    const answer = this.script(request, this.requests.length - 1)
    if (answer === HANG) {
      this.held.add(res)
      res.on('close', () => this.held.delete(res))
      return
    }
    res
      .writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/json' })
      .end(answer.body)
  }

  async stop(): Promise<void> {
    for (const res of this.held) res.destroy()
    this.server?.closeAllConnections()
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    )
  }
}
