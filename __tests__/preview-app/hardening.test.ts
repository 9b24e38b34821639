// preview-app as an attacker and a broken GitHub would try it, run as the runner runs it: what
// flyctl or a health endpoint echoes stays out of the public comment, a fork's code never meets
// the repository's secrets, a comment API that never answers does not hold the deploy, and a
// preview's name keeps its pull request's number however it is cut.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runBundledAction, secretLeaks } from '../support/bundle-runner.mjs'
import { templateName } from '../../shared/preview/names.js'
import { FakeClis } from '../fakes/fake-cli.js'
import { FakeGitHubApi, NO_ANSWER } from '../fakes/github-api.js'
import {
  BASE_SHA,
  DB_SECRET,
  flyCalls,
  HEAD_SHA,
  runPreview,
  TOKEN,
  type PreviewOptions,
} from './harness.js'

let api: FakeGitHubApi
let clis: FakeClis

beforeEach(async () => {
  api = await new FakeGitHubApi().start()
  clis = new FakeClis()
})
afterEach(async () => {
  await api.stop()
  expect(api.violations).toEqual([])
})

const preview = (action: string, options: PreviewOptions = {}) =>
  runPreview(api, clis, action, options)

function publishedText(): string {
  return JSON.stringify(api.requests.map((request) => request.body ?? null))
}

