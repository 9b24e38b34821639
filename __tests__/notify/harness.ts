// The receivers of one notify run: real local servers for Slack (webhook and Web API), Teams,
// Discord, a webhook of your own, PagerDuty, SMTP and GitHub, and the inputs that point the
// bundled action at them.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runBundledAction, type RunResult } from '../support/bundle-runner.mjs'
import type { DeployRecord } from '../../shared/deploy-record.js'
import { FakeGitHubApi, type ApiAnswer } from '../fakes/github-api.js'
import { Receiver } from '../fakes/notify-receivers.js'
import { FakePagerDuty } from '../fakes/pagerduty-api.js'
import { FakeSlackApi } from '../fakes/slack-api.js'
import { SmtpReceiver } from '../fakes/smtp-receiver.js'

/** Credentials the run is given; none may show up anywhere a person can read. */
export const SECRETS = {
  slackHookToken: 'xSLACKHOOKTOKEN0123456789ab',
  discordToken: 'dISCORDWEBHOOKTOKEN_abcdefghijklmnopqrstuvwxyz0123456789',
  teamsSig: 'tEAMSsigPARAM0123456789abcdef',
  webhookSecret: 'whsec_flightdeck_test_0123456789',
  webhookToken: 'hOOKPATHTOKEN0123456789',
}

export interface GitHubComment {
  id: number
  body: string
  html_url: string
  user: { login: string; type: string }
}

/** Keeps commit and pull request comments, as GitHub would, for the sticky comment. */
export function serveComments(api: FakeGitHubApi): {
  commit: Map<string, GitHubComment[]>
  issue: Map<number, GitHubComment[]>
} {
  const commit = new Map<string, GitHubComment[]>()
  const issue = new Map<number, GitHubComment[]>()
  let nextId = 9000
  const comment = (body: string): GitHubComment => {
    const id = nextId++
    return {
      id,
      body,
      html_url: `https://github.com/acme/shop#comment-${id}`,
      user: { login: 'github-actions[bot]', type: 'Bot' },
    }
  }
  api.on((request): ApiAnswer | undefined => {
    const path = new URL(request.path, 'http://fake').pathname
    const body = request.body as { body?: string } | undefined
    switch (request.route) {
      case 'GET /repos/{owner}/{repo}/commits/{commit_sha}/comments': {
        const sha = path.split('/')[5] as string
        return { status: 200, body: commit.get(sha) ?? [] }
      }
      case 'POST /repos/{owner}/{repo}/commits/{commit_sha}/comments': {
        const sha = path.split('/')[5] as string
        const created = comment(body?.body ?? '')
        commit.set(sha, [...(commit.get(sha) ?? []), created])
        return { status: 201, body: created }
      }
      case 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        const number = Number(path.split('/')[5])
        return { status: 200, body: issue.get(number) ?? [] }
      }
      case 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        const number = Number(path.split('/')[5])
        const created = comment(body?.body ?? '')
        issue.set(number, [...(issue.get(number) ?? []), created])
        return { status: 201, body: created }
      }
      case 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}':
      case 'PATCH /repos/{owner}/{repo}/comments/{comment_id}': {
        const id = Number(path.split('/').at(-1))
        const all = [...commit.values(), ...issue.values()].flat()
        const found = all.find((item) => item.id === id)
        if (!found) return { status: 404, body: { message: 'Not Found' } }
        found.body = body?.body ?? ''
        return { status: 200, body: found }
      }
      default:
        return undefined
    }
  })
  return { commit, issue }
}

export class Receivers {
  slack = new Receiver('slack', `/services/T0FLIGHT1/B0DECK001/${SECRETS.slackHookToken}`)
  teams = new Receiver(
    'teams',
    `/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=${SECRETS.teamsSig}`,
  )
  discord = new Receiver('discord', `/api/webhooks/112233445566778899/${SECRETS.discordToken}`)
  webhook = new Receiver('webhook', `/deploys/${SECRETS.webhookToken}`)
  slackApi = new FakeSlackApi()
  pagerduty = new FakePagerDuty()
  smtp = new SmtpReceiver()
  github = new FakeGitHubApi()
  comments = serveComments(this.github)

  async start(): Promise<this> {
    await Promise.all([
      this.slack.start(),
      this.teams.start(),
      this.discord.start(),
      this.webhook.start(),
      this.slackApi.start(),
      this.pagerduty.start(),
      this.smtp.start(),
      this.github.start(),
    ])
    return this
  }

