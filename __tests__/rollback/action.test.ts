// The bundled rollback action run as the runner runs it, against the `command` provider (real
// bash commands), a local app for the health check and a local GitHub API.
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runBundledAction, secretLeaks } from '../support/bundle-runner.mjs'
import { startFakeApp } from '../fakes/fake-app.mjs'
import { FakeClis } from '../fakes/fake-cli.js'
import { FakeGitHubApi, NO_ANSWER, type RecordedApiRequest } from '../fakes/github-api.js'

const RELEASES = [
  { id: 'rel-45', version: 'v45', status: 'failed', image: 'shop:45' },
  { id: 'rel-44', version: 'v44', status: 'succeeded', image: 'shop:44', current: true },
  { id: 'rel-43', version: 'v43', status: 'succeeded', image: 'shop:44' },
  { id: 'rel-42', version: 'v42', status: 'succeeded', image: 'shop:42' },
]

let api: FakeGitHubApi
let app: Awaited<ReturnType<typeof startFakeApp>>
let work: string

beforeEach(async () => {
  api = await new FakeGitHubApi().start()
  app = await startFakeApp()
  work = mkdtempSync(join(tmpdir(), 'flightdeck-rollback-test-'))
  writeFileSync(join(work, 'releases.json'), JSON.stringify(RELEASES))
})
afterEach(async () => {
  await api.stop()
  await app.close()
  // Every request the action made is one GitHub would have accepted.
  expect(api.violations).toEqual([])
})

const STATUS_ROUTE = 'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses'

/** The states the action sent for deployment `id`, in order. */
function statesSent(id: number): string[] {
  return api
    .calls(STATUS_ROUTE)
    .filter((request) => request.path === `/repos/acme/shop/deployments/${id}/statuses`)
    .map((request) => (request.body as { state: string }).state)
}

const isFinalSuccess = (request: RecordedApiRequest) =>
  request.route === STATUS_ROUTE && (request.body as { state?: string }).state === 'success'

function commandInputs(extra: Record<string, string> = {}) {
  return {
    provider: 'command',
    'releases-command': `cat '${join(work, 'releases.json')}'`,
    // The target arrives only as environment variables; the script records them.
    'rollback-command': `printf '%s|%s|%s' "$FLIGHTDECK_RELEASE_ID" "$FLIGHTDECK_RELEASE_VERSION" "$FLIGHTDECK_RELEASE_IMAGE" > '${join(work, 'rolled-back')}'`,
    ...extra,
  }
}

function rolledBackTo(): string | undefined {
  const file = join(work, 'rolled-back')
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined
}

