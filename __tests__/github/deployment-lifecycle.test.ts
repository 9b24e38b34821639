// The Deployment lifecycle against the fake GitHub API (which refuses what GitHub would
// refuse): create → in_progress → exactly one final state, retries, time limits, crashes.
import { validate } from '@octokit/graphql-schema'
import { githubClient } from '../../shared/github/client.js'
import { runContext } from '../../shared/github/context.js'
import {
  DeploymentLifecycle,
  DeploymentRecordingError,
  settleDeployment,
  type DeploymentLifecycleOptions,
} from '../../shared/github/deployment-lifecycle.js'
import { ENVIRONMENT_DEPLOYMENTS_QUERY } from '../../shared/github/deployments.js'
import { FakeGitHubApi, NO_ANSWER, type RecordedApiRequest } from '../fakes/github-api.js'

let api: FakeGitHubApi
let logged: string[]

beforeEach(async () => {
  api = await new FakeGitHubApi().start()
  logged = []
})
afterEach(async () => {
  await api.stop()
  expect(api.violations).toEqual([])
})

const STATUS_ROUTE = 'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses'
const CREATE_ROUTE = 'POST /repos/{owner}/{repo}/deployments'

function options(extra: Partial<DeploymentLifecycleOptions> = {}): DeploymentLifecycleOptions {
  const context = runContext({
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: 'ffac537e6cbbf934b08745a378932722df287a53',
    GITHUB_API_URL: api.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '42',
  })
  return {
    client: githubClient('ghs_lifecycletest', { apiUrl: api.url, requestTimeoutMs: 2000 }),
    context,
    environment: 'staging',
    ref: context.sha,
    description: 'Deploy v42',
    phaseBudgetMs: 8000,
    log: {
      info: (message) => logged.push(`info: ${message}`),
      warning: (message) => logged.push(`warning: ${message}`),
    },
    ...extra,
  }
}

const states = (requests: RecordedApiRequest[]) =>
  requests.map((request) => (request.body as { state: string }).state)

/**
 * Answers a route's requests with the given statuses in turn (undefined: the fake's own
 * answer), then with the fake's own answers.
 */
function answerInTurn(route: string, ...statuses: Array<number | undefined>) {
  let count = 0
  api.on((request) => {
    if (request.route !== route) return undefined
    const status = statuses[count++]
    return status === undefined ? undefined : { status, body: { message: `answer ${count}` } }
  })
}

