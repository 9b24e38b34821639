// The Prometheus query over real HTTP against the local fake API: parsing, every reason for an
// inconclusive measurement, the bounds, and credentials that never reach a message.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseCondition } from '../../shared/analysis/inputs.js'
import {
  InconclusiveError,
  MAX_PROMETHEUS_BYTES,
  parseSampleValue,
  prometheusRequest,
  queryPrometheus,
} from '../../shared/analysis/prometheus.js'
import type { PrometheusCheck } from '../../shared/analysis/types.js'
import {
  FakePrometheus,
  HANG,
  httpStatus,
  huge,
  matrix,
  promError,
  scalar,
  vector,
} from '../fakes/prometheus-api.js'

const prometheus = new FakePrometheus()
beforeAll(() => prometheus.start())
afterAll(() => prometheus.stop())
beforeEach(() => {
  prometheus.requests.length = 0
})

const QUERY = 'sum(rate(http_requests_total{code=~"5.."}[1m])) / sum(rate(http_requests_total[1m]))'

function checkOf(overrides: Partial<PrometheusCheck> = {}): PrometheusCheck {
  return {
    url: prometheus.url,
    query: QUERY,
    condition: parseCondition('< 0.05'),
    headers: {},
    ...overrides,
  }
}

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (err) {
    expect(err).toBeInstanceOf(InconclusiveError)
    return (err as Error).message
  }
  throw new Error('expected an InconclusiveError')
}

