// The shared message layout and each channel's rendering of it, checked against the platforms'
// documented shapes and limits (the same checks the local receivers apply), and the one retry
// policy every channel uses.
import { createHmac } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunContext } from '../../shared/github/context.js'
import { readEventFacts } from '../../shared/github/event.js'
import { discordPayload, escapeDiscord } from '../../shared/notify/channels/discord.js'
import { emailHtml, emailSubject } from '../../shared/notify/channels/email.js'
import { commentMarkdown } from '../../shared/notify/channels/github.js'
import { dedupKey, pagerDutyEvent } from '../../shared/notify/channels/pagerduty.js'
import { escapeSlack, slackPayload } from '../../shared/notify/channels/slack.js'
import { teamsPayload } from '../../shared/notify/channels/teams.js'
import { signature, webhookPayload } from '../../shared/notify/channels/webhook.js'
import {
  buildMessage,
  messageFacts,
  plainText,
  type MessageInput,
} from '../../shared/notify/message.js'
import { clip, oneLine } from '../../shared/text.js'
import { parseMention, type Mention } from '../../shared/notify/mentions.js'
import { readRecord, summarizeRecord } from '../../shared/notify/record.js'
import {
  DeliveryError,
  retryAfterMs,
  sendWithRetries,
  type RetryPolicy,
} from '../../shared/notify/retry.js'
import { setSecret } from '../../shared/runner-protocol.js'
import {
  checkDiscordMessage,
  checkSlackMessage,
  checkTeamsMessage,
  slackPings,
  strings,
} from '../fakes/notify-receivers.js'
import { writeRecord } from './harness.js'

const context: RunContext = {
  owner: 'acme',
  repo: 'shop',
  sha: 'ffac537e6cbbf934b08745a378932722df287a53',
  ref: 'refs/heads/main',
  serverUrl: 'https://github.com',
  apiUrl: 'https://api.github.com',
  graphqlUrl: 'https://api.github.com/graphql',
  runUrl: 'https://github.com/acme/shop/actions/runs/42',
  actor: 'octocat',
}

function message(overrides: Partial<MessageInput> = {}) {
  return buildMessage({
    status: 'failure',
    fields: [],
    mentions: [],
    context,
    event: { commitMessage: 'Add checkout\n\nbody' },
    workflow: 'deploy',
    now: new Date('2026-03-02T10:00:00Z'),
    ...overrides,
  })
}

const HOSTILE =
  'x <!channel> @everyone *b* _i_ `c` <script>alert(1)</script> [l](https://e.x) {{DATE(2017-02-14T06:00:00Z)}}'

