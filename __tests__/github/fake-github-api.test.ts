// The fake GitHub API refuses what GitHub would refuse, so tests against it prove something.
import { FakeGitHubApi } from '../fakes/github-api.js'

let api: FakeGitHubApi

beforeEach(async () => {
  api = await new FakeGitHubApi().start()
})
afterEach(async () => {
  await api.stop()
})

async function send(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = { authorization: 'token ghs_x' },
) {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const graphql = (query: string, variables: Record<string, unknown> = {}) =>
  send('POST', '/graphql', { query, variables })

describe('fake GitHub REST API', () => {
  it('accepts a request GitHub accepts, and names its route', async () => {
    const answer = await send('POST', '/repos/acme/shop/deployments', {
      ref: 'main',
      environment: 'production',
      payload: { flightdeck: { action: 'rollback' } },
      auto_merge: false,
      required_contexts: [],
    })
    expect(answer.status).toBe(201)
    expect(api.requests[0]?.route).toBe('POST /repos/{owner}/{repo}/deployments')
    expect(api.violations).toEqual([])
  })

  it.each([
    [
      'an unknown body key',
      'POST',
      '/repos/acme/shop/deployments',
      { ref: 'main', enviroment: 'production' },
      'body.enviroment is not a known key',
    ],
    [
      'a missing required key',
      'POST',
      '/repos/acme/shop/deployments',
      { environment: 'production' },
      'body.ref is required',
    ],
    [
      'a value outside an enum',
      'POST',
      '/repos/acme/shop/deployments/1000/statuses',
      { state: 'succeeded' },
      'body.state is "succeeded", not one of error, failure, inactive, in_progress, queued, pending, success',
    ],
    [
      'a wrongly typed value',
      'POST',
      '/repos/acme/shop/deployments',
      { ref: 'main', production_environment: 'yes' },
      'body.production_environment is "yes", not of type boolean',
    ],
    [
      'a path parameter of the wrong type',
      'GET',
      '/repos/acme/shop/deployments/latest/statuses',
      undefined,
      'path parameter deployment_id is "latest", not of type integer',
    ],
    [
      'an unknown query parameter',
      'GET',
      '/repos/acme/shop/deployments?per-page=5',
      undefined,
      'query parameter per-page is not a known parameter',
    ],
    [
      'a description over 140 characters',
      'POST',
      '/repos/acme/shop/deployments/1000/statuses',
      { state: 'success', description: 'x'.repeat(141) },
      "body.description is over GitHub's limit of 140 characters",
    ],
  ])('refuses %s with 422 and records why', async (_, method, path, body, problem) => {
    const answer = await send(method, path, body)
    expect(answer.status).toBe(422)
    expect(answer.body.message).toContain(problem)
    expect(api.violations).toEqual([`${method} ${path}: ${problem}`])
  })

  it('answers 404 for a route GitHub does not have, and 401 without a token', async () => {
    expect((await send('POST', '/repos/acme/shop/deployment', { ref: 'main' })).status).toBe(404)
    expect((await send('GET', '/repos/acme/shop/deployments', undefined, {})).status).toBe(401)
    expect(api.violations).toEqual([
      'POST /repos/acme/shop/deployment: GitHub has no POST /repos/acme/shop/deployment',
      'GET /repos/acme/shop/deployments: no Authorization header',
    ])
  })

  it('runs handlers only for requests GitHub would accept', async () => {
    api.on(() => ({ status: 500, body: { message: 'boom' } }))
    expect((await send('POST', '/repos/acme/shop/deployments', {})).status).toBe(422)
    expect((await send('POST', '/repos/acme/shop/deployments', { ref: 'x' })).status).toBe(500)
  })
})

describe('fake GitHub GraphQL API', () => {
  const QUERY = `query ($owner: String!, $name: String!, $environments: [String!], $first: Int!) {
    repository(owner: $owner, name: $name) {
      deployments(environments: $environments, first: $first, orderBy: {field: CREATED_AT, direction: DESC}) {
        totalCount
        nodes { databaseId state latestStatus { state } }
      }
    }
  }`

  it('answers repository.deployments from its state, in the order asked', async () => {
    api.deployments.push(
      { id: 3, environment: 'production', statuses: [{ state: 'success' }] },
      { id: 2, environment: 'production', statuses: [{ state: 'inactive' }] },
      { id: 1, environment: 'staging', statuses: [] },
    )
    const newest = await graphql(QUERY, {
      owner: 'acme',
      name: 'shop',
      environments: ['production'],
      first: 1,
    })
    expect(newest).toEqual({
      status: 200,
      body: {
        data: {
          repository: {
            deployments: {
              totalCount: 2,
              nodes: [{ databaseId: 3, state: 'ACTIVE', latestStatus: { state: 'SUCCESS' } }],
            },
          },
        },
      },
    })
    const oldestFirst = await graphql(`
      {
        repository(owner: "acme", name: "shop") {
          deployments(first: 5) {
            nodes {
              databaseId
              state
              latestStatus {
                state
              }
            }
          }
        }
      }
    `)
    expect(oldestFirst.body).toEqual({
      data: {
        repository: {
          deployments: {
            nodes: [
              { databaseId: 1, state: 'PENDING', latestStatus: null },
              { databaseId: 2, state: 'INACTIVE', latestStatus: { state: 'INACTIVE' } },
              { databaseId: 3, state: 'ACTIVE', latestStatus: { state: 'SUCCESS' } },
            ],
          },
        },
      },
    })
    expect(api.violations).toEqual([])
  })

  it.each([
    [
      'an unknown field',
      '{ repository(owner: "a", name: "b") { deployments(first: 1) { nodes { status } } } }',
      {},
      /Cannot query field "status" on type "Deployment"/,
    ],
    [
      'a missing variable',
      QUERY,
      { owner: 'acme', name: 'shop' },
      /Variable "\$first" of required type "Int!" was not provided/,
    ],
    [
      'a connection without first or last',
      '{ repository(owner: "a", name: "b") { deployments { nodes { id } } } }',
      {},
      /You must provide a `first` or `last` value/,
    ],
    [
      'a page over 100',
      '{ repository(owner: "a", name: "b") { deployments(first: 101) { nodes { id } } } }',
      {},
      /exceeds the `first` limit of 100 records/,
    ],
  ])('refuses %s with errors and records why', async (_, query, variables, problem) => {
    const answer = await graphql(query, variables)
    expect(answer.status).toBe(200)
    const errors = answer.body.errors as Array<{ message: string }>
    expect(errors.map((error) => error.message).join('\n')).toMatch(problem)
    expect(api.violations).toEqual([expect.stringMatching(problem)])
  })
})

describe('fake GitHub comments', () => {
  it("lets the job token edit a person's comment, as GitHub does (the author stays)", async () => {
    const [mine] = api.addComments(12, ['written by a person'], 'octocat')
    const answer = await send('PATCH', `/repos/acme/shop/issues/comments/${mine?.id}`, {
      body: 'edited by the job token',
    })
    expect(answer.status).toBe(200)
    expect(answer.body.user).toEqual({ login: 'octocat', type: 'User' })
    expect(api.comments.get(12)?.[0]?.body).toBe('edited by the job token')
    const read = await send('GET', `/repos/acme/shop/issues/comments/${mine?.id}`)
    expect(read.body).toMatchObject({ id: mine?.id, body: 'edited by the job token' })
    expect(api.violations).toEqual([])
  })

  it("names the token's account as GraphQL's viewer and as the author of what it writes", async () => {
    expect((await graphql('{ viewer { login } }')).body).toEqual({
      data: { viewer: { login: 'github-actions[bot]' } },
    })
    const created = await send('POST', '/repos/acme/shop/issues/12/comments', { body: 'hi' })
    expect(created.body.user).toEqual({ login: 'github-actions[bot]', type: 'Bot' })
    expect(api.violations).toEqual([])
  })
})
