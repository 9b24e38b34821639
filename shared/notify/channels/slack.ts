// Slack: the message as Block Kit (https://api.slack.com/block-kit) in a coloured attachment,
// sent to an incoming webhook (https://api.slack.com/messaging/webhooks). The same blocks serve
// the bot channel (slack-bot.ts).
//
// Slack reads `&`, `<` and `>` as control characters in mrkdwn ("Escaping text",
// https://api.slack.com/reference/surfaces/formatting#escaping): every text that is not ours
// has them turned into entities, so `<!channel>` in a commit message is shown, never a ping,
// and `<https://evil|innocent>` is never a link. Mentions come only from mention-on-failure.
import { retryLog, type Delivery, type SendContext } from '../channel.js'
import { expectSuccess, postJson } from '../http.js'
import { clip, headline, messageFacts, type Fact, type NotifyMessage } from '../message.js'
import { slackMention } from '../mentions.js'
import { withRetries } from '../retry.js'

/** Slack's limits (Block Kit reference): section text 3000, a field 2000, 10 fields. */
const SECTION_TEXT_MAX = 3000
const FIELD_MAX = 2000
const FIELDS_PER_SECTION = 10

/** Text made inert for mrkdwn: Slack's three control characters as entities. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** A URL inside `<url|text>`: nothing in it may end the link or start the label. */
function slackUrl(url: string): string {
  return url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C')
}

/** Inline code: Slack applies no bold, italics or links inside it. */
function slackCode(text: string): string {
  // A backtick would end the span: a look-alike keeps the text readable.
  return `\`${escapeSlack(text.replace(/`/g, 'ˋ').replace(/\s*\n\s*/g, ' '))}\``
}

function factValue(fact: Fact): string {
  if (fact.url) return `<${slackUrl(fact.url)}|${escapeSlack(fact.value.replace(/\n/g, ' '))}>`
  if (fact.code) return slackCode(fact.value)
  return escapeSlack(fact.value)
}

function mrkdwn(text: string, max: number): { type: 'mrkdwn'; text: string } {
  return { type: 'mrkdwn', text: clip(text, max) }
}

export interface SlackPayload {
  text: string
  blocks: unknown[]
  attachments: Array<{ color: string; fallback: string; blocks: unknown[] }>
}

/** The mentions of mention-on-failure in Slack syntax, or ''. */
export function slackMentions(message: NotifyMessage): string {
  return message.mentions
    .map(slackMention)
    .filter((mention): mention is string => mention !== undefined)
    .join(' ')
}

/** The message as Block Kit: headline and text on top, facts in a bar of the status colour. */
export function slackPayload(message: NotifyMessage): SlackPayload {
  const top = `${message.style.emoji} *${escapeSlack(message.title)}*`
  const blocks: unknown[] = [
    {
      type: 'section',
      text: mrkdwn(message.text ? `${top}\n${escapeSlack(message.text)}` : top, SECTION_TEXT_MAX),
    },
  ]
  const mentions = slackMentions(message)
  if (mentions) blocks.push({ type: 'section', text: mrkdwn(mentions, SECTION_TEXT_MAX) })

  const facts = messageFacts(message).filter((fact) => fact.label !== 'Run')
  const barBlocks: unknown[] = []
  let fields: unknown[] = []
  const flush = () => {
    if (fields.length > 0) barBlocks.push({ type: 'section', fields })
    fields = []
  }
  for (const fact of facts) {
    const text = `*${escapeSlack(fact.label)}*\n${factValue(fact)}`
    if (fact.long) {
      flush()
      barBlocks.push({ type: 'section', text: mrkdwn(text, SECTION_TEXT_MAX) })
      continue
    }
    fields.push(mrkdwn(text, FIELD_MAX))
    if (fields.length === FIELDS_PER_SECTION) flush()
  }
  flush()
  barBlocks.push({
    type: 'context',
    elements: [
      mrkdwn(
        `<${slackUrl(message.runUrl)}|View the workflow run> · ${escapeSlack(message.repository)}`,
        SECTION_TEXT_MAX,
      ),
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
  const { attempts } = await withRetries(
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