describe('DeploymentLifecycle', () => {
  it('creates, sets in_progress and ends with one final state', async () => {
    const deployment = DeploymentLifecycle.start(
      options({
        transient: true,
        production: false,
        payload: { flightdeck: { action: 'deploy' } },
        environmentUrl: 'https://pr-7.preview.example',
      }),
    )
    await deployment.started
    expect(deployment.id).toBe(1000)
    expect(api.calls(CREATE_ROUTE)[0]?.body).toMatchObject({
      environment: 'staging',
      ref: 'ffac537e6cbbf934b08745a378932722df287a53',
      transient_environment: true,
      production_environment: false,
      auto_merge: false,
      required_contexts: [],
      payload: { flightdeck: { action: 'deploy' } },
    })
    const outcome = await deployment.finish('success', {
      description: 'Deployed v42',
      environmentUrl: 'https://pr-7.preview.example',
    })
    expect(outcome).toEqual({ recorded: true, deactivated: [] })
    expect(await deployment.finish('failure', { description: 'too late' })).toBe(outcome)
    expect(states(api.calls(STATUS_ROUTE))).toEqual(['in_progress', 'success'])
    expect(api.calls(STATUS_ROUTE)[0]?.body).toMatchObject({
      environment_url: 'https://pr-7.preview.example',
      log_url: 'https://github.com/acme/shop/actions/runs/42',
    })
    expect(api.requests).toHaveLength(3)
    expect(deployment.finalState).toBe('success')
  })

  it('retries a final status answered 500 twice, checking before each retry that none landed', async () => {
    // in_progress goes through; the final status is answered 500, then 502, then 201.
    answerInTurn(STATUS_ROUTE, undefined, 500, 502)
    const deployment = DeploymentLifecycle.start(options())
    const outcome = await deployment.finish('success', { description: 'Deployed' })
    expect(outcome.recorded).toBe(true)
    expect(api.requests.map((request) => request.route)).toEqual([
      CREATE_ROUTE,
      STATUS_ROUTE,
      STATUS_ROUTE,
      'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
      STATUS_ROUTE,
      'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
      STATUS_ROUTE,
    ])
    expect(api.deployments[0]?.statuses.map((status) => status.state)).toEqual([
      'success',
      'in_progress',
    ])
    expect(logged.join('\n')).toMatch(
      /GitHub answered 500: answer 2 \(setting deployment 1000 to success\); trying again in 500ms, attempt 2 of 5/,
    )
  })

  it('does not send a final status twice when a timed-out attempt landed after all', async () => {
    let first = true
    api.on((request) => {
      if (request.route !== STATUS_ROUTE) return undefined
      if ((request.body as { state: string }).state !== 'success' || !first) return undefined
      first = false
      // GitHub records it, but the answer never arrives.
      api.deployments[0]?.statuses.unshift({ state: 'success' })
      return NO_ANSWER
    })
    const deployment = DeploymentLifecycle.start(
      options({
        client: githubClient('ghs_lifecycletest', { apiUrl: api.url, requestTimeoutMs: 300 }),
      }),
    )
    const outcome = await deployment.finish('success', { description: 'Deployed' })
    expect(outcome.recorded).toBe(true)
    expect(states(api.calls(STATUS_ROUTE))).toEqual(['in_progress', 'success'])
    expect(api.deployments[0]?.statuses.map((status) => status.state)).toEqual([
      'success',
      'in_progress',
    ])
    expect(logged.join('\n')).toContain(
      'GitHub did not answer POST /repos/acme/shop/deployments/1000/statuses within 300ms',
    )
  })

  it('gives up on a GitHub that never answers within its budget, and says so', async () => {
    api.on((request) =>
      request.route === STATUS_ROUTE && (request.body as { state: string }).state === 'success'
        ? NO_ANSWER
        : undefined,
    )
    const deployment = DeploymentLifecycle.start(
      options({
        client: githubClient('ghs_lifecycletest', { apiUrl: api.url, requestTimeoutMs: 400 }),
        phaseBudgetMs: 1500,
      }),
    )
    await deployment.started
    const started = performance.now()
    const outcome = await deployment.finish('success', { description: 'Deployed' })
    const tookMs = performance.now() - started
    expect(outcome).toEqual({ recorded: false, deactivated: [] })
    expect(tookMs).toBeLessThan(2500)
    expect(logged.at(-1)).toMatch(
      /^warning: Could not set GitHub deployment 1000 to success: GitHub did not answer POST \/repos\/acme\/shop\/deployments\/1000\/statuses within 400ms|^warning: Could not set GitHub deployment 1000 to success: GitHub did not answer within 1\.5s \(setting deployment 1000 to success\)/,
    )
    expect(logged.at(-1)).toContain('It may still read in_progress.')
  })

  it('warns and records nothing when GitHub refuses the deployment (best effort)', async () => {
    api.on((request) =>
      request.method === 'POST'
        ? { status: 403, body: { message: 'Resource not accessible by integration' } }
        : undefined,
    )
    const deployment = DeploymentLifecycle.start(options({ onGitHubFailure: 'warn' }))
    await deployment.started
    expect(deployment.recorded).toBe(false)
    expect(await deployment.finish('success', { description: 'x' })).toEqual({
      recorded: false,
      deactivated: [],
    })
    expect(api.requests).toHaveLength(1)
    expect(logged).toEqual([
      expect.stringMatching(
        /^warning: Could not record the GitHub deployment: Resource not accessible by integration/,
      ),
    ])
  })

  it('rejects `started` when the deployment must be recorded', async () => {
    api.on(() => ({ status: 403, body: { message: 'Resource not accessible by integration' } }))
    const deployment = DeploymentLifecycle.start(options({ onGitHubFailure: 'throw' }))
    await expect(deployment.started).rejects.toThrow(DeploymentRecordingError)
    await expect(deployment.started).rejects.toThrow(/Resource not accessible by integration/)
  })

  it('keeps a deployment whose in_progress failed, and still ends it', async () => {
    answerInTurn(STATUS_ROUTE, 422)
    const deployment = DeploymentLifecycle.start(options())
    await deployment.started
    expect(logged.join('\n')).toMatch(/GitHub deployment 1000 could not be set in_progress/)
    await deployment.finish('failure', { description: 'Deploy failed' })
    expect(api.deployments[0]?.statuses.map((status) => status.state)).toEqual(['failure'])
  })

  it('never sends credentials: descriptions and URLs cleaned, descriptions cut at 140', async () => {
    const token = 'plat_tok_0123456789abcdef'
    const deployment = DeploymentLifecycle.start(
      options({
        secrets: [token],
        description: `Roll back: curl https://deploy:hunter22@registry.example/v2 failed with ${token}`,
        payload: { reason: `token ${token}`, nested: { url: 'https://u:p@x.example/?api_key=k1' } },
      }),
    )
    await deployment.finish('failure', {
      description: `${'x'.repeat(200)} ${token}`,
      environmentUrl: 'https://admin:s3cret@app.example/health?token=abc&page=2',
    })
    const sent = JSON.stringify(api.requests.map((request) => request.body))
    for (const secret of [token, 'hunter22', 's3cret', 'abc&', 'k1', 'u:p@']) {
      expect(sent).not.toContain(secret)
    }
    const create = api.calls(CREATE_ROUTE)[0]?.body as { description: string; payload: unknown }
    expect(create.description).toBe('Roll back: curl https://registry.example/v2 failed with ***')
    expect(create.payload).toEqual({
      reason: 'token ***',
      nested: { url: 'https://x.example/?api_key=***' },
    })
    const final = api.calls(STATUS_ROUTE)[1]?.body as {
      description: string
      environment_url: string
    }
    expect(Array.from(final.description)).toHaveLength(140)
    expect(final.description.endsWith('…')).toBe(true)
    expect(final.environment_url).toBe('https://app.example/health?page=2')
  })

  it('marks earlier live deployments inactive after success, in one query plus one call each', async () => {
    // 30 earlier production deployments; three still read as live (newest status success).
    for (let id = 999; id > 969; id--) {
      const live = id === 999 || id === 990 || id === 975
      api.deployments.push({
        id,
        environment: 'production',
        statuses: live ? [{ state: 'success' }] : [{ state: 'inactive' }, { state: 'success' }],
      })
    }
    // Live in another environment, and a deploy newer than ours: neither is touched.
    api.deployments.push({ id: 968, environment: 'staging', statuses: [{ state: 'success' }] })
    api.deployments.unshift({
      id: 5000,
      environment: 'production',
      statuses: [{ state: 'success' }],
    })
    const deployment = DeploymentLifecycle.start(
      options({ environment: 'production', production: true }),
    )
    const outcome = await deployment.finish('success', { description: 'Rolled back' })
    expect(outcome.deactivated).toEqual([999, 990, 975])
    expect(api.requests).toHaveLength(4 + 3)
    expect(api.calls('POST /graphql')).toHaveLength(1)
    expect(
      api
        .calls(STATUS_ROUTE)
        .map((request) => [request.path, (request.body as { state: string }).state]),
    ).toEqual([
      ['/repos/acme/shop/deployments/1000/statuses', 'in_progress'],
      ['/repos/acme/shop/deployments/1000/statuses', 'success'],
      ['/repos/acme/shop/deployments/999/statuses', 'inactive'],
      ['/repos/acme/shop/deployments/990/statuses', 'inactive'],
      ['/repos/acme/shop/deployments/975/statuses', 'inactive'],
    ])
    expect(logged).toContain(
      'info: Marked earlier production deployment(s) 999, 990, 975 inactive.',
    )
  })

  it('leaves earlier deployments alone after a failure, and outside production by default', async () => {
    api.deployments.push({ id: 900, environment: 'staging', statuses: [{ state: 'success' }] })
    const staging = DeploymentLifecycle.start(options())
    await staging.finish('success', { description: 'ok' })
    api.deployments.push({ id: 901, environment: 'production', statuses: [{ state: 'success' }] })
    const production = DeploymentLifecycle.start(
      options({ environment: 'production', production: true }),
    )
    await production.finish('failure', { description: 'bad' })
    expect(api.calls('POST /graphql')).toEqual([])
  })

  it('asks GitHub only what its GraphQL schema accepts', () => {
    expect(validate(ENVIRONMENT_DEPLOYMENTS_QUERY)).toEqual([])
  })
})

