// Every consumer workflow in workflows-examples/, run: its flightdeck steps (and the reusable
// workflows it calls) execute in order as the committed bundles, against local stand-ins: the
// fake CLIs (flyctl, wrangler, vercel) installed in a runner tool cache, the fake GitHub API
// (every request checked against GitHub's REST description), a local app for health checks and
// a Slack receiver. Steps that are not flightdeck's (checkout, the team's build and deploy
// commands) are stubbed, and each example's list of them is asserted, so what this test does
// not execute is written down.
//
// Each file needs an entry in SETUPS: the secrets, vars and inputs it reads, the URL rewrites
// that point its hosts at the local app, the platform state the fake CLIs start from, and what
// the run must show. A new example without one fails here ("no stand-in setup for …").
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { arch, tmpdir } from 'node:os'
import { join } from 'node:path'
import { HEALTHY_BODY, startFakeApp } from '../fakes/fake-app.mjs'
import {
  describeTrace,
  runWorkflowFile,
  type RunWorkflowOptions,
  type StepTrace,
  type WorkflowTrace,
} from '../support/workflow-runner.mjs'
import { fakeBin, FakeClis } from '../fakes/fake-cli.js'
import { FakeGitHubApi } from '../fakes/github-api.js'
import { busyHistory, loadInto } from '../deploy-report/history-fixture.js'
import { FakePagerDuty } from '../fakes/pagerduty-api.js'
import { FakePrometheus, vector } from '../fakes/prometheus-api.js'
import { Receiver } from '../fakes/notify-receivers.js'
import { parseMail, type ReceivedMail } from '../fakes/smtp-receiver.js'
import { SMTPServer } from 'smtp-server'
import type { AddressInfo } from 'node:net'
import { createServer } from 'node:http'
import { FakeNpmRegistry } from '../setup/servers.js'

const root = new URL('../..', import.meta.url).pathname
const examplesDir = join(root, 'workflows-examples')
const providerFixtures = join(root, '__tests__', 'fixtures', 'providers')
const tlsDir = join(root, '__tests__', 'fixtures', 'tls')
/** The CA a bundle must trust to reach the local SMTP server over STARTTLS. */
const SMTP_CA = join(tlsDir, 'cert.pem')
const examples = readdirSync(examplesDir)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort()

/** The versions the tool cache holds, and what "latest" resolves to through the stand-ins. */
const FLYCTL_VERSION = '0.3.200'
const WRANGLER_VERSION = '4.86.0'
const VERCEL_VERSION = '60.1.3'
const RAILWAY_VERSION = '4.10.0'

/** One body that satisfies every example's JSON assertions. */
const APP_BODY = { ...HEALTHY_BODY, ok: true, database: 'ok', r2: 'ok' }

interface StandIns {
  api: FakeGitHubApi
  app: Awaited<ReturnType<typeof startFakeApp>>
  slack: Receiver
  /** PagerDuty's Events API, accepting seed 004's routing key only. */
  pagerduty: FakePagerDuty
  smtp: Awaited<ReturnType<typeof startSmtpWithStartTls>>
  railway: Awaited<ReturnType<typeof startRailwayApi>>
  /** Prometheus' query API: the share of failed answers the analysis asks for. */
  prometheus: FakePrometheus
  clis: FakeClis
  registry: FakeNpmRegistry
  toolCache: string
  /** Whether the app answers a path healthy (the scenario may tie it to the platform's state). */
  healthy: (path: string) => boolean
  /** GITHUB_WORKSPACE: what the stubbed checkout would have left (folders an example cds into). */
  workspace: string
}

interface Scenario {
  /** What this run of the example shows. */
  name: string
  eventName?: string
  /** The webhook payload (github.event) and github context values (ref, sha …). */
  event?: Record<string, unknown>
  github?: Record<string, string>
  inputs?: Record<string, string>
  /** More runner environment (FLIGHTDECK_NOW for time gates). */
  env?: Record<string, string>
  secrets?: (s: StandIns) => Record<string, string>
  vars?: Record<string, string>
  /** Example URL (origin) → local stand-in URL, applied to flightdeck steps' inputs and env. */
  rewrite: (s: StandIns) => Record<string, string>
  stubs?: Record<string, string>
  overrides?: (s: StandIns) => Record<string, string>
  /** Platform state and app behaviour before the run. */
  prepare?: (s: StandIns) => void
  conclusion: 'success' | 'failure'
  /** `job › step` of every step the run does not execute. */
  stubbed: string[]
  check: (trace: WorkflowTrace, s: StandIns) => void
}

// ---------------------------------------------------------------------------------------------
// Platform states the fake CLIs start from

interface FlyRelease {
  Version: number
  Status: string
  ImageRef: string
}

const flyReleases = () =>
  JSON.parse(readFileSync(join(providerFixtures, 'fly/releases.json'), 'utf8')) as FlyRelease[]

/** A Fly app with the fixture's releases (v42 serving, v40 the last good one before it). */
function flyApp(s: StandIns, ...names: string[]) {
  s.clis.setState('flyctl', {
    apps: Object.fromEntries(
      names.map((name) => [name, { org: 'acme', releases: flyReleases(), secrets: {} }]),
    ),
  })
}

/** The image of the release that serves a Fly app now (the newest complete one). */
function flyServingImage(s: StandIns, app: string): string | undefined {
  const state = s.clis.state<{ apps: Record<string, { releases: FlyRelease[] }> }>('flyctl')
  return state.apps[app]?.releases.find((release) => release.Status === 'complete')?.ImageRef
}

function cloudflareWorker(s: StandIns, name: string) {
  const read = (file: string) =>
    JSON.parse(readFileSync(join(providerFixtures, 'cloudflare', file), 'utf8')) as unknown
  s.clis.setState('wrangler', {
    workers: {
      [name]: {
        versions: read('versions-list.json'),
        deployments: read('deployments-list.json'),
        secrets: {},
      },
    },
  })
}

// ---------------------------------------------------------------------------------------------
// Helpers for the checks

const flightdeckSteps = (trace: WorkflowTrace) =>
  trace.steps
    .filter((step) => step.kind !== 'stubbed')
    .map((step) => `${step.job} › ${step.key} [${step.action ?? 'run'}] ${step.outcome}`)

function stepOf(trace: WorkflowTrace, job: string, key: string): StepTrace {
  const found = trace.steps.find((step) => step.job === job && step.key === key)
  if (!found) throw new Error(`no step ${job} › ${key} in the trace`)
  return found
}

// The setup action as every example calls it (for whichever platform's CLI).
const SETUP_ACTION = 'flightdeck-actions/flightdeck/actions/setup@v1'
// The reusable workflows run setup (and every action) from their checkout of flightdeck at the
// workflow's own commit, which their first step (id flightdeck) makes.
const CHECKED_OUT_SETUP = './../__flightdeck__/actions/setup'

const seed000Secrets = (s: StandIns) => ({
  FLY_API_TOKEN: 'fly-token-0123456789',
  FLY_ORG_TOKEN: 'fly-org-token-0123456789',
  SLACK_WEBHOOK_URL: s.slack.url,
})

const SEED000_TESTS = [
  'test › actions/checkout@v4 (actions/checkout@v4)',
  'test › actions/setup-node@v4 (actions/setup-node@v4)',
  'test › corepack enable',
  'test › pnpm install --frozen-lockfile',
  'test › pnpm test',
  'test › pnpm build',
]