describe('preview-app keeps secrets out of the pull request comment', () => {
  it('redacts what flyctl echoes on failure: the token and a secrets value', async () => {
    clis.behave('flyctl', {
      deploy: {
        exitCode: 1,
        stderr: `Error: token ${TOKEN} rejected; DATABASE_URL=postgres://preview:${DB_SECRET}@db.internal/shop\n`,
      },
    })
    const result = await preview('opened')
    expect(result.exitCode).toBe(1)
    const body = api.comments.get(12)?.[0]?.body ?? ''
    expect(body).toContain('❌ deploy failed')
    expect(body).toContain('Error: token *** rejected')
    expect(body).not.toContain(TOKEN)
    expect(body).not.toContain(DB_SECRET)
    expect(publishedText()).not.toContain(DB_SECRET)
    expect(publishedText()).not.toContain('fm2_plantedpreviewtoken')
    expect(secretLeaks(result, TOKEN)).toEqual([])
  })

  it('redacts what a health endpoint echoes of health-headers', async () => {
    const key = 'hunter2-preview-key-77'
    const server: Server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ status: `denied ${String(req.headers['x-preview-key'])}` }))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`
      const result = await preview('opened', {
        inputs: {
          'health-url': url,
          'health-headers': `X-Preview-Key: ${key}`,
          'health-json-assertions': 'status == ok',
          'health-timeout': '2s',
        },
      })
      expect(result.exitCode).toBe(1)
      const body = api.comments.get(12)?.[0]?.body ?? ''
      expect(body).toContain('⚠️ deployed, not healthy')
      expect(body).toContain('denied ***')
      expect(publishedText()).not.toContain(key)
      expect(secretLeaks(result, key)).toEqual([])
    } finally {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})

/** A workspace whose git checkout has HEAD at `head` (a commit, or `ref: refs/heads/main`). */
function workspace(head: string, refs: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'flightdeck-preview-ws-'))
  mkdirSync(join(dir, '.git', 'refs', 'heads'), { recursive: true })
  writeFileSync(join(dir, '.git', 'HEAD'), `${head}\n`)
  for (const [ref, sha] of Object.entries(refs)) writeFileSync(join(dir, '.git', ref), `${sha}\n`)
  return dir
}

describe("preview-app never deploys a fork's code with this repository's secrets", () => {
  it.each([
    ["the fork's head", HEAD_SHA, {}],
    ['the merge commit (refs/pull/12/merge)', '0123456789abcdef0123456789abcdef01234567', {}],
    ['a branch holding the head', 'ref: refs/heads/pr', { 'refs/heads/pr': HEAD_SHA }],
  ])(
    'skips a pull_request_target run with %s checked out, with a notice',
    async (_, head, refs) => {
      const result = await preview('opened', {
        fork: true,
        eventName: 'pull_request_target',
        env: { GITHUB_WORKSPACE: workspace(head, refs) },
      })
      expect(result.exitCode).toBe(0)
      expect(result.outputs['action-taken']).toBe('skipped')
      expect(result.stdout).toMatch(
        /^::notice title=preview-app%3A skipped \(fork\)::Pull request #12 comes from a fork, and this pull_request_target run has something other than the base branch checked out/m,
      )
      expect(clis.calls()).toEqual([])
      expect(api.requests).toEqual([])
    },
  )

  it('deploys a fork pull_request_target run that has the base branch checked out', async () => {
    const result = await preview('opened', {
      fork: true,
      eventName: 'pull_request_target',
      inputs: { comment: 'false' },
      env: { GITHUB_WORKSPACE: workspace('ref: refs/heads/main', { 'refs/heads/main': BASE_SHA }) },
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['action-taken']).toBe('deployed')
  })
})

describe('preview-app with a comment API that never answers', () => {
  it('finishes the deploy within the comment time limit, with one warning', async () => {
    api.on((request) => {
      const viewer =
        request.route === 'POST /graphql' && JSON.stringify(request.body).includes('viewer')
      return viewer || request.route?.includes('/comments') ? NO_ANSWER : undefined
    })
    const result = await preview('opened', {
      env: { FLIGHTDECK_GITHUB_TIMEOUT: '1s' },
      timeoutMs: 40_000,
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['action-taken']).toBe('deployed')
    expect(result.outputs['comment-id']).toBe('')
    const warnings = result.stdout.match(
      /^::warning title=preview-app%3A comment not written::.*$/gm,
    )
    expect(warnings).toEqual([
      expect.stringContaining('GitHub did not finish it within 2s; the run goes on without it'),
    ])
    const deployment = api.deployments.find((d) => d.environment === 'pr-12')
    expect(deployment?.statuses[0]?.state).toBe('success')
    // After the first write ran out of time, no other write was tried.
    expect(api.requests.filter((r) => r.route?.includes('/comments'))).toEqual([])
  }, 60_000)
})

describe('preview-app names keep the pull request number', () => {
  const longBranch = `feature/${'checkout-'.repeat(24)}end`
  const template = '{repo}-{branch}-{pr}'
  const longName = templateName(
    template,
    { owner: 'acme', repo: 'shop', pr: 12, branch: longBranch },
    63,
  )
  const flyApp = { org: 'acme', releases: [], secrets: {} }

  it('destroys the preview of a 200-character branch when its pull request closes', async () => {
    expect(longName).toMatch(/-12-[0-9a-f]{6}$/)
    clis.setState('flyctl', { apps: { [longName]: flyApp } })
    const result = await preview('closed', {
      branch: longBranch,
      inputs: { 'app-name': template, comment: 'false' },
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ app: longName, 'action-taken': 'destroyed' })
    expect(flyCalls(clis, 'apps destroy').map((call) => call.args)).toEqual([
      expect.arrayContaining([longName]),
    ])
  })

  it('sweeps it, and goes on past a pull request that answers 404', async () => {
    clis.setState('flyctl', {
      apps: { 'shop-gone-1': flyApp, [longName]: flyApp, 'shop-x-13': flyApp },
    })
    const closed = { state: 'closed' as const, updated_at: new Date().toISOString() }
    api.pulls.set(12, { number: 12, ...closed, head: { ref: longBranch, sha: 'c'.repeat(40) } })
    api.pulls.set(13, { number: 13, ...closed, head: { ref: 'x', sha: 'd'.repeat(40) } })
    const result = await runBundledAction('preview-app', {
      eventName: 'schedule',
      apiUrl: api.url,
      env: clis.env(),
      inputs: { action: 'sweep', token: TOKEN, org: 'acme', 'app-name': template },
      timeoutMs: 60_000,
    })
    expect(result.exitCode).toBe(0)
    expect(api.calls('GET /repos/{owner}/{repo}/pulls/{pull_number}').map((r) => r.path)).toEqual(
      expect.arrayContaining(['/repos/acme/shop/pulls/1']),
    )
    expect(flyCalls(clis, 'apps destroy').map((call) => call.args.at(-1))).toEqual(
      expect.arrayContaining([longName, 'shop-x-13']),
    )
    expect(result.outputs.swept?.split(',').sort()).toEqual([longName, 'shop-x-13'].sort())
  })

  it('sweeps on past a pull request that answers 404 (default template)', async () => {
    clis.setState('flyctl', { apps: { 'shop-pr-1': flyApp, 'shop-pr-2': flyApp } })
    api.pulls.set(2, {
      number: 2,
      state: 'closed',
      updated_at: new Date().toISOString(),
      head: { ref: 'b', sha: 'b'.repeat(40) },
    })
    const result = await runBundledAction('preview-app', {
      eventName: 'schedule',
      apiUrl: api.url,
      env: clis.env(),
      inputs: { action: 'sweep', token: TOKEN, org: 'acme' },
      timeoutMs: 60_000,
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.swept).toBe('shop-pr-2')
    expect(result.summary).toContain('no pull request this template gives this name')
  })

  it('refuses a template whose {pr} runs into the branch, naming the input, before any call', async () => {
    const result = await preview('opened', { inputs: { 'app-name': '{repo}-pr{pr}{branch}' } })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(
      /^invalid `app-name`: .*runs \{pr\} into another placeholder.*PR #1 on branch 7x and PR #17 on branch x.*\(example: \{repo\}-pr-\{pr\}-\{branch\}\)$/,
    )
    expect(clis.calls()).toEqual([])
    expect(api.requests).toEqual([])
  })
})