describe('rollback bundle', () => {
  it('rolls back to the previous good build, proves it healthy and records a GitHub deployment', async () => {
    const result = await runBundledAction('rollback', {
      apiUrl: api.url,
      inputs: commandInputs({
        environment: 'production',
        reason: 'error rate above 5%',
        'health-url': app.url,
        'health-json-assertions': 'status == healthy',
      }),
    })
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
    expect(rolledBackTo()).toBe('rel-42|v42|shop:42')
    expect(result.outputs).toEqual({
      'from-release': 'rel-44',
      'to-release': 'rel-42',
      'rolled-back': 'true',
      healthy: 'true',
    })
    expect(result.stdout).toContain(
      'Roll back command from v44 (rel-44) to v42 (rel-42): error rate above 5%',
    )
    expect(result.summary).toContain('### ✅ Rolled back')
    expect(result.summary).toMatch(/\| from \| `?v44 \(rel-44\)`? \|/)
    expect(result.summary).toMatch(/\| to \| `?v42 \(rel-42\)`? \|/)
    expect(result.summary).toMatch(/\| health \| healthy after/)

    const [create, inProgress, success] = api.requests
    expect(create).toMatchObject({
      method: 'POST',
      path: '/repos/acme/shop/deployments',
      body: {
        environment: 'production',
        auto_merge: false,
        required_contexts: [],
        production_environment: true,
        payload: {
          flightdeck: {
            action: 'rollback',
            from: 'rel-44',
            to: 'rel-42',
            reason: 'error rate above 5%',
          },
        },
      },
    })
    expect(inProgress).toMatchObject({
      path: '/repos/acme/shop/deployments/1000/statuses',
      body: { state: 'in_progress' },
    })
    expect(success).toMatchObject({
      path: '/repos/acme/shop/deployments/1000/statuses',
      body: {
        state: 'success',
        environment_url: app.url,
        log_url: 'https://github.com/acme/shop/actions/runs/1658821493',
      },
    })
  })

  it('marks the earlier live deployment of the environment inactive once the rollback is healthy', async () => {
    api.deployments.push(
      { id: 900, environment: 'production', statuses: [{ state: 'success' }] },
      {
        id: 899,
        environment: 'production',
        statuses: [{ state: 'inactive' }, { state: 'success' }],
      },
      { id: 898, environment: 'staging', statuses: [{ state: 'success' }] },
    )
    const result = await runBundledAction('rollback', {
      apiUrl: api.url,
      inputs: commandInputs({ environment: 'production', 'health-url': app.url }),
    })
    expect(result.exitCode).toBe(0)
    const inactivated = api.requests
      .filter(
        (request) =>
          request.method === 'POST' && (request.body as { state?: string })?.state === 'inactive',
      )
      .map((request) => request.path)
    expect(inactivated).toEqual(['/repos/acme/shop/deployments/900/statuses'])
    expect(result.stdout).toContain('Marked earlier production deployment(s) 900 inactive.')
    expect(api.deployments.find((d) => d.id === 1000)?.statuses[0]).toMatchObject({
      state: 'success',
    })
  })

  it('changes nothing on a dry run, and names the planned target as to-release', async () => {
    const result = await runBundledAction('rollback', {
      apiUrl: api.url,
      inputs: commandInputs({ 'dry-run': 'true', environment: 'production' }),
    })
    expect(result.exitCode).toBe(0)
    expect(rolledBackTo()).toBeUndefined()
    expect(api.requests).toEqual([])
    expect(result.outputs).toMatchObject({
      'from-release': 'rel-44',
      'to-release': 'rel-42',
      'rolled-back': 'false',
    })
    expect(result.summary).toContain('Rollback plan (dry run: nothing changed)')
  })

  it('rolls back to a named release but never to a failed one', async () => {
    const named = await runBundledAction('rollback', { inputs: commandInputs({ to: 'v43' }) })
    expect(named.exitCode).toBe(0)
    expect(rolledBackTo()).toBe('rel-43|v43|shop:44')

    const failed = await runBundledAction('rollback', { inputs: commandInputs({ to: 'v45' }) })
    expect(failed.exitCode).toBe(1)
    expect(failed.errors).toEqual([
      'release v45 (rel-45) of `command` is a failed release (failed); flightdeck only rolls back to a release that succeeded',
    ])
  })

  it('refuses clearly when there is no earlier good release, and touches nothing', async () => {
    writeFileSync(join(work, 'releases.json'), JSON.stringify([RELEASES[1], RELEASES[0]]))
    const result = await runBundledAction('rollback', { inputs: commandInputs() })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(/has no successful release older than the current v44/)
    expect(rolledBackTo()).toBeUndefined()
  })

  it('fails when the rolled-back app is not healthy, and records the failure', async () => {
    app.becomeUnhealthy()
    const result = await runBundledAction('rollback', {
      apiUrl: api.url,
      inputs: commandInputs({
        environment: 'staging',
        'health-url': app.url,
        'health-timeout': '2s',
      }),
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({ 'rolled-back': 'true', healthy: 'false' })
    expect(result.stdout).toMatch(
      /^::error title=rollback%3A unhealthy after rollback::command was rolled back to v42 \(rel-42\) but is not healthy: .*status 503 not in 200-299/m,
    )
    expect(api.requests.at(-1)?.body).toMatchObject({
      state: 'failure',
      // Not `Rolled back…`: deploy-report must not count this as a restoration.
      description: 'Rollback to v42 (rel-42) failed: still unhealthy',
    })
    expect(result.summary).toContain('### ❌ Rolled back, but the app is not healthy')
  })

  it('still rolls back when GitHub refuses to record the deployment', async () => {
    api.on((request) =>
      request.method === 'POST'
        ? { status: 403, body: { message: 'Resource not accessible by integration' } }
        : undefined,
    )
    const result = await runBundledAction('rollback', {
      apiUrl: api.url,
      inputs: commandInputs({ environment: 'production' }),
    })
    expect(result.exitCode).toBe(0)
    expect(rolledBackTo()).toBe('rel-42|v42|shop:42')
    expect(result.stdout).toMatch(
      /^::warning title=rollback%3A GitHub deployment not recorded::Could not record the GitHub deployment: Resource not accessible by integration/m,
    )
    // Refused once: no retries of a 403, nothing to finish.
    expect(api.requests).toHaveLength(1)
  })

  it('keeps the platform token and the GitHub token out of every output', async () => {
    const token = 'plat_tok_0123456789abcdef'
    const githubToken = 'ghs_plantedGithubToken0123456789'
    const result = await runBundledAction('rollback', {
      apiUrl: api.url,
      env: { GITHUB_TOKEN: githubToken },
      inputs: commandInputs({
        token,
        environment: 'production',
        reason: `see https://deploy:hunter22@registry.example/v2 (token ${token})`,
        'health-url': app.url,
        'health-headers': `Authorization: Bearer ${token}`,
      }),
    })
    expect(result.exitCode).toBe(0)
    expect(api.requests[0]?.headers.authorization).toBe(`token ${githubToken}`)
    expect(secretLeaks(result, token)).toEqual([])
    expect(secretLeaks(result, githubToken)).toEqual([])
    // Nor what GitHub stores and shows to everyone with read access.
    const sent = JSON.stringify(api.requests.map((request) => request.body))
    expect(sent).not.toContain(token)
    expect(sent).not.toContain('hunter22')
    expect(sent).toContain('see https://registry.example/v2 (token ***)')
  })

  it('refuses bad inputs before touching anything', async () => {
    const result = await runBundledAction('rollback', {
      inputs: commandInputs({ to: '--force', 'health-timeout': 'soon', provider: 'heroku' }),
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toContain(
      'invalid `provider`: "heroku" is not one of fly, cloudflare, vercel, railway, render, command (example: fly)',
    )
    expect(result.errors[0]).toContain(
      'invalid `to`: "--force" is not an app, service or release name',
    )
    expect(result.errors[0]).toContain('invalid `health-timeout`: "soon" is not a duration')
    expect(rolledBackTo()).toBeUndefined()
  })

  it('needs an app for platform providers', async () => {
    const result = await runBundledAction('rollback', { inputs: { provider: 'fly' } })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual(['`app` is required for provider `fly` (example: my-app)'])
  })
})

describe('rollback bundle against a GitHub that misbehaves', () => {
  it('retries a final status GitHub answered 500 twice, and ends the deployment success', async () => {
    let failures = 0
    api.on((request) =>
      isFinalSuccess(request) && failures++ < 2
        ? { status: 500, body: { message: 'Server Error' } }
        : undefined,
    )
    const result = await runBundledAction('rollback', {
      apiUrl: api.url,
      inputs: commandInputs({ environment: 'staging', 'health-url': app.url }),
    })
    expect(result.exitCode).toBe(0)
    expect(rolledBackTo()).toBe('rel-42|v42|shop:42')
    expect(statesSent(1000)).toEqual(['in_progress', 'success', 'success', 'success'])
    // GitHub holds one final state: the two 500s recorded nothing.
    expect(api.deployments[0]?.statuses.map((status) => status.state)).toEqual([
      'success',
      'in_progress',
    ])
    expect(result.stdout).toContain(
      'GitHub answered 500: Server Error (setting deployment 1000 to success); trying again in 500ms, attempt 2 of 5',
    )
    expect(result.stdout).not.toMatch(/^::warning/m)
  })

  it('ends within a bounded time when GitHub never answers the final status, and says so', async () => {
    api.on((request) => (isFinalSuccess(request) ? NO_ANSWER : undefined))
    const result = await runBundledAction('rollback', {
      apiUrl: api.url,
      // 1s per request: the final status gets 3s in all (three request time limits).
      env: { FLIGHTDECK_GITHUB_TIMEOUT: '1s' },
      timeoutMs: 60_000,
      inputs: commandInputs({ environment: 'staging', 'health-url': app.url }),
    })
    expect(result.exitCode).toBe(0)
    expect(rolledBackTo()).toBe('rel-42|v42|shop:42')
    expect(result.outputs).toMatchObject({ 'rolled-back': 'true', healthy: 'true' })
    expect(result.stdout).toMatch(
      /^::warning title=rollback%3A GitHub deployment not recorded::Could not set GitHub deployment 1000 to success: GitHub did not answer .*within .*\. It may still read in_progress\.$/m,
    )
    const finalAttempts = api.requests.filter(isFinalSuccess)
    expect(finalAttempts.length).toBeGreaterThanOrEqual(2)
    const lastRequestAt = api.requests.at(-1)?.at ?? 0
    const firstFinalAt = finalAttempts[0]?.at ?? 0
    expect(lastRequestAt - firstFinalAt).toBeLessThan(3000)
    expect(result.durationMs).toBeLessThan(15_000)
  })

  it('ends the deployment as error, with the reason, when the step crashes after creating it', async () => {
    // The runner's output file cannot be written: an unexpected throw after the rollback.
    const result = await runBundledAction('rollback', {
      apiUrl: api.url,
      env: { GITHUB_OUTPUT: work },
      inputs: commandInputs({ environment: 'staging', 'health-url': app.url }),
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(/EISDIR/)
    expect(rolledBackTo()).toBe('rel-42|v42|shop:42')
    expect(statesSent(1000)).toEqual(['in_progress', 'error'])
    expect(api.calls(STATUS_ROUTE).at(-1)?.body).toMatchObject({
      state: 'error',
      description: expect.stringMatching(/^Stopped: EISDIR/),
    })
  })

  it('ends the deployment as failure when the platform refuses the rollback', async () => {
    const result = await runBundledAction('rollback', {
      apiUrl: api.url,
      inputs: commandInputs({
        environment: 'staging',
        'rollback-command': "echo 'registry unreachable' >&2; exit 3",
      }),
    })
    expect(result.exitCode).toBe(1)
    expect(statesSent(1000)).toEqual(['in_progress', 'failure'])
    expect(api.calls(STATUS_ROUTE).at(-1)?.body).toMatchObject({
      description: expect.stringMatching(/^Rollback failed: .*exit code 3/),
    })
  })

  it('marks earlier deployments inactive in 4 GitHub calls plus one per live deployment, with 30 earlier', async () => {
    for (let id = 999; id > 969; id--) {
      api.deployments.push({
        id,
        environment: 'production',
        statuses: [999, 985].includes(id)
          ? [{ state: 'success' }]
          : [{ state: 'inactive' }, { state: 'success' }],
      })
    }
    const result = await runBundledAction('rollback', {
      apiUrl: api.url,
      inputs: commandInputs({ environment: 'production', 'health-url': app.url }),
    })
    expect(result.exitCode).toBe(0)
    expect(api.requests.map((request) => request.route)).toEqual([
      'POST /repos/{owner}/{repo}/deployments',
      STATUS_ROUTE,
      STATUS_ROUTE,
      'POST /graphql',
      STATUS_ROUTE,
      STATUS_ROUTE,
    ])
    expect(statesSent(999)).toEqual(['inactive'])
    expect(statesSent(985)).toEqual(['inactive'])
    expect(result.stdout).toContain('Marked earlier production deployment(s) 999, 985 inactive.')
  })

  it('treats a github-token that arrives as an unexpanded ${{ }} expression as missing', async () => {
    const result = await runBundledAction('rollback', {
      apiUrl: api.url,
      inputs: commandInputs({ environment: 'production', 'github-token': '${{ github.token }}' }),
    })
    expect(result.exitCode).toBe(0)
    expect(rolledBackTo()).toBe('rel-42|v42|shop:42')
    // One warning naming the input (the input reader's; the GitHub token helper adds none).
    const unexpanded = result.stdout
      .split('\n')
      .filter((line) => line.includes('is the unexpanded expression'))
    expect(unexpanded).toEqual([
      expect.stringMatching(
        /^::warning title=unexpanded github-token::`github-token` is the unexpanded expression "\$\{\{ github\.token \}\}"; it is treated as not set/,
      ),
    ])
    expect(result.stdout).toContain(
      'No github-token: the rollback is not recorded as a GitHub Deployment.',
    )
    expect(api.requests).toEqual([])
  })
})

describe('rollback bundle against a health endpoint that answers hostile JSON', () => {
  it('fails the health check with a reason and still writes outputs, summary and the deployment', async () => {
    const hostile = await startFakeApp({
      respond: () => ({
        status: 200,
        text: `{"status": ${'['.repeat(100_000)}${']'.repeat(100_000)}, "n": 1e400}`,
        headers: { 'content-type': 'application/json' },
      }),
    })
    try {
      const result = await runBundledAction('rollback', {
        apiUrl: api.url,
        inputs: commandInputs({
          environment: 'staging',
          'health-url': hostile.url,
          'health-json-assertions': 'status == healthy\nn < 100',
          'health-timeout': '1s',
        }),
      })
      expect(result.exitCode).toBe(1)
      expect(result.outputs).toMatchObject({ 'rolled-back': 'true', healthy: 'false' })
      expect(result.errors[0]).toMatch(
        /is not healthy: .*status was \[\[\[.*\.\.\., not "healthy"; n was a number beyond 1\.8e308, not < 100/,
      )
      expect(result.summary).toContain('### ❌ Rolled back, but the app is not healthy')
      expect(statesSent(1000)).toEqual(['in_progress', 'failure'])
    } finally {
      await hostile.close()
    }
  })
})

describe('rollback bundle on Fly.io (fake flyctl on PATH)', () => {
  it('redeploys the previous good image with the token only in the environment', async () => {
    const clis = new FakeClis()
    const token = 'FlyV1 fm2_plantedflytoken0123456789'
    const result = await runBundledAction('rollback', {
      env: clis.env(),
      inputs: { provider: 'fly', app: 'flightdeck-demo', token, reason: 'p99 latency doubled' },
    })
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({
      'from-release': 'mkGLl0rE9dN4M5xQ',
      'to-release': 'mkGLl0rE9dN4M5xN',
      'rolled-back': 'true',
      healthy: '',
    })
    const deploys = clis.calls('flyctl').filter((call) => call.args[0] === 'deploy')
    expect(deploys.map((call) => call.args)).toEqual([
      [
        'deploy',
        '--app=flightdeck-demo',
        '--image=registry.fly.io/flightdeck-demo:deployment-01JWTZ3C5E7G9J2L4N6Q8S0U2W',
        '--yes',
      ],
    ])
    for (const call of clis.calls()) {
      expect(call.env.FLY_API_TOKEN).toBe(token)
      expect(call.args.join(' ')).not.toContain(token)
    }
    expect(secretLeaks(result, token)).toEqual([])
    expect(result.summary).toMatch(/\| from \| `?v42 \(mkGLl0rE9dN4M5xQ\)/)
  })

  it('fails clearly when flyctl fails, naming the command and its error', async () => {
    const clis = new FakeClis()
    clis.behave('flyctl', {
      deploy: {
        exitCode: 1,
        stderr: 'Error: failed to fetch an image or build from source: unauthorized\n',
      },
    })
    const result = await runBundledAction('rollback', {
      env: { ...clis.env(), FLY_API_TOKEN: 'fm2_x' },
      inputs: { provider: 'fly', app: 'flightdeck-demo' },
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(
      /^`flyctl deploy --app=flightdeck-demo --image=.* --yes` failed with exit code 1: Error: failed to fetch an image or build from source: unauthorized$/,
    )
  })
})
