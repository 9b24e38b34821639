// Recording an action's change as a GitHub Deployment, written once for gated-deploy, rollback
// and preview-app: when it is recorded, production naming, payload, latest Deployment.
import { githubClient } from '../../shared/github/client.js'
import { runContext } from '../../shared/github/context.js'
import { latestDeployment } from '../../shared/github/deployments.js'
import {
  isProductionEnvironment,
  recordDeployment,
  type RecordDeploymentOptions,
} from '../../shared/github/record-deployment.js'
import { FakeGitHubApi } from '../fakes/github-api.js'

let api: FakeGitHubApi
let written: string[]
let write: typeof process.stdout.write

beforeEach(async () => {
  api = await new FakeGitHubApi().start()
  written = []
  write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string) => {
    written.push(String(chunk))
    return true
  }) as typeof process.stdout.write
})
afterEach(async () => {
  process.stdout.write = write
  await api.stop()
  expect(api.violations).toEqual([])
})

function options(extra: Partial<RecordDeploymentOptions> = {}): RecordDeploymentOptions {
  const context = runContext({
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: 'ffac537e6cbbf934b08745a378932722df287a53',
    GITHUB_API_URL: api.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '42',
  })
  return {
    action: 'gated-deploy',
    client: githubClient('ghs_recordtest', { apiUrl: api.url, requestTimeoutMs: 15_000 }),
    context,
    environment: 'Prod-EU',
    description: 'Deploying shop',
    payload: { provider: 'fly' },
    onGitHubFailure: 'throw',
    warningTitle: 'test: GitHub Deployment',
    ...extra,
  }
}

describe('isProductionEnvironment', () => {
  it('reads production from the name, as GitHub does not beyond `production`', () => {
    expect(['production', 'prod', 'Prod-EU', 'PRODUCTION'].map(isProductionEnvironment)).toEqual([
      true,
      true,
      true,
      true,
    ])
    expect(['staging', 'preprod', 'pr-7'].map(isProductionEnvironment)).toEqual([
      false,
      false,
      false,
    ])
  })
})

describe('recordDeployment', () => {
  it('records a production environment under the action, at the run commit', async () => {
    const deployment = recordDeployment(options())
    await deployment.started
    expect(deployment.id).toBe(1000)
    const [created] = api.deployments
    expect(created).toMatchObject({
      environment: 'Prod-EU',
      ref: 'ffac537e6cbbf934b08745a378932722df287a53',
      production: true,
      transient: false,
      payload: { flightdeck: { action: 'gated-deploy', provider: 'fly' } },
    })
    await deployment.finish('success', { description: 'Deployed' })
  })

  it('records a preview as transient and never production, whatever its name', async () => {
    const deployment = recordDeployment(
      options({ kind: 'preview', environment: 'prod-preview-pr-7', ref: 'feature/x' }),
    )
    await deployment.started
    expect(api.deployments[0]).toMatchObject({
      ref: 'feature/x',
      production: false,
      transient: true,
    })
    await deployment.finish('success', { description: 'Preview live' })
    expect(
      await latestDeployment(options().client!, options().context, 'prod-preview-pr-7'),
    ).toEqual({ id: 1000, payload: { flightdeck: { action: 'gated-deploy', provider: 'fly' } } })
  })

  it('records nothing without an environment, silently, and warns without a token', async () => {
    const none = recordDeployment(options({ environment: undefined }))
    await none.started
    expect(none.recorded).toBe(false)
    expect(written.join('')).toBe('')

    const tokenless = recordDeployment(
      options({
        client: undefined,
        withoutToken: { message: 'No github-token: not recorded.', title: 'test: no Deployment' },
      }),
    )
    await tokenless.started
    expect(tokenless.recorded).toBe(false)
    expect(written.join('')).toContain(
      '::warning title=test%3A no Deployment::No github-token: not recorded.',
    )
    expect(api.requests).toEqual([])
  })

  it('has no latest Deployment in an environment never deployed to', async () => {
    expect(await latestDeployment(options().client!, options().context, 'pr-9')).toBeUndefined()
  })
})
