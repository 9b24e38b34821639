// The engine on an injected clock and probe: every verdict path in milliseconds.
import { parseStatusSet } from '../../shared/http/status.js'
import {
  measureBaseline,
  runWindow,
  type AnalysisDeps,
  type ProbeResult,
} from '../../shared/analysis/engine.js'
import { parseCondition } from '../../shared/analysis/inputs.js'
import { InconclusiveError } from '../../shared/analysis/prometheus.js'
import { MAX_POINTS } from '../../shared/analysis/samples.js'
import type { AnalysisSettings, PrometheusCheck } from '../../shared/analysis/types.js'

const URL_A = 'https://app.example.com/health'

function settingsWith(overrides: Partial<AnalysisSettings> = {}): AnalysisSettings {
  return {
    urls: [URL_A],
    headers: { Authorization: 'Bearer x' },
    statuses: parseStatusSet('200-299'),
    durationMs: 100_000,
    intervalMs: 10_000,
    limits: {},
    failureLimit: 3,
    inconclusiveLimit: 3,
    onInconclusive: 'rollback',
    ...overrides,
  }
}

const check = (condition = '< 0.05'): PrometheusCheck => ({
  url: 'https://prom.example.com',
  query: 'sum(rate(errors[1m]))',
  condition: parseCondition(condition),
  headers: {},
})

/** A virtual clock: sleeping moves time on at once. */
function fakeClock(start = 1_000) {
  let now = start
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => now,
    sleep: (ms: number) => {
      sleeps.push(ms)
      now += ms
      return Promise.resolve()
    },
    advance: (ms: number) => (now += ms),
  }
}

interface Harness {
  deps: Partial<AnalysisDeps>
  lines: string[]
  probes: Array<{ url: string; headers: Record<string, string>; timeoutMs: number; at: number }>
  queries: Array<{ timeoutMs: number; at: number }>
  clock: ReturnType<typeof fakeClock>
}

/** Deps whose probe answers `answer(n)` for the n-th request (0-based) and Prometheus `metric(n)`. */
function harness(
  answer: (n: number, url: string) => ProbeResult = () => ({ status: 200, latencyMs: 50 }),
  metric?: (n: number) => number | Error,
): Harness {
  const clock = fakeClock()
  const lines: string[] = []
  const probes: Harness['probes'] = []
  const queries: Harness['queries'] = []
  return {
    lines,
    probes,
    queries,
    clock,
    deps: {
      clock,
      log: (line) => lines.push(line),
      random: () => 0.5,
      probe: (url, headers, timeoutMs) => {
        probes.push({ url, headers, timeoutMs, at: clock.now() })
        return Promise.resolve(answer(probes.length - 1, url))
      },
      prometheus: (_check, timeoutMs) => {
        queries.push({ timeoutMs, at: clock.now() })
        const value = metric ? metric(queries.length - 1) : 0
        return value instanceof Error ? Promise.reject(value) : Promise.resolve(value)
      },
    },
  }
}

