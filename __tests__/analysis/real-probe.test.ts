// The engine with its real dependencies (clock, probe, Prometheus client) against a tiny local
// app and the fake Prometheus: the path gated-deploy takes, in a 600ms window.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseStatusSet } from '../../shared/http/status.js'
import { realProbe, runWindow } from '../../shared/analysis/engine.js'
import { parseCondition } from '../../shared/analysis/inputs.js'
import { queryPrometheus } from '../../shared/analysis/prometheus.js'
import type { AnalysisSettings } from '../../shared/analysis/types.js'
import { FakePrometheus, vector } from '../fakes/prometheus-api.js'

let app: Server
let appUrl = ''
let requests = 0
const seenHeaders: Array<string | undefined> = []
const prometheus = new FakePrometheus()

beforeAll(async () => {
  app = createServer((req, res) => {
    requests++
    seenHeaders.push(req.headers['x-probe'] as string | undefined)
    // /flaky fails one request in three; /ok always answers 200.
    const status = req.url === '/flaky' && requests % 3 === 0 ? 500 : 200
    res.writeHead(status, { 'content-type': 'text/plain' }).end('ok')
  })
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve))
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`
  await prometheus.start()
  // Each request is bounded by the interval (100ms here): the first Prometheus query loads the
  // HTTP client's modules, which a busy machine may not do within it. Warm up once.
  await realProbe(`${appUrl}/ok`, {}, 5000)
  await queryPrometheus(settingsFor('/ok').limits.prometheus!, 5000)
})

afterAll(async () => {
  app.closeAllConnections()
  await new Promise<void>((resolve) => app.close(() => resolve()))
  await prometheus.stop()
})

function settingsFor(path: string): AnalysisSettings {
  return {
    urls: [`${appUrl}${path}`],
    headers: { 'X-Probe': 'analysis' },
    statuses: parseStatusSet('200-299'),
    durationMs: 600,
    intervalMs: 100,
    limits: {
      // One request of six cut off on a busy machine (17%) still passes; one in three fails.
      maxErrorRate: 20,
      prometheus: {
        url: prometheus.url,
        query: 'sum(rate(errors[1m]))',
        condition: parseCondition('< 0.05'),
        headers: {},
      },
    },
    failureLimit: 3,
    inconclusiveLimit: 3,
    onInconclusive: 'rollback',
  }
}

describe('runWindow with the real probe and Prometheus client', () => {
  it('passes a good app', async () => {
    prometheus.answer(vector('0.01'))
    prometheus.requests.length = 0
    const lines: string[] = []
    requests = 0
    const report = await runWindow(
      settingsFor('/ok'),
      { label: 'at 100%' },
      { log: (line) => lines.push(line) },
    )
    expect(report.verdict).toBe('pass')
    expect(report.samples).toBe(6)
    expect(report.p95).toEqual(expect.any(Number))
    // A query cut off at 100ms on a busy machine counts as inconclusive, not as a value.
    expect(report.metrics.length).toBeGreaterThan(0)
    expect(report.metrics.every((value) => value === 0.01)).toBe(true)
    expect(lines).toHaveLength(6)
    expect(prometheus.requests).toHaveLength(6)
    expect(lines[0]).toMatch(/^\[at 100%\] 0:00\.0 · 1 sample · errors /)
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^\[at 100%\] \d:\d\d\.\d · \d samples? · errors \d+(\.\d)?% · p50 \d+ms p95 \d+ms · metric 0\.01 · ok \(failed 0\/3, inconclusive \d\/3\)$/,
      ),
    )
    expect(seenHeaders.at(-1)).toBe('analysis')
  })

  it('fails an app that fails one request in three', async () => {
    prometheus.answer(vector('0'))
    requests = 0
    const report = await runWindow(settingsFor('/flaky'), {}, { log: () => undefined })
    expect(report.verdict).toBe('fail')
    expect(report.reason).toMatch(/^error rate \d+(\.\d)?% over 20%$/)
  })
})
