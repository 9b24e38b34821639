import {
  nextInterval,
  pollUntilHealthy,
  type PollOptions,
  type ProbeTarget,
} from '../../shared/http/poll.js'
import { parseStatusSet } from '../../shared/http/status.js'
import { parseAssertion } from '../../shared/http/json-assertions.js'
import type { Expectations } from '../../shared/http/expectations.js'
import { startFakeApp } from '../fakes/fake-app.mjs'

type App = Awaited<ReturnType<typeof startFakeApp>>

const expectations: Expectations = {
  statuses: parseStatusSet('200-299'),
  jsonAssertions: [parseAssertion('status == healthy')],
}

function options(extra: Partial<PollOptions> = {}): PollOptions {
  return {
    timeoutMs: 3000,
    requestTimeoutMs: 1000,
    gracePeriodMs: 0,
    intervalMs: 100,
    backoff: 'fixed',
    maxIntervalMs: 1000,
    maxAttempts: 0,
    successThreshold: 1,
    ...extra,
  }
}

function target(url: string): ProbeTarget {
  return { url, method: 'GET', headers: {}, followRedirects: true, insecure: false, ipVersion: 0 }
}

describe('pollUntilHealthy', () => {
  const apps: App[] = []
  async function app(options: Parameters<typeof startFakeApp>[0]) {
    const started = await startFakeApp(options)
    apps.push(started)
    return started
  }
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((started) => started.close()))
  })

  it('reports healthy within one interval of the app turning healthy', async () => {
    const service = await app({ healthyAfterMs: 450 })
    const report = await pollUntilHealthy(
      [target(service.url)],
      expectations,
      options({ intervalMs: 100 }),
    )
    const lateness = Date.now() - service.healthyAt
    expect(report.healthy).toBe(true)
    expect(lateness).toBeLessThan(100 + 150)
    expect(report.targets[0]).toMatchObject({ healthy: true, status: 200, error: undefined })
    expect(report.targets[0]?.history.at(-2)?.reason).toBe('status 503 not in 200-299')
  })

  it('never lets the endpoint see two probes closer than the interval', async () => {
    const service = await app({ healthyAfterMs: 1000 })
    await pollUntilHealthy([target(service.url)], expectations, options({ intervalMs: 200 }))
    const gaps = service.requests.slice(1).map((req, i) => req.at - (service.requests[i]?.at ?? 0))
    expect(gaps.length).toBeGreaterThanOrEqual(4)
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(200)
  })

  it('gives the unhealthy verdict at the timeout, not later, even with a hanging request', async () => {
    const service = await app({ latencyMs: 5000 })
    const started = performance.now()
    const report = await pollUntilHealthy(
      [target(service.url)],
      expectations,
      options({ timeoutMs: 400, requestTimeoutMs: 10_000 }),
    )
    const elapsed = performance.now() - started
    expect(report.healthy).toBe(false)
    expect(elapsed).toBeGreaterThanOrEqual(390)
    expect(elapsed).toBeLessThan(900)
    expect(report.targets[0]?.error).toBe(
      'no response before the time ran out (timeout 400ms, 1 attempt)',
    )
  })

  it('names the last reason that says something, not a probe the deadline cut off', async () => {
    const slow = await app({ latencyMs: 250 })
    const report = await pollUntilHealthy(
      [target(slow.url)],
      { ...expectations, maxLatencyMs: 100 },
      options({ timeoutMs: 500, intervalMs: 150 }),
    )
    expect(report.targets[0]?.history.at(-1)?.reason).toBe('no response before the time ran out')
    expect(report.targets[0]?.error).toMatch(
      /^latency \d+ms over 100ms \(timeout 500ms, 2 attempts\)$/,
    )
  })

  it('names the last reason per URL', async () => {
    const service = await app({ healthyAfterMs: Infinity })
    const report = await pollUntilHealthy(
      [target(service.url)],
      expectations,
      options({ timeoutMs: 350 }),
    )
    expect(report.targets[0]?.error).toMatch(
      /^status 503 not in 200-299 \(timeout 350ms, [34] attempts\)$/,
    )
  })

  it('checks URLs in parallel and needs all of them', async () => {
    const fast = await app({ healthyAfterMs: 0 })
    const slow = await app({ healthyAfterMs: 300 })
    const report = await pollUntilHealthy(
      [target(fast.url), target(slow.url)],
      expectations,
      options(),
    )
    expect(report.healthy).toBe(true)
    expect(report.targets.map((t) => t.attempts)).toEqual([1, expect.any(Number)])
    expect(report.attempts).toBe(1 + (report.targets[1]?.attempts ?? 0))
  })

  it('stops every URL once one is out of attempts', async () => {
    const broken = await app({ healthyAfterMs: Infinity })
    const later = await app({ healthyAfterMs: 10_000 })
    const started = performance.now()
    const report = await pollUntilHealthy(
      [target(broken.url), target(later.url)],
      expectations,
      options({ maxAttempts: 3, timeoutMs: 10_000 }),
    )
    expect(performance.now() - started).toBeLessThan(800)
    expect(report.healthy).toBe(false)
    expect(report.targets[0]?.error).toBe('status 503 not in 200-299 (after 3 attempts)')
    expect(report.targets[1]?.error).toMatch(/\(stopped: .* failed first\)$/)
  })

  it('needs the success threshold in a row, so a flapping app fails', async () => {
    const flapping = await app({ mode: 'flap' })
    const report = await pollUntilHealthy(
      [target(flapping.url)],
      expectations,
      options({ successThreshold: 2, timeoutMs: 700 }),
    )
    expect(report.healthy).toBe(false)
    expect(report.targets[0]?.history.some((attempt) => attempt.passed)).toBe(true)
  })

  it("names the flapping app's last failure even when its last probe passed", async () => {
    const flapping = await app({ mode: 'flap' })
    // Probes alternate 200, 503, 200 …: with maxAttempts 3 the last one is a 200.
    const report = await pollUntilHealthy(
      [target(flapping.url)],
      expectations,
      options({ successThreshold: 3, timeoutMs: 3000, intervalMs: 100, maxAttempts: 3 }),
    )
    expect(report.healthy).toBe(false)
    expect(report.targets[0]?.history.at(-1)?.passed).toBe(true)
    expect(report.targets[0]?.error).toMatch(
      /^status 503 not in 200-299.*, then too few passing probes in a row \(after 3 attempts\)$/,
    )
  })

  it('carries no error once healthy, even after failures', async () => {
    const starting = await app({ healthyAfterMs: 250 })
    const report = await pollUntilHealthy([target(starting.url)], expectations, options())
    expect(report.healthy).toBe(true)
    expect(report.targets[0]?.history[0]?.passed).toBe(false)
    expect(report.targets[0]?.error).toBeUndefined()
  })

  it('waits out the grace period before the first probe', async () => {
    const service = await app({})
    const started = Date.now()
    await pollUntilHealthy([target(service.url)], expectations, options({ gracePeriodMs: 300 }))
    expect((service.requests[0]?.at ?? 0) - started).toBeGreaterThanOrEqual(290)
  })

  it('records the slowest passing latency', async () => {
    const service = await app({ latencyMs: 80 })
    const report = await pollUntilHealthy(
      [target(service.url)],
      expectations,
      options({ successThreshold: 2 }),
    )
    expect(report.slowestPassingMs).toBeGreaterThanOrEqual(75)
  })
})

describe('nextInterval', () => {
  const base = options({ intervalMs: 1000, maxIntervalMs: 5000 })

  it('keeps a fixed interval', () => {
    expect(nextInterval(base, 7)).toBe(1000)
  })

  it('grows by 1.5 with jitter and stops at the cap', () => {
    const exp = { ...base, backoff: 'exponential' as const, random: () => 0.5 }
    expect([1, 2, 3, 4, 5, 6].map((n) => nextInterval(exp, n))).toEqual([
      1000, 1500, 2250, 3375, 5000, 5000,
    ])
    expect(nextInterval({ ...exp, random: () => 0 }, 2)).toBeCloseTo(1200)
    expect(nextInterval({ ...exp, random: () => 1 }, 2)).toBeCloseTo(1800)
  })
})
