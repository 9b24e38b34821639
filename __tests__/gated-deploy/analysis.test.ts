// The bundled gated-deploy judging a release by real traffic, as the runner runs it: over the
// local platform (command provider, __tests__/fakes/local-platform.mjs) whose app answers from
// the release the platform's split chose, a local fake Prometheus, and the fake GitHub API.
// Short windows (a measurement every 100-400 ms) keep each run to seconds.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runBundledAction, secretLeaks, type RunResult } from '../support/bundle-runner.mjs'
import {
  commandInputs,
  initialState,
  readState,
  startPlatformApp,
  writeState,
} from '../fakes/local-platform.mjs'
import { FakeGitHubApi } from '../fakes/github-api.js'
import { FakePrometheus, httpStatus, scalar } from '../fakes/prometheus-api.js'

let api: FakeGitHubApi
let statePath: string
let app: Awaited<ReturnType<typeof startPlatformApp>>

beforeEach(async () => {
  api = await new FakeGitHubApi().start()
  statePath = join(mkdtempSync(join(tmpdir(), 'flightdeck-analysis-')), 'platform.json')
  writeState(statePath, initialState(1))
  app = await startPlatformApp(statePath)
})

afterEach(async () => {
  await app.close()
  await api.stop()
  expect(api.violations).toEqual([])
})

function nextRelease(changes: Record<string, unknown>) {
  writeState(statePath, { ...readState(statePath), ...changes })
}

function deploy(inputs: Record<string, string> = {}) {
  return runBundledAction('gated-deploy', {
    inputs: {
      ...commandInputs(statePath),
      'health-url': `${app.url}/health`,
      'health-timeout': '3s',
      'analysis-interval': '100ms',
      'analysis-duration': '1s',
      'max-error-rate': '5%',
      ...inputs,
    },
    apiUrl: api.url,
    env: { FLIGHTDECK_GATE_INTERVAL: '200ms' },
    timeoutMs: 60_000,
  })
}

interface Analysis {
  verdict: string
  reason: string
  samples: number
  errorRate?: number
  p50?: number
  p95?: number
  baseline?: { p50: number; p95: number }
  metrics: Array<number | null>
  steps?: Array<{ percent: number; verdict: string; samples: number; rolledBack?: boolean }>
}

const analysisOf = (result: RunResult) => JSON.parse(result.outputs.analysis ?? '') as Analysis
const finalDescription = (result: RunResult) =>
  api.deployments.find((d) => d.id === Number(result.outputs['deployment-id']))?.statuses[0]
const trafficLog = () => (readState(statePath).log ?? []).filter((l) => l.startsWith('traffic'))

