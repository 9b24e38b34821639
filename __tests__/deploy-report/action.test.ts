// The bundled deploy-report run as the runner runs it, against the fake GitHub API (GraphQL
// answered against GitHub's schema): the figures of the hand-computed week, the empty period,
// bad inputs refused before any request, and a busy repository read in few requests.
import { runBundledAction, secretLeaks } from '../support/bundle-runner.mjs'
import { FakeGitHubApi } from '../fakes/github-api.js'
import { busyHistory, loadInto } from './history-fixture.js'
import { smallHistory } from './small-history.js'

let api: FakeGitHubApi

beforeEach(async () => {
  api = await new FakeGitHubApi().start()
})
afterEach(async () => {
  await api.stop()
  // Every request was one GitHub would have accepted.
  expect(api.violations).toEqual([])
})

const TOKEN = 'ghs_reportsecret0000000000000000000000'

function report(inputs: Record<string, string>) {
  return runBundledAction('deploy-report', {
    apiUrl: api.url,
    inputs,
    env: { GITHUB_TOKEN: TOKEN },
    timeoutMs: 60_000,
  })
}

describe('deploy-report action', () => {
  it('reports the hand-computed figures of a week, for two environments', async () => {
    loadInto(api, smallHistory())
    const result = await report({
      environment: 'production\nstaging',
      since: '2026-03-23',
      until: '2026-03-30T00:00:00Z',
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({
      deployments: '7',
      'deployments-per-week': '3',
      'lead-time-hours': '2.1',
      'change-failure-rate': '57.14',
      'time-to-restore-hours': '2.08',
      'success-rate': '42.86',
    })
    const json = JSON.parse(result.outputs.report ?? '') as {
      environments: Array<{ environment: string; counts: Record<string, number> }>
    }
    expect(json.environments.map((e) => [e.environment, e.counts])).toEqual([
      [
        'production',
        {
          deployments: 7,
          succeeded: 3,
          failed: 3,
          'rolled-back': 1,
          'in-progress': 1,
          restorations: 1,
          unrestored: 0,
        },
      ],
      [
        'staging',
        {
          deployments: 2,
          succeeded: 1,
          failed: 1,
          'rolled-back': 0,
          'in-progress': 0,
          restorations: 0,
          unrestored: 1,
        },
      ],
    ])
    expect(result.summary).toContain('## Delivery report of `acme/shop`')
    expect(result.summary).toContain('| lead time for changes (median) | 2.1 h | elite |')
    expect(result.summary).toContain('| change failure rate | 57.14 % | low |')
    expect(result.summary).toContain('| success-rate \\> 95 \\% | 42.86 % | ❌ no |')
    expect(result.summary).toContain('```mermaid\n%%{init')
    expect(result.summary).toContain('xychart-beta')
    // Pages of 100: one of deployments per environment, one of commit history.
    expect(api.calls('POST /graphql')).toHaveLength(3)
    expect(secretLeaks(result, TOKEN)).toEqual([])
  })

  it('says so for an environment without deployments in the period; format json writes no summary', async () => {
    loadInto(api, smallHistory())
    const result = await report({ environment: 'preview', since: '12w', until: '' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({
      deployments: '0',
      'lead-time-hours': '',
      'success-rate': '',
      'time-to-restore-hours': '',
    })
    expect(result.summary).toMatch(/No deployments of `preview` ended from/)

    const quiet = await report({ environment: 'preview', format: 'json' })
    expect(quiet.exitCode).toBe(0)
    expect(quiet.summary).toBe('')
  })

  it.each([
    [{ since: 'last tuesday-ish' }, /^invalid `since`: "last tuesday-ish" is neither/],
    [
      { since: '2026-03-30', until: '2026-03-01' },
      /^invalid `until`: 2026-03-01T00:00:00.000Z is not after since/,
    ],
    [
      { repository: 'acme/shop/extra' },
      /^invalid `repository`: "acme\/shop\/extra" is not a repository owner\/name \(example: acme\/shop\)/,
    ],
    [{ format: 'csv' }, /^invalid `format`: "csv" is not one of summary, json/],
  ])('refuses %j with one error before any request', async (inputs, message) => {
    const result = await report(inputs)
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(message)
    expect(result.stdout).not.toMatch(/\n\s+at /)
    expect(api.requests).toEqual([])
  })

  it('reads 1,000 deployments and 2,400 commits in at most 40 requests', async () => {
    const end = Date.now() - 60_000
    loadInto(api, busyHistory({ deployments: 1000, commits: 2400, days: 90, end }))
    const result = await report({ since: '90d' })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    const json = JSON.parse(result.outputs.report ?? '') as {
      environments: Array<{ counts: { deployments: number }; figures: { commits: number } }>
    }
    // The first few deployments began just outside the 90 days measured from a later now.
    expect(json.environments[0]?.counts.deployments).toBeGreaterThan(990)
    expect(json.environments[0]?.figures.commits).toBeGreaterThan(2300)
    expect(api.requests.length).toBeLessThanOrEqual(40)
  })
})
