import { InputError } from '../../../shared/errors.js'
import {
  boolean,
  duration,
  environmentName,
  httpUrl,
  integer,
  oneOf,
  optional,
  parseInputs,
  parser,
  quote,
  required,
  secret,
  splitLines,
  splitList,
  text,
  withDefault,
  type InputValues,
} from '../../../shared/inputs.js'
import type { ChannelConfigs } from '../../../shared/notify/channel.js'
import { parseMention } from '../../../shared/notify/mentions.js'
import { STATUSES, type NotifyStatus } from '../../../shared/notify/status.js'
import { maskWebhookUrl } from '../../../shared/secrets.js'

const webhookUrl = (example: string) =>
  optional(
    parser((value) => {
      maskWebhookUrl(value)
      let url: URL
      try {
        url = new URL(value)
      } catch {
        throw new Error(`is not a URL (the value is masked; example: ${example})`)
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new Error(`is not an http(s) URL (the value is masked; example: ${example})`)
      }
      return value
    }),
  )

const status = () => oneOf(STATUSES)

/** `Name: value` lines, shown as extra fields; `#` lines are comments. */
const fieldLines = () =>
  parser((value) =>
    splitLines(value).map((line) => {
      const at = line.indexOf(':')
      const name = at > 0 ? line.slice(0, at).trim() : ''
      if (!name || name.length > 100) {
        throw new Error(`${quote(line)} is not a "Name: value" line (example: Region: eu-west-1)`)
      }
      return { name, value: line.slice(at + 1).trim() }
    }),
  )

const ADDRESS = /^(?:[^<>\r\n]*<)?[^\s@<>,;]+@[^\s@<>,;]+>?$/

const address = (example: string) =>
  parser((value) => {
    if (!ADDRESS.test(value)) {
      throw new Error(`${quote(value)} is not an e-mail address (example: ${example})`)
    }
    return value
  })

const addresses = () =>
  parser((value) =>
    splitList(value).map((item) => {
      if (!ADDRESS.test(item)) {
        throw new Error(
          `${quote(item)} is not an e-mail address (example: oncall@example.com, team@example.com)`,
        )
      }
      return item
    }),
  )

export const notifySchema = {
  // Credentials first: they are masked before any other input can echo them in an error.
  'slack-webhook-url': webhookUrl('https://hooks.slack.com/services/T000/B000/XXXX'),
  'slack-bot-token': secret(),
  'teams-webhook-url': webhookUrl('https://example.webhook.office.com/webhookb2/...'),
  'discord-webhook-url': webhookUrl('https://discord.com/api/webhooks/123/abc'),
  'webhook-url': webhookUrl('https://hooks.example.com/deploys'),
  'webhook-secret': secret(),
  'pagerduty-routing-key': secret(),
  'smtp-password': secret(),
  'github-token': secret(),

  status: required(status(), 'success'),
  title: optional(text()),
  message: optional(text()),
  environment: optional(environmentName()),
  url: optional(httpUrl('https://my-app.fly.dev')),
  version: optional(text()),
  fields: withDefault(fieldLines(), ''),
  'mention-on-failure': withDefault(
    parser((value) => splitList(value).map(parseMention)),
    '',
  ),
  'deployment-record': optional(text()),

  'slack-channel': optional(
    parser((value) => {
      if (/\s/.test(value)) {
        throw new Error(`${quote(value)} is not a channel (example: C0123456789 or #deploys)`)
      }
      return value
    }),
  ),
  'slack-ts': optional(
    parser((value) => {
      if (!/^\d+\.\d+$/.test(value)) {
        throw new Error(
          `${quote(value)} is not a Slack message timestamp (example: 1712345678.123456, the slack-ts output of an earlier notify step)`,
        )
      }
      return value
    }),
  ),
  'slack-api-url': withDefault(httpUrl('https://slack.com/api'), 'https://slack.com/api'),
  'pagerduty-api-url': withDefault(
    httpUrl('https://events.pagerduty.com'),
    'https://events.pagerduty.com',
  ),
  'smtp-host': optional(
    parser((value) => {
      if (/[\s/]/.test(value)) {
        throw new Error(`${quote(value)} is not a host name (example: smtp.example.com)`)
      }
      return value
    }),
  ),
  'smtp-port': optional(integer({ min: 1, max: 65535, example: '587' })),
  'smtp-username': optional(text()),
  'smtp-secure': withDefault(boolean(), 'false'),
  'email-from': optional(address('flightdeck <deploys@example.com>')),
  'email-to': withDefault(addresses(), ''),
  'github-comment': withDefault(boolean(), 'false'),

  'only-on': withDefault(
    parser((value) =>
      splitList(value).map((item) => {
        const match = STATUSES.find((known) => known === item.toLowerCase())
        if (!match) {
          throw new Error(
            `${quote(item)} is not one of ${STATUSES.join(', ')} (example: failure, rolled-back)`,
          )
        }
        return match
      }),
    ),
    '',
  ),
  'fail-on-error': withDefault(boolean(), 'false'),
  timeout: withDefault(duration('10s', { minMs: 1000 }), '10s'),
}