describe('gated-deploy: post-deploy analysis', () => {
  it('keeps a good release after watching it, with the verdict in the outputs, the record and the summary', async () => {
    const result = await deploy()
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('deployed')
    const analysis = analysisOf(result)
    expect(analysis).toMatchObject({ verdict: 'pass', errorRate: 0, metrics: [] })
    expect(analysis.samples).toBeGreaterThanOrEqual(5)
    expect(finalDescription(result)).toMatchObject({
      state: 'success',
      description: 'Deployed rel-2, analysis passed',
    })
    expect(result.summary).toContain('```mermaid\nxychart-beta')
    expect(result.outputs['traffic-step']).toBe('')
    // One log line per measurement, never one per request.
    const lines = result.stdout.split('\n').filter((line) => /samples · errors/.test(line))
    expect(lines.length).toBeGreaterThanOrEqual(5)
    expect(lines.length).toBeLessThanOrEqual(11)
  })

  it('rolls back a release that passes /health but fails one request in three, before its window ends', async () => {
    nextRelease({ nextKind: 'failing' })
    const result = await deploy({ 'analysis-duration': '10s' })
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({ status: 'rolled-back', release: 'rel-1' })
    const analysis = analysisOf(result)
    expect(analysis.verdict).toBe('fail')
    // 10 s at 100 ms would be 100 samples: the verdict came after the limit's fourth failure.
    expect(analysis.samples).toBeLessThan(40)
    expect(analysis.reason).toMatch(/^error rate \d+(\.\d)?% over 5%$/)
    expect(finalDescription(result)).toMatchObject({ state: 'failure' })
    expect(finalDescription(result)?.description).toMatch(
      /^Rolled back to v1: error rate \d+(\.\d)?% over 5%$/,
    )
    // The runner decodes %25 in a workflow command's message back to %.
    expect(result.errors[0]?.replaceAll('%25', '%')).toMatch(
      /failed the analysis \(error rate .* over 5%\); it was rolled back to v1 \(rel-1\), healthy again/,
    )
    expect(readState(statePath).serving).toBe('rel-1')
  })

  it('proves the rollback on the analysis URLs when there is no health-url', async () => {
    nextRelease({ nextKind: 'failing' })
    const result = await deploy({
      'health-url': '',
      'analysis-url': `${app.url}/api/orders`,
      'analysis-duration': '10s',
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('rolled-back')
    expect(result.stdout).toMatch(/Health after the rollback[\s\S]*\/api\/orders #1 200/)
    expect(finalDescription(result)?.description).toMatch(/^Rolled back to v1: error rate/)
  })

  it('judges latency against the release serving before the deploy', async () => {
    nextRelease({ nextKind: 'slow', slowMs: 250 })
    const result = await deploy({
      'analysis-interval': '400ms',
      'analysis-duration': '2s',
      'max-error-rate': '',
      'max-latency-regression': '2x',
    })
    expect(result.exitCode).toBe(1)
    const analysis = analysisOf(result)
    expect(analysis.verdict).toBe('fail')
    expect(analysis.baseline?.p95).toBeLessThan(100)
    expect(analysis.reason).toMatch(/^p95 .* over 2x the baseline/)
    expect(result.stdout).toMatch(/Baseline of v1 \(rel-1\): p50 \d+ms, p95 \d+ms/)
  })

  describe('a Prometheus that cannot answer', () => {
    let prometheus: FakePrometheus
    beforeEach(async () => {
      prometheus = await new FakePrometheus().answer(httpStatus(503)).start()
    })
    afterEach(() => prometheus.stop())

    const inputs = () => ({
      'max-error-rate': '',
      'prometheus-url': prometheus.url,
      'prometheus-query': 'sum(rate(http_requests_total{status=~"5.."}[1m]))',
      'prometheus-condition': '< 0.05',
      'inconclusive-limit': '2',
    })

    it('makes the release inconclusive, and on-inconclusive: rollback does not keep it', async () => {
      const result = await deploy(inputs())
      expect(result.exitCode).toBe(1)
      expect(result.outputs.status).toBe('rolled-back')
      expect(analysisOf(result).verdict).toBe('inconclusive')
      expect(finalDescription(result)?.description).toMatch(/^Rolled back to v1: inconclusive: /)
      expect(prometheus.requests.length).toBe(3)
    })

    it('keeps it, with a warning, under on-inconclusive: keep', async () => {
      const result = await deploy({ ...inputs(), 'on-inconclusive': 'keep' })
      expect(result.exitCode).toBe(0)
      expect(result.outputs.status).toBe('deployed')
      expect(analysisOf(result).verdict).toBe('inconclusive')
      expect(result.stdout).toMatch(/::warning [^\n]*could not judge the release/)
    })

    it('never shows its credentials: URL user:password and header values', async () => {
      prometheus.answer(scalar(0.01))
      const password = 'prom-pass-5f2b9c1e7a'
      const header = 'Bearer prom-header-9d8c7b6a5f4e'
      const url = new URL(prometheus.url)
      url.username = 'grafana'
      url.password = password
      const result = await deploy({
        ...inputs(),
        'prometheus-url': url.toString(),
        'prometheus-headers': `X-Scope-OrgID: team-a\nX-Auth: ${header}`,
      })
      expect(result.exitCode).toBe(0)
      expect(analysisOf(result).metrics[0]).toBe(0.01)
      expect(prometheus.requests[0]?.headers['x-auth']).toBe(header)
      for (const secret of [password, header]) {
        expect(secretLeaks(result, secret)).toEqual([])
        expect(JSON.stringify(api.deployments)).not.toContain(secret)
      }
    })
  })
})

describe('gated-deploy: traffic steps', () => {
  it('moves a good release through every step, watching each', async () => {
    const result = await deploy({ 'traffic-steps': '10%,50%,100%', 'analysis-duration': '600ms' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({
      status: 'deployed',
      release: 'rel-2',
      'traffic-step': '100%',
    })
    expect(trafficLog()).toEqual(['traffic 10', 'traffic 50', 'traffic 100'])
    expect(readState(statePath)).toMatchObject({ serving: 'rel-2' })
    const analysis = analysisOf(result)
    expect(analysis.verdict).toBe('pass')
    expect(analysis.steps?.map((step) => [step.percent, step.verdict])).toEqual([
      [10, 'pass'],
      [50, 'pass'],
      [100, 'pass'],
    ])
    expect(result.summary).toMatch(/\| 10\\% \| pass \|/)
  })

  it('stops a failing release at its first step and returns all traffic at once', async () => {
    nextRelease({ nextKind: 'failing', failEvery: 2 })
    const result = await deploy({
      'traffic-steps': '10%,50%,100%',
      'analysis-duration': '4s',
      'max-error-rate': '1%',
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({
      status: 'rolled-back',
      release: 'rel-1',
      'traffic-step': '10%',
      'rolled-back': 'true',
    })
    expect(trafficLog()).toEqual(['traffic 10', 'traffic 0'])
    const analysis = analysisOf(result)
    expect(analysis.steps).toEqual([
      expect.objectContaining({ percent: 10, verdict: 'fail', rolledBack: true }),
    ])
    expect(finalDescription(result)?.description).toMatch(
      /^Rolled back to v1: error rate .* over 1% at 10%$/,
    )
    // The new release only ever had its share: about one request in ten.
    const served = app.served
    const total = Object.values(served).reduce((sum, count) => sum + count.requests, 0)
    expect((served['rel-2']?.requests ?? 0) / total).toBeLessThan(0.15)
  })

  it.each([
    [
      { provider: 'fly', app: 'shop-web', 'traffic-steps': '10%,100%' },
      /^`traffic-steps` needs a platform that sends a share of requests .*: remove traffic-steps, or set it to 100%25$/,
    ],
    [{ 'traffic-steps': '50%,10%,100%' }, /`traffic-steps`.*increas.*example/],
    [{ 'traffic-steps': '10%,50%' }, /`traffic-steps`.*100.*example/],
    [{ 'max-error-rate': 'lots' }, /`max-error-rate`.*not a percentage.*example: 5%25/],
    [
      {
        'prometheus-url': 'https://prom.example.com',
        'prometheus-query': 'up',
        'prometheus-condition': '0.05',
      },
      /`prometheus-condition`.*example/,
    ],
    [{ 'max-latency-regression': '0.5x' }, /`max-latency-regression`.*example/],
    [{ 'analysis-interval': '0s' }, /`analysis-interval`/],
  ])(
    'refuses bad analysis and traffic input in one error line, before any call: %j',
    async (inputs, message) => {
      const result = await deploy(inputs)
      expect(result.exitCode).toBe(1)
      expect(result.errors).toHaveLength(1)
      expect(result.errors[0]).toMatch(message)
      // No stack, except in the ::debug:: line a user sees only with step debugging on.
      expect(result.errors[0]).not.toMatch(/\.js:\d+/)
      expect(api.requests).toEqual([])
      expect(readState(statePath).log).toEqual([])
    },
  )
})