function pullRequest(state: 'open' | 'closed') {
  return {
    number: 7,
    state,
    updated_at: '2026-12-01T10:00:00Z',
    head: { ref: 'feature/login', sha: 'ffac537e6cbbf934b08745a378932722df287a53' },
  }
}

function pullRequestEvent(action: 'opened' | 'closed') {
  return {
    action,
    number: 7,
    pull_request: {
      ...pullRequest(action === 'closed' ? 'closed' : 'open'),
      merged: action === 'closed',
      base: { ref: 'main' },
    },
    repository: { full_name: 'acme/shop', name: 'shop', owner: { login: 'acme' } },
  }
}

/** GitHub answers: every check run and commit status of the commit has passed. */
function checksGreen(s: StandIns) {
  s.api.on((request) => {
    if (request.route === 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs') {
      const run = {
        id: 7,
        name: 'test',
        status: 'completed',
        conclusion: 'success',
        head_sha: 'ffac537e6cbbf934b08745a378932722df287a53',
        details_url: 'https://github.com/acme/shop/actions/runs/1/job/2',
      }
      return { status: 200, body: { total_count: 1, check_runs: [run] } }
    }
    if (request.route === 'GET /repos/{owner}/{repo}/commits/{ref}/statuses') {
      return { status: 200, body: [] }
    }
    return undefined
  })
}

/** Seed 002's stand-ins: production and staging on the local app, Gmail's SMTP on the local receiver. */
const seed002 = {
  eventName: 'workflow_dispatch',
  secrets: () => ({
    FLY_API_TOKEN: 'fly-token-0123456789',
    NOTIFICATION_EMAIL_USERNAME: 'deploys@hotrodan.com',
    NOTIFICATION_EMAIL_PASSWORD: 'app-password-0123',
  }),
  rewrite: (s: StandIns) => ({
    'https://hotdash-staging.fly.dev': `${s.app.origin}/staging`,
    'https://hotdash-production.fly.dev': s.app.origin,
    'smtp.gmail.com': s.smtp.host,
  }),
  env: { NODE_EXTRA_CA_CERTS: SMTP_CA },
  // deploy.yml passes smtp-port empty (the default port); the receiver listens elsewhere.
  overrides: (s: StandIns) => ({ 'production/deploy.notify.smtp-port': String(s.smtp.port) }),
  prepare: (s: StandIns) => {
    flyApp(s, 'hotdash-production')
    checksGreen(s)
  },
  stubbed: ['production/deploy › actions/checkout@v4 (actions/checkout@v4)'],
}

/** The routing key seed 004's PAGERDUTY_ROUTING_KEY holds, the only one the stand-in accepts. */
const SEED004_PAGERDUTY_KEY = 'R0123456789abcdef0123456789abcde'

/** Seed 004's settings: the four secrets and three variables its header lists. */
const seed004 = {
  secrets: (s: StandIns) => ({
    RAILWAY_TOKEN: 'railway-project-token-0123',
    VERCEL_TOKEN: 'vercelToken0123456789',
    PAGERDUTY_ROUTING_KEY: SEED004_PAGERDUTY_KEY,
    SLACK_WEBHOOK_URL: s.slack.url,
    PROMETHEUS_URL: s.prometheus.url,
  }),
  vars: {
    RAILWAY_API_SERVICE_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    RAILWAY_STAGING_ENVIRONMENT_ID: '11111111-2222-4333-8444-555555555555',
    RAILWAY_PRODUCTION_ENVIRONMENT_ID: '66666666-7777-4888-9999-000000000000',
  },
}

/** An example's analysis window, shortened for a test run of a step (`<job>.<step>`). */
const SHORT_ANALYSIS = (step: string): Record<string, string> => ({
  [`${step}.analysis-duration`]: '1s',
  [`${step}.analysis-interval`]: '100ms',
})

/** Seed 004's production run: the hosts of its production URLs, and PagerDuty, on stand-ins. */
const seed004Production = {
  ...seed004,
  eventName: 'workflow_dispatch',
  rewrite: (s: StandIns) => ({
    'https://api.flightpro.com': `${s.app.origin}/api`,
    'https://app.flightpro.com': `${s.app.origin}/web`,
    'https://events.pagerduty.com': s.pagerduty.url,
  }),
  // deploy.yml passes api-url empty (Railway's own backboard): the stand-in answers instead.
  overrides: (s: StandIns): Record<string, string> => ({
    'production-api/deploy.deploy.api-url': s.railway.url,
    // The example watches 5 minutes at one measurement every 10 s: here 1 s at 100 ms.
    ...SHORT_ANALYSIS('production-api/deploy.deploy'),
  }),
  stubbed: [
    'production-api/deploy › actions/checkout@v4 (actions/checkout@v4)',
    'production-web/deploy › actions/checkout@v4 (actions/checkout@v4)',
  ],
}

/** The Vercel project flightpro-web, with the production deployments of the fixture's list. */
function vercelProject(s: StandIns, deployments: 'none' | 'fixture') {
  const list = JSON.parse(readFileSync(join(providerFixtures, 'vercel/list.json'), 'utf8')) as {
    contextName: string
    deployments: unknown[]
  }
  s.clis.setState('vercel', {
    contextName: list.contextName,
    projects: {
      'flightpro-web': {
        id: 'prj_FlightProWeb000000000000',
        deployments: deployments === 'fixture' ? list.deployments : [],
        env: [],
      },
    },
  })
}

// ---------------------------------------------------------------------------------------------
// One entry per example

