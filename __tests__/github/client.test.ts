// The GitHub client: a time limit on every request (body included), rate limits waited out
// once and only briefly, the run's API URLs.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  fetchWithTimeLimit,
  githubClient,
  githubRequestTimeoutMs,
  githubWriteSpacingMs,
} from '../../shared/github/client.js'
import { graphqlUrlFor, runContext } from '../../shared/github/context.js'
import { FakeGitHubApi, NO_ANSWER } from '../fakes/github-api.js'

let api: FakeGitHubApi

beforeEach(async () => {
  api = await new FakeGitHubApi().start()
})
afterEach(async () => {
  await api.stop()
  expect(api.violations).toEqual([])
})

const listStatuses = (client: ReturnType<typeof githubClient>) =>
  client.rest.repos.listDeploymentStatuses({ owner: 'acme', repo: 'shop', deployment_id: 1 })

describe('githubClient', () => {
  it('gives up on a request GitHub never answers, saying what it waited for', async () => {
    api.on(() => NO_ANSWER)
    const client = githubClient('ghs_x', { apiUrl: api.url, requestTimeoutMs: 300, retries: 0 })
    const started = performance.now()
    await expect(listStatuses(client)).rejects.toThrow(
      'GitHub did not answer GET /repos/acme/shop/deployments/1/statuses within 300ms',
    )
    expect(performance.now() - started).toBeLessThan(1500)
  })

  it('retries a timed-out request like a server error', async () => {
    let calls = 0
    api.deployments.push({ id: 1, environment: 'production', statuses: [{ state: 'success' }] })
    api.on(() => (calls++ === 0 ? NO_ANSWER : undefined))
    const client = githubClient('ghs_x', {
      apiUrl: api.url,
      requestTimeoutMs: 300,
      retries: 1,
      retryWaitUnitMs: 10,
    })
    const { data } = await listStatuses(client)
    expect(data).toMatchObject([{ state: 'success' }])
    expect(api.requests).toHaveLength(2)
  })

  it('waits 1, 4, 9 units before its retries of a server error: 1 s by default', async () => {
    api.on(() => ({ status: 502, body: { message: 'Bad Gateway' } }))
    const quick = githubClient('ghs_x', { apiUrl: api.url, retries: 2, retryWaitUnitMs: 50 })
    await expect(listStatuses(quick)).rejects.toMatchObject({ status: 502 })
    const at = api.requests.map((request) => request.at)
    expect(at).toHaveLength(3)
    // 50 ms, then 200 ms: the waits grow as the squares of the attempt.
    expect((at[1] ?? 0) - (at[0] ?? 0)).toBeGreaterThanOrEqual(40)
    expect((at[1] ?? 0) - (at[0] ?? 0)).toBeLessThan(900)
    expect((at[2] ?? 0) - (at[1] ?? 0)).toBeGreaterThanOrEqual(190)

    api.requests.length = 0
    const real = githubClient('ghs_x', { apiUrl: api.url, retries: 1 })
    await expect(listStatuses(real)).rejects.toMatchObject({ status: 502 })
    const [first, second] = api.requests.map((request) => request.at)
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(950)
  })

  it('waits out a short secondary rate limit once, and fails at once on a long one', async () => {
    api.deployments.push({ id: 1, environment: 'production', statuses: [] })
    let limited = 0
    api.on(() =>
      limited++ < 1
        ? {
            status: 403,
            headers: { 'retry-after': '1' },
            body: { message: 'You have exceeded a secondary rate limit. Please wait.' },
          }
        : undefined,
    )
    const client = githubClient('ghs_x', { apiUrl: api.url, maxRateLimitWaitMs: 2000 })
    await expect(listStatuses(client)).resolves.toMatchObject({ status: 200 })
    expect(api.requests).toHaveLength(2)

    api.on(() => ({
      status: 403,
      headers: { 'retry-after': '600' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait.' },
    }))
    const started = performance.now()
    await expect(listStatuses(client)).rejects.toThrow(/secondary rate limit/)
    expect(performance.now() - started).toBeLessThan(2000)
  })

  it('reads its time limit from FLIGHTDECK_GITHUB_TIMEOUT, else 15s', () => {
    expect(githubRequestTimeoutMs({ FLIGHTDECK_GITHUB_TIMEOUT: '2s' })).toBe(2000)
    expect(githubRequestTimeoutMs({ FLIGHTDECK_GITHUB_TIMEOUT: 'soon' })).toBe(15_000)
    expect(githubRequestTimeoutMs({})).toBe(15_000)
  })
})

describe('fetchWithTimeLimit', () => {
  let server: Server
  let url: string
  beforeEach(async () => {
    // Sends headers and half a body, then stalls: the limit covers the body too.
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"id": ')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/repos/a/b`
  })
  afterEach(async () => {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  it('cuts off an answer whose body stalls', async () => {
    const timed = fetchWithTimeLimit(globalThis.fetch, 300)
    await expect(timed(url, { method: 'GET' })).rejects.toThrow(
      'GitHub did not answer GET /repos/a/b within 300ms',
    )
  })

  it("leaves the caller's own abort as it is", async () => {
    const timed = fetchWithTimeLimit(globalThis.fetch, 5000)
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)
    await expect(timed(url, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    })
  })
})

describe('runContext', () => {
  it('reads the API and GraphQL URLs from the runner, with GitHub layouts as fallbacks', () => {
    expect(
      runContext({ GITHUB_API_URL: 'http://127.0.0.1:9', GITHUB_GRAPHQL_URL: 'http://g/graphql' }),
    ).toMatchObject({ apiUrl: 'http://127.0.0.1:9', graphqlUrl: 'http://g/graphql' })
    expect(runContext({ GITHUB_SERVER_URL: 'https://ghe.example' })).toMatchObject({
      apiUrl: 'https://ghe.example/api/v3',
      graphqlUrl: 'https://ghe.example/api/graphql',
    })
    expect(runContext({})).toMatchObject({
      apiUrl: 'https://api.github.com',
      graphqlUrl: 'https://api.github.com/graphql',
    })
    expect(graphqlUrlFor('http://127.0.0.1:5000/')).toBe('http://127.0.0.1:5000/graphql')
  })
})

describe('write spacing', () => {
  const query = 'query { viewer { login } }'

  it('tells GraphQL reads from writes', async () => {
    const { isGraphqlRead, isWriteRequest } = await import('../../shared/github/client.js')
    expect(isGraphqlRead('# a comment\n  query Q { viewer { login } }')).toBe(true)
    expect(isGraphqlRead('{ viewer { login } }')).toBe(true)
    expect(
      isGraphqlRead('mutation { addStar(input: {starrableId: "x"}) { clientMutationId } }'),
    ).toBe(false)
    expect(isWriteRequest({ method: 'POST', url: '/graphql', query })).toBe(false)
    expect(isWriteRequest({ method: 'POST', url: '/graphql', query: 'mutation M { x }' })).toBe(
      true,
    )
    expect(isWriteRequest({ method: 'POST', url: '/repos/a/b/deployments' })).toBe(true)
    expect(isWriteRequest({ method: 'GET', url: '/repos/a/b/deployments' })).toBe(false)
  })

  it('sends GraphQL queries back to back but keeps writes a second apart', async () => {
    api.on((request) =>
      request.route === 'POST /graphql'
        ? { status: 200, body: { data: { viewer: { login: 'octocat' } } } }
        : undefined,
    )
    // The real default (the suite turns spacing off for bundle runs: jest.config.js).
    const client = githubClient('ghs_x', {
      apiUrl: api.url,
      writeSpacingMs: githubWriteSpacingMs({}),
    })
    for (let i = 0; i < 4; i++) await client.graphql(query)
    const reads = api.requests.map((request) => request.at)
    // Before, the throttling plugin started each POST /graphql a second after the last.
    expect((reads.at(-1) ?? 0) - (reads[0] ?? 0)).toBeLessThan(1000)

    const create = () =>
      client.rest.repos.createDeployment({ owner: 'acme', repo: 'shop', ref: 'main' })
    await create()
    await create()
    const writes = api.calls('POST /repos/{owner}/{repo}/deployments').map((r) => r.at)
    expect((writes[1] ?? 0) - (writes[0] ?? 0)).toBeGreaterThanOrEqual(950)
  })

  it('reads the spacing from FLIGHTDECK_GITHUB_WRITE_SPACING (a test knob), else 1s', () => {
    expect(githubWriteSpacingMs({})).toBe(1000)
    expect(githubWriteSpacingMs({ FLIGHTDECK_GITHUB_WRITE_SPACING: '0s' })).toBe(0)
    expect(githubWriteSpacingMs({ FLIGHTDECK_GITHUB_WRITE_SPACING: '250ms' })).toBe(250)
    expect(githubWriteSpacingMs({ FLIGHTDECK_GITHUB_WRITE_SPACING: 'soon' })).toBe(1000)
  })

  it('sends writes back to back when the spacing is 0', async () => {
    const client = githubClient('ghs_x', { apiUrl: api.url, writeSpacingMs: 0 })
    const create = () =>
      client.rest.repos.createDeployment({ owner: 'acme', repo: 'shop', ref: 'main' })
    for (let i = 0; i < 3; i++) await create()
    const writes = api.calls('POST /repos/{owner}/{repo}/deployments').map((r) => r.at)
    expect((writes.at(-1) ?? 0) - (writes[0] ?? 0)).toBeLessThan(1000)
  })
})