describe('settleDeployment', () => {
  it('ends a deployment as error with the reason when the flow throws after creation', async () => {
    const deployment = DeploymentLifecycle.start(options())
    await expect(
      settleDeployment(deployment, async () => {
        await deployment.started
        throw new TypeError("Cannot read properties of undefined (reading 'id')")
      }),
    ).rejects.toThrow(TypeError)
    expect(states(api.calls(STATUS_ROUTE))).toEqual(['in_progress', 'error'])
    expect(api.calls(STATUS_ROUTE)[1]?.body).toMatchObject({
      description: "Stopped: Cannot read properties of undefined (reading 'id')",
    })
  })

  it('keeps the state the flow set when it throws afterwards: one final state, not two', async () => {
    const deployment = DeploymentLifecycle.start(options())
    await expect(
      settleDeployment(deployment, async (d) => {
        await d.finish('failure', { description: 'Unhealthy' })
        throw new Error('unhealthy after rollback')
      }),
    ).rejects.toThrow('unhealthy after rollback')
    expect(states(api.calls(STATUS_ROUTE))).toEqual(['in_progress', 'failure'])
  })

  it('ends a flow that returned without a verdict as error', async () => {
    const deployment = DeploymentLifecycle.start(options())
    await settleDeployment(deployment, async () => 'done')
    expect(states(api.calls(STATUS_ROUTE))).toEqual(['in_progress', 'error'])
  })

  it('records nothing for a lifecycle that records nothing', async () => {
    await expect(
      settleDeployment(DeploymentLifecycle.notRecorded(), async () => {
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(api.requests).toEqual([])
  })
})