describe('runWindow', () => {
  it('passes a good release: one request per URL per interval, start to start, bounded by the interval', async () => {
    const h = harness()
    const settings = settingsWith({
      urls: [URL_A, 'https://app.example.com/'],
      limits: { maxErrorRate: 5, maxLatencyP95Ms: 800 },
    })
    const report = await runWindow(settings, { label: 'at 10%' }, h.deps)
    expect(report).toMatchObject({
      verdict: 'pass',
      reason: 'all limits held',
      samples: 20,
      errorRate: 0,
      p50: 50,
      p95: 50,
      failures: 0,
      inconclusives: 0,
      endedEarly: false,
      metrics: [],
    })
    expect(report.measurements).toHaveLength(10)
    expect(report.measurements.map((m) => m.atMs)).toEqual([
      0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 70_000, 80_000, 90_000,
    ])
    // Measurement k starts at start + k·interval; both URLs each time, with the headers.
    expect(h.probes.map((p) => p.at - 1_000)).toEqual(
      [0, 10, 20, 30, 40, 50, 60, 70, 80, 90].flatMap((s) => [s * 1000, s * 1000]),
    )
    expect(
      h.probes.every((p) => p.timeoutMs === 10_000 && p.headers.Authorization === 'Bearer x'),
    ).toBe(true)
    expect(h.lines).toHaveLength(10)
    expect(h.lines[4]).toBe(
      '[at 10%] 0:40 · 10 samples · errors 0% · p50 50ms p95 50ms · ok (failed 0/3, inconclusive 0/3)',
    )
  })

  it('keeps the schedule when answers are slow: the next measurement starts on its slot', async () => {
    const clock = fakeClock()
    const h = harness()
    const starts: number[] = []
    const report = await runWindow(
      settingsWith({ durationMs: 50_000, limits: { maxErrorRate: 5 } }),
      {},
      {
        ...h.deps,
        clock,
        probe: (_url, _headers, _timeoutMs) => {
          starts.push(clock.now() - 1_000)
          clock.advance(7_000) // a slow answer, within the 10s bound
          return Promise.resolve({ status: 200, latencyMs: 7_000 })
        },
      },
    )
    expect(starts).toEqual([0, 10_000, 20_000, 30_000, 40_000])
    expect(clock.sleeps).toEqual([3_000, 3_000, 3_000, 3_000])
    expect(report.verdict).toBe('pass')
  })

  it('bounds each measurement by 10s when the interval is longer', async () => {
    const h = harness()
    await runWindow(
      settingsWith({ durationMs: 300_000, intervalMs: 60_000, limits: { maxErrorRate: 5 } }),
      {},
      h.deps,
    )
    expect(new Set(h.probes.map((p) => p.timeoutMs))).toEqual(new Set([10_000]))
  })

  it('fails early, at failureLimit + 1 failed measurements, before the window ends', async () => {
    // Every third request fails: the error rate is over 5% from the 5th sample on.
    const h = harness((n) =>
      n % 3 === 2 ? { status: 503, latencyMs: 20 } : { status: 200, latencyMs: 20 },
    )
    const report = await runWindow(settingsWith({ limits: { maxErrorRate: 5 } }), {}, h.deps)
    expect(report.verdict).toBe('fail')
    expect(report.endedEarly).toBe(true)
    expect(report.failures).toBe(4)
    // Judged from the 5th sample (measurement 5), failing 5, 6, 7, 8: stopped after the 8th of 10.
    expect(report.measurements).toHaveLength(8)
    expect(report.reason).toBe('error rate 25% over 5%')
    expect(h.lines[7]).toBe(
      '1:10 · 8 samples · errors 25% · p50 20ms p95 20ms · failed: error rate 25% over 5% (failed 4/3, inconclusive 0/3)',
    )
    expect(h.lines[3]).toContain('· ok (failed 0/3')
  })

  it('fails at the window end when the whole window breaks a limit, though fewer measurements failed', async () => {
    // The last request of ten fails: one failed measurement (10%), under the failure limit.
    const h = harness((n) =>
      n === 9 ? { error: 'connection refused', latencyMs: 1 } : { status: 200, latencyMs: 30 },
    )
    const report = await runWindow(settingsWith({ limits: { maxErrorRate: 5 } }), {}, h.deps)
    expect(report).toMatchObject({
      verdict: 'fail',
      reason: 'error rate 10% over 5%',
      failures: 1,
      endedEarly: false,
    })
    // A connection error has no latency: p95 is over the answered requests only.
    expect(report.p95).toBe(30)
  })

  it('counts a status outside the expected set and a timeout as failed', async () => {
    const h = harness((n) =>
      n < 2
        ? { status: 404, latencyMs: 5 }
        : n < 3
          ? { error: 'no response within 10s', latencyMs: 10_000 }
          : { status: 204, latencyMs: 5 },
    )
    const report = await runWindow(
      settingsWith({ failureLimit: 100, limits: { maxErrorRate: 50 } }),
      {},
      h.deps,
    )
    expect(report.errorRate).toBe(30)
    expect(report.verdict).toBe('pass')
  })

  it('is inconclusive with fewer than 5 samples of a URL: never a silent pass', async () => {
    const h = harness()
    const report = await runWindow(
      settingsWith({ durationMs: 30_000, limits: { maxErrorRate: 5 } }),
      {},
      h.deps,
    )
    expect(report).toMatchObject({
      verdict: 'inconclusive',
      reason: 'only 3 samples of https://app.example.com/health (5 needed)',
      samples: 3,
    })
  })

  it('never shows URL credentials in a reason', async () => {
    const h = harness()
    const report = await runWindow(
      settingsWith({
        urls: ['https://user:hunter22@app.example.com/health'],
        durationMs: 20_000,
        limits: { maxErrorRate: 5 },
      }),
      {},
      h.deps,
    )
    expect(report.reason).toBe('only 2 samples of https://app.example.com/health (5 needed)')
  })

  it('judges p95 against its absolute limit', async () => {
    const h = harness((n) => ({ status: 200, latencyMs: n >= 3 ? 1200 : 100 }))
    const report = await runWindow(settingsWith({ limits: { maxLatencyP95Ms: 800 } }), {}, h.deps)
    expect(report.verdict).toBe('fail')
    expect(report.reason).toBe('p95 1.2s over 800ms')
    expect(report.endedEarly).toBe(true)
  })

  it('judges p95 against the baseline when both regression and baseline are set', async () => {
    const h = harness(() => ({ status: 200, latencyMs: 930 }))
    const settings = settingsWith({ limits: { maxLatencyRegression: 2 } })
    const baseline = { p50: 200, p95: 310, samples: 30 }
    const report = await runWindow(settings, { baseline }, h.deps)
    expect(report.verdict).toBe('fail')
    expect(report.reason).toBe("p95 930ms over 2x the baseline's 310ms")
    // Without a baseline, the regression limit has nothing to compare with.
    const without = await runWindow(
      settings,
      {},
      harness(() => ({ status: 200, latencyMs: 930 })).deps,
    )
    expect(without.verdict).toBe('pass')
    // Within 2x of the baseline.
    const within = await runWindow(
      settings,
      { baseline },
      harness(() => ({ status: 200, latencyMs: 600 })).deps,
    )
    expect(within.verdict).toBe('pass')
  })

  it.each([
    ['< 0.05', 0.12, 'metric 0.12 is not < 0.05'],
    ['<= 500', 501, 'metric 501 is not <= 500'],
    ['> 0.99', 0.99, 'metric 0.99 is not > 0.99'],
    ['>= 0.99', 0.5, 'metric 0.5 is not >= 0.99'],
    ['== 1', 0, 'metric 0 is not == 1'],
    ['!= 0', 0, 'metric 0 is not != 0'],
  ])('fails a metric that breaks %j, from its first value', async (condition, value, reason) => {
    const h = harness(undefined, () => value)
    const report = await runWindow(
      settingsWith({ urls: [], failureLimit: 0, limits: { prometheus: check(condition) } }),
      {},
      h.deps,
    )
    expect(report).toMatchObject({
      verdict: 'fail',
      reason,
      failures: 1,
      endedEarly: true,
      metrics: [value],
    })
    expect(h.lines).toEqual([
      `0:00 · metric ${value} · failed: ${reason} (failed 1/0, inconclusive 0/3)`,
    ])
  })

  it('has not ended early when its last measurement decided', async () => {
    const h = harness(undefined, (n) => (n === 9 ? 1 : 0))
    const report = await runWindow(
      settingsWith({ urls: [], failureLimit: 0, limits: { prometheus: check() } }),
      {},
      h.deps,
    )
    expect(report).toMatchObject({ verdict: 'fail', endedEarly: false, failures: 1 })
    expect(report.measurements).toHaveLength(10)
  })

  it('passes a metric that holds its condition, and keeps the values in order', async () => {
    const h = harness(undefined, (n) => n / 100)
    const report = await runWindow(
      settingsWith({ urls: [], durationMs: 50_000, limits: { prometheus: check('< 0.05') } }),
      {},
      h.deps,
    )
    expect(report).toMatchObject({
      verdict: 'pass',
      metrics: [0, 0.01, 0.02, 0.03, 0.04],
      samples: 0,
    })
  })

  it('is inconclusive when Prometheus fails more often than the inconclusive limit', async () => {
    const h = harness(
      undefined,
      () =>
        new InconclusiveError('Prometheus at https://prom.example.com/ did not answer within 10s'),
    )
    const report = await runWindow(
      settingsWith({ limits: { maxErrorRate: 5, prometheus: check() } }),
      {},
      h.deps,
    )
    expect(report).toMatchObject({
      verdict: 'inconclusive',
      inconclusives: 4,
      failures: 0,
      endedEarly: true,
      reason:
        '4 measurements could not be made: Prometheus at https://prom.example.com/ did not answer within 10s',
    })
    expect(report.reason.length).toBeLessThanOrEqual(110)
    expect(h.lines[0]).toBe(
      '0:00 · 1 sample · errors 0% · p50 50ms p95 50ms · metric ? · inconclusive: Prometheus at https://prom.example.com/ did not answer within 10s (failed 0/3, inconclusive 1/3)',
    )
  })

  it('counts a measurement that failed as failed, not inconclusive, when Prometheus also could not answer', async () => {
    const h = harness(
      () => ({ status: 500, latencyMs: 5 }),
      () => new Error('boom'),
    )
    const report = await runWindow(
      settingsWith({ inconclusiveLimit: 10, limits: { maxErrorRate: 5, prometheus: check() } }),
      {},
      h.deps,
    )
    expect(report.verdict).toBe('fail')
    // Before 5 samples nothing could fail, so the missing metric made them inconclusive.
    expect(report.measurements.map((m) => m.outcome)).toEqual([
      'inconclusive',
      'inconclusive',
      'inconclusive',
      'inconclusive',
      'failed',
      'failed',
      'failed',
      'failed',
    ])
    expect(report.inconclusives).toBe(4)
  })

  it('is inconclusive when a Prometheus-only window got no value at all', async () => {
    const h = harness(
      undefined,
      () =>
        new InconclusiveError('Prometheus answered an empty vector: no series matched the query'),
    )
    const report = await runWindow(
      settingsWith({ urls: [], durationMs: 30_000, limits: { prometheus: check() } }),
      {},
      h.deps,
    )
    expect(report).toMatchObject({
      verdict: 'inconclusive',
      reason:
        'no Prometheus value: Prometheus answered an empty vector: no series matched the query',
      endedEarly: false,
    })
  })

  it('counts a probe or query that throws as a failed request and a missing value', async () => {
    const h = harness()
    const report = await runWindow(
      settingsWith({ durationMs: 50_000, failureLimit: 10, limits: { prometheus: check() } }),
      {},
      {
        ...h.deps,
        probe: () => {
          throw new Error('probe broke')
        },
        prometheus: () => {
          throw new Error('query broke')
        },
      },
    )
    expect(report).toMatchObject({ verdict: 'inconclusive', errorRate: 100, samples: 4 })
    expect(report.measurements[0]).toMatchObject({
      outcome: 'inconclusive',
      problem: 'query broke',
    })
  })

  it('never passes a window that sampled nothing', async () => {
    const report = await runWindow(settingsWith({ urls: [], limits: {} }), {}, harness().deps)
    expect(report).toMatchObject({
      verdict: 'inconclusive',
      reason: 'nothing was sampled: no URL and no Prometheus query',
    })
  })

  it('keeps an inconclusive reason short enough for a Deployment description', async () => {
    const long = `Prometheus refused the query (bad_data: ${'y'.repeat(300)})`
    const h = harness(undefined, () => new InconclusiveError(long))
    const report = await runWindow(
      settingsWith({ urls: [], inconclusiveLimit: 0, limits: { prometheus: check() } }),
      {},
      h.deps,
    )
    expect(report.verdict).toBe('inconclusive')
    expect(report.reason).toMatch(
      /^1 measurement could not be made: Prometheus refused the query \(bad_data: y+…$/,
    )
    expect(`Rolled back to v41: at 100%: ${report.reason}`.length).toBeLessThanOrEqual(140)
  })

  it('keeps foreign text on one short line', async () => {
    const h = harness(
      undefined,
      () =>
        new InconclusiveError(
          `Prometheus refused the query (bad_data: ${'x'.repeat(500)}\n::error::owned)`,
        ),
    )
    await runWindow(
      settingsWith({ urls: [], durationMs: 10_000, limits: { prometheus: check() } }),
      {},
      h.deps,
    )
    expect(h.lines).toHaveLength(1)
    expect(h.lines[0]).not.toMatch(/\n/)
    expect(h.lines[0]!.length).toBeLessThan(300)
  })

  it('bounds the chart points and metrics of a long window (an hour at 100ms)', async () => {
    const h = harness(
      (n) => ({ status: 200, latencyMs: n % 100 }),
      (n) => n,
    )
    const report = await runWindow(
      settingsWith({
        durationMs: 3_600_000,
        intervalMs: 100,
        limits: { maxErrorRate: 5, prometheus: check('>= 0') },
      }),
      {},
      h.deps,
    )
    expect(report.samples).toBe(36_000)
    expect(report.measurements.length).toBeLessThanOrEqual(MAX_POINTS)
    expect(report.measurements.length).toBeGreaterThan(MAX_POINTS / 2)
    expect(report.metrics.length).toBeLessThanOrEqual(MAX_POINTS)
    // Spread evenly, in order, ending where the window ended.
    const at = report.measurements.map((m) => m.atMs)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    expect(at[at.length - 1]).toBe(3_599_900)
    expect(report.metrics[report.metrics.length - 1]).toBe(35_999)
    // The latencies 0..99 repeat: the reservoir's p95 stays close to the true 94.
    expect(report.p95).toBeGreaterThanOrEqual(90)
    expect(report.p95).toBeLessThanOrEqual(99)
  })

  it('logs nothing per request: one line per measurement', async () => {
    const h = harness()
    await runWindow(
      settingsWith({ urls: [URL_A, `${URL_A}?2`, `${URL_A}?3`], limits: { maxErrorRate: 5 } }),
      {},
      h.deps,
    )
    expect(h.probes).toHaveLength(30)
    expect(h.lines).toHaveLength(10)
  })
})

describe('measureBaseline', () => {
  it('samples the URLs at the interval for the duration and returns p50/p95', async () => {
    const h = harness((n) => ({ status: 200, latencyMs: 100 + n }))
    const baseline = await measureBaseline(settingsWith({ intervalMs: 5_000 }), 30_000, h.deps)
    expect(baseline).toEqual({ p50: 102, p95: 105, samples: 6 })
    expect(h.lines).toEqual(['baseline: 6 samples over 30s · p50 102ms p95 105ms'])
  })

  it('is undefined when no request got an answer', async () => {
    const h = harness(() => ({ error: 'connection refused', latencyMs: 1 }))
    expect(await measureBaseline(settingsWith(), 30_000, h.deps)).toBeUndefined()
  })
})

describe('formatElapsed', () => {
  it('reads m:ss, with tenths when measurements come faster than one a second', async () => {
    const { formatElapsed } = await import('../../shared/analysis/format.js')
    expect(formatElapsed(40_000)).toBe('0:40')
    expect(formatElapsed(725_000, 10_000)).toBe('12:05')
    expect(formatElapsed(1_400, 200)).toBe('0:01.4')
    expect(formatElapsed(61_250, 100)).toBe('1:01.2')
  })
})

describe('measurementLimitMs', () => {
  it('gives each request and query the interval, but at least 1 s and at most 10 s', async () => {
    const { measurementLimitMs } = await import('../../shared/analysis/engine.js')
    expect(measurementLimitMs(100)).toBe(1000)
    expect(measurementLimitMs(5000)).toBe(5000)
    expect(measurementLimitMs(60_000)).toBe(10_000)
  })
})
