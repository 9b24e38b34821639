import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import nock from 'nock'
import { FakeClis } from '../fakes/fake-cli.js'
import { createRailwayProvider } from '../../shared/providers/railway.js'
import { railwayStatus } from '../../shared/providers/railway-releases.js'
import type { ProviderConfig, Release } from '../../shared/providers/types.js'
import { railwaySpec } from '../../shared/providers/specs/railway.js'

const fixtures = new URL('../fixtures/providers/railway/', import.meta.url).pathname
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(fixtures, name), 'utf8'))

const API = 'https://backboard.railway.com'
const TOKEN = 'rw-project-token-5f1c'
const ACCOUNT_TOKEN = 'rw-account-token-9a2e'
const SERVICE = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'
const ENVIRONMENT = 'e0f1a2b3-c4d5-4e6f-8a9b-0c1d2e3f4a5b'

interface Seen {
  headers: Record<string, unknown>
  body: { query: string; variables: Record<string, unknown> }
}

function setup(extra: Partial<ProviderConfig> = {}, settings: ProviderConfig['settings'] = {}) {
  const lines: string[] = []
  const config: ProviderConfig = {
    app: SERVICE,
    token: TOKEN,
    cwd: mkdtempSync(join(tmpdir(), 'flightdeck-railway-')),
    timeoutMs: 5000,
    settings: { 'environment-id': ENVIRONMENT, ...settings },
    log: (line) => lines.push(line),
    ...extra,
  }
  return { provider: createRailwayProvider(config), lines, config }
}

/** Answers the next GraphQL request and records what it carried. */
function answer(seen: Seen[], status: number, payload: unknown, base = API, path = '/graphql/v2') {
  return nock(base)
    .post(path)
    .reply(async (request: Request) => {
      seen.push({
        headers: Object.fromEntries(request.headers.entries()),
        body: (await request.json()) as Seen['body'],
      })
      return [status, payload]
    })
}

const savedEnv = {
  RAILWAY_TOKEN: process.env.RAILWAY_TOKEN,
  RAILWAY_API_TOKEN: process.env.RAILWAY_API_TOKEN,
}

beforeAll(() => nock.disableNetConnect())
// Node's http module is shared by every test file a worker runs: take this file's interceptor
// off it, or the next file's requests meet it too.
afterAll(() => {
  nock.enableNetConnect()
  nock.restore()
})
beforeEach(() => {
  delete process.env.RAILWAY_TOKEN
  delete process.env.RAILWAY_API_TOKEN
})
afterEach(() => {
  nock.cleanAll()
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
})

describe('railway statuses', () => {
  it.each([
    ['SUCCESS', false, 'succeeded'],
    ['FAILED', false, 'failed'],
    ['CRASHED', true, 'failed'],
    ['BUILDING', false, 'in-progress'],
    ['DEPLOYING', false, 'in-progress'],
    ['INITIALIZING', false, 'in-progress'],
    ['QUEUED', false, 'in-progress'],
    ['WAITING', false, 'in-progress'],
    ['REMOVED', true, 'succeeded'],
    ['REMOVED', false, 'unknown'],
    ['SKIPPED', false, 'unknown'],
    ['SLEEPING', false, 'unknown'],
    ['SOMETHING_NEW', false, 'unknown'],
  ] as const)('%s (canRollback %s) is %s', (raw, canRollback, expected) => {
    expect(railwayStatus(raw, canRollback)).toBe(expected)
  })
})

