// The bundled preview-app with the previews Vercel and Cloudflare Workers make inside one
// project, run as the runner runs it with the real vercel and wrangler (dev dependencies) against
// local stand-ins of their APIs and the fake GitHub API: a pull request opened, pushed to and
// closed leaves one comment, and nothing of the PR behind but production.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { runBundledAction, secretLeaks } from '../support/bundle-runner.mjs'
import { FakeCloudflareApi } from '../fakes/cloudflare-api.js'
import { FakeGitHubApi } from '../fakes/github-api.js'
import { FakeVercelApi } from '../fakes/vercel-api.js'
import { BIN, installedCli } from '../real-cli/real-cli.js'

const SECRET = 'pr3v1ew-db-s3cr3t'
let github: FakeGitHubApi
let home: string

beforeEach(async () => {
  github = await new FakeGitHubApi().start()
  home = mkdtempSync(join(tmpdir(), 'flightdeck-preview-platforms-'))
  for (const sub of ['data', 'config', 'cache', 'logs']) mkdirSync(join(home, sub))
})
afterEach(async () => {
  await github.stop()
  expect(github.violations).toEqual([])
})

function prEvent(action: string, sha = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678') {
  return {
    action,
    number: 12,
    pull_request: {
      number: 12,
      state: action === 'closed' ? 'closed' : 'open',
      merged: false,
      head: { ref: 'feat/checkout', sha, repo: { full_name: 'acme/shop' } },
      base: { ref: 'main', repo: { full_name: 'acme/shop' } },
    },
  }
}

/** A folder with a page in it: what both CLIs upload. */
function site(): string {
  const dir = join(home, `site-${Math.random().toString(36).slice(2)}`)
  mkdirSync(dir)
  writeFileSync(join(dir, 'index.html'), '<h1>preview</h1>\n')
  writeFileSync(
    join(dir, 'wrangler.toml'),
    'name = "shop-worker"\nmain = "index.js"\ncompatibility_date = "2025-01-01"\npreview_urls = true\n',
  )
  writeFileSync(join(dir, 'index.js'), 'export default { fetch() { return new Response("pr") } }\n')
  return dir
}

/** The real CLIs first on PATH, with their config, caches and telemetry kept in the test. */
function cliEnv(workspace: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: `${BIN}${delimiter}${process.env.PATH ?? ''}`,
    HOME: home,
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_CACHE_HOME: join(home, 'cache'),
    VERCEL_TELEMETRY_DISABLED: '1',
    NO_UPDATE_NOTIFIER: '1',
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_LOG_PATH: join(home, 'logs'),
    GITHUB_WORKSPACE: workspace,
    ...extra,
  }
}

const describeVercel = installedCli('vercel') ? describe : describe.skip
const describeWrangler = installedCli('wrangler') ? describe : describe.skip