export type NotifyInputs = InputValues<typeof notifySchema>

export interface NotifySettings {
  inputs: NotifyInputs
  channels: ChannelConfigs
  onlyOn: NotifyStatus[]
}

/** Every input checked, then the channels they configure; all problems in one error. */
export function readNotifyInputs(read?: (name: string) => string): NotifySettings {
  const inputs = parseInputs(notifySchema, read)
  const problems: string[] = []
  const channels: ChannelConfigs = {}

  if (inputs['slack-webhook-url']) channels.slack = { webhookUrl: inputs['slack-webhook-url'] }

  const token = inputs['slack-bot-token']
  const slackChannel = inputs['slack-channel']
  if (token && !slackChannel) {
    problems.push('`slack-channel` is required with `slack-bot-token` (example: C0123456789)')
  }
  if (slackChannel && !token) {
    problems.push(
      '`slack-channel` needs `slack-bot-token` (an incoming webhook posts to its own channel: use slack-webhook-url alone)',
    )
  }
  if (inputs['slack-ts'] && !token) {
    problems.push('`slack-ts` needs `slack-bot-token`: only the bot can update its message')
  }
  if (inputs['slack-ts'] && slackChannel?.startsWith('#')) {
    problems.push(
      '`slack-channel` must be the channel id (C0123456789) with `slack-ts`: chat.update does not take a name (pass the slack-channel-id output of the step that posted)',
    )
  }
  if (token && slackChannel) {
    channels['slack-bot'] = {
      token,
      channel: slackChannel,
      ts: inputs['slack-ts'],
      apiUrl: inputs['slack-api-url'],
    }
  }

  if (inputs['teams-webhook-url']) channels.teams = { webhookUrl: inputs['teams-webhook-url'] }
  if (inputs['discord-webhook-url']) {
    channels.discord = { webhookUrl: inputs['discord-webhook-url'] }
  }

  if (inputs['webhook-secret'] && !inputs['webhook-url']) {
    problems.push(
      '`webhook-secret` needs `webhook-url` (example: https://hooks.example.com/deploys)',
    )
  }
  if (inputs['webhook-url']) {
    channels.webhook = { url: inputs['webhook-url'], secret: inputs['webhook-secret'] }
  }

  if (inputs['pagerduty-routing-key']) {
    channels.pagerduty = {
      routingKey: inputs['pagerduty-routing-key'],
      apiUrl: inputs['pagerduty-api-url'],
    }
  }

  const host = inputs['smtp-host']
  const from = inputs['email-from']
  const to = inputs['email-to']
  if (host) {
    if (!from) {
      problems.push('`email-from` is required with `smtp-host` (example: deploys@example.com)')
    }
    if (to.length === 0) {
      problems.push('`email-to` is required with `smtp-host` (example: oncall@example.com)')
    }
  } else if (from || to.length > 0 || inputs['smtp-username'] || inputs['smtp-password']) {
    problems.push('e-mail needs `smtp-host` (example: smtp.example.com)')
  }
  if (inputs['smtp-password'] && !inputs['smtp-username']) {
    problems.push('`smtp-password` needs `smtp-username`')
  }
  if (host && from && to.length > 0) {
    const secure = inputs['smtp-secure']
    channels.email = {
      host,
      port: inputs['smtp-port'] ?? (secure ? 465 : 587),
      secure,
      username: inputs['smtp-username'],
      password: inputs['smtp-password'],
      from,
      to,
    }
  }

  if (inputs['github-comment']) {
    if (inputs['github-token']) channels.github = { token: inputs['github-token'] }
    else problems.push('`github-comment: true` needs `github-token` (default: ${{ github.token }})')
  }

  if (problems.length > 0) throw new InputError(problems)
  return { inputs, channels, onlyOn: inputs['only-on'] }
}