describe('railway deploy (railway up)', () => {
  let fakes: FakeClis
  let restore: () => void
  beforeEach(() => {
    fakes = new FakeClis()
    restore = fakes.install()
  })
  afterEach(() => restore())

  it('runs `railway up --detach --json` with the project token in env only', async () => {
    const { provider, lines } = setup()
    const result = await provider.deploy({})
    expect(result).toEqual({ releaseId: '7c1f2e3d-4b5a-4c6d-9e8f-0a1b2c3d4e5f' })
    const calls = fakes.calls('railway')
    expect(calls).toHaveLength(1)
    expect(calls[0]?.args).toEqual([
      'up',
      `--service=${SERVICE}`,
      '--detach',
      '--json',
      `--environment=${ENVIRONMENT}`,
    ])
    expect(calls[0]?.env).toEqual({ RAILWAY_TOKEN: TOKEN })
    expect(calls[0]?.args.join(' ')).not.toContain(TOKEN)
    expect(lines.join('\n')).toContain('build logs: https://railway.com/project/')
    expect(lines.join('\n')).not.toContain(TOKEN)
  })

  it('passes an account token as RAILWAY_API_TOKEN and adds --project when set', async () => {
    process.env.RAILWAY_API_TOKEN = ACCOUNT_TOKEN
    fakes.setState('railway', { nextDeploymentId: 'd-42' })
    const { provider } = setup({ token: undefined }, { 'project-id': 'p-1' })
    expect(await provider.deploy({ extraArgs: ['--message', 'release 7'] })).toEqual({
      releaseId: 'd-42',
    })
    const call = fakes.calls('railway')[0]
    expect(call?.args).toEqual([
      'up',
      `--service=${SERVICE}`,
      '--detach',
      '--json',
      `--environment=${ENVIRONMENT}`,
      '--project=p-1',
      '--message',
      'release 7',
    ])
    expect(call?.env).toEqual({ RAILWAY_API_TOKEN: ACCOUNT_TOKEN })
  })

  it('passes ids and names as --flag=value, so one that starts with a dash stays a value', async () => {
    const { provider } = setup({ app: '-s9' }, { 'environment-id': '--detach', 'project-id': '-p' })
    await provider.deploy({})
    expect(fakes.calls('railway')[0]?.args).toEqual([
      'up',
      '--service=-s9',
      '--detach',
      '--json',
      '--environment=--detach',
      '--project=-p',
    ])
    expect(fakes.state<{ deployments: unknown[] }>('railway').deployments).toEqual([
      expect.objectContaining({ service: '-s9', environment: '--detach' }),
    ])
  })

  it('refuses `project-id` without `environment-id` before running anything', async () => {
    const { provider } = setup({}, { 'environment-id': undefined, 'project-id': 'p-1' })
    await expect(provider.deploy({})).rejects.toThrow(/needs the `environment-id` input/)
    expect(fakes.calls('railway')).toHaveLength(0)
  })

  it('says which command failed, with its exit code and stderr', async () => {
    fakes.behave('railway', { up: { exitCode: 1, stderr: 'Error: Service not found\n' } })
    const { provider } = setup()
    await expect(provider.deploy({})).rejects.toThrow(
      /^`railway up --service=\S+ --detach --json --environment=\S+` failed with exit code 1: Error: Service not found$/,
    )
  })

  it('reports malformed JSON output clearly', async () => {
    fakes.behave('railway', { up: { malformed: true } })
    const { provider } = setup()
    await expect(provider.deploy({})).rejects.toThrow(/printed a line that is not JSON/)
  })

  it('asks for a newer CLI when `up` prints no JSON line', async () => {
    fakes.behave('railway', { up: { stdout: 'Indexing...\nUploading...\n' } })
    const { provider } = setup()
    await expect(provider.deploy({})).rejects.toThrow(/recent enough to support `up --json`/)
  })

  it('rejects JSON without a deployment id', async () => {
    fakes.behave('railway', { up: { stdout: '{"logsUrl":"https://railway.com/x"}\n' } })
    const { provider } = setup()
    await expect(provider.deploy({})).rejects.toThrow(/JSON without a deploymentId/)
  })

  it('stops a CLI that hangs past the time limit', async () => {
    fakes.behave('railway', { up: { hangMs: 1500 } })
    const { provider } = setup({ timeoutMs: 500 })
    await expect(provider.deploy({})).rejects.toThrow(
      /^`railway up --service=\S+ --detach --json --environment=\S+` was stopped after \d+ms: it did not finish within its time limit of 500ms; its last output: none$/,
    )
  })

  it('cannot deploy a prebuilt image with `up`', async () => {
    const { provider } = setup()
    await expect(provider.deploy({ image: 'ghcr.io/o/app:1' })).rejects.toThrow(
      /provider `railway` cannot deploy a prebuilt image/,
    )
    expect(fakes.calls('railway')).toHaveLength(0)
  })

  it('needs a token', async () => {
    const { provider } = setup({ token: undefined })
    await expect(provider.deploy({})).rejects.toThrow(
      /provider `railway` needs a token: set the `token` input or RAILWAY_TOKEN/,
    )
  })
})

