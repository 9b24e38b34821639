// Reading deployments and commits through the fake GitHub GraphQL API (queries validated
// against GitHub's schema): pages, where reading stops, merges and deploys from another branch.
import { githubClient } from '../../shared/github/client.js'
import { readCommits, readDeployments } from '../../shared/report/fetch.js'
import { shippedCommits } from '../../shared/report/commits.js'
import { FakeGitHubApi } from '../fakes/github-api.js'
import { busyHistory, HistoryBuilder, loadInto } from './history-fixture.js'

let api: FakeGitHubApi
beforeEach(async () => {
  api = await new FakeGitHubApi().start()
})
afterEach(async () => {
  await api.stop()
  expect(api.violations).toEqual([])
})

const repo = { owner: 'acme', name: 'shop' }
const log = { info: () => undefined, warning: () => undefined }
const DAY = 86_400_000

it('reads pages of 100 until a week before since, once a success before the period is known', async () => {
  const end = Date.parse('2026-12-01T00:00:00Z')
  loadInto(api, busyHistory({ deployments: 450, commits: 500, days: 45, end }))
  const period = { since: end - 10 * DAY, until: end }
  const records = await readDeployments(
    githubClient('t', { apiUrl: api.url }),
    repo,
    'production',
    period,
    log,
  )
  // 10 days of 10 a day, plus 7 days of lookback: 170 deployments (and some restorations) are
  // within the first two pages; the second page reaches past the lookback.
  expect(api.calls('POST /graphql')).toHaveLength(2)
  expect(records.length).toBe(200)
  expect(Math.min(...records.map((r) => r.createdAt))).toBeLessThan(period.since - 7 * DAY)
  const query = api.requests[0]?.body as { query: string; variables: Record<string, unknown> }
  expect(query.variables).toMatchObject({ environments: ['production'], after: null })
  expect(query.query).toContain('orderBy: {field: CREATED_AT, direction: DESC}, first: 100')
})

it('follows merges, and reads the history of a head the first walk did not reach', async () => {
  const b = new HistoryBuilder()
  b.commit('a1', '2026-03-01T10:00:00Z')
  b.commit('a2', '2026-03-02T10:00:00Z') // deployed: the base
  b.commit('f1', '2026-03-02T11:00:00Z', ['a1']) // a feature branched before the base
  b.commit('a3', '2026-03-03T10:00:00Z', ['a2'])
  b.commit('m1', '2026-03-04T10:00:00Z', ['a3', 'f1']) // merged after it: deployed
  b.commit('h1', '2026-03-05T10:00:00Z', ['a2']) // a hotfix branch off the base, deployed
  loadInto(api, b.history)
  const client = githubClient('t', { apiUrl: api.url })
  const graph = await readCommits(client, repo, ['m1', 'h1', 'a2', 'gone'], log)
  expect([...graph.keys()].sort()).toEqual(['a1', 'a2', 'a3', 'f1', 'h1', 'm1'])
  // m1 shipped a3, f1 and itself; not a2 nor a1 (the base and its parent).
  expect(
    shippedCommits(graph, 'm1', 'a2')
      .map((c) => c.oid)
      .sort(),
  ).toEqual(['a3', 'f1', 'm1'])
  expect(shippedCommits(graph, 'h1', 'a2').map((c) => c.oid)).toEqual(['h1'])
  // m1's history (one page), h1's (one page), and the unknown `gone` (object null).
  expect(api.calls('POST /graphql')).toHaveLength(3)
})

it('pages a long history with cursors, 100 commits a request', async () => {
  const b = new HistoryBuilder()
  for (let i = 0; i < 250; i++)
    b.commit(`c${i}`, new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString())
  loadInto(api, b.history)
  const graph = await readCommits(githubClient('t', { apiUrl: api.url }), repo, ['c249', 'c0'], log)
  expect(graph.size).toBe(250)
  const cursors = api.requests.map(
    (r) => (r.body as { variables: { after: string | null } }).variables.after,
  )
  expect(cursors).toEqual([null, 'cursor:99', 'cursor:199'])
})