describe('the message layout', () => {
  it('names the run, the environment and the status when no title is given', () => {
    expect(message({ environment: 'production' }).title).toBe('deploy to production failed')
    expect(message({ status: 'rolled-back' }).title).toBe('deploy was rolled back')
    expect(message({ title: 'Line one\nLine two' }).title).toBe('Line one Line two')
  })

  it('lists the same facts in the same order for every channel', () => {
    const facts = messageFacts(
      message({
        environment: 'production',
        version: 'v2',
        url: 'https://shop.example',
        fields: [{ name: 'Region', value: 'eu' }],
      }),
    )
    expect(facts.map((fact) => fact.label)).toEqual([
      'Status',
      'Repository',
      'Environment',
      'Version',
      'URL',
      'Commit',
      'Branch',
      'Actor',
      'Run',
      'Region',
    ])
    expect(facts.find((fact) => fact.label === 'Commit')).toEqual({
      label: 'Commit',
      value: 'ffac537 Add checkout',
      url: 'https://github.com/acme/shop/commit/ffac537e6cbbf934b08745a378932722df287a53',
    })
  })

  it('mentions people only for failure and rolled-back', () => {
    const mentions: Mention[] = [{ kind: 'slack-user', id: 'U024BE7LH' }]
    expect(message({ status: 'failure', mentions }).mentions).toEqual(mentions)
    expect(message({ status: 'rolled-back', mentions }).mentions).toEqual(mentions)
    expect(message({ status: 'success', mentions }).mentions).toEqual([])
    expect(message({ status: 'cancelled', mentions }).mentions).toEqual([])
  })

  it('takes every registered secret out of the message', () => {
    setSecret('sup3r-s3cret-token-value')
    const built = message({
      text: 'token sup3r-s3cret-token-value leaked',
      fields: [{ name: 'k', value: 'sup3r-s3cret-token-value' }],
    })
    expect(built.text).toBe('token *** leaked')
    expect(built.fields).toEqual([{ name: 'k', value: '***' }])
  })

  it('reads the commit message on push and the pull request (head SHA, branch) on pull_request', () => {
    const dir = mkdtempSync(join(tmpdir(), 'notify-event-'))
    const push = join(dir, 'push.json')
    writeFileSync(push, JSON.stringify({ head_commit: { message: 'First line\nsecond' } }))
    expect(readEventFacts(push)).toEqual({ commitMessage: 'First line\nsecond' })
    const pr = join(dir, 'pr.json')
    writeFileSync(
      pr,
      JSON.stringify({
        pull_request: {
          number: 5,
          title: 'T',
          html_url: 'https://github.com/acme/shop/pull/5',
          head: { sha: 'abc1234def', ref: 'feat/x' },
        },
      }),
    )
    const facts = readEventFacts(pr)
    const built = message({ event: facts })
    expect(built.sha).toBe('abc1234def')
    expect(built.branch).toBe('feat/x')
    expect(built.pullRequest).toEqual({
      number: 5,
      title: 'T',
      url: 'https://github.com/acme/shop/pull/5',
    })
    expect(readEventFacts(join(dir, 'missing.json'))).toEqual({})
  })

  it('carries the deployment record: gates, releases, health, rollback, duration', () => {
    const summary = summarizeRecord(readRecord(writeRecord()))
    expect(summary).toMatchObject({
      status: 'rolled-back',
      environment: 'production',
      environmentUrl: 'https://shop-web.fly.dev',
      durationMs: 125_000,
    })
    expect(summary.facts).toEqual([
      { label: 'Deploy', value: 'rolled-back (shop-web)' },
      { label: 'Gates', value: '✓ deploy-window\n✓ require-checks' },
      { label: 'Releases', value: 'v41 (rel-41) → v41 (rel-41)' },
      {
        label: 'Health',
        value: 'unhealthy after 30s: https://shop-web.fly.dev/health: status 503 not in 200-299',
      },
      { label: 'Rollback', value: 'to v41 (rel-41) in 9s, healthy again' },
    ])
    const built = message({ record: summary })
    expect(built.environment).toBe('production')
    expect(plainText(built)).toContain('Duration: 2m 5s')
  })

  it('tells the analysis verdict, and where a traffic-step rollout ended', () => {
    const summary = summarizeRecord(
      readRecord(
        writeRecord({
          status: 'rolled-back',
          analysis: {
            verdict: 'fail',
            reason: 'at 10%: error rate 4.5% over 1%',
            samples: 22,
            metrics: [],
          },
          traffic: { steps: [10, 50, 100], reached: 10 },
        }),
      ),
    )
    expect(summary.facts).toContainEqual({
      label: 'Analysis',
      value: 'fail: at 10%: error rate 4.5% over 1% (traffic 10% of 10% → 50% → 100%)',
    })
  })

  it('takes no link from a record that is not http(s)', () => {
    const summary = summarizeRecord(
      readRecord(writeRecord({ environmentUrl: 'javascript:alert(1)' })),
    )
    expect(summary.environmentUrl).toBeUndefined()
  })

  it('refuses a file that is not a deployment record', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'notify-record-')), 'x.json')
    writeFileSync(path, '{"hello": 1}')
    expect(() => readRecord(path)).toThrow(/is not a gated-deploy deployment record/)
  })

  it('clips without splitting a surrogate pair and flattens every line break', () => {
    expect(clip('abc😀def', 5)).toBe('abc…')
    expect(oneLine('a\r\nb\u2028c\u0007d')).toBe('a b c d')
  })
})

describe('every format', () => {
  it('accepts a field with an empty value', () => {
    const built = message({ fields: [{ name: 'Empty', value: '' }] })
    expect(checkSlackMessage(slackPayload(built))).toEqual([])
    expect(checkDiscordMessage(discordPayload(built))).toEqual([])
    expect(checkTeamsMessage(teamsPayload(built))).toEqual([])
    expect(plainText(built)).toContain('Empty: —')
  })
})

