// The workflows `flightdeck init` writes for seed 000's fly.toml, run the way
// __tests__/examples/seed-examples.ts runs the examples: the workflow runner expands the calls
// to flightdeck's reusable deploy.yml, preview.yml and monitor.yml and runs their bundles against
// the fake flyctl (from a runner tool cache), the fake GitHub API and a local app for the health
// checks. A healthy release is deployed and recorded; a release that never turns healthy is rolled
// back to the image that served before, in the same job; a pull request gets a preview app made
// with the org token and one comment; the hourly check tells Slack that production is down.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { arch, tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFakeApp } from '../fakes/fake-app.mjs'
import {
  runWorkflowFile,
  type RunWorkflowOptions,
  type WorkflowTrace,
} from '../support/workflow-runner.mjs'
import { runInit } from '../../bin/init/command.mjs'
import { fakeBin, FakeClis } from '../fakes/fake-cli.js'
import { FakeGitHubApi } from '../fakes/github-api.js'
import { Receiver } from '../fakes/notify-receivers.js'

const root = new URL('../..', import.meta.url).pathname
const seeds = join(root, '__tests__', 'fixtures', 'seeds')
const providerFixtures = join(root, '__tests__', 'fixtures', 'providers')
const FLYCTL_VERSION = '0.3.200'

interface FlyRelease {
  Version: number
  Status: string
  ImageRef: string
}
const flyReleases = () =>
  JSON.parse(readFileSync(join(providerFixtures, 'fly/releases.json'), 'utf8')) as FlyRelease[]

/** A runner tool cache holding the fake flyctl, so setup finds it without downloading. */
function toolCache(): string {
  const dir = mkdtempSync(join(tmpdir(), 'flightdeck-init-tool-cache-'))
  const home = join(dir, 'flyctl', FLYCTL_VERSION, arch())
  mkdirSync(home, { recursive: true })
  for (const name of ['flyctl', 'fly']) symlinkSync(join(fakeBin, name), join(home, name))
  writeFileSync(`${home}.complete`, '')
  return dir
}

/** init --yes on a copy of seed 000's project: one of the written workflows. */
async function writtenWorkflow(name = 'deploy.yml'): Promise<string> {
  const repo = mkdtempSync(join(tmpdir(), 'flightdeck-init-run-'))
  cpSync(join(seeds, 'fly-app-with-health-check'), repo, { recursive: true })
  const code = await runInit(['--yes', '--notify', 'slack', '--monitor'], {
    cwd: repo,
    out: () => undefined,
    err: (text) => process.stderr.write(text),
  })
  expect(code).toBe(0)
  return join(repo, '.github', 'workflows', name)
}

interface Run {
  file?: string
  /** Options for the runner, given the local app's origin. */
  options?: (app: { origin: string }) => Partial<RunWorkflowOptions>
  prepare?: (s: { clis: FakeClis; api: FakeGitHubApi }) => void
}

async function run(
  healthy: (s: { clis: FakeClis; path: string }) => boolean,
  { file = 'deploy.yml', options = () => ({}), prepare }: Run = {},
) {
  const path = await writtenWorkflow(file)
  const api = await new FakeGitHubApi().start()
  // setup resolves flyctl "latest" through the GitHub releases API.
  const release = JSON.parse(
    readFileSync(join(providerFixtures, 'fly/github-release.json'), 'utf8'),
  ) as Record<string, unknown>
  api.on((request) =>
    request.method === 'GET' && request.path === '/repos/superfly/flyctl/releases/latest'
      ? { status: 200, body: { ...release, tag_name: `v${FLYCTL_VERSION}` } }
      : undefined,
  )
  const slack = await new Receiver('slack').start()
  const clis = new FakeClis()
  clis.setState('flyctl', {
    apps: { 'kaiwa-v2': { org: 'acme', releases: flyReleases(), secrets: {} } },
  })
  prepare?.({ clis, api })
  const app = await startFakeApp({
    respond: (request) =>
      healthy({ clis, path: request.path })
        ? { status: 200, json: { status: 'healthy' } }
        : { status: 503, json: { status: 'down' } },
  })
  try {
    const trace: WorkflowTrace = await runWorkflowFile(path, {
      eventName: 'push',
      github: { ref: 'refs/heads/main', ref_name: 'main' },
      secrets: {
        FLY_API_TOKEN: 'fly-token-0123456789',
        FLY_ORG_TOKEN: 'fly-org-token-0123456789',
        SLACK_WEBHOOK_URL: slack.url,
      },
      vars: {},
      rewrite: { 'https://kaiwa-v2.fly.dev': app.origin },
      // The broken release never turns healthy: deploy.yml's 5m would only make this slow.
      overrides: file === 'deploy.yml' ? { 'production/deploy.deploy.health-timeout': '2s' } : {},
      apiUrl: api.url,
      env: {
        ...clis.env(),
        RUNNER_TOOL_CACHE: toolCache(),
        GITHUB_WORKSPACE: mkdtempSync(join(tmpdir(), 'flightdeck-init-workspace-')),
        FLIGHTDECK_GATE_INTERVAL: '200ms',
      },
      stepTimeoutMs: 60_000,
      ...options(app),
    })
    expect(api.violations).toEqual([])
    return { trace, clis, api, slack, app }
  } finally {
    await Promise.all([api.stop(), slack.stop(), app.close()])
  }
}

const flightdeckSteps = (trace: WorkflowTrace) =>
  trace.steps
    .filter((step) => step.kind !== 'stubbed')
    .map((step) => `${step.job} › ${step.key} [${step.action ?? 'run'}] ${step.outcome}`)

