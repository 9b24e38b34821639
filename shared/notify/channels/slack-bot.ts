// Slack through a bot token and the Web API: chat.postMessage posts the message and hands back
// its `ts`; given `slack-ts`, chat.update rewrites that message in place (started → succeeded)
// and a reply in its thread records the change, with the mentions (an edit notifies no one).
// The Web API answers HTTP 200 with `ok: false` and an `error` code for most failures
// (https://api.slack.com/web#responses): that is a failure too.
import { retryLog, type Delivery, type SendContext } from '../channel.js'
import { bodyExcerpt, expectSuccess, postJson } from '../http.js'
import { DeliveryError, withRetries } from '../retry.js'
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

export async function sendSlackBot(
  config: SlackBotConfig,
  context: SendContext,
): Promise<Delivery> {
  const { message } = context
  const payload = { ...slackPayload(message), unfurl_links: false, unfurl_media: false }
  const log = retryLog(context)
  if (!config.ts) {
    const { value, attempts } = await withRetries(
      context.policy,
      (timeoutMs) =>
        callSlack(config, 'chat.postMessage', { channel: config.channel, ...payload }, timeoutMs),
      log,
    )
    const ts = value.ts ?? ''
    return { detail: `posted to ${config.channel} (ts ${ts})`, attempts, slackTs: ts }
  }

  const ts = config.ts
  const updated = await withRetries(
    context.policy,
    (timeoutMs) =>
      callSlack(config, 'chat.update', { channel: config.channel, ts, ...payload }, timeoutMs),
    log,
  )
  const mentions = slackMentions(message)
  const line = `${message.style.emoji} *${escapeSlack(message.style.label)}*: ${escapeSlack(message.title)}${mentions ? ` ${mentions}` : ''}`
  const replied = await withRetries(
    context.policy,
    (timeoutMs) =>
      callSlack(
        config,
        'chat.postMessage',
        {
          channel: updated.value.channel ?? config.channel,
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
  }
}
