// The bundled gated-deploy run as the runner runs it, against the `command` provider over a
// local platform (__tests__/fakes/local-platform.mjs), a local app whose health follows the
// serving release, and the local fake GitHub API (which refuses what GitHub would refuse).
import { mkdtempSync, readFileSync, existsSync } from 'node:fs'
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
import { FakeClis } from '../fakes/fake-cli.js'
import { FakeGitHubApi } from '../fakes/github-api.js'

let api: FakeGitHubApi
let statePath: string
let app: Awaited<ReturnType<typeof startPlatformApp>>

beforeEach(async () => {
  api = await new FakeGitHubApi().start()
  statePath = join(mkdtempSync(join(tmpdir(), 'flightdeck-gated-')), 'platform.json')
  writeState(statePath, initialState(1))
  app = await startPlatformApp(statePath)
})

afterEach(async () => {
  await app.close()
  await api.stop()
  expect(api.violations).toEqual([])
})

function deploy(inputs: Record<string, string> = {}, env: Record<string, string> = {}) {
  return runBundledAction('gated-deploy', {
    inputs: {
      ...commandInputs(statePath),
      'health-url': `${app.url}/health`,
      'health-timeout': '3s',
      'health-json-assertions': 'status == healthy',
      ...inputs,
    },
    apiUrl: api.url,
    env: { FLIGHTDECK_GATE_INTERVAL: '200ms', ...env },
    timeoutMs: 60_000,
  })
}

function record(result: RunResult): Record<string, unknown> {
  return JSON.parse(readFileSync(result.outputs.record ?? '', 'utf8')) as Record<string, unknown>
}

function statesOf(id: number): string[] {
  return (api.deployments.find((deployment) => deployment.id === id)?.statuses ?? [])
    .map((status) => status.state)
    .reverse()
}