const SETUPS: Record<string, Scenario[]> = {
  'deploy-fly-with-health-check.yml': [
    {
      name: 'installs flyctl and checks the token, proves both URLs healthy with the bearer header',
      secrets: () => ({ FLY_API_TOKEN: 'fly-token-0123456789', HEALTH_TOKEN: 'health-token-0123' }),
      rewrite: (s) => ({ 'https://my-app.fly.dev': s.app.origin }),
      conclusion: 'success',
      stubbed: [
        'deploy › actions/checkout@v4 (actions/checkout@v4)',
        'deploy › flyctl deploy --remote-only',
        'deploy › Report',
      ],
      check: (trace, s) => {
        expect(flightdeckSteps(trace)).toEqual([
          `deploy › ${SETUP_ACTION} [setup] success`,
          'deploy › health [health-check] success',
        ])
        expect(stepOf(trace, 'deploy', SETUP_ACTION).outputs.versions).toBe(
          JSON.stringify({ flyctl: FLYCTL_VERSION }),
        )
        // The token was checked with the installed flyctl, then handed to later steps.
        const whoami = s.clis
          .calls('flyctl')
          .find((call) => call.args.slice(0, 2).join(' ') === 'auth whoami')
        expect(whoami?.env.FLY_API_TOKEN).toBe('fly-token-0123456789')
        expect(stepOf(trace, 'deploy', 'health').inputs?.url).toBe(
          `${s.app.origin}/health\n${s.app.origin}/api/ready\n`,
        )
        const ready = s.app.requests.filter((request) => request.path === '/api/ready')
        expect(ready.length).toBeGreaterThanOrEqual(2) // success-threshold: 2
        expect(ready[0]?.headers.authorization).toBe('Bearer health-token-0123')
        expect(stepOf(trace, 'deploy', 'Report').env).toEqual({
          HEALTHY: 'true',
          DURATION_MS: expect.stringMatching(/^\d+$/),
        })
      },
    },
  ],

  'rollback-fly.yml': [
    {
      name: 'a healthy release: no rollback',
      secrets: () => ({ FLY_API_TOKEN: 'fly-token-0123456789' }),
      rewrite: (s) => ({ 'https://my-app.fly.dev': s.app.origin }),
      prepare: (s) => flyApp(s, 'my-app'),
      conclusion: 'success',
      stubbed: [
        'deploy › actions/checkout@v4 (actions/checkout@v4)',
        'deploy › flyctl deploy --remote-only',
      ],
      check: (trace, s) => {
        expect(flightdeckSteps(trace)).toEqual([
          `deploy › ${SETUP_ACTION} [setup] success`,
          'deploy › health [health-check] success',
          'deploy › flightdeck-actions/flightdeck/actions/rollback@v1 [rollback] skipped',
          'deploy › exit 1 [run] skipped',
        ])
        expect(s.clis.calls('flyctl').filter((call) => call.args[0] === 'deploy')).toEqual([])
      },
    },
    {
      name: 'a broken release: rolled back to the last good image in the same job, proven healthy',
      secrets: () => ({ FLY_API_TOKEN: 'fly-token-0123456789' }),
      rewrite: (s) => ({ 'https://my-app.fly.dev': s.app.origin }),
      // The broken release never turns healthy: the example's 2m would only make this slow.
      overrides: () => ({ 'deploy.health.timeout': '2s', 'deploy.health.interval': '200ms' }),
      // The example's last step fails the job when the release was unhealthy.
      stubs: { 'exit 1.outcome': 'failure' },
      prepare: (s) => {
        flyApp(s, 'my-app')
        const broken = flyReleases()[0]?.ImageRef
        s.healthy = () => flyServingImage(s, 'my-app') !== broken
      },
      conclusion: 'failure',
      stubbed: [
        'deploy › actions/checkout@v4 (actions/checkout@v4)',
        'deploy › flyctl deploy --remote-only',
        'deploy › exit 1',
      ],
      check: (trace, s) => {
        expect(flightdeckSteps(trace)).toEqual([
          `deploy › ${SETUP_ACTION} [setup] success`,
          'deploy › health [health-check] success',
          'deploy › flightdeck-actions/flightdeck/actions/rollback@v1 [rollback] success',
          'deploy › post flightdeck-actions/flightdeck/actions/rollback@v1 [rollback] success',
        ])
        expect(stepOf(trace, 'deploy', 'health').outputs.healthy).toBe('false')
        const rollback = stepOf(
          trace,
          'deploy',
          'flightdeck-actions/flightdeck/actions/rollback@v1',
        )
        expect(rollback.outputs).toMatchObject({ 'rolled-back': 'true', healthy: 'true' })
        const deploys = s.clis.calls('flyctl').filter((call) => call.args[0] === 'deploy')
        expect(deploys).toHaveLength(1)
        // v40, the last good one
        expect(deploys[0]?.args).toContain(`--image=${flyReleases()[2]?.ImageRef}`)
        expect(deploys[0]?.env.FLY_API_TOKEN).toBe('fly-token-0123456789')
        // Recorded as a GitHub Deployment of production.
        expect(s.api.calls('POST /repos/{owner}/{repo}/deployments')).toHaveLength(1)
      },
    },
  ],

  'rollback-manual.yml': [
    {
      name: 'a button: rolls the Worker back to the previous version with the reason given',
      eventName: 'workflow_dispatch',
      inputs: { reason: 'error rate above 5%' },
      secrets: () => ({
        CLOUDFLARE_API_TOKEN: 'cf-token-0123456789',
        CLOUDFLARE_ACCOUNT_ID: '0123456789abcdef0123456789abcdef',
      }),
      rewrite: (s) => ({ 'https://shop.example.com': s.app.origin }),
      prepare: (s) => cloudflareWorker(s, 'shop-worker'),
      conclusion: 'success',
      stubbed: ['rollback › echo "from $FROM to $TO"'],
      check: (trace, s) => {
        expect(flightdeckSteps(trace)).toEqual([
          `rollback › ${SETUP_ACTION} [setup] success`,
          'rollback › rollback [rollback] success',
          'rollback › post rollback [rollback] success',
        ])
        const rollback = stepOf(trace, 'rollback', 'rollback')
        expect(rollback.inputs).toMatchObject({
          to: 'previous',
          reason: 'error rate above 5%',
          'dry-run': 'false',
          'health-url': `${s.app.origin}/health`,
        })
        expect(rollback.outputs['rolled-back']).toBe('true')
        const echo = stepOf(trace, 'rollback', 'echo "from $FROM to $TO"')
        expect(echo.env).toEqual({
          FROM: rollback.outputs['from-release'],
          TO: rollback.outputs['to-release'],
        })
        expect(echo.env?.FROM).not.toBe(echo.env?.TO)
        const wrangler = s.clis.calls('wrangler').find((call) => call.args[0] === 'rollback')
        expect(wrangler?.env.CLOUDFLARE_API_TOKEN).toBe('cf-token-0123456789')
        expect(s.api.calls('POST /repos/{owner}/{repo}/deployments')).toHaveLength(1)
      },
    },
  ],

  'fly-staging-production-previews.yml': [
    {
      name: 'a push to main: tests stubbed, production deployed through deploy.yml, Slack told',
      secrets: (s) => ({
        FLY_API_TOKEN: 'fly-token-0123456789',
        FLY_ORG_TOKEN: 'fly-org-token-0123456789',
        SLACK_WEBHOOK_URL: s.slack.url,
      }),
      github: { ref: 'refs/heads/main', ref_name: 'main' },
      rewrite: (s) => ({ 'https://kaiwa-v2.fly.dev': s.app.origin }),
      prepare: (s) => flyApp(s, 'kaiwa-v2', 'kaiwa-v2-staging'),
      conclusion: 'success',
      stubbed: [
        'test › actions/checkout@v4 (actions/checkout@v4)',
        'test › actions/setup-node@v4 (actions/setup-node@v4)',
        'test › corepack enable',
        'test › pnpm install --frozen-lockfile',
        'test › pnpm test',
        'test › pnpm build',
        'production/deploy › actions/checkout@v4 (actions/checkout@v4)',
      ],
      check: (trace, s) => {
        expect(trace.jobs.map((job) => [job.id, job.result])).toEqual([
          ['test', 'success'],
          ['production', 'success'],
          ['staging', 'skipped'],
          ['preview', 'skipped'],
        ])
        expect(flightdeckSteps(trace)).toEqual([
          'production/deploy › flightdeck [run] success',
          `production/deploy › ${CHECKED_OUT_SETUP} [setup] success`,
          'production/deploy › Export deploy-env [run] success',
          'production/deploy › deploy [gated-deploy] success',
          'production/deploy › notify [notify] success',
          'production/deploy › page [notify] skipped',
          'production/deploy › post deploy [gated-deploy] success',
        ])
        expect(trace.jobs[1]?.outputs).toMatchObject({ status: 'deployed', 'rolled-back': 'false' })
        const deploys = s.clis.calls('flyctl').filter((call) => call.args[0] === 'deploy')
        expect(deploys).toHaveLength(1)
        expect(deploys[0]?.args).toContain('--app=kaiwa-v2')
        expect(deploys[0]?.env.FLY_API_TOKEN).toBe('fly-token-0123456789')
        expect(s.app.requests.some((request) => request.path === '/health')).toBe(true)
        expect(s.api.calls('POST /repos/{owner}/{repo}/deployments')).toHaveLength(1)
        expect(s.slack.requests).toHaveLength(1)
        expect(s.slack.problems).toEqual([])
      },
    },
    {
      name: 'a push to develop: tests stubbed, staging deployed through deploy.yml, Slack told',
      secrets: seed000Secrets,
      github: { ref: 'refs/heads/develop', ref_name: 'develop' },
      rewrite: (s) => ({ 'https://kaiwa-v2-staging.fly.dev': s.app.origin }),
      prepare: (s) => flyApp(s, 'kaiwa-v2', 'kaiwa-v2-staging'),
      conclusion: 'success',
      stubbed: [...SEED000_TESTS, 'staging/deploy › actions/checkout@v4 (actions/checkout@v4)'],
      check: (trace, s) => {
        expect(trace.jobs.map((job) => [job.id, job.result])).toEqual([
          ['test', 'success'],
          ['production', 'skipped'],
          ['staging', 'success'],
          ['preview', 'skipped'],
        ])
        expect(flightdeckSteps(trace)).toEqual([
          'staging/deploy › flightdeck [run] success',
          `staging/deploy › ${CHECKED_OUT_SETUP} [setup] success`,
          'staging/deploy › Export deploy-env [run] success',
          'staging/deploy › deploy [gated-deploy] success',
          'staging/deploy › notify [notify] success',
          'staging/deploy › page [notify] skipped',
          'staging/deploy › post deploy [gated-deploy] success',
        ])
        expect(stepOf(trace, 'staging/deploy', 'deploy').inputs).toMatchObject({
          provider: 'fly',
          app: 'kaiwa-v2-staging',
          environment: 'staging',
          'health-url': `${s.app.origin}/health`,
          'health-json-assertions': 'status == healthy',
        })
        expect(trace.jobs[2]?.outputs).toMatchObject({ status: 'deployed', 'rolled-back': 'false' })
        // Only the staging app was deployed, with the deploy token.
        const deploys = s.clis.calls('flyctl').filter((call) => call.args[0] === 'deploy')
        expect(deploys).toHaveLength(1)
        expect(deploys[0]?.args).toContain('--app=kaiwa-v2-staging')
        expect(deploys[0]?.env.FLY_API_TOKEN).toBe('fly-token-0123456789')
        expect(s.app.requests.some((request) => request.path === '/health')).toBe(true)
        expect(s.api.calls('POST /repos/{owner}/{repo}/deployments').map((r) => r.body)).toEqual([
          expect.objectContaining({ environment: 'staging' }),
        ])
        expect(s.slack.requests).toHaveLength(1)
        expect(s.slack.problems).toEqual([])
        expect(s.slack.requests[0]?.raw).toContain('staging')
      },
    },
    {
      name: 'a pull request opened: a live kaiwa-v2-pr-7 app, health-checked, one sticky comment',
      eventName: 'pull_request',
      event: pullRequestEvent('opened'),
      github: { ref: 'refs/pull/7/merge', ref_name: '7/merge', head_ref: 'feature/login' },
      secrets: seed000Secrets,
      rewrite: () => ({}),
      // preview-app makes the preview's URL itself (https://kaiwa-v2-pr-7.fly.dev) from the app
      // name, out of reach of any input rewrite: its health-url points at the local app instead.
      overrides: (s) => ({ 'preview/preview.preview.health-url': `${s.app.origin}/health` }),
      prepare: (s) => {
        flyApp(s, 'kaiwa-v2')
        s.api.pulls.set(7, pullRequest('open'))
      },
      conclusion: 'success',
      stubbed: [...SEED000_TESTS, 'preview/preview › actions/checkout@v4 (actions/checkout@v4)'],
      check: (trace, s) => {
        expect(trace.jobs.map((job) => [job.id, job.result])).toEqual([
          ['test', 'success'],
          ['production', 'skipped'],
          ['staging', 'skipped'],
          ['preview', 'success'],
        ])
        expect(trace.jobs[3]?.outputs).toMatchObject({
          app: 'kaiwa-v2-pr-7',
          'action-taken': 'deployed',
        })
        const created = s.clis
          .calls('flyctl')
          .find((call) => call.args.join(' ').startsWith('apps create'))
        expect(created?.args).toContain('--name=kaiwa-v2-pr-7')
        expect(created?.env.FLY_API_TOKEN).toBe('fly-org-token-0123456789')
        expect(s.api.comments.get(7)).toHaveLength(1)
        expect(s.app.requests.some((request) => request.path === '/health')).toBe(true)
      },
    },
    {
      name: 'the pull request closed: the tests are skipped, the preview app destroyed, the comment updated',
      eventName: 'pull_request',
      event: pullRequestEvent('closed'),
      github: { ref: 'refs/pull/7/merge', ref_name: '7/merge', head_ref: 'feature/login' },
      secrets: seed000Secrets,
      rewrite: () => ({}),
      prepare: (s) => {
        flyApp(s, 'kaiwa-v2', 'kaiwa-v2-pr-7')
        s.api.pulls.set(7, pullRequest('closed'))
      },
      conclusion: 'success',
      stubbed: [],
      check: (trace, s) => {
        expect(trace.jobs.map((job) => [job.id, job.result])).toEqual([
          ['test', 'skipped'],
          ['production', 'skipped'],
          ['staging', 'skipped'],
          ['preview', 'success'],
        ])
        expect(trace.jobs[3]?.outputs['action-taken']).toBe('destroyed')
        expect(s.clis.state<{ apps: Record<string, unknown> }>('flyctl').apps).not.toHaveProperty(
          'kaiwa-v2-pr-7',
        )
      },
    },
  ],

  'cloudflare-workers.yml': [
    {
      name: 'a push to main: the Worker deployed through deploy.yml, proven healthy, Slack told',
      secrets: (s) => ({
        CLOUDFLARE_API_TOKEN: 'cf-token-0123456789',
        SLACK_WEBHOOK_URL: s.slack.url,
      }),
      vars: { CLOUDFLARE_ACCOUNT_ID: '0123456789abcdef0123456789abcdef' },
      rewrite: (s) => ({ 'https://api.your-domain.com': s.app.origin }),
      overrides: () => SHORT_ANALYSIS('production/deploy.deploy'),
      prepare: (s) => cloudflareWorker(s, 'kikaku-os-api'),
      conclusion: 'success',
      stubbed: [
        'test › actions/checkout@v4 (actions/checkout@v4)',
        'test › actions/setup-node@v4 (actions/setup-node@v4)',
        'test › npm ci',
        'test › npm test',
        'production/deploy › actions/checkout@v4 (actions/checkout@v4)',
        'smoke › actions/checkout@v4 (actions/checkout@v4)',
        'smoke › ./scripts/smoke-test-prod.sh',
      ],
      check: (trace, s) => {
        expect(trace.jobs.map((job) => [job.id, job.result])).toEqual([
          ['test', 'success'],
          ['production', 'success'],
          ['smoke', 'success'],
        ])
        expect(flightdeckSteps(trace)).toEqual([
          'production/deploy › flightdeck [run] success',
          `production/deploy › ${CHECKED_OUT_SETUP} [setup] success`,
          'production/deploy › Export deploy-env [run] success',
          'production/deploy › deploy [gated-deploy] success',
          'production/deploy › notify [notify] success',
          'production/deploy › page [notify] skipped',
          'production/deploy › post deploy [gated-deploy] success',
        ])
        expect(stepOf(trace, 'production/deploy', 'deploy').inputs).toMatchObject({
          provider: 'cloudflare',
          app: 'kikaku-os-api',
          'account-id': '0123456789abcdef0123456789abcdef',
          'health-url': `${s.app.origin}/health`,
          'health-json-assertions': 'ok == true\ndatabase == ok\nr2 == ok\n',
        })
        // Traffic steps: the new Version uploaded without traffic, then 0% (probed alone through
        // the version override), 10%, 50% and 100%, each step watched; never a plain deploy.
        const wrangler = s.clis.calls('wrangler')
        const upload = wrangler.find((call) => call.args.join(' ').startsWith('versions upload'))
        expect(upload?.env).toMatchObject({
          CLOUDFLARE_API_TOKEN: 'cf-token-0123456789',
          CLOUDFLARE_ACCOUNT_ID: '0123456789abcdef0123456789abcdef',
        })
        expect(wrangler.filter((call) => call.args[0] === 'deploy')).toEqual([])
        const shares = wrangler
          .filter((call) => call.args.join(' ').startsWith('versions deploy'))
          .map((call) =>
            call.args.filter((arg) => /@\d+$/.test(arg)).map((arg) => arg.split('@')[1]),
          )
        expect(shares).toEqual([['0', '100'], ['10', '90'], ['50', '50'], ['100']])
        expect(trace.jobs[1]?.outputs.status).toBe('deployed')
        expect(trace.jobs[1]?.outputs['traffic-step']).toBe('100%')
        const analysis = JSON.parse(trace.jobs[1]?.outputs.analysis ?? '{}') as {
          verdict?: string
          steps?: Array<{ percent: number; verdict: string }>
        }
        expect(analysis.verdict).toBe('pass')
        expect(analysis.steps?.map((step) => step.percent)).toEqual([10, 50, 100])
        expect(s.api.calls('POST /repos/{owner}/{repo}/deployments')).toHaveLength(1)
        expect(s.slack.requests).toHaveLength(1)
        expect(s.slack.problems).toEqual([])
      },
    },
  ],

  'two-fly-apps.yml': [
    {
      name: 'a push to main: the backend, then the frontend, each deployed from its folder and proven healthy',
      secrets: (s) => ({ FLY_API_TOKEN: 'fly-token-0123456789', SLACK_WEBHOOK_URL: s.slack.url }),
      rewrite: (s) => ({
        'https://nuzantara-rag.fly.dev': s.app.origin,
        'https://nuzantara-mouth.fly.dev': s.app.origin,
      }),
      prepare: (s) => {
        flyApp(s, 'nuzantara-rag', 'nuzantara-mouth')
        for (const dir of ['apps/backend-rag', 'apps/mouth']) {
          mkdirSync(join(s.workspace, dir), { recursive: true })
        }
      },
      conclusion: 'success',
      stubbed: [
        'test › actions/checkout@v4 (actions/checkout@v4)',
        'test › docker build apps/backend-rag',
        'test › docker build apps/mouth',
        'backend/deploy › actions/checkout@v4 (actions/checkout@v4)',
        'frontend/deploy › actions/checkout@v4 (actions/checkout@v4)',
      ],
      check: (trace, s) => {
        expect(trace.jobs.map((job) => [job.id, job.result, job.outputs.status])).toEqual([
          ['test', 'success', undefined],
          ['backend', 'success', 'deployed'],
          ['frontend', 'success', 'deployed'],
        ])
        const deploys = s.clis.calls('flyctl').filter((call) => call.args[0] === 'deploy')
        expect(deploys.map((call) => call.args.find((arg) => arg.startsWith('--app=')))).toEqual([
          '--app=nuzantara-rag',
          '--app=nuzantara-mouth',
        ])
        expect(deploys.every((call) => call.args.includes('--strategy=rolling'))).toBe(true)
        expect(s.api.calls('POST /repos/{owner}/{repo}/deployments').map((r) => r.body)).toEqual([
          expect.objectContaining({ environment: 'production-rag' }),
          expect.objectContaining({ environment: 'production-mouth' }),
        ])
        expect(s.slack.requests).toHaveLength(2)
        expect(s.slack.problems).toEqual([])
      },
    },
  ],

  'weekly-delivery-report.yml': [
    {
      name: "Monday's report of last week: figures in the summary, headline figures to Slack",
      eventName: 'schedule',
      secrets: (s) => ({ SLACK_WEBHOOK_URL: s.slack.url }),
      rewrite: () => ({}),
      prepare: (s) => {
        const end = Date.now() - 60_000
        loadInto(s.api, busyHistory({ deployments: 40, commits: 90, days: 7, end }))
      },
      conclusion: 'success',
      stubbed: [],
      check: (trace, s) => {
        expect(flightdeckSteps(trace)).toEqual([
          'report/report › flightdeck [run] success',
          'report/report › report [deploy-report] success',
          'report/report › message [run] success',
          'report/report › notify [notify] success',
        ])
        const report = stepOf(trace, 'report/report', 'report')
        expect(Number(report.outputs.deployments)).toBeGreaterThan(30)
        expect(report.outputs['success-rate']).toMatch(/^\d+(\.\d+)?$/)
        expect(trace.jobs[0]?.outputs['lead-time-hours']).toMatch(/^\d+(\.\d+)?$/)
        expect(stepOf(trace, 'report/report', 'message').outputs.message).toMatch(
          /^production: \d+ deployments, [\d.]+ a week, lead time [\d.]+ h,/,
        )
        expect(stepOf(trace, 'report/report', 'message').outputs.message).toMatch(
          /\nstaging: 0 deployments, 0 a week, lead time - h/,
        )
        expect(s.slack.requests).toHaveLength(1)
        expect(s.slack.problems).toEqual([])
      },
    },
  ],

  'two-fly-apps-monitor.yml': [
    {
      name: 'the hourly check: one app down, so Slack is told which',
      eventName: 'schedule',
      secrets: (s) => ({ SLACK_WEBHOOK_URL: s.slack.url }),
      rewrite: (s) => ({
        'https://nuzantara-rag.fly.dev': s.app.origin,
        'https://nuzantara-mouth.fly.dev': `${s.app.origin}/mouth`,
      }),
      // The down app never recovers: the example's 3m would only make this slow.
      overrides: () => ({ 'production/monitor.health.timeout': '2s' }),
      prepare: (s) => {
        s.healthy = (path) => path !== '/mouth/'
      },
      conclusion: 'failure',
      stubbed: [
        'production/monitor › actions/cache/restore@v4 (actions/cache/restore@v4)',
        'production/monitor › actions/cache/save@v4 (actions/cache/save@v4)',
      ],
      check: (trace, s) => {
        expect(flightdeckSteps(trace)).toEqual([
          'production/monitor › flightdeck [run] success',
          'production/monitor › health [health-check] failure',
          'production/monitor › state [run] success',
          'production/monitor › notify [notify] success',
        ])
        expect(stepOf(trace, 'production/monitor', 'state').outputs).toMatchObject({
          changed: 'true',
          status: 'failure',
          title: 'nuzantara production is unhealthy',
        })
        expect(s.slack.requests).toHaveLength(1)
        expect(s.slack.problems).toEqual([])
        expect(s.slack.requests[0]?.raw).toContain('/mouth/')
      },
    },
  ],

  'fly-business-hours.yml': [
    {
      ...seed002,
      name: 'Tuesday 10:00 in Los Angeles, checks green, staging healthy: deployed, e-mail sent',
      env: { ...seed002.env, FLIGHTDECK_NOW: '2026-12-01T10:00:00-08:00' },
      conclusion: 'success',
      check: (trace, s) => {
        expect(flightdeckSteps(trace)).toEqual([
          'production/deploy › flightdeck [run] success',
          `production/deploy › ${CHECKED_OUT_SETUP} [setup] success`,
          'production/deploy › Export deploy-env [run] success',
          'production/deploy › deploy [gated-deploy] success',
          'production/deploy › notify [notify] success',
          'production/deploy › page [notify] skipped',
          'production/deploy › post deploy [gated-deploy] success',
        ])
        expect(trace.jobs[0]?.outputs.status).toBe('deployed')
        const deploys = s.clis.calls('flyctl').filter((call) => call.args[0] === 'deploy')
        expect(deploys).toHaveLength(1)
        expect(deploys[0]?.args).toEqual(
          expect.arrayContaining(['--app=hotdash-production', '--config=fly.production.toml']),
        )
        // require-healthy probed staging before the deploy; health-url probed production after.
        expect(s.app.requests.some((request) => request.path === '/staging/health')).toBe(true)
        expect(s.app.requests.some((request) => request.path === '/health')).toBe(true)
        expect(s.smtp.logins).toEqual([
          { username: 'deploys@hotrodan.com', password: 'app-password-0123', secure: true },
        ])
        expect(s.smtp.mails).toHaveLength(1)
        expect(s.smtp.mails[0]).toMatchObject({
          from: 'deploys@hotrodan.com',
          to: ['justin@hotrodan.com'],
        })
      },
    },
    {
      ...seed002,
      name: 'Friday 18:00 in Los Angeles: blocked by the deploy window before any platform call, e-mail says so',
      env: { ...seed002.env, FLIGHTDECK_NOW: '2026-12-04T18:00:00-08:00' },
      conclusion: 'failure',
      check: (trace, s) => {
        expect(trace.jobs[0]?.outputs).toMatchObject({
          status: 'blocked',
          'blocked-by': expect.stringMatching(/^deploy-window: Fri 18:00 America\/Los_Angeles/),
        })
        expect(s.clis.calls('flyctl').filter((call) => call.args[0] === 'deploy')).toEqual([])
        expect(s.smtp.mails).toHaveLength(1)
        expect(s.smtp.mails[0]?.text).toMatch(/deploy-window/)
      },
    },
  ],
  'vercel-railway-freeze.yml': [
    {
      ...seed004,
      name: 'a push to staging: the Railway API deployed, then the Vercel web app, both proven healthy',
      github: { ref: 'refs/heads/staging', ref_name: 'staging' },
      rewrite: (s) => ({
        'https://api-staging.flightpro.com': `${s.app.origin}/api`,
        'https://app-staging.flightpro.com': `${s.app.origin}/web`,
      }),
      // deploy.yml passes api-url empty (Railway's own backboard): the stand-in answers instead.
      overrides: (s) => ({ 'staging-api/deploy.deploy.api-url': s.railway.url }),
      prepare: (s) => vercelProject(s, 'none'),
      conclusion: 'success',
      stubbed: [
        'staging-api/deploy › actions/checkout@v4 (actions/checkout@v4)',
        'staging-web/deploy › actions/checkout@v4 (actions/checkout@v4)',
      ],
      check: (trace, s) => {
        expect(trace.jobs.map((job) => [job.id, job.result, job.outputs.status])).toEqual([
          ['staging-api', 'success', 'deployed'],
          ['staging-web', 'success', 'deployed'],
          ['production-api', 'skipped', undefined],
          ['production-web', 'skipped', undefined],
        ])
        const up = s.clis.calls('railway').find((call) => call.args[0] === 'up')
        expect(up?.env.RAILWAY_TOKEN).toBe('railway-project-token-0123')
        // The releases before the deploy, and after it.
        expect(s.railway.operations).toEqual(['flightdeckDeployments', 'flightdeckDeployments'])
        const deploy = s.clis.calls('vercel').find((call) => call.args.includes('deploy'))
        expect(deploy?.env.VERCEL_TOKEN).toBe('vercelToken0123456789')
        expect(s.app.requests.some((request) => request.path === '/api/health')).toBe(true)
        expect(s.app.requests.some((request) => request.path.startsWith('/web'))).toBe(true)
        expect(s.slack.requests).toHaveLength(2)
        expect(s.slack.problems).toEqual([])
        // Staging passes no routing key: PagerDuty is production's alone.
        expect(s.pagerduty.events).toEqual([])
      },
    },
    {
      ...seed004Production,
      name: 'production on Christmas Eve: the holiday freeze blocks the API before any platform call, Slack told, nobody paged',
      env: { FLIGHTDECK_NOW: '2026-12-24T10:00:00-05:00' },
      conclusion: 'failure',
      // production-web never starts: only the API job's checkout is skipped over.
      stubbed: ['production-api/deploy › actions/checkout@v4 (actions/checkout@v4)'],
      check: (trace, s) => {
        expect(trace.jobs.map((job) => [job.id, job.result, job.outputs.status])).toEqual([
          ['staging-api', 'skipped', undefined],
          ['staging-web', 'skipped', undefined],
          ['production-api', 'failure', 'blocked'],
          ['production-web', 'skipped', undefined],
        ])
        expect(trace.jobs[2]?.outputs['blocked-by']).toMatch(/^freeze\b.*holiday freeze/)
        expect(flightdeckSteps(trace)).toEqual([
          'production-api/deploy › flightdeck [run] success',
          `production-api/deploy › ${CHECKED_OUT_SETUP} [setup] success`,
          'production-api/deploy › Export deploy-env [run] success',
          'production-api/deploy › deploy [gated-deploy] failure',
          'production-api/deploy › notify [notify] success',
          'production-api/deploy › page [notify] success',
          'production-api/deploy › post deploy [gated-deploy] success',
        ])
        // Nothing reached Railway or Vercel, and no GitHub Deployment was recorded.
        expect(s.clis.calls('railway').filter((call) => call.args[0] === 'up')).toEqual([])
        expect(s.railway.operations).toEqual([])
        expect(s.clis.calls('vercel')).toEqual([])
        expect(s.api.calls('POST /repos/{owner}/{repo}/deployments')).toEqual([])
        // A blocked deploy is `skipped`: Slack hears it, PagerDuty (failure, rolled-back,
        // success) does not.
        expect(stepOf(trace, 'production-api/deploy', 'notify').inputs?.status).toBe('skipped')
        expect(stepOf(trace, 'production-api/deploy', 'notify').outputs.sent).toBe('slack')
        expect(stepOf(trace, 'production-api/deploy', 'page').outputs.sent ?? '').toBe('')
        expect(s.slack.requests).toHaveLength(1)
        expect(s.slack.problems).toEqual([])
        expect(s.slack.requests[0]?.raw).toContain('holiday freeze')
        expect(s.pagerduty.events).toEqual([])
      },
    },
    {
      ...seed004Production,
      name: 'production on Christmas Eve with a hotfix: both deploys pass the freeze, the web app is unhealthy, rolled back, PagerDuty paged',
      inputs: { hotfix: 'checkout down for every customer' },
      env: { FLIGHTDECK_NOW: '2026-12-24T10:00:00-05:00' },
      // The broken web release never turns healthy: deploy.yml's 5m would only make this slow.
      overrides: (s) => ({
        ...seed004Production.overrides(s),
        'production-web/deploy.deploy.health-timeout': '2s',
      }),
      prepare: (s) => {
        vercelProject(s, 'fixture')
        // The API is healthy; the web app only once Vercel serves the release before it again.
        s.healthy = (path) =>
          !path.startsWith('/web') ||
          s.clis.state<{ rolledBackTo?: string }>('vercel').rolledBackTo !== undefined
      },
      conclusion: 'failure',
      check: (trace, s) => {
        expect(trace.jobs.map((job) => [job.id, job.result, job.outputs.status])).toEqual([
          ['staging-api', 'skipped', undefined],
          ['staging-web', 'skipped', undefined],
          ['production-api', 'success', 'deployed'],
          ['production-web', 'failure', 'rolled-back'],
        ])
        expect(trace.jobs[3]?.outputs['rolled-back']).toBe('true')
        // The API was judged by its analysis: error rate, p95 against the release before it, and
        // the Prometheus error ratio (one query per measurement, the secret URL's stand-in).
        const apiAnalysis = JSON.parse(trace.jobs[2]?.outputs.analysis ?? '{}') as {
          verdict?: string
          baseline?: { p95: number }
          metrics?: number[]
        }
        expect(apiAnalysis.verdict).toBe('pass')
        expect(apiAnalysis.baseline?.p95).toEqual(expect.any(Number))
        expect(apiAnalysis.metrics?.[0]).toBe(0.002)
        expect(s.prometheus.requests[0]?.query).toBe(
          'sum(rate(http_requests_total{status=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))',
        )
        // In both jobs the freeze was closed and the hotfix let the deploy through, recorded
        // with who ran it.
        for (const job of ['production-api/deploy', 'production-web/deploy']) {
          // The record output is the path of the record's JSON file.
          const recordPath = stepOf(trace, job, 'deploy').outputs.record ?? ''
          const record = JSON.parse(readFileSync(recordPath, 'utf8')) as {
            gates: Array<{ gate: string; verdict: string; reason: string }>
            override?: { reason: string; actor: string }
          }
          expect(record.gates.find((gate) => gate.gate === 'freeze')).toMatchObject({
            verdict: 'overridden',
            reason: expect.stringMatching(/holiday freeze.*overridden: checkout down/),
          })
          expect(record.override).toEqual({
            reason: 'checkout down for every customer',
            actor: 'octocat',
          })
        }
        const up = s.clis.calls('railway').find((call) => call.args[0] === 'up')
        expect(up?.args).toContain('--environment=66666666-7777-4888-9999-000000000000')
        const vercel = s.clis.calls('vercel')
        const deploy = vercel.find((call) => call.args.includes('deploy'))
        expect(deploy?.args).toContain('--prod')
        // Rolled back to the fixture's last ready production deployment.
        expect(vercel.filter((call) => call.args[0] === 'rollback')).toHaveLength(1)
        expect(s.clis.state<{ rolledBackTo?: string }>('vercel').rolledBackTo).toBe(
          'dpl_9Zx8Cv7Bn6Mm5Ll4Kk3Jj2Hh1Gg0Ff', // flightdeck-web-5t4r3e2w1, list.json's
        )
        expect(s.api.calls('POST /repos/{owner}/{repo}/deployments').map((r) => r.body)).toEqual([
          expect.objectContaining({ environment: 'production' }),
          expect.objectContaining({ environment: 'production' }),
        ])
        // Routing: the API's success is Slack's and resolves PagerDuty's alert; the web app's
        // rollback is PagerDuty's only, and names the override and who ran it.
        expect(s.slack.requests).toHaveLength(1)
        expect(s.slack.problems).toEqual([])
        expect(s.slack.requests[0]?.raw).toContain('checkout down for every customer')
        expect(s.pagerduty.violations).toEqual([])
        expect(s.pagerduty.events.map((event) => event.body.event_action)).toEqual([
          'resolve',
          'trigger',
        ])
        const trigger = s.pagerduty.events[1]?.body
        expect(trigger).toMatchObject({
          routing_key: SEED004_PAGERDUTY_KEY,
          payload: { severity: 'error', component: 'production' },
        })
        expect(JSON.stringify(trigger)).toContain('checkout down for every customer (by octocat)')
        expect([...s.pagerduty.alerts.values()]).toEqual(['triggered'])
      },
    },
  ],

  'rollback-dispatch.yml': [
    {
      name: 'the reusable rollback workflow: Fly app rolled back, proven healthy, Slack told',
      eventName: 'workflow_dispatch',
      inputs: { reason: 'checkout errors after v42', environment: 'production' },
      secrets: (s) => ({ FLY_API_TOKEN: 'fly-token-0123456789', SLACK_WEBHOOK_URL: s.slack.url }),
      rewrite: (s) => ({ 'https://shop-web.fly.dev': s.app.origin }),
      prepare: (s) => flyApp(s, 'shop-web', 'shop-web-staging'),
      conclusion: 'success',
      stubbed: ['report › echo "from $FROM to $TO, healthy $HEALTHY"'],
      check: (trace, s) => {
        expect(flightdeckSteps(trace)).toEqual([
          'rollback/rollback › flightdeck [run] success',
          `rollback/rollback › ${CHECKED_OUT_SETUP} [setup] success`,
          'rollback/rollback › rollback [rollback] success',
          'rollback/rollback › notify [notify] success',
          'rollback/rollback › post rollback [rollback] success',
        ])
        expect(trace.jobs[0]?.with).toMatchObject({
          provider: 'fly',
          app: 'shop-web',
          environment: 'production',
          reason: 'checkout errors after v42',
          'dry-run': false,
          tools: `flyctl@${FLYCTL_VERSION}`,
        })
        const report = stepOf(trace, 'report', 'echo "from $FROM to $TO, healthy $HEALTHY"')
        expect(report.env).toEqual({
          FROM: expect.stringMatching(/\S/),
          TO: expect.stringMatching(/\S/),
          HEALTHY: 'true',
        })
        const deploys = s.clis.calls('flyctl').filter((call) => call.args[0] === 'deploy')
        expect(deploys.map((call) => call.args.includes('--app=shop-web'))).toEqual([true])
        expect(s.slack.requests).toHaveLength(1)
        expect(s.slack.problems).toEqual([])
        expect(s.slack.requests[0]?.raw).toContain('checkout errors after v42')
      },
    },
  ],
}