describe('mention-on-failure', () => {
  it('reads Slack users and groups, Discord users and roles, and broadcasts', () => {
    expect(
      [
        'U024BE7LH',
        '<@W012A3CDE>',
        'S0614TZR7',
        '<!subteam^S0614TZR7|@oncall>',
        '80351110224678912',
        '&80351110224678913',
        '<@&80351110224678913>',
        '@here',
        '@channel',
      ].map(parseMention),
    ).toEqual([
      { kind: 'slack-user', id: 'U024BE7LH' },
      { kind: 'slack-user', id: 'W012A3CDE' },
      { kind: 'slack-group', id: 'S0614TZR7' },
      { kind: 'slack-group', id: 'S0614TZR7' },
      { kind: 'discord-user', id: '80351110224678912' },
      { kind: 'discord-role', id: '80351110224678913' },
      { kind: 'discord-role', id: '80351110224678913' },
      { kind: 'broadcast', range: 'here' },
      { kind: 'broadcast', range: 'channel' },
    ])
    expect(() => parseMention('alice')).toThrow(/is not a Slack user id/)
  })
})

describe('Slack', () => {
  it('escapes the three control characters and nothing else', () => {
    expect(escapeSlack('a & b <!channel> > c *d*')).toBe('a &amp; b &lt;!channel&gt; &gt; c *d*')
  })

  it('stays within Block Kit limits with many long fields', () => {
    const fields = Array.from({ length: 30 }, (_, i) => ({
      name: `F${i}`,
      value: 'v'.repeat(2500),
    }))
    const payload = slackPayload(message({ text: 'm'.repeat(5000), fields }))
    expect(checkSlackMessage(payload)).toEqual([])
    expect(payload.attachments[0]?.color).toBe('#E01E5A')
  })

  it('pings only the mentions it was given', () => {
    const payload = slackPayload(
      message({
        title: HOSTILE,
        text: HOSTILE,
        fields: [{ name: HOSTILE, value: HOSTILE }],
        mentions: [{ kind: 'slack-group', id: 'S0614TZR7' }],
      }),
    )
    expect([...new Set(slackPings(strings(payload).join('\n')))]).toEqual(['<!subteam^S0614TZR7>'])
  })
})

describe('Discord', () => {
  it('escapes every Markdown character so the text reads as written', () => {
    expect(escapeDiscord('*b* <@123> @everyone [l](u)')).toBe(
      '\\*b\\* \\<\\@123\\> \\@everyone \\[l\\]\\(u\\)',
    )
  })

  it('stays within the embed limits (4096, 25 fields of 1024, 6000 in all)', () => {
    const fields = Array.from({ length: 40 }, (_, i) => ({
      name: `F${i}`,
      value: '*'.repeat(3000),
    }))
    const payload = discordPayload(message({ text: '_'.repeat(9000), fields }))
    expect(checkDiscordMessage(payload)).toEqual([])
    const embed = (payload.embeds as Array<{ description: string }>)[0]
    expect(embed?.description.length).toBeLessThanOrEqual(4096)
    // A cut never leaves a backslash escaping the ellipsis.
    expect(embed?.description).toMatch(/(^|[^\\])(\\\\)*\\_…$/)
  })

  it('lets only the requested users, roles and broadcasts ping', () => {
    const payload = discordPayload(
      message({
        mentions: [
          { kind: 'discord-user', id: '80351110224678912' },
          { kind: 'discord-role', id: '80351110224678913' },
          { kind: 'slack-user', id: 'U024BE7LH' },
        ],
      }),
    )
    expect(payload.content).toBe('<@80351110224678912> <@&80351110224678913>')
    expect(payload.allowed_mentions).toEqual({
      parse: [],
      users: ['80351110224678912'],
      roles: ['80351110224678913'],
    })
    expect(discordPayload(message({ status: 'success' })).allowed_mentions).toEqual({
      parse: [],
      users: [],
      roles: [],
    })
  })
})

describe('Teams', () => {
  it('is an Adaptive Card whose foreign text is only in TextRuns, date functions defused', () => {
    const payload = teamsPayload(
      message({ title: HOSTILE, text: HOSTILE, fields: [{ name: 'f', value: HOSTILE }] }),
    )
    expect(checkTeamsMessage(payload)).toEqual([])
    const text = JSON.stringify(payload)
    expect(text).not.toContain('"TextBlock"')
    expect(text).not.toContain('{{DATE')
    expect(text).toContain('{\u200b{DATE')
  })
})

