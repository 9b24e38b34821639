import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import nock from 'nock'
import { createRenderProvider, renderStatus } from '../../shared/providers/render.js'
import type { ProviderConfig, Release } from '../../shared/providers/types.js'
import { renderSpec } from '../../shared/providers/specs/render.js'

const fixtures = new URL('../fixtures/providers/render/', import.meta.url).pathname
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(fixtures, name), 'utf8'))

const API = 'https://api.render.com'
const KEY = 'rnd_test-key-8c1d'
const SERVICE = 'srv-d0q7abc123'

interface Seen {
  method: string
  path: string
  headers: Record<string, string>
  body?: unknown
}

function setup(extra: Partial<ProviderConfig> = {}) {
  const lines: string[] = []
  const config: ProviderConfig = {
    app: SERVICE,
    token: KEY,
    timeoutMs: 5000,
    settings: {},
    log: (line) => lines.push(line),
    ...extra,
  }
  return { provider: createRenderProvider(config), lines }
}

/** Answers one request and records what it carried. */
function answer(
  seen: Seen[],
  method: 'get' | 'post' | 'put',
  path: string,
  status: number,
  payload?: unknown,
  base = API,
) {
  return nock(base)
    .intercept(path, method.toUpperCase())
    .reply(async (request: Request) => {
      const text = await request.text()
      seen.push({
        method: request.method,
        path: new URL(request.url).pathname + new URL(request.url).search,
        headers: Object.fromEntries(request.headers.entries()),
        body: text ? JSON.parse(text) : undefined,
      })
      return payload === undefined ? [status] : [status, payload]
    })
}

const savedKey = process.env.RENDER_API_KEY
beforeAll(() => nock.disableNetConnect())
// Node's http module is shared by every test file a worker runs: take this file's interceptor
// off it, or the next file's requests meet it too.
afterAll(() => {
  nock.enableNetConnect()
  nock.restore()
})
beforeEach(() => delete process.env.RENDER_API_KEY)
afterEach(() => {
  nock.cleanAll()
  if (savedKey === undefined) delete process.env.RENDER_API_KEY
  else process.env.RENDER_API_KEY = savedKey
})

describe('render statuses', () => {
  it.each([
    ['live', 'succeeded'],
    ['deactivated', 'succeeded'],
    ['build_failed', 'failed'],
    ['update_failed', 'failed'],
    ['pre_deploy_failed', 'failed'],
    ['canceled', 'failed'],
    ['created', 'in-progress'],
    ['queued', 'in-progress'],
    ['build_in_progress', 'in-progress'],
    ['update_in_progress', 'in-progress'],
    ['pre_deploy_in_progress', 'in-progress'],
    ['something_new', 'unknown'],
  ] as const)('%s is %s', (raw, expected) => {
    expect(renderStatus(raw)).toBe(expected)
  })
})