// ---------------------------------------------------------------------------------------------
// The stand-ins

/** A runner tool cache holding the fake CLIs, so setup finds them without downloading. */
function toolCache(): string {
  const dir = mkdtempSync(join(tmpdir(), 'flightdeck-examples-tool-cache-'))
  const add = (tool: string, version: string, binDir: string, names: string[]) => {
    const home = join(dir, tool, version, arch())
    mkdirSync(join(home, binDir), { recursive: true })
    for (const name of names) symlinkSync(join(fakeBin, name), join(home, binDir, name))
    writeFileSync(`${home}.complete`, '')
  }
  add('flyctl', FLYCTL_VERSION, '', ['flyctl', 'fly'])
  add('wrangler', WRANGLER_VERSION, 'node_modules/.bin', ['wrangler'])
  add('vercel', VERCEL_VERSION, 'node_modules/.bin', ['vercel'])
  add('railway', RAILWAY_VERSION, 'node_modules/.bin', ['railway'])
  return dir
}

/**
 * An SMTP server like Gmail's on port 587: STARTTLS (a certificate for 127.0.0.1), then AUTH.
 * notify sends credentials only over TLS, so the plain receiver of the notify tests would not do.
 */
async function startSmtpWithStartTls() {
  const mails: ReceivedMail[] = []
  const logins: Array<{ username: string; password: string; secure: boolean }> = []
  const server = new SMTPServer({
    key: readFileSync(join(tlsDir, 'key.pem')),
    cert: readFileSync(SMTP_CA),
    logger: false,
    onAuth: (auth, session, callback) => {
      logins.push({
        username: auth.username ?? '',
        password: auth.password ?? '',
        secure: session.secure,
      })
      callback(null, { user: auth.username })
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        mails.push(
          parseMail(
            Buffer.concat(chunks).toString('utf8'),
            session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            session.envelope.rcptTo.map((rcpt) => rcpt.address),
          ),
        )
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  return {
    host: '127.0.0.1',
    port: (server.server.address() as AddressInfo).port,
    mails,
    logins,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/**
 * Railway's GraphQL API (backboard) for what the railway provider asks: the service's
 * deployments (the fixture's). The first list is the one before the deploy; from the second on,
 * the deployment `railway up` started (the fixture CLI's id) is the newest, and has succeeded.
 */
async function startRailwayApi() {
  const fixture = JSON.parse(
    readFileSync(join(providerFixtures, 'railway/deployments-query.json'), 'utf8'),
  ) as { data: { deployments: { edges: Array<{ node: { id: string; status: string } }> } } }
  const [started, ...earlier] = fixture.data.deployments.edges
  const operations: string[] = []
  let finished = false
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        query: string
        variables?: { id?: string }
      }
      const operation = /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? 'unnamed'
      operations.push(operation)
      let data: unknown
      if (operation === 'flightdeckDeployment' && body.variables?.id === started?.node.id) {
        finished = true
        data = { deployment: { id: started?.node.id, status: 'SUCCESS', canRollback: true } }
      } else if (operation === 'flightdeckDeployments') {
        const newest = finished && started ? [{ node: { ...started.node, status: 'SUCCESS' } }] : []
        data = { deployments: { ...fixture.data.deployments, edges: [...newest, ...earlier] } }
        finished = true
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify(
          data ? { data } : { errors: [{ message: `the stand-in does not answer ${operation}` }] },
        ),
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql/v2`,
    operations,
    stop: () => {
      server.closeAllConnections()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

async function startStandIns(): Promise<StandIns> {
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
  const registry = await new FakeNpmRegistry().start()
  registry.publish('wrangler', WRANGLER_VERSION, 'wrangler')
  registry.publish('vercel', VERCEL_VERSION, 'vercel')
  registry.publish('@railway/cli', RAILWAY_VERSION, 'railway')
  const standIns: StandIns = {
    api,
    registry,
    app: undefined as never,
    slack: await new Receiver('slack').start(),
    pagerduty: await new FakePagerDuty(SEED004_PAGERDUTY_KEY).start(),
    smtp: await startSmtpWithStartTls(),
    railway: await startRailwayApi(),
    prometheus: await new FakePrometheus().answer(vector(0.002)).start(),
    clis: new FakeClis(),
    toolCache: toolCache(),
    healthy: () => true,
    workspace: mkdtempSync(join(tmpdir(), 'flightdeck-examples-workspace-')),
  }
  standIns.app = await startFakeApp({
    respond: (request) =>
      standIns.healthy(request.path)
        ? { status: 200, json: APP_BODY }
        : { status: 503, json: { status: 'down' } },
  })
  return standIns
}

async function stopStandIns(s: StandIns) {
  await Promise.all([
    s.api.stop(),
    s.registry.stop(),
    s.slack.stop(),
    s.pagerduty.stop(),
    s.smtp.stop(),
    s.railway.stop(),
    s.prometheus.stop(),
    s.app.close(),
  ])
}

// ---------------------------------------------------------------------------------------------
// The tests

/** The runs of one example file: one test per scenario in SETUPS. */
function describeExample(file: string): void {
  const scenarios = SETUPS[file]
  if (!scenarios) {
    it('has a stand-in setup', () => {
      throw new Error(`no stand-in setup for ${file}: add an entry to SETUPS in this test`)
    })
    return
  }

  it.each(scenarios.map((scenario) => [scenario.name, scenario] as const))(
    '%s',
    async (_name, scenario) => {
      const s = await startStandIns()
      try {
        scenario.prepare?.(s)
        const options: RunWorkflowOptions = {
          ...(scenario.eventName ? { eventName: scenario.eventName } : {}),
          ...(scenario.inputs ? { inputs: scenario.inputs } : {}),
          ...(scenario.event ? { event: scenario.event } : {}),
          ...(scenario.github ? { github: scenario.github } : {}),
          secrets: scenario.secrets?.(s) ?? {},
          vars: scenario.vars ?? {},
          stubs: scenario.stubs ?? {},
          overrides: scenario.overrides?.(s) ?? {},
          rewrite: scenario.rewrite(s),
          apiUrl: s.api.url,
          env: {
            ...s.clis.env(),
            ...s.registry.env(),
            RUNNER_TOOL_CACHE: s.toolCache,
            GITHUB_WORKSPACE: s.workspace,
            // gated-deploy's waits (concurrency, checks) poll every 200ms instead of every 10s.
            FLIGHTDECK_GATE_INTERVAL: '200ms',
            ...scenario.env,
          },
          stepTimeoutMs: 60_000,
        }
        const trace = await runWorkflowFile(join(examplesDir, file), options)
        process.stdout.write(`${describeTrace(trace)}\nstubbed:\n  ${trace.stubbed.join('\n  ')}\n`)
        expect(trace.stubbed).toEqual(scenario.stubbed)
        scenario.check(trace, s)
        expect(trace.conclusion).toBe(scenario.conclusion)
        // Every request to GitHub is one GitHub would have accepted.
        expect(s.api.violations).toEqual([])
      } finally {
        await stopStandIns(s)
      }
    },
    120_000,
  )
}

/**
 * Registers the runs of part `part` (0-based) of `parts` of the examples: the parts are
 * separate test files (seed-examples.part*.test.ts) so that jest's two workers share the
 * slowest runs of the suite.
 */
export function testSeedExamples(part: number, parts: number): void {
  const mine = examples.filter((_, index) => index % parts === part)
  describe.each(mine)('workflows-examples/%s', describeExample)
  if (part === 0) {
    it('finds the examples', () => {
      expect(examples).toEqual(expect.arrayContaining(['deploy-fly-with-health-check.yml']))
    })
  }
}
