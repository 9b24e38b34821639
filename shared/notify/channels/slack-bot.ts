// Slack through a bot token and the Web API: chat.postMessage posts the message and hands back
// its `ts`; given `slack-ts`, chat.update rewrites that message in place (started → succeeded)
// and a reply in its thread records the change, with the mentions (an edit notifies no one).
// The Web API answers HTTP 200 with `ok: false` and an `error` code for most failures
// (https://api.slack.com/web#responses): that is a failure too.
import { httpUrl, optional, parser, quote, secret, withDefault } from '../../inputs.js'
import { defineChannel, retryLog, type Delivery, type SendContext } from '../channel.js'
import { bodyExcerpt, expectSuccess, postJson } from '../http.js'
import type { NotifyMessage } from '../message.js'
import { DeliveryError, sendWithRetries } from '../retry.js'
import { escapeSlack, slackMentions, slackPayload } from './slack.js'

export interface SlackBotConfig {
  token: string
  channel: string
  ts?: string
  apiUrl: string
}

/** Web API errors worth another try ("Errors" of each method's reference). */
const TRANSIENT_ERRORS = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
])

const HINTS: Record<string, string> = {
  not_in_channel: 'invite the bot to the channel (/invite @your-bot)',
  channel_not_found:
    'slack-channel must be a channel the bot can see; chat.update needs its id (C…)',
  invalid_auth: 'slack-bot-token is not a valid token',
  not_authed: 'slack-bot-token is not a valid token',
  token_revoked: 'slack-bot-token was revoked',
  missing_scope: 'the bot token needs the chat:write scope',
  message_not_found: 'slack-ts must be the ts of a message in slack-channel',
  cant_update_message: 'slack-ts must be a message this bot posted',
  is_archived: 'the channel is archived',
}

interface SlackAnswer {
  ok?: boolean
  error?: string
  channel?: string
  ts?: string
}

async function callSlack(
  config: SlackBotConfig,
  method: 'chat.postMessage' | 'chat.update',
  payload: Record<string, unknown>,
  timeoutMs: number,
): Promise<SlackAnswer> {
  const service = `Slack ${method}`
  const answer = expectSuccess(
    await postJson({
      url: `${config.apiUrl.replace(/\/+$/, '')}/${method}`,
      body: JSON.stringify(payload),
      headers: { Authorization: `Bearer ${config.token}` },
      service,
      timeoutMs,
    }),
    service,
  )
  let parsed: SlackAnswer
  try {
    parsed = JSON.parse(answer.body) as SlackAnswer
  } catch {
    throw new DeliveryError(`${service} answered with no JSON${bodyExcerpt(answer.body)}`, false)
  }
  if (parsed.ok === true) return parsed
  const error = typeof parsed.error === 'string' ? parsed.error : 'unknown_error'
  const hint = HINTS[error]
  throw new DeliveryError(
    `${service} refused: ${error}${hint ? ` (${hint})` : ''}`,
    TRANSIENT_ERRORS.has(error),
  )
}

/** The thread reply of an update: status and title, with the mentions (an edit pings no one). */
function replyLine(message: NotifyMessage): string {
  // The title is at most 240 characters (buildMessage): the mentions get what is left of 3000.
  const line = `${message.style.emoji} *${escapeSlack(message.style.label)}*: ${escapeSlack(message.title)}`
  const mentions = slackMentions(message, 3000 - line.length - 1)
  return mentions ? `${line} ${mentions}` : line
}

export async function sendSlackBot(
  config: SlackBotConfig,
  context: SendContext,
): Promise<Delivery> {
  const { message } = context
  const content = slackPayload(message)
  const log = retryLog(context)
  if (!config.ts) {
    // Links in the message (commit, run) are not unfurled into previews under it.
    const { value, attempts } = await sendWithRetries(
      context.policy,
      (timeoutMs) =>
        callSlack(
          config,
          'chat.postMessage',
          { channel: config.channel, ...content, unfurl_links: false, unfurl_media: false },
          timeoutMs,
        ),
      log,
    )
    const ts = value.ts ?? ''
    // Slack answers with the channel's id even when it was given `#name`: chat.update needs it.
    const channelId = value.channel ?? ''
    return {
      detail: `posted to ${config.channel}${channelId && channelId !== config.channel ? ` (${channelId})` : ''} (ts ${ts})`,
      attempts,
      slackTs: ts,
      slackChannelId: channelId,
    }
  }

  const ts = config.ts
  // chat.update takes no unfurl_links/unfurl_media (its arguments, Slack's method reference):
  // an edit keeps the message's own setting.
  const updated = await sendWithRetries(
    context.policy,
    (timeoutMs) =>
      callSlack(config, 'chat.update', { channel: config.channel, ts, ...content }, timeoutMs),
    log,
  )
  const channelId = updated.value.channel ?? config.channel
  const line = replyLine(message)
  const replied = await sendWithRetries(
    context.policy,
    (timeoutMs) =>
      callSlack(
        config,
        'chat.postMessage',
        {
          channel: channelId,
          thread_ts: ts,
          text: line,
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text: line } }],
          unfurl_links: false,
          unfurl_media: false,
        },
        timeoutMs,
      ),
    log,
  )
  return {
    detail: `updated message ${ts} in ${config.channel} and replied in its thread`,
    attempts: updated.attempts + replied.attempts,
    slackTs: updated.value.ts ?? ts,
    slackChannelId: channelId,
  }
}

export const slackBotChannel = defineChannel({
  name: 'slack-bot',
  enabledBy: 'slack-bot-token with slack-channel',
  credentials: { 'slack-bot-token': secret() },
  options: {
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
  },
  configure: (inputs, problems): SlackBotConfig | undefined => {
    const token = inputs['slack-bot-token']
    const channel = inputs['slack-channel']
    const ts = inputs['slack-ts']
    if (token && !channel) {
      problems.push('`slack-channel` is required with `slack-bot-token` (example: C0123456789)')
    }
    if (channel && !token) {
      problems.push(
        '`slack-channel` needs `slack-bot-token` (an incoming webhook posts to its own channel: use slack-webhook-url alone)',
      )
    }
    if (ts && !token) {
      problems.push('`slack-ts` needs `slack-bot-token`: only the bot can update its message')
    }
    if (ts && channel?.startsWith('#')) {
      problems.push(
        '`slack-channel` must be the channel id (C0123456789) with `slack-ts`: chat.update does not take a name (pass the slack-channel-id output of the step that posted)',
      )
    }
    return token && channel ? { token, channel, ts, apiUrl: inputs['slack-api-url'] } : undefined
  },
  send: sendSlackBot,
  limits: 'the blocks of the slack channel; a thread reply of 3000 characters',
})