describe('e-mail', () => {
  it('escapes HTML and keeps the subject on one line', () => {
    const built = message({ title: 'a\r\nBcc: x@evil.example', text: HOSTILE })
    expect(emailSubject(built)).toBe('❌ a Bcc: x@evil.example · acme/shop')
    const html = emailHtml(built)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toContain('<script>')
  })
})

describe('GitHub comment', () => {
  it('escapes Markdown so no mention, reference or HTML comes alive', () => {
    const markdown = commentMarkdown(
      message({
        text: '@octocat fixed #12 <img src=x>',
        fields: [{ name: 'n', value: '@team <b>' }],
      }),
    )
    expect(markdown).toContain('\\@octocat fixed \\#12 \\<img src\\=x\\>')
    expect(markdown).not.toMatch(/(?<!\\)@team/)
  })
})

describe('webhook', () => {
  it('signs the exact body with HMAC-SHA256', () => {
    const body = JSON.stringify(webhookPayload(message()))
    expect(signature(body, 'k')).toBe(
      `sha256=${createHmac('sha256', 'k').update(body).digest('hex')}`,
    )
    expect(JSON.parse(body)).toMatchObject({
      schema: 'flightdeck.notify/v1',
      status: 'failure',
      sha: context.sha,
    })
  })
})

describe('PagerDuty', () => {
  it('triggers on failure and rolled-back, resolves on success, and sends nothing otherwise', () => {
    expect(pagerDutyEvent(message({ status: 'failure' }), 'k')).toMatchObject({
      event_action: 'trigger',
      payload: { severity: 'critical', source: 'acme/shop' },
    })
    expect(pagerDutyEvent(message({ status: 'rolled-back' }), 'k')).toMatchObject({
      payload: { severity: 'error' },
    })
    expect(pagerDutyEvent(message({ status: 'success', environment: 'prod' }), 'k')).toEqual({
      routing_key: 'k',
      event_action: 'resolve',
      dedup_key: 'flightdeck/acme/shop/prod',
    })
    for (const status of ['started', 'cancelled', 'skipped'] as const) {
      expect(pagerDutyEvent(message({ status }), 'k')).toBeUndefined()
    }
    expect(dedupKey(message({ environment: 'e'.repeat(400) })).length).toBe(255)
  })
})

describe('the retry policy', () => {
  const policy = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({
    deadline: performance.now() + 5000,
    attemptTimeoutMs: 1000,
    maxAttempts: 4,
    baseDelayMs: 10,
    maxDelayMs: 40,
    ...overrides,
  })

  it('tries a transient failure again and stops at a permanent one', async () => {
    let calls = 0
    const outcome = await sendWithRetries(policy(), async () => {
      calls++
      if (calls < 3) throw new DeliveryError('503', true)
      return 'ok'
    })
    expect(outcome).toEqual({ value: 'ok', attempts: 3 })
    calls = 0
    await expect(
      sendWithRetries(policy(), async () => {
        calls++
        throw new DeliveryError('400 bad', false)
      }),
    ).rejects.toThrow(/^400 bad$/)
    expect(calls).toBe(1)
  })

  it('gives up after the last attempt, and never waits past the deadline', async () => {
    await expect(
      sendWithRetries(policy(), async () => Promise.reject(new DeliveryError('500', true))),
    ).rejects.toThrow('500 (after 4 attempts)')
    const started = performance.now()
    await expect(
      sendWithRetries(policy({ deadline: performance.now() + 1500 }), async () =>
        Promise.reject(new DeliveryError('429', true, 5000)),
      ),
    ).rejects.toThrow("429; it asked to wait 5s, past the step's time limit")
    expect(performance.now() - started).toBeLessThan(500)
  })

  it('gives each attempt at most what is left of the step', async () => {
    const limits: number[] = []
    await sendWithRetries(
      policy({ deadline: performance.now() + 700, attemptTimeoutMs: 5000 }),
      async (timeoutMs) => {
        limits.push(timeoutMs)
        return undefined
      },
    )
    expect(limits[0]).toBeLessThanOrEqual(700)
  })

  it('reads Retry-After as seconds (Discord sends fractions) or as a date', () => {
    expect(retryAfterMs('2')).toBe(2000)
    expect(retryAfterMs('0.25')).toBe(250)
    expect(retryAfterMs(new Date(Date.now() + 3000).toUTCString(), Date.now())).toBeGreaterThan(
      1000,
    )
    expect(retryAfterMs(undefined)).toBeUndefined()
    expect(retryAfterMs('soon')).toBeUndefined()
  })
})