  async stop(): Promise<void> {
    await Promise.all([
      this.slack.stop(),
      this.teams.stop(),
      this.discord.stop(),
      this.webhook.stop(),
      this.slackApi.stop(),
      this.pagerduty.stop(),
      this.smtp.stop(),
      this.github.stop(),
    ])
  }

  /** What every receiver saw that its platform would refuse. */
  get violations(): string[] {
    return [
      ...this.slack.problems,
      ...this.teams.problems,
      ...this.discord.problems,
      ...this.webhook.problems,
      ...this.slackApi.violations,
      ...this.pagerduty.violations,
      ...this.github.violations,
    ]
  }

  /** Inputs that configure every channel against these receivers. */
  allChannels(): Record<string, string> {
    return {
      'slack-webhook-url': this.slack.url,
      'slack-bot-token': this.slackApi.token,
      'slack-channel': '#deploys',
      'slack-api-url': this.slackApi.url,
      'teams-webhook-url': this.teams.url,
      'discord-webhook-url': this.discord.url,
      'webhook-url': this.webhook.url,
      'webhook-secret': SECRETS.webhookSecret,
      'pagerduty-routing-key': this.pagerduty.routingKey,
      'pagerduty-api-url': this.pagerduty.url,
      'smtp-host': this.smtp.host,
      'smtp-port': String(this.smtp.port),
      'email-from': 'flightdeck <deploys@example.com>',
      'email-to': 'oncall@example.com, team@example.com',
      'github-comment': 'true',
    }
  }
}

export interface NotifyRun {
  inputs?: Record<string, string>
  event?: object
  eventName?: string
  env?: Record<string, string>
  timeoutMs?: number
}

export function notify(receivers: Receivers, run: NotifyRun = {}): Promise<RunResult> {
  return runBundledAction('notify', {
    inputs: run.inputs ?? {},
    apiUrl: receivers.github.url,
    event: run.event ?? { head_commit: { message: 'Add the checkout page\n\nLong body.' } },
    eventName: run.eventName ?? 'push',
    env: run.env ?? {},
    timeoutMs: run.timeoutMs ?? 60_000,
  })
}

/** A gated-deploy record of a release that was rolled back, written to a temporary file. */
export function writeRecord(overrides: Partial<DeployRecord> = {}): string {
  const record: DeployRecord = {
    version: 1,
    status: 'rolled-back',
    repository: 'acme/shop',
    sha: 'ffac537e6cbbf934b08745a378932722df287a53',
    ref: 'refs/heads/main',
    actor: 'octocat',
    runUrl: 'https://github.com/acme/shop/actions/runs/1658821493',
    provider: 'fly',
    app: 'shop-web',
    environment: 'production',
    environmentUrl: 'https://shop-web.fly.dev',
    gates: [
      {
        gate: 'deploy-window',
        verdict: 'passed',
        reason: 'inside Mon-Fri 09:00-17:00',
        durationMs: 1,
      },
      { gate: 'freeze', verdict: 'not set', reason: 'no input given', durationMs: 0 },
      { gate: 'require-checks', verdict: 'passed', reason: '3 checks succeeded', durationMs: 20 },
    ],
    releases: {
      before: { id: 'rel-41', version: 'v41' },
      after: { id: 'rel-41', version: 'v41' },
    },
    deploy: { durationMs: 61_000 },
    health: {
      healthy: false,
      durationMs: 30_000,
      targets: [
        {
          url: 'https://shop-web.fly.dev/health',
          healthy: false,
          attempts: 12,
          status: 503,
          error: 'status 503 not in 200-299',
        },
      ],
    },
    rollback: {
      done: true,
      to: { id: 'rel-41', version: 'v41' },
      durationMs: 9000,
      health: { healthy: true, durationMs: 2000, targets: [] },
    },
    startedAt: '2026-03-02T10:00:00.000Z',
    finishedAt: '2026-03-02T10:02:05.000Z',
    durationMs: 125_000,
    ...overrides,
  }
  const path = join(mkdtempSync(join(tmpdir(), 'flightdeck-record-')), 'deployment.json')
  writeFileSync(path, JSON.stringify(record, null, 2))
  return path
}