describe("the workflows init writes for seed 000's fly.toml, run under the workflow runner", () => {
  it('a push to main: tests stubbed, kaiwa-v2 deployed through deploy.yml@v1, proven healthy, Slack told', async () => {
    const { trace, clis, api, slack, app } = await run(() => true)
    expect(trace.stubbed).toEqual([
      'test › actions/checkout@v4 (actions/checkout@v4)',
      'test › pnpm/action-setup@v4 (pnpm/action-setup@v4)',
      'test › actions/setup-node@v4 (actions/setup-node@v4)',
      'test › pnpm install --frozen-lockfile',
      'test › pnpm run test',
      'test › pnpm run build',
      'production/deploy › actions/checkout@v4 (actions/checkout@v4)',
    ])
    expect(trace.jobs.map((job) => [job.id, job.result])).toEqual([
      ['test', 'success'],
      ['production', 'success'],
    ])
    expect(flightdeckSteps(trace)).toContain('production/deploy › deploy [gated-deploy] success')
    expect(trace.jobs[1]?.outputs).toMatchObject({ status: 'deployed', 'rolled-back': 'false' })
    const deploys = clis.calls('flyctl').filter((call) => call.args[0] === 'deploy')
    expect(deploys).toHaveLength(1)
    expect(deploys[0]?.args).toContain('--app=kaiwa-v2')
    expect(deploys[0]?.env.FLY_API_TOKEN).toBe('fly-token-0123456789')
    expect(app.requests.some((request) => request.path === '/health')).toBe(true)
    expect(api.calls('POST /repos/{owner}/{repo}/deployments')).toHaveLength(1)
    expect(slack.requests).toHaveLength(1)
    expect(trace.conclusion).toBe('success')
  }, 120_000)

  it('a release that never turns healthy: rolled back to the last good image in the same job', async () => {
    const known = new Set(flyReleases().map((release) => release.ImageRef))
    const serving = (clis: FakeClis) =>
      clis
        .state<{ apps: Record<string, { releases: FlyRelease[] }> }>('flyctl')
        .apps['kaiwa-v2']?.releases.find((release) => release.Status === 'complete')?.ImageRef
    // The release the deploy makes is the broken one: only the images from before answer.
    const { trace, clis } = await run(({ clis }) => known.has(serving(clis) ?? ''))
    expect(trace.jobs[1]?.outputs).toMatchObject({ status: 'rolled-back', 'rolled-back': 'true' })
    const deploys = clis.calls('flyctl').filter((call) => call.args[0] === 'deploy')
    // The deploy, then the rollback to the image that served before it.
    expect(deploys).toHaveLength(2)
    const before = flyReleases().find((release) => release.Status === 'complete')?.ImageRef
    expect(deploys[1]?.args).toContain(`--image=${before}`)
    expect(trace.conclusion).toBe('failure')
  }, 120_000)

  it('preview.yml, a pull request opened: tests stubbed, a live kaiwa-v2-pr-7 app with the org token, one comment', async () => {
    const pr = {
      number: 7,
      state: 'open' as const,
      updated_at: '2026-12-01T10:00:00Z',
      head: { ref: 'feature/login', sha: 'ffac537e6cbbf934b08745a378932722df287a53' },
    }
    const event = {
      action: 'opened',
      number: 7,
      pull_request: { ...pr, merged: false, base: { ref: 'main' } },
      repository: { full_name: 'acme/shop', name: 'shop', owner: { login: 'acme' } },
    }
    const { trace, clis, api } = await run(() => true, {
      file: 'preview.yml',
      options: (app) => ({
        eventName: 'pull_request',
        event,
        github: { ref: 'refs/pull/7/merge', ref_name: '7/merge', head_ref: 'feature/login' },
        rewrite: {},
        // preview-app makes the preview's URL itself (https://kaiwa-v2-pr-7.fly.dev): the
        // health check goes to the local app instead.
        overrides: { 'preview/preview.preview.health-url': `${app.origin}/health` },
      }),
      prepare: ({ api }) => api.pulls.set(7, pr),
    })
    expect(trace.jobs.map((job) => [job.id, job.result])).toEqual([
      ['test', 'success'],
      ['preview', 'success'],
    ])
    expect(trace.jobs[1]?.outputs).toMatchObject({
      app: 'kaiwa-v2-pr-7',
      'action-taken': 'deployed',
    })
    const created = clis
      .calls('flyctl')
      .find((call) => call.args.join(' ').startsWith('apps create'))
    expect(created?.args).toContain('--name=kaiwa-v2-pr-7')
    expect(created?.env.FLY_API_TOKEN).toBe('fly-org-token-0123456789')
    expect(api.comments.get(7)).toHaveLength(1)
  }, 120_000)

  it('monitor.yml, the hourly check with production down: Slack is told', async () => {
    const { trace, slack } = await run(() => false, {
      file: 'monitor.yml',
      options: () => ({
        eventName: 'schedule',
        overrides: { 'monitor/monitor.health.timeout': '2s' },
      }),
    })
    expect(trace.stubbed).toEqual([
      'monitor/monitor › actions/cache/restore@v4 (actions/cache/restore@v4)',
      'monitor/monitor › actions/cache/save@v4 (actions/cache/save@v4)',
    ])
    expect(flightdeckSteps(trace)).toEqual([
      'monitor/monitor › flightdeck [run] success',
      'monitor/monitor › health [health-check] failure',
      'monitor/monitor › state [run] success',
      'monitor/monitor › notify [notify] success',
    ])
    expect(slack.requests).toHaveLength(1)
    expect(trace.conclusion).toBe('failure')
  }, 120_000)
})
