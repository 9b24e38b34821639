// The bundled preview-app run as the runner runs it, through a pull request's life, against a
// fake flyctl on PATH and the local fake GitHub API (which refuses what GitHub would refuse).
import { runBundledAction, secretLeaks } from '../support/bundle-runner.mjs'
import { FakeClis } from '../fakes/fake-cli.js'
import { FakeGitHubApi } from '../fakes/github-api.js'
import { flyCalls as flyCallsOf, runPreview, TOKEN, type PreviewOptions } from './harness.js'

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
const flyCalls = (verb: string) => flyCallsOf(clis, verb)

describe('preview-app through a pull request', () => {
  it('open, push, push, close: one app created once, one comment updated, then torn down', async () => {
    const opened = await preview('opened')
    expect(opened.exitCode).toBe(0)
    expect(opened.outputs).toMatchObject({ app: 'shop-pr-12', 'action-taken': 'deployed' })
    const commentId = Number(opened.outputs['comment-id'])
    const deploymentId = Number(opened.outputs['deployment-id'])
    expect(commentId).toBeGreaterThan(0)

    for (const push of ['synchronize', 'synchronize']) {
      const result = await preview(push)
      expect(result.exitCode).toBe(0)
      expect(Number(result.outputs['comment-id'])).toBe(commentId)
    }
    expect(flyCalls('apps create')).toHaveLength(1)
    expect(flyCalls('deploy')).toHaveLength(3)
    expect(api.comments.get(12)).toHaveLength(1)
    expect(api.calls('POST /repos/{owner}/{repo}/issues/{issue_number}/comments')).toHaveLength(1)
    // Only the first run reads the conversation; a push takes the comment's id from the last
    // Deployment's payload: list deployments, update (deploying), update (live).
    expect(api.calls('GET /repos/{owner}/{repo}/issues/{issue_number}/comments')).toHaveLength(1)
    const comment = api.comments.get(12)?.[0]?.body ?? ''
    expect(comment).toMatch(/^<!-- flightdeck:preview:shop-pr-12 -->\n/)
    expect(comment).toContain('✅ live')
    expect(comment).toContain('`a1b2c3d` on `feat/checkout`')

    const pr12 = api.deployments.filter((d) => d.environment === 'pr-12')
    expect(pr12).toHaveLength(3)
    expect(pr12.every((d) => d.transient && !d.production)).toBe(true)
    expect(pr12[2]?.id).toBe(deploymentId)

    const closed = await preview('closed', { merged: true })
    expect(closed.exitCode).toBe(0)
    expect(closed.outputs['action-taken']).toBe('destroyed')
    expect(flyCalls('apps destroy').map((call) => call.args)).toEqual([
      expect.arrayContaining(['apps', 'destroy', 'shop-pr-12']),
    ])
    expect(api.deployments.find((d) => d.environment === 'pr-12')?.statuses[0]?.state).toBe(
      'inactive',
    )
    expect(api.comments.get(12)).toHaveLength(1)
    expect(api.comments.get(12)?.[0]?.body).toContain('🧹 torn down')

    for (const call of clis.calls()) expect(call.args.join(' ')).not.toContain('s3cr3t-db')
    const imports = flyCalls('secrets import')
    expect(imports[0]?.stdin).toContain(
      'DATABASE_URL=postgres://preview:s3cr3t-db@db.internal/shop',
    )
    expect(flyCalls('deploy')[0]?.args).toContain('--env=LOG_LEVEL=debug')
    for (const result of [opened, closed]) {
      expect(secretLeaks(result, TOKEN)).toEqual([])
      expect(secretLeaks(result, 's3cr3t-db')).toEqual([])
    }
  }, 120_000)

  it('finds its comment across pages when nothing remembers its id', async () => {
    api.addComments(
      12,
      Array.from({ length: 130 }, (_, i) => `review comment ${i}`),
    )
    api.addComments(12, ['<!-- flightdeck:preview:shop-pr-12 -->\nold body'], 'github-actions[bot]')
    api.addComments(12, ['> <!-- flightdeck:preview:shop-pr-12 -->\n> quoted by a reviewer'])
    const result = await preview('synchronize')
    expect(result.exitCode).toBe(0)
    expect(api.comments.get(12)).toHaveLength(132)
    const ours = api.comments.get(12)?.[130]
    expect(Number(result.outputs['comment-id'])).toBe(ours?.id)
    expect(ours?.body).toContain('✅ live')
    expect(api.calls('GET /repos/{owner}/{repo}/issues/{issue_number}/comments')).toHaveLength(2)
  })

  it("leaves a person's comment that carries the marker alone and writes its own", async () => {
    const [planted] = api.addComments(
      12,
      ['<!-- flightdeck:preview:shop-pr-12 -->\nplanted: click https://evil.example'],
      'mallory',
    )
    const result = await preview('opened')
    expect(result.exitCode).toBe(0)
    const comments = api.comments.get(12) ?? []
    expect(comments).toHaveLength(2)
    expect(comments[0]).toEqual(planted)
    expect(comments[0]?.body).toContain('planted')
    expect(Number(result.outputs['comment-id'])).toBe(comments[1]?.id)
    expect(comments[1]?.user.login).toBe('github-actions[bot]')
    // The next push finds ours, not the planted one.
    const pushed = await preview('synchronize')
    expect(pushed.outputs['comment-id']).toBe(result.outputs['comment-id'])
    expect(api.comments.get(12)).toHaveLength(2)
  })

  it.each([
    ['feat/$(curl evil)', 'shop-pr-7-feat-curl-evil'],
    ['"; rm -rf /', 'shop-pr-7-rm-rf'],
    ['--app=prod', 'shop-pr-7-app-prod'],
  ])(
    'makes a plain name of branch %j and never reads it as code or a flag',
    async (branch, app) => {
      const result = await preview('opened', {
        number: 7,
        branch,
        inputs: { 'app-name': '{repo}-pr-{pr}-{branch}', comment: 'false' },
      })
      expect(result.exitCode).toBe(0)
      expect(result.outputs.app).toBe(app)
      for (const call of clis.calls('flyctl')) {
        expect(call.args).not.toContain(branch)
        for (const arg of call.args) expect(arg.startsWith('--app=prod')).toBe(false)
      }
    },
  )

  it('gives two long branches two names within the limit', async () => {
    const long = 'feature/an-extremely-long-branch-name-about-the-new-checkout-flow'
    const inputs = { 'app-name': '{repo}-pr-{pr}-{branch}', comment: 'false' }
    const a = await preview('opened', { number: 8, branch: `${long}-a`, inputs })
    const b = await preview('opened', { number: 8, branch: `${long}-b`, inputs })
    expect(a.outputs.app).not.toBe(b.outputs.app)
    for (const name of [a.outputs.app ?? '', b.outputs.app ?? '']) {
      expect(name.length).toBeLessThanOrEqual(63)
      expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    }
  })

  it('skips a fork pull request (no secrets) with a clear notice', async () => {
    const result = await preview('opened', { fork: true, token: null })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['action-taken']).toBe('skipped')
    expect(result.stdout).toMatch(
      /^::notice title=preview-app%3A skipped \(fork\)::Pull request #12 comes from a fork/m,
    )
    expect(clis.calls()).toEqual([])
    expect(api.requests).toEqual([])
  })

  it('leaves the comment saying the deploy failed and why', async () => {
    clis.behave('flyctl', {
      deploy: {
        exitCode: 1,
        stderr: 'Error: failed to fetch an image or build from source: unauthorized\n',
      },
    })
    const result = await preview('opened')
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toContain('unauthorized')
    const body = api.comments.get(12)?.[0]?.body ?? ''
    expect(body).toContain('❌ deploy failed')
    expect(body).toContain('unauthorized')
    const deployment = api.deployments.find((d) => d.environment === 'pr-12')
    expect(deployment?.statuses[0]?.state).toMatch(/^(failure|error)$/)
  })

  it('refuses another platform clearly, before anything runs', async () => {
    const result = await preview('opened', { inputs: { provider: 'render' } })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(
      /^`provider` render has no preview apps in flightdeck: use Render preview environments .*\(fly, cloudflare and vercel have\)/,
    )
    expect(clis.calls()).toEqual([])
  })
})

