// Slack: the message as Block Kit (https://api.slack.com/block-kit) in a coloured attachment,
// sent to an incoming webhook (https://api.slack.com/messaging/webhooks). The same blocks serve
// the bot channel (slack-bot.ts).
//
// Slack reads `&`, `<` and `>` as control characters in mrkdwn ("Escaping text",
// https://api.slack.com/reference/surfaces/formatting#escaping): every text that is not ours
// has them turned into entities, so `<!channel>` in a commit message is shown, never a ping,
// and `<https://evil|innocent>` is never a link. Mentions come only from mention-on-failure.
import { defineChannel, retryLog, type Delivery, type SendContext } from '../channel.js'
import { webhookUrl } from '../channel-inputs.js'
import { expectSuccess, postJson } from '../http.js'
import { clipEscaped } from '../fit.js'
import { headline, messageFacts, type Fact, type NotifyMessage } from '../message.js'
import { oneLine } from '../../text.js'
import { slackMention } from '../mentions.js'
import { sendWithRetries } from '../retry.js'

/** Slack's limits (Block Kit reference): section text 3000, a field 2000, 10 fields. */
const SECTION_TEXT_MAX = 3000
const FIELD_MAX = 2000
const FIELDS_PER_SECTION = 10

/** Text made inert for mrkdwn: Slack's three control characters as entities. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * Foreign text made inert and cut to `max` characters as Slack counts them, the entities
 * included: the text is cut first, then escaped, so no `&amp;` is split.
 */
function slackText(text: string, max: number): string {
  return clipEscaped(text, max, escapeSlack)
}

/** A URL inside `<url|text>`: nothing in it may end the link or start the label. */
function slackUrl(url: string): string {
  return url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C')
}

/**
 * `<url|label>` in at most `max` characters: the label is cut before it is escaped and wrapped,
 * so the link always keeps its closing `>`. A URL too long to leave room for a label is shown
 * as the label alone.
 */
function slackLink(url: string, label: string, max: number): string {
  const safeUrl = slackUrl(url)
  const room = max - safeUrl.length - 3
  if (room < 8) return slackText(label, max)
  return `<${safeUrl}|${slackText(label, room)}>`
}

/** Inline code: Slack applies no bold, italics or links inside it. */
function slackCode(text: string, max: number): string {
  // A backtick would end the span: a look-alike keeps the text readable.
  return `\`${slackText(text.replace(/`/g, 'ˋ').replace(/\s*\n\s*/g, ' '), max - 2)}\``
}

function factValue(fact: Fact, max: number): string {
  if (fact.url) return slackLink(fact.url, fact.value.replace(/\n/g, ' '), max)
  if (fact.code) return slackCode(fact.value, max)
  return slackText(fact.value, max)
}

/** `*label*` and the value under it, in at most `max` characters. */
function factText(fact: Fact, max: number): string {
  const label = `*${slackText(oneLine(fact.label), 200)}*\n`
  return `${label}${factValue(fact, max - label.length)}`
}

/** A text object; every text is built to fit its limit, so nothing is cut after escaping. */
function mrkdwn(text: string): { type: 'mrkdwn'; text: string } {
  return { type: 'mrkdwn', text }
}

export interface SlackPayload {
  text: string
  blocks: unknown[]
  attachments: Array<{ color: string; fallback: string; blocks: unknown[] }>
}

/**
 * The mentions of mention-on-failure in Slack syntax, or '': whole mentions only, as many as fit
 * in `max` characters (a cut one would neither ping nor read).
 */
export function slackMentions(message: NotifyMessage, max = SECTION_TEXT_MAX): string {
  let text = ''
  for (const mention of message.mentions.map(slackMention)) {
    if (mention === undefined) continue
    const next = text ? `${text} ${mention}` : mention
    if (next.length > max) break
    text = next
  }
  return text
}

/** The message as Block Kit: headline and text on top, facts in a bar of the status colour. */
export function slackPayload(message: NotifyMessage): SlackPayload {
  // The title is at most 240 characters (buildMessage): escaped, it leaves room for the text.
  const top = `${message.style.emoji} *${escapeSlack(message.title)}*`
  const text = message.text ? slackText(message.text, SECTION_TEXT_MAX - top.length - 1) : ''
  const blocks: unknown[] = [{ type: 'section', text: mrkdwn(text ? `${top}\n${text}` : top) }]
  const mentions = slackMentions(message)
  if (mentions) blocks.push({ type: 'section', text: mrkdwn(mentions) })

  const facts = messageFacts(message).filter((fact) => fact.label !== 'Run')
  const barBlocks: unknown[] = []
  let fields: unknown[] = []
  const flush = () => {
    if (fields.length > 0) barBlocks.push({ type: 'section', fields })
    fields = []
  }
  for (const fact of facts) {
    if (fact.long) {
      flush()
      barBlocks.push({ type: 'section', text: mrkdwn(factText(fact, SECTION_TEXT_MAX)) })
      continue
    }
    fields.push(mrkdwn(factText(fact, FIELD_MAX)))
    if (fields.length === FIELDS_PER_SECTION) flush()
  }
  flush()
  const runLink = `<${slackUrl(message.runUrl)}|View the workflow run> · `
  barBlocks.push({
    type: 'context',
    elements: [
      mrkdwn(`${runLink}${slackText(message.repository, SECTION_TEXT_MAX - runLink.length)}`),
    ],
  })
  // An attachment holds at most 50 blocks; the last one (the run link) always stays.
  const kept = barBlocks.length > 50 ? [...barBlocks.slice(0, 49), barBlocks.at(-1)] : barBlocks
  const fallback = escapeSlack(headline(message))
  return {
    text: mentions ? `${fallback} ${mentions}` : fallback,
    blocks,
    attachments: [{ color: message.style.color, fallback, blocks: kept }],
  }
}

export async function sendSlackWebhook(
  config: { webhookUrl: string },
  context: SendContext,
): Promise<Delivery> {
  const body = JSON.stringify(slackPayload(context.message))
  const { attempts } = await sendWithRetries(
    context.policy,
    async (timeoutMs) => {
      const answer = await postJson({
        url: config.webhookUrl,
        body,
        service: 'Slack webhook',
        timeoutMs,
      })
      // Slack answers 200 `ok`; errors come as 4xx with a short code (`invalid_payload`).
      expectSuccess(answer, 'Slack webhook')
    },
    retryLog(context),
  )
  return { detail: 'posted', attempts }
}

export const slackChannel = defineChannel({
  name: 'slack',
  enabledBy: 'slack-webhook-url',
  credentials: {
    'slack-webhook-url': webhookUrl('https://hooks.slack.com/services/T000/B000/XXXX'),
  },
  options: {},
  configure: (inputs) =>
    inputs['slack-webhook-url'] ? { webhookUrl: inputs['slack-webhook-url'] } : undefined,
  send: sendSlackWebhook,
  limits: `section text ${SECTION_TEXT_MAX} characters, a field ${FIELD_MAX}, ${FIELDS_PER_SECTION} fields a section, 50 blocks an attachment`,
})