describe('render releases', () => {
  it('lists deploys with the API key as a Bearer token and marks the live one current', async () => {
    const seen: Seen[] = []
    answer(seen, 'get', `/v1/services/${SERVICE}/deploys?limit=20`, 200, fixture('deploys.json'))
    const { provider, lines } = setup()
    const releases = await provider.releases()
    expect(seen).toEqual([
      expect.objectContaining({ method: 'GET', path: `/v1/services/${SERVICE}/deploys?limit=20` }),
    ])
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${KEY}`)
    expect(releases.map((r) => [r.id, r.status, r.rawStatus, r.current])).toEqual([
      ['dep-d0q8h2t7vvec73cbs5l0', 'in-progress', 'build_in_progress', false],
      ['dep-d0q7v1l2jnfac73a7d9l0', 'succeeded', 'live', true],
      ['dep-d0q7jq9opnds73e8fevg', 'failed', 'update_failed', false],
      ['dep-d0ptm2hopnds73e8fhhg', 'succeeded', 'deactivated', false],
      ['dep-d0psa8i63e1ms73f3168g', 'failed', 'build_failed', false],
    ])
    expect(releases[1]).toMatchObject({
      createdAt: '2025-06-03T14:01:48.902114Z',
      description: 'fix: retry on 503 (def5678) trigger: api',
    })
    expect(lines.join('\n')).not.toContain(KEY)
  })

  it('keeps only the newest live deploy current and reads image refs', async () => {
    const deploy = (id: string, status: string, createdAt: string) => ({
      cursor: id,
      deploy: { id, status, createdAt, image: { ref: `ghcr.io/o/app:${id}` } },
    })
    answer([], 'get', `/v1/services/${SERVICE}/deploys?limit=20`, 200, [
      deploy('dep-b', 'live', '2025-06-02T00:00:00Z'),
      deploy('dep-c', 'live', '2025-06-03T00:00:00Z'),
      deploy('dep-a', 'deactivated', '2025-06-01T00:00:00Z'),
    ])
    const releases = await setup().provider.releases()
    expect(releases.map((r) => [r.id, r.current, r.image])).toEqual([
      ['dep-c', true, 'ghcr.io/o/app:dep-c'],
      ['dep-b', false, 'ghcr.io/o/app:dep-b'],
      ['dep-a', false, 'ghcr.io/o/app:dep-a'],
    ])
  })

  it('uses RENDER_API_KEY and the configured API URL', async () => {
    process.env.RENDER_API_KEY = 'rnd_from-env-0000'
    const seen: Seen[] = []
    answer(
      seen,
      'get',
      `/api/v1/services/${SERVICE}/deploys?limit=20`,
      200,
      [],
      'http://127.0.0.1:4556',
    )
    const { provider } = setup({ token: undefined, apiUrl: 'http://127.0.0.1:4556/api/v1/' })
    expect(await provider.releases()).toEqual([])
    expect(seen[0]?.headers.authorization).toBe('Bearer rnd_from-env-0000')
  })

  it('needs an API key', async () => {
    await expect(setup({ token: undefined }).provider.releases()).rejects.toThrow(
      'provider `render` needs an API key: set the `token` input or RENDER_API_KEY',
    )
  })

  it("shows Render's message for a 4xx answer", async () => {
    answer([], 'get', `/v1/services/${SERVICE}/deploys?limit=20`, 404, fixture('error-404.json'))
    await expect(setup().provider.releases()).rejects.toThrow(
      `Render API GET /v1/services/${SERVICE}/deploys answered 404: deploy not found`,
    )
  })

  it('shows a 5xx answer that is not JSON', async () => {
    answer([], 'get', `/v1/services/${SERVICE}/deploys?limit=20`, 502, 'Bad Gateway')
    await expect(setup().provider.releases()).rejects.toThrow(/answered 502: "Bad Gateway"/)
  })

  it('rejects a 200 body that is not JSON, or not a list', async () => {
    answer([], 'get', `/v1/services/${SERVICE}/deploys?limit=20`, 200, '{"cursor": "T2t')
    await expect(setup().provider.releases()).rejects.toThrow(/with a body that is not JSON/)
    answer([], 'get', `/v1/services/${SERVICE}/deploys?limit=20`, 200, { deploys: [] })
    await expect(setup().provider.releases()).rejects.toThrow(/did not answer a list of deploys/)
  })

  it('rejects a deploy without an id', async () => {
    answer([], 'get', `/v1/services/${SERVICE}/deploys?limit=20`, 200, [
      { cursor: 'x', deploy: {} },
    ])
    await expect(setup().provider.releases()).rejects.toThrow(/an entry without an id \(entry 1\)/)
  })

  it('returns an empty list for a service without deploys', async () => {
    answer([], 'get', `/v1/services/${SERVICE}/deploys?limit=20`, 200, [])
    expect(await setup().provider.releases()).toEqual([])
  })

  it('gives up on an API that does not answer in time', async () => {
    nock(API).get(`/v1/services/${SERVICE}/deploys`).query({ limit: 20 }).delay(1000).reply(200, [])
    await expect(setup({ timeoutMs: 300 }).provider.releases()).rejects.toThrow(
      `Render API GET /v1/services/${SERVICE}/deploys did not answer within 300ms`,
    )
  })
})

describe('render deploy, rollback, variables and url', () => {
  it('deploys an image with imageUrl', async () => {
    const seen: Seen[] = []
    answer(seen, 'post', `/v1/services/${SERVICE}/deploys`, 201, fixture('deploy-image.json'))
    const { provider } = setup()
    expect(
      await provider.deploy({ image: 'ghcr.io/example-org/flightdeck-api:sha-def5678' }),
    ).toEqual({
      releaseId: 'dep-d0q9a1b2c3d4e5f6g7h8',
    })
    expect(seen[0]).toMatchObject({
      method: 'POST',
      body: { imageUrl: 'ghcr.io/example-org/flightdeck-api:sha-def5678' },
    })
    expect(seen[0]?.headers['content-type']).toBe('application/json')
  })

  it('deploys the branch with an empty body', async () => {
    const seen: Seen[] = []
    answer(seen, 'post', `/v1/services/${SERVICE}/deploys`, 201, fixture('deploy.json'))
    expect(await setup().provider.deploy({})).toEqual({ releaseId: 'dep-d0q7v1l2jnfac73a7d9l0' })
    expect(seen[0]?.body).toEqual({})
  })

  it('accepts a deploy answered without a body', async () => {
    answer([], 'post', `/v1/services/${SERVICE}/deploys`, 202)
    const { provider, lines } = setup()
    expect(await provider.deploy({})).toEqual({ releaseId: undefined })
    expect(lines.join('\n')).toContain('no deploy id in the answer')
  })

  it('rolls back with deployId and warns that autodeploy stays on', async () => {
    const seen: Seen[] = []
    answer(seen, 'post', `/v1/services/${SERVICE}/rollback`, 201, fixture('rollback.json'))
    const target: Release = {
      id: 'dep-d0ptm2hopnds73e8fhhg',
      status: 'succeeded',
      rawStatus: 'deactivated',
      current: false,
    }
    const { provider, lines } = setup()
    expect(await provider.rollback(target)).toEqual({ releaseId: 'dep-d0qa7r3t5y7u9i1o3p5a' })
    expect(seen[0]?.body).toEqual({ deployId: 'dep-d0ptm2hopnds73e8fhhg' })
    expect(lines.join('\n')).toMatch(/does not turn off autodeploy/)
  })

  it('passes a rollback refusal on', async () => {
    answer([], 'post', `/v1/services/${SERVICE}/rollback`, 400, {
      id: 'invalid',
      message: 'cannot roll back to a failed deploy',
    })
    const target: Release = {
      id: 'dep-x',
      status: 'failed',
      rawStatus: 'build_failed',
      current: false,
    }
    await expect(setup().provider.rollback(target)).rejects.toThrow(
      `Render API POST /v1/services/${SERVICE}/rollback answered 400: cannot roll back to a failed deploy`,
    )
  })

  it('sets each variable with its own PUT, values only in the body', async () => {
    const seen: Seen[] = []
    answer(seen, 'put', `/v1/services/${SERVICE}/env-vars/DATABASE_URL`, 200, {
      key: 'DATABASE_URL',
      value: 'postgres://u:pw-77@db/x',
    })
    answer(seen, 'put', `/v1/services/${SERVICE}/env-vars/API_KEY`, 200, {
      key: 'API_KEY',
      value: 'k-9',
    })
    const { provider, lines } = setup()
    await provider.setSecrets({ DATABASE_URL: 'postgres://u:pw-77@db/x', API_KEY: 'k-9' })
    expect(seen.map((s) => [s.method, s.path, s.body])).toEqual([
      [
        'PUT',
        `/v1/services/${SERVICE}/env-vars/DATABASE_URL`,
        { value: 'postgres://u:pw-77@db/x' },
      ],
      ['PUT', `/v1/services/${SERVICE}/env-vars/API_KEY`, { value: 'k-9' }],
    ])
    expect(lines.join('\n')).toContain('DATABASE_URL, API_KEY')
    expect(lines.join('\n')).not.toMatch(/pw-77|k-9/)
  })

  it("reads the service's URL from serviceDetails", async () => {
    answer([], 'get', `/v1/services/${SERVICE}`, 200, {
      id: SERVICE,
      serviceDetails: { url: 'https://flightdeck-api.onrender.com' },
    })
    expect(await setup().provider.url()).toBe('https://flightdeck-api.onrender.com')
    answer([], 'get', `/v1/services/${SERVICE}`, 200, { id: SERVICE, serviceDetails: {} })
    expect(await setup().provider.url()).toBeUndefined()
  })

  it('points previews at Render preview environments', () => {
    const { provider } = setup()
    // No app operations: preview-app refuses render with its spec's pointer.
    expect([provider.ensureApp, provider.destroyApp]).toEqual([undefined, undefined])
    expect(renderSpec.capabilities).not.toHaveProperty('previews')
    expect(renderSpec.previewsInstead).toMatch(/preview environments/)
  })
})