describe('preview-app sweep', () => {
  it('removes closed and stale previews, keeps open ones and never touches other apps', async () => {
    clis.setState('flyctl', {
      apps: Object.fromEntries(
        ['shop-pr-1', 'shop-pr-2', 'shop-pr-3', 'shop-production', 'shopping-pr-4'].map((name) => [
          name,
          { org: 'acme', releases: [], secrets: {} },
        ]),
      ),
    })
    const day = 24 * 3600 * 1000
    api.pulls.set(1, {
      number: 1,
      state: 'closed',
      updated_at: new Date().toISOString(),
      head: { ref: 'a', sha: 'a'.repeat(40) },
    })
    api.pulls.set(2, {
      number: 2,
      state: 'open',
      updated_at: new Date(Date.now() - 10 * day).toISOString(),
      head: { ref: 'b', sha: 'b'.repeat(40) },
    })
    api.pulls.set(3, {
      number: 3,
      state: 'open',
      updated_at: new Date().toISOString(),
      head: { ref: 'c', sha: 'c'.repeat(40) },
    })
    const result = await runBundledAction('preview-app', {
      eventName: 'schedule',
      apiUrl: api.url,
      env: clis.env(),
      inputs: { action: 'sweep', token: TOKEN, org: 'acme', ttl: '7d' },
      timeoutMs: 60_000,
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ 'action-taken': 'swept', swept: 'shop-pr-1,shop-pr-2' })
    const destroyed = flyCalls('apps destroy').map((call) => call.args.at(-1))
    expect(destroyed).toEqual(['shop-pr-1', 'shop-pr-2'])
    expect(result.summary).toContain('kept\\: open and recent')
  })
})