describeVercel('preview-app with provider vercel (real vercel CLI)', () => {
  const vercelApi = new FakeVercelApi()
  beforeAll(() => vercelApi.start())
  afterAll(() => vercelApi.stop())

  it('open, push, close: a tagged preview deployment per push, one comment, all removed on close', async () => {
    const project = vercelApi.addProject('shop')
    const production = vercelApi.addDeployment(project, 'production', 'READY')
    const workspace = site()
    const run = (action: string, sha?: string) =>
      runBundledAction('preview-app', {
        event: prEvent(action, sha),
        eventName: 'pull_request',
        apiUrl: github.url,
        env: cliEnv(workspace),
        inputs: {
          provider: 'vercel',
          app: 'shop',
          token: vercelApi.token,
          'api-url': vercelApi.url,
          secrets: `DATABASE_URL=postgres://preview:${SECRET}@db/shop`,
          env: 'LOG_LEVEL=debug',
        },
        timeoutMs: 120_000,
      })

    const opened = await run('opened')
    expect(opened.exitCode).toBe(0)
    const first = vercelApi.deployments.find((d) => d.meta.flightdeckPreview === 'shop-pr-12')
    expect(opened.outputs).toMatchObject({
      app: 'shop-pr-12',
      url: `https://${first?.url}`,
      'action-taken': 'deployed',
    })
    const pushed = await run('synchronize', 'b2c3d4e5f60718293a4b5c6d7e8f901234567890')
    expect(pushed.exitCode).toBe(0)
    expect(pushed.outputs['comment-id']).toBe(opened.outputs['comment-id'])
    expect(
      vercelApi.deployments.filter((d) => d.meta.flightdeckPreview === 'shop-pr-12'),
    ).toHaveLength(2)
    const comment = github.comments.get(12)?.[0]?.body ?? ''
    expect(comment).toContain(pushed.outputs.url)
    expect(github.deployments.filter((d) => d.environment === 'pr-12')).toHaveLength(2)

    const closed = await run('closed')
    expect(closed.exitCode).toBe(0)
    expect(closed.outputs['action-taken']).toBe('destroyed')
    expect(vercelApi.deployments.filter((d) => d.projectId === project.id)).toEqual([production])
    expect(github.comments.get(12)).toHaveLength(1)
    expect(github.comments.get(12)?.[0]?.body).toContain('🧹 torn down')
    // The fake lists deployments newest first, as GitHub does.
    const newest = github.deployments.find((d) => d.environment === 'pr-12')
    expect(newest?.statuses[0]?.state).toBe('inactive')
    for (const result of [opened, pushed, closed]) expect(secretLeaks(result, SECRET)).toEqual([])
  })

  it('skips a fork pull request that has no Vercel token, with a notice', async () => {
    const event = prEvent('opened')
    event.pull_request.head.repo.full_name = 'mallory/shop'
    const result = await runBundledAction('preview-app', {
      event,
      eventName: 'pull_request',
      apiUrl: github.url,
      env: cliEnv(site()),
      inputs: { provider: 'vercel', app: 'shop', 'api-url': vercelApi.url },
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['action-taken']).toBe('skipped')
    expect(result.stdout).toMatch(
      /::notice title=preview-app%3A skipped \(fork\)::Pull request #12 comes from a fork/,
    )
  })
})

describeWrangler('preview-app with provider cloudflare (real wrangler)', () => {
  const cloudflare = new FakeCloudflareApi()
  beforeAll(() => cloudflare.start())
  afterAll(() => cloudflare.stop())

  it('open then close: a version behind the preview alias, then a removal page behind it', async () => {
    const [production] = cloudflare.addWorker('shop-worker', 1)
    cloudflare.enablePreviews('shop-worker')
    const workspace = site()
    const run = (action: string) =>
      runBundledAction('preview-app', {
        event: prEvent(action),
        eventName: 'pull_request',
        apiUrl: github.url,
        env: cliEnv(workspace, { npm_registry: cloudflare.registryUrl }),
        inputs: {
          provider: 'cloudflare',
          app: 'shop-worker',
          token: cloudflare.token,
          'account-id': cloudflare.accountId,
          'api-url': cloudflare.baseUrl,
          secrets: `DATABASE_URL=postgres://preview:${SECRET}@db/shop`,
        },
        timeoutMs: 120_000,
      })

    const opened = await run('opened')
    expect(opened.exitCode).toBe(0)
    expect(opened.outputs).toMatchObject({
      app: 'shop-pr-12',
      url: `https://shop-pr-12-shop-worker.${cloudflare.subdomain}.workers.dev`,
      'action-taken': 'deployed',
    })
    const preview = cloudflare.versionsOf('shop-worker')[0]
    expect(preview?.annotations?.['workers/alias']).toBe('shop-pr-12')
    expect(cloudflare.serving('shop-worker')).toEqual([
      { version_id: production?.id, percentage: 100 },
    ])

    const closed = await run('closed')
    expect(closed.exitCode).toBe(0)
    expect(closed.outputs['action-taken']).toBe('destroyed')
    const page = cloudflare.versionsOf('shop-worker')[0]
    expect(page?.id).not.toBe(preview?.id)
    expect(page?.annotations?.['workers/alias']).toBe('shop-pr-12')
    expect(cloudflare.serving('shop-worker')).toEqual([
      { version_id: production?.id, percentage: 100 },
    ])
    expect(github.comments.get(12)?.[0]?.body).toContain('🧹 torn down')
    for (const result of [opened, closed]) expect(secretLeaks(result, SECRET)).toEqual([])
  })

  it('refuses a cloudflare preview without the Worker name, before anything runs', async () => {
    const result = await runBundledAction('preview-app', {
      event: prEvent('opened'),
      eventName: 'pull_request',
      apiUrl: github.url,
      env: cliEnv(site()),
      inputs: { provider: 'cloudflare', token: 'x' },
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      expect.stringMatching(/`app` is required for cloudflare previews.*example: app: my-worker/),
    ])
    expect(github.requests).toEqual([])
  })
})