describe('gated-deploy: deploy, prove, roll back', () => {
  it('deploys a healthy release and records a successful Deployment', async () => {
    const result = await deploy()
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({
      status: 'deployed',
      'blocked-by': '',
      release: 'rel-2',
      'previous-release': 'rel-1',
      'rolled-back': 'false',
    })
    const id = Number(result.outputs['deployment-id'])
    expect(statesOf(id)).toEqual(['in_progress', 'success'])
    expect(readState(statePath).serving).toBe('rel-2')
    const saved = record(result)
    expect(saved).toMatchObject({
      status: 'deployed',
      repository: 'acme/shop',
      environment: 'production',
      releases: { before: { id: 'rel-1' }, after: { id: 'rel-2' } },
      health: { healthy: true },
      deploymentId: id,
    })
    expect(result.outputs.record).toMatch(
      new RegExp(`^${join(result.workDir, 'temp', 'flightdeck')}/deployment-[0-9a-f]{12}\\.json$`),
    )
    expect(result.summary).toMatch(/^### ✅ Deployed/)
    expect(result.summary).toContain('| deploy\\-window | not set | `no input given` |')
    const created = api.calls('POST /repos/{owner}/{repo}/deployments')[0]?.body as Record<
      string,
      unknown
    >
    expect(created).toMatchObject({ environment: 'production', production_environment: true })
  })

  it('rolls a broken release back in the same step and fails it', async () => {
    writeState(statePath, { ...initialState(1), nextBroken: true })
    const result = await deploy()
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({
      status: 'rolled-back',
      release: 'rel-1',
      'previous-release': 'rel-1',
      'rolled-back': 'true',
    })
    expect(readState(statePath).serving).toBe('rel-1')
    expect(readState(statePath).log).toEqual(['releases', 'deploy', 'rollback'])
    expect(result.errors[0]).toMatch(
      /^The new release of command was not healthy \(.*status 503.*\); it was rolled back to v1 \(rel-1\), healthy again after/,
    )
    const id = Number(result.outputs['deployment-id'])
    expect(statesOf(id)).toEqual(['in_progress', 'failure'])
    const final = api.deployments.find((d) => d.id === id)?.statuses[0]
    expect(final?.description).toBe('Rolled back to v1: the new release was unhealthy')
    expect(record(result)).toMatchObject({
      status: 'rolled-back',
      health: { healthy: false },
      rollback: { done: true, to: { id: 'rel-1' }, health: { healthy: true } },
    })
  })

  it('never words a rollback that left the app unhealthy as rolled back', async () => {
    // The old release is broken too: the rollback happens, the app stays unhealthy.
    const state = { ...initialState(1), nextBroken: true }
    state.releases = state.releases.map((release) => ({ ...release, healthy: false }))
    writeState(statePath, state)
    const result = await deploy()
    expect(result.exitCode).toBe(1)
    const id = Number(result.outputs['deployment-id'])
    const final = api.deployments.find((d) => d.id === id)?.statuses[0]
    expect(final).toMatchObject({ state: 'failure' })
    // deploy-report counts `Rolled back…` as restored: this one must read otherwise.
    expect(final?.description).toBe('Rollback to v1 (rel-1) failed: still unhealthy')
  })

  it('names both reasons when the rollback fails too', async () => {
    writeState(statePath, { ...initialState(1), nextBroken: true, failRollback: true })
    const result = await deploy()
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('failed')
    expect(result.errors[0]).toMatch(
      /was not healthy \(.*503.*\), and the rollback to v1 \(rel-1\) failed too: .*rollback refused: release image was garbage-collected/,
    )
    expect(statesOf(Number(result.outputs['deployment-id']))).toEqual(['in_progress', 'failure'])
  })

  it('fails a deploy that fails, with the platform reason, and ends the Deployment', async () => {
    writeState(statePath, { ...initialState(1), failDeploy: true })
    const result = await deploy()
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('failed')
    expect(result.errors[0]).toContain('build failed: missing module ./config')
    expect(statesOf(Number(result.outputs['deployment-id']))).toEqual(['in_progress', 'failure'])
    expect(record(result)).toMatchObject({
      status: 'failed',
      deploy: { error: expect.any(String) },
    })
  })

  it('stops a deploy that hangs at deploy-timeout, and reports it', async () => {
    writeState(statePath, { ...initialState(1), deployMs: 60_000 })
    const result = await deploy({ 'deploy-timeout': '2s' })
    expect(result.exitCode).toBe(1)
    expect(result.durationMs).toBeLessThan(15_000)
    expect(result.errors[0]).toMatch(/`deploy-command` was stopped .* after 2s/)
    expect(statesOf(Number(result.outputs['deployment-id']))).toEqual(['in_progress', 'failure'])
  })

  it('changes nothing on a dry run', async () => {
    const result = await deploy({ 'dry-run': 'true' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('dry-run')
    expect(readState(statePath).log).toEqual(['releases'])
    expect(api.calls('POST /repos/{owner}/{repo}/deployments')).toEqual([])
  })
})

describe('gated-deploy: gates', () => {
  it('blocks outside the deploy window before any platform call, and says why', async () => {
    const result = await deploy(
      { 'deploy-window': 'Mon-Fri 09:00-17:00 America/Los_Angeles' },
      { FLIGHTDECK_NOW: '2026-11-27T18:00:00-08:00' },
    )
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('blocked')
    expect(result.outputs['blocked-by']).toBe(
      'deploy-window: Fri 18:00 America/Los_Angeles is outside Mon-Fri 09:00-17:00 America/Los_Angeles',
    )
    expect(result.errors).toEqual([`Not deployed: ${result.outputs['blocked-by']}`])
    expect(readState(statePath).log).toEqual([])
    expect(api.requests).toEqual([])
    expect(record(result)).toMatchObject({ status: 'blocked' })
    expect(result.summary).toMatch(/^### ⛔ Blocked by a gate/)
  })

  it('with on-blocked: skip, succeeds and says blocked', async () => {
    const result = await deploy(
      { freeze: '2026-12-20..2027-01-02 Europe/Berlin holiday freeze', 'on-blocked': 'skip' },
      { FLIGHTDECK_NOW: '2026-12-24T10:00:00+01:00' },
    )
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('blocked')
    expect(result.outputs['blocked-by']).toContain('freeze: 2026-12-24 Europe/Berlin is inside')
  })

  it('lets override-gates past a freeze and records who and why', async () => {
    const result = await deploy(
      { freeze: '2026-12-20..2027-01-02 Europe/Berlin', 'override-gates': 'hotfix for INC-2231' },
      { FLIGHTDECK_NOW: '2026-12-24T10:00:00+01:00' },
    )
    expect(result.exitCode).toBe(0)
    expect(record(result)).toMatchObject({
      override: { reason: 'hotfix for INC-2231', actor: 'octocat' },
    })
    const created = api.calls('POST /repos/{owner}/{repo}/deployments')[0]?.body as {
      payload: { flightdeck: { override: unknown } }
    }
    expect(created.payload.flightdeck.override).toEqual({
      reason: 'hotfix for INC-2231',
      actor: 'octocat',
    })
    expect(result.summary).toContain('| freeze | overridden |')
  })

  it('never lets override-gates past a missing secret', async () => {
    const result = await deploy(
      { 'require-env': 'DEPLOY_KEY, OTHER', 'override-gates': 'urgent fix' },
      {
        OTHER: 'set',
      },
    )
    expect(result.exitCode).toBe(1)
    expect(result.outputs['blocked-by']).toBe('require-env: not set or empty: DEPLOY_KEY')
  })

  it('waits for pending checks, then deploys when they pass', async () => {
    const started = Date.now()
    api.on((request) => {
      if (request.route === 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs') {
        const done = Date.now() - started > 1500
        return {
          status: 200,
          body: {
            total_count: 2,
            check_runs: [
              checkRun('test', done ? 'completed' : 'in_progress', done ? 'success' : null),
              // This run's own job: never waited for.
              checkRun('deploy', 'in_progress', null, '/actions/runs/1658821493/job/9'),
            ],
          },
        }
      }
      if (request.route === 'GET /repos/{owner}/{repo}/commits/{ref}/statuses') {
        return { status: 200, body: [] }
      }
      return undefined
    })
    const result = await deploy({ 'require-checks': 'all', 'checks-timeout': '20s' })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toMatch(/Waiting for checks on ffac537: test \(in_progress\)/)
    expect(record(result)).toMatchObject({
      gates: expect.arrayContaining([
        expect.objectContaining({ gate: 'require-checks', verdict: 'passed' }),
      ]),
    })
  })

  it('blocks on a failed check, and on a named check that never appears', async () => {
    api.on((request) => {
      if (request.route === 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs') {
        return {
          status: 200,
          body: { total_count: 1, check_runs: [checkRun('lint', 'completed', 'failure')] },
        }
      }
      if (request.route === 'GET /repos/{owner}/{repo}/commits/{ref}/statuses') {
        return { status: 200, body: [{ context: 'ci/e2e', state: 'success', id: 1 }] }
      }
      return undefined
    })
    const failed = await deploy({ 'require-checks': 'lint, ci/e2e' })
    expect(failed.outputs['blocked-by']).toBe('require-checks: failed: lint (completed/failure)')
    const missing = await deploy({
      'require-checks': 'ci/e2e, security-scan',
      'checks-timeout': '1s',
    })
    expect(missing.outputs['blocked-by']).toBe(
      'require-checks: still waiting after 1s for security-scan (not reported yet)',
    )
    expect(readState(statePath).log).toEqual([])
  })

  it('waits for another deploy to the environment to finish', async () => {
    api.deployments.push({
      id: 900,
      environment: 'production',
      statuses: [{ state: 'in_progress' }],
      ref: 'main',
      task: 'deploy',
      transient: false,
      production: true,
      createdAt: new Date().toISOString(),
    })
    setTimeout(
      () => api.deployments.find((d) => d.id === 900)?.statuses.unshift({ state: 'success' }),
      1200,
    )
    const result = await deploy()
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain(
      'Waiting for deployment 900 to production is in progress to finish',
    )
  })

  it('blocks at once on another deploy with concurrency: fail', async () => {
    api.deployments.push({
      id: 901,
      environment: 'production',
      statuses: [{ state: 'queued' }],
      ref: 'main',
      task: 'deploy',
      transient: false,
      production: true,
      createdAt: new Date().toISOString(),
    })
    const result = await deploy({ concurrency: 'fail' })
    expect(result.outputs['blocked-by']).toBe(
      'concurrency: deployment 901 to production is in progress (concurrency: fail)',
    )
  })

  it('blocks while staging is unhealthy (require-healthy)', async () => {
    const result = await deploy({
      'require-healthy': 'http://127.0.0.1:9/staging-health',
      'require-healthy-timeout': '1s',
    })
    expect(result.outputs['blocked-by']).toMatch(
      /^require-healthy: http:\/\/127\.0\.0\.1:9\/staging-health: connection refused/,
    )
  })

  it('refuses bad inputs in one error before touching anything', async () => {
    const result = await deploy({
      'deploy-window': 'Mon-Fry 09:00-17:00',
      concurrency: 'maybe',
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      'invalid `deploy-window`: "Mon-Fry 09:00-17:00" is not a deploy window: "Fry" is not a weekday (example: Mon-Fri 09:00-17:00 America/Los_Angeles); invalid `concurrency`: "maybe" is not one of wait, fail, off (example: wait)',
    ])
    expect(existsSync(join(result.workDir, 'temp', 'flightdeck'))).toBe(false)
    const strategy = await deploy({ strategy: 'canary', 'rollback-command': '' })
    expect(strategy.errors).toEqual([
      '`strategy` canary is not something provider `command` offers; only fly takes a strategy (leave it empty); `rollback-command` is required for provider `command` when auto-rollback is on (example: ./scripts/rollback.sh), or set auto-rollback: false',
    ])
    expect(readState(statePath).log).toEqual([])
  })
})

function checkRun(
  name: string,
  status: string,
  conclusion: string | null,
  details = '/actions/runs/1/job/2',
) {
  return {
    id: name.length,
    name,
    status,
    conclusion,
    head_sha: 'ffac537e6cbbf934b08745a378932722df287a53',
    details_url: `https://github.com/acme/shop${details}`,
  }
}

describe('gated-deploy: a cancelled job', () => {
  it('stops the deploy with the job and ends the Deployment before it exits', async () => {
    writeState(statePath, { ...initialState(1), deployMs: 60_000 })
    const main = await runBundledAction('gated-deploy', {
      inputs: { ...commandInputs(statePath), 'health-url': `${app.url}/health` },
      apiUrl: api.url,
      // Cancelled while the deploy runs, once GitHub has the Deployment.
      cancelOn: /\[command\]bash .* deploy /,
      timeoutMs: 30_000,
    })
    expect(main.exitCode).not.toBe(0)
    expect(main.stdout).toContain('Received SIGTERM: stopping 1 running command(s).')
    const id = api.deployments[0]?.id ?? 0
    expect(statesOf(id)).toEqual(['in_progress', 'failure'])
    expect(main.savedState['open-deployment']).toBe('')
  }, 60_000)

  it('when the job is killed outright, the post step ends the open Deployment as error', async () => {
    writeState(statePath, { ...initialState(1), deployMs: 8_000 })
    const main = await runBundledAction('gated-deploy', {
      inputs: { ...commandInputs(statePath), 'health-url': `${app.url}/health` },
      apiUrl: api.url,
      cancelOn: /\[command\]bash .* deploy /,
      cancelSignal: 'SIGKILL',
      timeoutMs: 30_000,
    })
    expect(main.exitCode).toBeNull()
    const saved = main.savedState['open-deployment']
    expect(saved).toBeTruthy()
    const { id } = JSON.parse(saved ?? '{}') as { id: number }
    expect(statesOf(id)).toEqual(['in_progress'])

    const post = await runBundledAction('gated-deploy', {
      entry: 'post/index.js',
      inputs: { ...commandInputs(statePath) },
      state: { 'open-deployment': saved ?? '' },
      apiUrl: api.url,
    })
    expect(post.exitCode).toBe(0)
    expect(statesOf(id)).toEqual(['in_progress', 'error'])
    expect(api.deployments.find((d) => d.id === id)?.statuses[0]?.description).toBe(
      'Cancelled: the job ended before the deploy finished',
    )
  }, 60_000)

  it('leaves alone a Deployment the main step ended, and does nothing without saved state', async () => {
    const result = await deploy()
    expect(result.savedState['open-deployment'] ?? '').toBe('')
    const before = api.requests.length
    const post = await runBundledAction('gated-deploy', {
      entry: 'post/index.js',
      inputs: { ...commandInputs(statePath) },
      state: { 'open-deployment': result.savedState['open-deployment'] ?? '' },
      apiUrl: api.url,
    })
    expect(post.exitCode).toBe(0)
    expect(api.requests.length).toBe(before)
  }, 60_000)
})

describe('gated-deploy on Fly.io (fake flyctl on PATH)', () => {
  it('deploys with the strategy and extra arguments as argv items, token only in the environment', async () => {
    const clis = new FakeClis()
    const token = 'FlyV1 fm2_plantedgatedtoken0123456789'
    const result = await runBundledAction('gated-deploy', {
      env: clis.env(),
      apiUrl: api.url,
      inputs: {
        provider: 'fly',
        app: 'flightdeck-demo',
        token,
        strategy: 'bluegreen',
        'deploy-args': '--remote-only\n--build-arg=GIT_SHA=$(id)',
      },
    })
    expect(result.exitCode).toBe(0)
    const deploys = clis.calls('flyctl').filter((call) => call.args[0] === 'deploy')
    expect(deploys).toHaveLength(1)
    expect(deploys[0]?.args).toEqual(
      expect.arrayContaining([
        '--app=flightdeck-demo',
        '--strategy=bluegreen',
        '--build-arg=GIT_SHA=$(id)',
      ]),
    )
    for (const call of clis.calls()) {
      expect(call.env.FLY_API_TOKEN).toBe(token)
      expect(call.args.join(' ')).not.toContain(token)
    }
    expect(secretLeaks(result, token)).toEqual([])
    expect(result.outputs.status).toBe('deployed')
  })
})