describe('queryPrometheus', () => {
  it('reads a scalar, sending the query as an instant query with the headers', async () => {
    prometheus.answer(scalar('0.01'))
    const value = await queryPrometheus(checkOf({ headers: { 'X-Scope-OrgID': 'team-a' } }), 2000)
    expect(value).toBe(0.01)
    expect(prometheus.requests).toHaveLength(1)
    expect(prometheus.requests[0]).toMatchObject({
      method: 'GET',
      path: '/api/v1/query',
      query: QUERY,
    })
    expect(prometheus.requests[0]?.headers['x-scope-orgid']).toBe('team-a')
  })

  it('reads the one element of a vector, under a base path', async () => {
    prometheus.answer(vector('1e-3'))
    expect(await queryPrometheus(checkOf({ url: `${prometheus.url}/prometheus/` }), 2000)).toBe(
      0.001,
    )
    expect(prometheus.requests[0]?.path).toBe('/prometheus/api/v1/query')
  })

  it('reads +Inf as a value the condition can judge', async () => {
    prometheus.answer(vector('+Inf'))
    expect(await queryPrometheus(checkOf(), 2000)).toBe(Infinity)
  })

  it('sends a user:password in the URL as Basic authentication', async () => {
    prometheus.answer(scalar(1))
    const url = prometheus.url.replace('http://', 'http://grafana:s3cret-pw@')
    await queryPrometheus(checkOf({ url }), 2000)
    expect(prometheus.requests[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from('grafana:s3cret-pw').toString('base64')}`,
    )
  })

  it.each([
    [
      'an empty vector',
      vector(),
      'Prometheus answered an empty vector: no series matched the query',
    ],
    [
      'several series',
      vector(1, 2, 3),
      'Prometheus answered 3 series; the query must return one (wrap it in sum(...) or similar)',
    ],
    [
      'a matrix',
      matrix(1, 2),
      'Prometheus answered a matrix (a range vector such as x[5m]); the query must give one value, e.g. rate(x[5m])',
    ],
    ['NaN', scalar('NaN'), 'Prometheus answered NaN for the scalar (no data to compute it from)'],
    ['text', vector('abc'), 'Prometheus answered "abc" for the series, not a number'],
    [
      'an error envelope',
      promError('bad_data', 'invalid parameter "query": 1:5: parse error: unexpected <EOF>'),
      'Prometheus refused the query (bad_data: invalid parameter "query": 1:5: parse error: unexpected <EOF>)',
    ],
    [
      'an error envelope with 503',
      promError('unavailable', 'TSDB not ready', 503),
      'Prometheus refused the query (unavailable: TSDB not ready)',
    ],
  ])('is inconclusive on %s', async (_, answer, reason) => {
    prometheus.answer(answer)
    expect(await reasonOf(queryPrometheus(checkOf(), 2000))).toBe(reason)
  })

  it.each([500, 503])('is inconclusive on a bare HTTP %d', async (status) => {
    prometheus.answer(httpStatus(status))
    expect(await reasonOf(queryPrometheus(checkOf(), 2000))).toBe(
      `Prometheus at ${prometheus.url} answered HTTP ${status}`,
    )
  })

  it('is inconclusive on a 200 that is not the query API', async () => {
    prometheus.answer({ status: 200, body: '<html>login</html>' })
    expect(await reasonOf(queryPrometheus(checkOf(), 2000))).toBe(
      `Prometheus at ${prometheus.url} answered with something that is not its query API's JSON`,
    )
  })

  it('bounds a Prometheus that never answers by the timeout', async () => {
    prometheus.answer(() => HANG)
    const started = performance.now()
    const reason = await reasonOf(queryPrometheus(checkOf(), 300))
    expect(reason).toBe(`Prometheus at ${prometheus.url} did not answer within 300ms`)
    expect(performance.now() - started).toBeLessThan(3000)
  })

  it('caps the answer', async () => {
    prometheus.answer(huge(MAX_PROMETHEUS_BYTES * 4))
    expect(await reasonOf(queryPrometheus(checkOf(), 5000))).toBe(
      `Prometheus at ${prometheus.url} answered with more than 256 KiB; the query must return one number`,
    )
  })

  it('says when Prometheus is unreachable', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const reason = await reasonOf(
      queryPrometheus(checkOf({ url: `http://127.0.0.1:${port}` }), 2000),
    )
    expect(reason).toMatch(
      new RegExp(`^Prometheus at http://127.0.0.1:${port} could not be reached: .*ECONNREFUSED`),
    )
  })

  it('never puts URL credentials or header values in a message', async () => {
    const url = prometheus.url.replace('http://', 'http://grafana-user:pr0m-s3cret@')
    const headers = { Authorization: 'Bearer t0ken-s3cret' }
    const reasons: string[] = []
    for (const answer of [
      httpStatus(503),
      promError('bad_data', 'nope'),
      vector(),
      huge(MAX_PROMETHEUS_BYTES * 2),
    ]) {
      prometheus.answer(answer)
      reasons.push(await reasonOf(queryPrometheus(checkOf({ url, headers }), 2000)))
    }
    prometheus.answer(() => HANG)
    reasons.push(await reasonOf(queryPrometheus(checkOf({ url, headers }), 200)))
    const unreachable = 'http://grafana-user:pr0m-s3cret@127.0.0.1:1'
    reasons.push(await reasonOf(queryPrometheus(checkOf({ url: unreachable, headers }), 2000)))
    const text = reasons.join('\n')
    expect(text).not.toMatch(/grafana-user|pr0m-s3cret|t0ken-s3cret|Z3JhZmFuYS11c2Vy/)
  })

  it('sends no header to another origin on a redirect', async () => {
    // `localhost` is another origin than `127.0.0.1`, though the same machine.
    prometheus.answer(scalar(1))
    const redirector: Server = createServer((_req, res) => {
      const target = prometheus.url.replace('127.0.0.1', 'localhost')
      res.writeHead(302, { location: `${target}/api/v1/query?query=x` }).end()
    })
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = redirector.address() as AddressInfo
      const headers = { Authorization: 'Bearer t0ken-s3cret' }
      const reason = await reasonOf(
        queryPrometheus(checkOf({ url: `http://127.0.0.1:${port}`, headers }), 2000),
      )
      expect(reason).toMatch(
        new RegExp(`^Prometheus at http://127.0.0.1:${port} was redirected to another origin`),
      )
      expect(reason).not.toMatch(/t0ken/)
      expect(prometheus.requests).toHaveLength(0)
    } finally {
      await new Promise<void>((resolve) => redirector.close(() => resolve()))
    }
  })
})

describe('prometheusRequest', () => {
  it('adds the query path and keeps an Authorization header the user set', () => {
    const request = prometheusRequest({
      url: 'https://u:p@prom.example.com/base',
      query: 'up == 1',
      condition: parseCondition('== 1'),
      headers: { authorization: 'Bearer mine' },
    })
    expect(request).toEqual({
      url: 'https://prom.example.com/base/api/v1/query?query=up+%3D%3D+1',
      headers: { authorization: 'Bearer mine' },
    })
  })
})

describe('parseSampleValue', () => {
  it.each([
    ['0.01', 0.01],
    ['1e-05', 0.00001],
    ['-3', -3],
    ['+Inf', Infinity],
    ['-Inf', -Infinity],
  ])('reads %j', (text, value) => expect(parseSampleValue(text)).toBe(value))

  it('reads NaN as NaN and refuses the rest', () => {
    expect(parseSampleValue('NaN')).toBeNaN()
    expect(parseSampleValue('abc')).toBeUndefined()
    expect(parseSampleValue('')).toBeUndefined()
    expect(parseSampleValue(0.5)).toBeUndefined()
  })
})
