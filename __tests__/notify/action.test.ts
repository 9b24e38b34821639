// The bundled notify run as the runner runs it, against real local receivers: an HTTP server
// per webhook platform (checking each payload against the platform's documented shape and
// limits), stand-ins for the Slack Web API and PagerDuty Events v2, an SMTP server receiving
// what nodemailer sends, and the fake GitHub API (which refuses what GitHub would refuse).
import { createHmac, timingSafeEqual } from 'node:crypto'
import { secretLeaks } from '../support/bundle-runner.mjs'
import { SILENCE, slackPings, strings } from '../fakes/notify-receivers.js'
import { notify, Receivers, SECRETS, writeRecord } from './harness.js'

let receivers: Receivers

beforeEach(async () => {
  receivers = await new Receivers().start()
})

afterEach(async () => {
  await receivers.stop()
  expect(receivers.violations).toEqual([])
})

const SHA = 'ffac537e6cbbf934b08745a378932722df287a53'

function json(
  receiver: { requests: Array<{ json?: unknown }> },
  index = 0,
): Record<string, unknown> {
  return receiver.requests[index]?.json as Record<string, unknown>
}

describe('notify: one message, every channel', () => {
  it('sends the same facts to all eight channels at once, each in its native format', async () => {
    const record = writeRecord()
    const result = await notify(receivers, {
      inputs: {
        ...receivers.allChannels(),
        status: 'rolled-back',
        version: 'v42',
        fields: 'Region: eu-west-1\nTicket: OPS-7',
        'mention-on-failure': 'U024BE7LH, S0614TZR7, 80351110224678912, @here',
        'deployment-record': record,
      },
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.sent).toBe('slack,slack-bot,teams,discord,webhook,pagerduty,email,github')
    expect(result.outputs.failed).toBe('')
    expect(result.outputs['slack-ts']).toMatch(/^\d+\.\d+$/)

    // The same facts everywhere.
    const facts = [
      'deploy to production was rolled back',
      'acme/shop',
      'production',
      'v42',
      'ffac537',
      'Add the checkout page',
      'octocat',
      '2m 5s',
      '1658821493',
      'eu-west-1',
      'OPS-7',
      'v41 (rel-41)',
      'status 503 not in 200-299',
      'https://shop-web.fly.dev',
    ]
    const mail = receivers.smtp.mails[0]
    const comment = receivers.comments.commit.get(SHA)?.[0]?.body ?? ''
    const seen: Record<string, string> = {
      slack: strings(json(receivers.slack)).join('\n'),
      'slack-bot': strings(receivers.slackApi.messages[0]?.payload).join('\n'),
      teams: strings(json(receivers.teams)).join('\n'),
      discord: strings(json(receivers.discord)).join('\n').replace(/\\(.)/g, '$1'),
      webhook: receivers.webhook.requests[0]?.raw ?? '',
      pagerduty: strings(receivers.pagerduty.events[0]?.body).join('\n'),
      'email html': mail?.html ?? '',
      'email text': mail?.text ?? '',
      github: comment.replace(/\\(.)/g, '$1'),
    }
    for (const [channel, text] of Object.entries(seen)) {
      const missing = facts.filter((fact) => !text.includes(fact))
      expect({ channel, missing }).toEqual({ channel, missing: [] })
    }

    // Slack: Block Kit in a bar of the status colour; the requested mentions, nothing else.
    const slack = json(receivers.slack)
    const attachments = slack.attachments as Array<Record<string, unknown>>
    expect(attachments[0]?.color).toBe('#ECB22E')
    expect([...new Set(slackPings(strings(slack).join('\n')))].sort()).toEqual(
      ['<!here>', '<!subteam^S0614TZR7>', '<@U024BE7LH>'].sort(),
    )
    expect(receivers.slackApi.messages[0]?.channel).toBe('C0DEPLOYS1')
    expect(receivers.slackApi.calls[0]?.headers.authorization).toBe(
      `Bearer ${receivers.slackApi.token}`,
    )

    // Teams: an Adaptive Card in a message.
    const teams = json(receivers.teams)
    expect(teams.type).toBe('message')
    const card = (teams.attachments as Array<{ content: Record<string, unknown> }>)[0]?.content
    expect(card?.type).toBe('AdaptiveCard')

    // Discord: an embed whose colour is an integer; only the requested mentions may ping.
    const discord = json(receivers.discord)
    expect(discord.allowed_mentions).toEqual({
      parse: ['everyone'],
      users: ['80351110224678912'],
      roles: [],
    })
    expect(discord.content).toBe('<@80351110224678912> @here')
    expect((discord.embeds as Array<{ color: number }>)[0]?.color).toBe(0xecb22e)

    // The webhook: signed with HMAC-SHA256 over the exact bytes received.
    const hook = receivers.webhook.requests[0]
    const expected = `sha256=${createHmac('sha256', SECRETS.webhookSecret)
      .update(hook?.raw ?? '')
      .digest('hex')}`
    const got = String(hook?.headers['x-flightdeck-signature'])
    expect(timingSafeEqual(Buffer.from(got), Buffer.from(expected))).toBe(true)
    expect(json(receivers.webhook)).toMatchObject({
      schema: 'flightdeck.notify/v1',
      status: 'rolled-back',
      environment: 'production',
      sha: SHA,
      mentions: ['U024BE7LH', 'S0614TZR7', '80351110224678912', '@here'],
    })

    // PagerDuty: a rolled-back deploy triggers an alert keyed by repository and environment.
    expect(receivers.pagerduty.events[0]?.body).toMatchObject({
      event_action: 'trigger',
      dedup_key: 'flightdeck/acme/shop/production',
      payload: { severity: 'error', source: 'acme/shop/production' },
    })
    expect(receivers.pagerduty.alerts.get('flightdeck/acme/shop/production')).toBe('triggered')

    // E-mail: HTML and plain text, to both recipients, one-line subject.
    expect(mail?.to).toEqual(['oncall@example.com', 'team@example.com'])
    expect(mail?.subject).toBe('↩️ deploy to production was rolled back · acme/shop')
    expect(mail?.html).toContain('<table')
    expect(mail?.text).toContain('Releases: v41 (rel-41) → v41 (rel-41)')

    // GitHub: one comment on the commit (a push has no pull request).
    expect(comment.split('\n')[0]).toBe('<!-- flightdeck:notify:production -->')

    // The job summary lists every channel and its result.
    for (const channel of [
      'slack',
      'slack\\-bot',
      'teams',
      'discord',
      'webhook',
      'pagerduty',
      'email',
      'github',
    ]) {
      expect(result.summary).toContain(`| ${channel} | ✅ sent |`)
    }
    // Credentials never show up in the log, the summary or the outputs.
    for (const secret of [
      receivers.slack.url,
      SECRETS.slackHookToken,
      SECRETS.discordToken,
      SECRETS.teamsSig,
      SECRETS.webhookSecret,
      SECRETS.webhookToken,
      receivers.slackApi.token,
      receivers.pagerduty.routingKey,
    ]) {
      expect({ secret, leaks: secretLeaks(result, secret) }).toEqual({ secret, leaks: [] })
    }
  })

  it('keeps secrets out of the messages themselves', async () => {
    const result = await notify(receivers, {
      inputs: {
        'webhook-url': receivers.webhook.url,
        'slack-webhook-url': receivers.slack.url,
        'pagerduty-routing-key': receivers.pagerduty.routingKey,
        'pagerduty-api-url': receivers.pagerduty.url,
        status: 'failure',
        // A careless message that quotes a credential the step was given.
        message: `hook was ${receivers.slack.url}, key ${receivers.pagerduty.routingKey}`,
      },
    })
    expect(result.exitCode).toBe(0)
    const sent = [
      receivers.webhook.requests[0]?.raw,
      receivers.slack.requests[0]?.raw,
      JSON.stringify(receivers.pagerduty.events[0]?.body.payload),
    ].join('\n')
    expect(sent).toContain('hook was ***, key ***')
    expect(sent).not.toContain(SECRETS.slackHookToken)
  })
})

describe('notify: Slack bot, updated in place', () => {
  it('posts on start, then updates that message and replies in its thread; PagerDuty resolves what a failure opened', async () => {
    const bot = {
      'slack-bot-token': receivers.slackApi.token,
      'slack-api-url': receivers.slackApi.url,
      'pagerduty-routing-key': receivers.pagerduty.routingKey,
      'pagerduty-api-url': receivers.pagerduty.url,
      environment: 'production',
      'mention-on-failure': 'U024BE7LH',
    }
    const started = await notify(receivers, {
      inputs: { ...bot, 'slack-channel': '#deploys', status: 'started' },
    })
    expect(started.exitCode).toBe(0)
    expect(started.outputs.sent).toBe('slack-bot')
    expect(started.summary).toContain('| pagerduty | ⏭️ nothing to send |')
    expect(receivers.pagerduty.events).toEqual([])
    const ts = started.outputs['slack-ts'] as string
    expect(ts).toMatch(/^\d+\.\d+$/)
    // Posted to #deploys: the channel's id, which chat.update needs, is an output too.
    const channelId = started.outputs['slack-channel-id'] as string
    expect(channelId).toBe('C0DEPLOYS1')

    const failed = await notify(receivers, {
      inputs: { ...bot, 'slack-channel': channelId, 'slack-ts': ts, status: 'failure' },
    })
    expect(failed.exitCode).toBe(0)
    expect(failed.outputs).toMatchObject({
      sent: 'slack-bot,pagerduty',
      failed: '',
      'slack-ts': ts,
      'slack-channel-id': channelId,
    })
    // chat.update is sent only the arguments it takes (no unfurl_links/unfurl_media).
    const update = receivers.slackApi.calls.find((call) => call.method === 'chat.update')
    expect(update?.error).toBeUndefined()
    expect(Object.keys(update?.body ?? {}).sort()).toEqual(
      ['attachments', 'blocks', 'channel', 'text', 'ts'].sort(),
    )
    expect(receivers.violations).toEqual([])
    const [message, reply] = receivers.slackApi.messages
    expect(message?.updates).toBe(1)
    expect(strings(message?.payload).join(' ')).toContain('deploy to production failed')
    // The edit notifies no one: the reply in the thread carries the mention.
    expect(reply?.threadTs).toBe(ts)
    expect(slackPings(String(reply?.payload.text))).toEqual(['<@U024BE7LH>'])
    expect(receivers.pagerduty.alerts.get('flightdeck/acme/shop/production')).toBe('triggered')

    const fixed = await notify(receivers, {
      inputs: { ...bot, 'slack-channel': channelId, 'slack-ts': ts, status: 'success' },
    })
    expect(fixed.outputs.sent).toBe('slack-bot,pagerduty')
    expect(receivers.slackApi.messages[0]?.updates).toBe(2)
    expect(receivers.slackApi.messages).toHaveLength(3)
    expect(slackPings(String(receivers.slackApi.messages[2]?.payload.text))).toEqual([])
    expect(receivers.pagerduty.events.at(-1)?.body).toEqual({
      routing_key: receivers.pagerduty.routingKey,
      event_action: 'resolve',
      dedup_key: 'flightdeck/acme/shop/production',
    })
    expect(receivers.pagerduty.alerts.get('flightdeck/acme/shop/production')).toBe('resolved')
  })

  it('reports Slack’s ok:false as a failure, with what to do', async () => {
    const result = await notify(receivers, {
      inputs: {
        'slack-bot-token': receivers.slackApi.token,
        'slack-api-url': receivers.slackApi.url,
        'slack-channel': '#nowhere',
        status: 'success',
      },
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({
      sent: '',
      failed: 'slack-bot',
      'slack-ts': '',
      'slack-channel-id': '',
    })
    expect(result.stdout).toMatch(
      /::warning title=notify%3A slack-bot not delivered::slack-bot: Slack chat.postMessage refused: channel_not_found \(slack-channel must be/,
    )
    expect(receivers.slackApi.calls).toHaveLength(1)
  })
})

describe('notify: text from users is data', () => {
  const HOSTILE = [
    'Fix <!channel> @everyone @here *bold* _it_ ~s~ `code` <script>alert(1)</script>',
    '<https://evil.example|click me> [x](https://evil.example) <@U999999> &amp; {{DATE(2017-02-14T06:00:00Z)}}',
    'Subject: injected',
    '',
    '> quoted line',
  ].join('\n')

  it('cannot ping, link, break a message or inject markup in any channel', async () => {
    const result = await notify(receivers, {
      inputs: {
        ...receivers.allChannels(),
        status: 'failure',
        title: 'Deploy <!here> @everyone\nSubject: second line',
        fields: 'Branch note: <!channel> *x* @everyone',
      },
      event: {
        pull_request: {
          number: 12,
          title: 'PR <!everyone> <b>bold</b> @here',
          html_url: 'https://github.com/acme/shop/pull/12',
          head: { ref: 'feat/<!channel>', sha: SHA },
        },
      },
      eventName: 'pull_request',
      env: { GITHUB_HEAD_REF: 'feat/<!channel>' },
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.failed).toBe('')

    // Slack: no control sequence survives, so nothing pings and nothing links.
    for (const payload of [json(receivers.slack), receivers.slackApi.messages[0]?.payload]) {
      const text = strings(payload).join('\n')
      expect(slackPings(text)).toEqual([])
      // The only links are ours.
      for (const link of text.match(/<https?:[^|>]*/g) ?? []) {
        expect(link).toMatch(/^<https:\/\/github\.com\/acme\/shop(\/|$)/)
      }
      expect(text).toContain('&lt;!channel&gt;')
      expect(text).toContain('&lt;!everyone&gt;')
      expect(text).toContain('&lt;b&gt;bold&lt;/b&gt;')
    }

    // Discord: nothing may ping; the text is escaped Markdown.
    const discord = json(receivers.discord)
    expect(discord.allowed_mentions).toEqual({ parse: [], users: [], roles: [] })
    expect(discord.content).toBeUndefined()
    const embed = (discord.embeds as Array<Record<string, unknown>>)[0] as Record<string, unknown>
    const fields = embed.fields as Array<{ name: string; value: string }>
    const pr = fields.find((field) => field.name === 'Pull request')?.value ?? ''
    expect(pr).toContain('\\<\\!everyone\\>')
    expect(pr).not.toMatch(/(?<!\\)<b>/)

    // Teams: foreign text only in TextRuns (no Markdown read), date functions defused.
    const card = JSON.stringify(json(receivers.teams))
    expect(card).not.toContain('"type":"TextBlock"')
    expect(card).toContain('<!everyone> <b>bold</b> @here')

    // E-mail: HTML-escaped, and the subject stays one line.
    const mail = receivers.smtp.mails[0]
    expect(mail?.html).not.toContain('<b>bold</b>')
    expect(mail?.html).toContain('&lt;b&gt;bold&lt;/b&gt;')
    expect(mail?.subject).toBe('❌ Deploy <!here> @everyone Subject: second line · acme/shop')
    expect(mail?.headers).not.toHaveProperty('x-injected')
    expect(mail?.raw).not.toMatch(/^Subject: second line/m)

    // GitHub: one comment on the pull request, escaped: no mention or HTML comes alive.
    const comment = receivers.comments.issue.get(12)?.[0]?.body ?? ''
    expect(comment).not.toMatch(/(?<!\\)@everyone/)
    expect(comment).not.toContain('<b>')
    expect(receivers.comments.commit.size).toBe(0)

    // The webhook carries the text as it is: it is data, and JSON keeps it so.
    expect(json(receivers.webhook).pull_request).toMatchObject({
      number: 12,
      title: 'PR <!everyone> <b>bold</b> @here',
    })
  })

  it('escapes a commit message full of pings and markup, keeping its first line', async () => {
    const result = await notify(receivers, {
      inputs: {
        'slack-webhook-url': receivers.slack.url,
        'discord-webhook-url': receivers.discord.url,
        'teams-webhook-url': receivers.teams.url,
        'smtp-host': receivers.smtp.host,
        'smtp-port': String(receivers.smtp.port),
        'email-from': 'deploys@example.com',
        'email-to': 'oncall@example.com',
        status: 'success',
      },
      event: { head_commit: { message: HOSTILE } },
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.sent).toBe('slack,teams,discord,email')
    const firstLine = HOSTILE.split('\n')[0] as string

    const slack = strings(json(receivers.slack)).join('\n')
    expect(slackPings(slack)).toEqual([])
    expect(slack).toContain(
      'Fix &lt;!channel&gt; @everyone @here *bold* _it_ ~s~ `code` &lt;script&gt;alert(1)&lt;/script&gt;',
    )
    // Only the first line of the commit message is shown.
    expect(slack).not.toContain('quoted line')

    const discord = json(receivers.discord)
    expect(discord.allowed_mentions).toEqual({ parse: [], users: [], roles: [] })
    const commit = (
      discord.embeds as Array<{ fields: Array<{ name: string; value: string }> }>
    )[0]?.fields.find((field) => field.name === 'Commit')?.value
    expect(commit).toMatch(/^\[ffac537 Fix \\<\\!channel\\> \\@everyone/)
    expect(commit?.replace(/\\(.)/g, '$1')).toContain(firstLine)

    expect(JSON.stringify(json(receivers.teams))).toContain(`ffac537 ${firstLine}`)
    expect(receivers.smtp.mails[0]?.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(receivers.smtp.mails[0]?.text).toContain(`ffac537 ${firstLine}`)
  })
})

describe('notify: failures are bounded, retried once in one policy, and never fail a deploy by default', () => {
  it('retries a 429 after its Retry-After and delivers', async () => {
    receivers.slack.script((_request, index) =>
      index === 0
        ? { status: 429, headers: { 'Retry-After': '1' }, body: 'rate_limited' }
        : undefined,
    )
    receivers.discord.script((_request, index) =>
      index === 0
        ? {
            status: 429,
            headers: { 'Retry-After': '1', 'content-type': 'application/json' },
            body: JSON.stringify({
              message: 'You are being rate limited.',
              retry_after: 0.6,
              global: false,
            }),
          }
        : undefined,
    )
    const result = await notify(receivers, {
      inputs: {
        'slack-webhook-url': receivers.slack.url,
        'discord-webhook-url': receivers.discord.url,
        status: 'success',
      },
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ sent: 'slack,discord', failed: '' })
    expect(receivers.slack.requests).toHaveLength(2)
    const gap = (receivers.slack.requests[1]?.at ?? 0) - (receivers.slack.requests[0]?.at ?? 0)
    expect(gap).toBeGreaterThanOrEqual(950)
    expect(result.stdout).toContain(
      'slack: attempt 1 failed: Slack webhook answered 429: rate_limited; trying again in 1000ms',
    )
    expect(result.summary).toMatch(/\| slack \| ✅ sent \| `posted` \| 2 in /)
  })

  it('gives up on a receiver that answers 500 forever, warns, and the step succeeds', async () => {
    receivers.teams.script(() => ({ status: 500, body: 'Internal Server Error' }))
    const result = await notify(receivers, {
      inputs: {
        'teams-webhook-url': receivers.teams.url,
        'webhook-url': receivers.webhook.url,
        status: 'failure',
      },
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ sent: 'webhook', failed: 'teams' })
    expect(receivers.teams.requests).toHaveLength(4)
    expect(result.stdout).toContain(
      '::warning title=notify%3A teams not delivered::teams: Teams webhook answered 500: Internal Server Error (after 4 attempts)',
    )
    expect(result.durationMs).toBeLessThan(8000)
    expect(result.summary).toContain('| teams | ❌ failed |')
  })

  it('fails the step and names the channels with fail-on-error: true', async () => {
    receivers.teams.script(() => ({ status: 500 }))
    const result = await notify(receivers, {
      inputs: {
        'teams-webhook-url': receivers.teams.url,
        'webhook-url': receivers.webhook.url,
        status: 'failure',
        'fail-on-error': 'true',
      },
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      'Not delivered to teams: teams (Teams webhook answered 500 (after 4 attempts))',
    ])
    expect(result.outputs).toMatchObject({ sent: 'webhook', failed: 'teams' })
  })

  it('does not retry a refusal (4xx): the same payload would be refused again', async () => {
    receivers.slack.script(() => ({ status: 404, body: 'no_service' }))
    const result = await notify(receivers, {
      inputs: { 'slack-webhook-url': receivers.slack.url, status: 'success' },
    })
    expect(result.outputs.failed).toBe('slack')
    expect(receivers.slack.requests).toHaveLength(1)
    expect(result.stdout).toContain('slack: Slack webhook answered 404: no_service')
  })

  it('costs at most the step’s 10s on a receiver that never answers, and the others are not held up', async () => {
    receivers.discord.script(() => SILENCE)
    const result = await notify(receivers, {
      inputs: {
        'discord-webhook-url': receivers.discord.url,
        'webhook-url': receivers.webhook.url,
        status: 'success',
      },
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ sent: 'webhook', failed: 'discord' })
    expect(result.durationMs).toBeGreaterThan(9000)
    expect(result.durationMs).toBeLessThan(12_500)
    // Tried twice, each given half the step's time; the webhook was done long before.
    expect(receivers.discord.requests).toHaveLength(2)
    expect(receivers.webhook.requests[0]?.at).toBeLessThan(3000)
    expect(result.stdout).toContain(
      'discord: attempt 1 failed: Discord webhook did not answer within 5s; trying again in 500ms',
    )
    expect(result.stdout).toMatch(
      /discord: Discord webhook did not answer within 4\.\ds \(after 2 attempts\); no time left to try again/,
    )
  }, 30_000)

  it('retries an e-mail the server defers (451) and not one it refuses (550)', async () => {
    const email = {
      'smtp-host': receivers.smtp.host,
      'smtp-port': String(receivers.smtp.port),
      'email-from': 'deploys@example.com',
      'email-to': 'oncall@example.com',
      status: 'failure',
    }
    receivers.smtp.rejectWith = 550
    const refused = await notify(receivers, { inputs: email })
    expect(refused.outputs.failed).toBe('email')
    expect(receivers.smtp.connections).toBe(1)
    expect(refused.stdout).toMatch(/email: SMTP 127\.0\.0\.1:\d+: .*550/)

    receivers.smtp.rejectWith = 451
    const deferred = await notify(receivers, { inputs: { ...email, timeout: '3s' } })
    expect(deferred.outputs.failed).toBe('email')
    expect(receivers.smtp.connections).toBeGreaterThan(2)
  })

  it('never sends an SMTP password in the clear: with a user, STARTTLS is required', async () => {
    const password = 'smtp-pass-never-in-clear-42'
    const result = await notify(receivers, {
      inputs: {
        'smtp-host': receivers.smtp.host,
        'smtp-port': String(receivers.smtp.port),
        'smtp-username': 'deploys',
        'smtp-password': password,
        'email-from': 'deploys@example.com',
        'email-to': 'oncall@example.com',
        status: 'failure',
      },
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.failed).toBe('email')
    expect(receivers.smtp.mails).toEqual([])
    // A server without STARTTLS will not grow one: not retried.
    expect(receivers.smtp.connections).toBe(1)
    expect(result.stdout).toMatch(/email: SMTP 127\.0\.0\.1:\d+: .*STARTTLS/)
    expect(secretLeaks(result, password)).toEqual([])
  })

  it('retries a connection that is refused until it runs out of attempts', async () => {
    const result = await notify(receivers, {
      inputs: { 'webhook-url': 'http://127.0.0.1:9/nothing-listens', status: 'success' },
    })
    expect(result.outputs.failed).toBe('webhook')
    expect(result.stdout).toMatch(
      /webhook: Webhook failed: connect ECONNREFUSED 127\.0\.0\.1:9 \(after 4 attempts\)/,
    )
  })
})

describe('notify: routing and setup', () => {
  it('sends nothing for a status outside only-on, and says so', async () => {
    const result = await notify(receivers, {
      inputs: {
        'slack-webhook-url': receivers.slack.url,
        status: 'success',
        'only-on': 'failure, rolled-back',
      },
    })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain(
      'Nothing sent: status success is not in only-on (failure, rolled-back).',
    )
    expect(result.outputs).toMatchObject({ sent: '', failed: '', 'slack-ts': '' })
    expect(receivers.slack.requests).toEqual([])
    expect(result.summary).toContain('### notify: nothing sent')
  })

  it('says clearly that nothing was sent when no channel is configured', async () => {
    const result = await notify(receivers, { inputs: { status: 'success' } })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toMatch(
      /::warning title=notify%3A no channel configured::No channel is configured, so nothing was sent\. Set at least one of: slack-webhook-url; /,
    )
    expect(result.outputs).toMatchObject({ sent: '', failed: '' })
  })

  it('refuses bad inputs in one error before sending anything, never quoting a webhook URL', async () => {
    const result = await notify(receivers, {
      inputs: {
        'slack-webhook-url': `ftp://hooks.example.com/services/${SECRETS.slackHookToken}`,
        'slack-ts': '1712345678.000100',
        'webhook-secret': SECRETS.webhookSecret,
        status: 'done',
        'mention-on-failure': 'everyone-please',
        'only-on': 'failure, broken',
      },
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    const error = result.errors[0] ?? ''
    expect(error).toContain(
      'invalid `slack-webhook-url`: is not an http(s) URL (the value is masked',
    )
    expect(error).toContain(
      'invalid `status`: "done" is not one of success, failure, cancelled, skipped, started, rolled-back',
    )
    expect(error).toContain(
      'invalid `mention-on-failure`: "everyone-please" is not a Slack user id',
    )
    expect(error).toContain('invalid `only-on`: "broken" is not one of')
    expect(secretLeaks(result, SECRETS.slackHookToken)).toEqual([])
    expect(receivers.slack.requests).toEqual([])
  })

  it('refuses half-configured channels', async () => {
    const result = await notify(receivers, {
      inputs: {
        'slack-bot-token': 'xoxb-1',
        'slack-channel': '#deploys',
        'slack-ts': '1712345678.000100',
        'webhook-secret': SECRETS.webhookSecret,
        'smtp-host': 'smtp.example.com',
        status: 'success',
      },
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toBe(
      '`slack-channel` must be the channel id (C0123456789) with `slack-ts`: chat.update does not take a name (pass the slack-channel-id output of the step that posted); `webhook-secret` needs `webhook-url` (example: https://hooks.example.com/deploys); `email-from` is required with `smtp-host` (example: deploys@example.com); `email-to` is required with `smtp-host` (example: oncall@example.com)',
    )
  })

  it('updates its one pull request comment in place on the next run', async () => {
    const pr = {
      pull_request: {
        number: 7,
        title: 'Checkout page',
        html_url: 'https://github.com/acme/shop/pull/7',
        head: { ref: 'feat/checkout', sha: SHA },
      },
    }
    const run = (status: string) =>
      notify(receivers, {
        inputs: { 'github-comment': 'true', status, environment: 'preview' },
        event: pr,
        eventName: 'pull_request',
      })
    expect((await run('started')).outputs.sent).toBe('github')
    expect((await run('success')).outputs.sent).toBe('github')
    const comments = receivers.comments.issue.get(7) ?? []
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toMatch(
      /^<!-- flightdeck:notify:preview -->\n### ✅ deploy to preview succeeded/,
    )
    expect(
      receivers.github.calls('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'),
    ).toHaveLength(1)
  })

  it('sends without the deployment facts when the record cannot be read, and says why', async () => {
    const result = await notify(receivers, {
      inputs: {
        'webhook-url': receivers.webhook.url,
        status: 'failure',
        'deployment-record': '/nonexistent/deployment.json',
      },
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.sent).toBe('webhook')
    expect(result.stdout).toContain(
      "::warning title=notify%3A deployment-record::The message goes out without the deployment's facts: cannot read the deployment record /nonexistent/deployment.json",
    )
  })
})