describe('railway releases (GraphQL deployments)', () => {
  it('sends the deployments query with the project token header and maps every status', async () => {
    const seen: Seen[] = []
    answer(seen, 200, fixture('deployments-query.json'))
    const { provider, lines } = setup()
    const releases = await provider.releases()

    expect(seen).toHaveLength(1)
    expect(seen[0]?.headers['project-access-token']).toBe(TOKEN)
    expect(seen[0]?.headers.authorization).toBeUndefined()
    expect(seen[0]?.body.variables).toEqual({
      input: { serviceId: SERVICE, environmentId: ENVIRONMENT },
      first: 20,
    })
    expect(seen[0]?.body.query).toContain('deployments(input: $input, first: $first)')
    expect(seen[0]?.body.query).toContain('id status createdAt canRollback meta staticUrl')

    expect(releases.map((r) => [r.id.slice(0, 8), r.status, r.rawStatus, r.current])).toEqual([
      ['7c1f2e3d', 'in-progress', 'BUILDING', false],
      ['3e4f5a6b', 'succeeded', 'SUCCESS', true],
      ['9a8b7c6d', 'failed', 'FAILED', false],
      ['1b2c3d4e', 'succeeded', 'REMOVED', false],
      ['5d6e7f80', 'failed', 'CRASHED', false],
    ])
    expect(releases[1]).toMatchObject({
      createdAt: '2025-06-03T14:01:47.902Z',
      url: 'https://flightdeck-api-production.up.railway.app',
      description: 'fix: retry on 503 (main@def5678) cannot roll back',
    })
    expect(releases[3]?.description).toBe('feat: initial api (main@abc1234) can roll back')
    expect(lines.join('\n')).not.toContain(TOKEN)
  })

  it('sends an account token as a Bearer token to the configured API URL', async () => {
    process.env.RAILWAY_API_TOKEN = ACCOUNT_TOKEN
    const seen: Seen[] = []
    answer(seen, 200, { data: { deployments: { edges: [] } } }, 'http://127.0.0.1:4555', '/gql')
    const { provider } = setup({ token: undefined, apiUrl: 'http://127.0.0.1:4555/gql' })
    expect(await provider.releases()).toEqual([])
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${ACCOUNT_TOKEN}`)
    expect(seen[0]?.headers['project-access-token']).toBeUndefined()
  })

  it('sorts newest first when the API does not', async () => {
    const node = (id: string, createdAt: string, status = 'SUCCESS') => ({
      node: { id, status, createdAt, canRollback: true, staticUrl: null, meta: null },
    })
    answer([], 200, {
      data: {
        deployments: {
          edges: [node('old', '2025-01-01T00:00:00Z'), node('new', '2025-02-01T00:00:00Z')],
        },
      },
    })
    const releases = await setup().provider.releases()
    expect(releases.map((r) => [r.id, r.current])).toEqual([
      ['new', true],
      ['old', false],
    ])
  })

  it('needs `environment-id` and says so before calling the API', async () => {
    const { provider } = setup({}, { 'environment-id': undefined })
    await expect(provider.releases()).rejects.toThrow(
      /provider `railway` needs the `environment-id` input to list deployments/,
    )
  })

  it('turns a GraphQL error answered with HTTP 200 into a clear error', async () => {
    answer([], 200, fixture('not-authorized.json'))
    const { provider } = setup()
    const error = await provider.releases().catch((err: Error) => err)
    expect(String(error)).toMatch(
      /Railway API deployments failed: Not Authorized \(the token was sent as a project token/,
    )
    expect(String(error)).not.toContain(TOKEN)
  })

  it('shows the platform message of a 4xx or 5xx answer', async () => {
    answer([], 503, { errors: [{ message: 'Service temporarily unavailable' }] })
    await expect(setup().provider.releases()).rejects.toThrow(
      'Railway API POST /graphql/v2 answered 503: Service temporarily unavailable',
    )
  })

  it('rejects a body that is not JSON', async () => {
    answer([], 200, '<html>gateway</html>')
    await expect(setup().provider.releases()).rejects.toThrow(/with a body that is not JSON/)
  })

  it('rejects an answer without deployments', async () => {
    answer([], 200, { data: { deployments: null } })
    await expect(setup().provider.releases()).rejects.toThrow(/without deployments\.edges/)
  })

  it('returns an empty list when the service has no deployments', async () => {
    answer([], 200, { data: { deployments: { edges: [] } } })
    expect(await setup().provider.releases()).toEqual([])
  })

  it('gives up on an API that does not answer in time', async () => {
    nock(API)
      .post('/graphql/v2')
      .delay(1000)
      .reply(200, { data: { deployments: { edges: [] } } })
    await expect(setup({ timeoutMs: 300 }).provider.releases()).rejects.toThrow(
      'Railway API POST /graphql/v2 did not answer within 300ms',
    )
  })
})

describe('railway rollback (deploymentRollback)', () => {
  const target: Release = {
    id: 'dep-old',
    status: 'succeeded',
    rawStatus: 'REMOVED',
    current: false,
  }

  it('checks canRollback, then sends the scalar mutation with the id as a variable', async () => {
    const seen: Seen[] = []
    answer(seen, 200, {
      data: { deployment: { id: 'dep-old', status: 'REMOVED', canRollback: true } },
    })
    answer(seen, 200, fixture('rollback-response.json'))
    const { provider, lines } = setup()
    expect(await provider.rollback(target)).toEqual({})
    expect(seen.map((s) => s.body.variables)).toEqual([{ id: 'dep-old' }, { id: 'dep-old' }])
    expect(seen[0]?.body.query).toContain('deployment(id: $id) { id status canRollback }')
    expect(seen[1]?.body.query).toMatch(/deploymentRollback\(id: \$id\)\s*\}/)
    expect(seen.every((s) => s.headers['project-access-token'] === TOKEN)).toBe(true)
    expect(lines).toContain(`Railway is redeploying deployment dep-old of service ${SERVICE}`)
  })

  it('falls back to selecting { id status } when the schema returns an object', async () => {
    const seen: Seen[] = []
    answer(seen, 200, {
      data: { deployment: { id: 'dep-old', status: 'REMOVED', canRollback: true } },
    })
    answer(seen, 200, {
      errors: [
        {
          message:
            'Field "deploymentRollback" of type "Deployment!" must have a selection of subfields.',
        },
      ],
    })
    answer(seen, 200, fixture('rollback-response-object.json'))
    expect(await setup().provider.rollback(target)).toEqual({
      releaseId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
    })
    expect(seen[2]?.body.query).toContain('deploymentRollback(id: $id) { id status }')
  })

  it('refuses a deployment Railway cannot roll back to, without sending the mutation', async () => {
    const seen: Seen[] = []
    answer(seen, 200, {
      data: { deployment: { id: 'dep-old', status: 'FAILED', canRollback: false } },
    })
    await expect(setup().provider.rollback(target)).rejects.toThrow(
      /deployment dep-old \(FAILED\) cannot be rolled back to \(canRollback is false\)/,
    )
    expect(seen).toHaveLength(1)
  })

  it('says when the deployment does not exist', async () => {
    answer([], 200, { data: { deployment: null } })
    await expect(setup().provider.rollback(target)).rejects.toThrow(
      'Railway has no deployment dep-old that this token can see',
    )
  })

  it("passes Railway's own error message on", async () => {
    answer([], 200, {
      data: { deployment: { id: 'dep-old', status: 'REMOVED', canRollback: true } },
    })
    answer([], 200, fixture('rollback-error.json'))
    await expect(setup().provider.rollback(target)).rejects.toThrow(
      'Railway API deploymentRollback failed: Deployment cannot be rolled back',
    )
  })

  it('treats a false answer as a rollback that did not start', async () => {
    answer([], 200, {
      data: { deployment: { id: 'dep-old', status: 'REMOVED', canRollback: true } },
    })
    answer([], 200, { data: { deploymentRollback: false } })
    await expect(setup().provider.rollback(target)).rejects.toThrow(
      /deploymentRollback answered false for deployment dep-old: the rollback was not started/,
    )
  })
})

describe('railway variables, url and previews', () => {
  it('upserts variables with the values in the request body only', async () => {
    const seen: Seen[] = []
    answer(seen, 200, { data: { service: { projectId: 'proj-9' } } })
    answer(seen, 200, { data: { variableCollectionUpsert: true } })
    const { provider, lines } = setup()
    await provider.setSecrets({ DATABASE_URL: 'postgres://u:s3cret-pw@db/x', API_KEY: 'k-123456' })
    expect(seen[0]?.body).toEqual({
      query: expect.stringContaining('service(id: $id) { projectId }'),
      variables: { id: SERVICE },
    })
    expect(seen[1]?.body.query).toContain('variableCollectionUpsert(input: $input)')
    expect(seen[1]?.body.variables).toEqual({
      input: {
        projectId: 'proj-9',
        environmentId: ENVIRONMENT,
        serviceId: SERVICE,
        variables: { DATABASE_URL: 'postgres://u:s3cret-pw@db/x', API_KEY: 'k-123456' },
      },
    })
    expect(lines.join('\n')).toContain('DATABASE_URL, API_KEY')
    expect(lines.join('\n')).not.toMatch(/s3cret-pw|k-123456/)
  })

  it('uses `project-id` when given instead of looking it up', async () => {
    const seen: Seen[] = []
    answer(seen, 200, { data: { variableCollectionUpsert: true } })
    await setup({}, { 'project-id': 'proj-1' }).provider.setSecrets({ A: 'b' })
    expect(seen).toHaveLength(1)
    expect(seen[0]?.body.variables).toMatchObject({ input: { projectId: 'proj-1' } })
  })

  it('gives the newest successful deployment URL', async () => {
    answer([], 200, fixture('deployments-query.json'))
    expect(await setup().provider.url()).toBe('https://flightdeck-api-production.up.railway.app')
  })

  it('points previews at Railway PR environments', () => {
    const { provider } = setup()
    // No app operations: preview-app refuses railway with its spec's pointer.
    expect([provider.ensureApp, provider.destroyApp]).toEqual([undefined, undefined])
    expect(railwaySpec.capabilities).not.toHaveProperty('previews')
    expect(railwaySpec.previewsInstead).toMatch(/PR environments/)
  })
})
