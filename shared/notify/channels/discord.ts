// Discord: the message as an embed posted to a webhook ("Execute Webhook",
// https://discord.com/developers/docs/resources/webhook#execute-webhook). The colour is an
// integer; title 256, description 4096, 25 fields of 256/1024, 6000 characters in all.
//
// `allowed_mentions` lists exactly the users and roles of mention-on-failure (and `everyone`
// only when @here/@channel was asked for), so nothing else in the message can ping. Embed text
// reads Discord's Markdown: every ASCII punctuation character of foreign text is
// backslash-escaped, which Discord shows as the character itself.
import { defineChannel, retryLog, type Delivery, type SendContext } from '../channel.js'
import { webhookUrl } from '../channel-inputs.js'
import { expectSuccess, postJson } from '../http.js'
import { clipEscaped, fitItems, moreFactsNote } from '../fit.js'
import { messageFacts, type Fact, type NotifyMessage } from '../message.js'
import { clip, oneLine } from '../../text.js'
import { discordMentions } from '../mentions.js'
import { colorNumber } from '../status.js'
import { sendWithRetries } from '../retry.js'

const TITLE_MAX = 256
const DESCRIPTION_MAX = 4096
const FIELD_NAME_MAX = 256
const FIELD_VALUE_MAX = 1024
const FIELDS_MAX = 25
const EMBED_TOTAL_MAX = 6000
const MORE_NAME = '…'

/** Text Discord shows as written: Markdown, mentions, links and emoji codes escaped. */
export function escapeDiscord(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&')
}

/** Escaped and cut to `max`: an escape is never cut from its character. */
function escapedClip(text: string, max: number): string {
  return clipEscaped(text, max, escapeDiscord)
}

/** `[text](url)`: the URL may not hold a space or a parenthesis that would end it early. */
function link(text: string, url: string, max: number): string {
  const safeUrl = url.replace(/[()\s<>]/g, (char) => encodeURIComponent(char))
  return `[${escapedClip(text, Math.max(1, max - safeUrl.length - 4))}](${safeUrl})`
}

function fieldValue(fact: Fact): string {
  if (fact.url) return link(oneLine(fact.value), fact.url, FIELD_VALUE_MAX)
  return escapedClip(fact.value, FIELD_VALUE_MAX) || '\u200b'
}

export function discordPayload(message: NotifyMessage): Record<string, unknown> {
  const title = clip(oneLine(`${message.style.emoji} ${message.title}`), TITLE_MAX)
  const description = message.text ? escapedClip(message.text, DESCRIPTION_MAX) : undefined
  const footer = clip(`${message.repository} · flightdeck`, 2048)
  const rendered = messageFacts(message).map((fact) => ({
    name: clip(oneLine(fact.label), FIELD_NAME_MAX) || '\u200b',
    value: fieldValue(fact),
    inline: !fact.long,
  }))
  // Fields are kept in order while the embed stays within its limits; the rest are named in a
  // last field, so a reader knows the message was cut.
  const { kept, omitted } = fitItems(rendered, {
    budget: EMBED_TOTAL_MAX - title.length - (description?.length ?? 0) - footer.length,
    maxItems: FIELDS_MAX,
    size: (field) => field.name.length + field.value.length,
    noteSize: (count) => MORE_NAME.length + escapeDiscord(moreFactsNote(count)).length,
  })
  const fields = [...kept]
  if (omitted > 0) {
    fields.push({ name: MORE_NAME, value: escapeDiscord(moreFactsNote(omitted)), inline: false })
  }
  const mentions = discordMentions(message.mentions)
  return {
    ...(mentions.content ? { content: mentions.content } : {}),
    allowed_mentions: mentions.allowed,
    embeds: [
      {
        title,
        url: message.runUrl,
        ...(description ? { description } : {}),
        color: colorNumber(message.style.color),
        fields,
        footer: { text: footer },
        timestamp: message.timestamp,
      },
    ],
  }
}

export async function sendDiscord(
  config: { webhookUrl: string },
  context: SendContext,
): Promise<Delivery> {
  const body = JSON.stringify(discordPayload(context.message))
  const { attempts } = await sendWithRetries(
    context.policy,
    async (timeoutMs) => {
      // 204 No Content when delivered; 429 with Retry-After when rate limited.
      expectSuccess(
        await postJson({ url: config.webhookUrl, body, service: 'Discord webhook', timeoutMs }),
        'Discord webhook',
      )
    },
    retryLog(context),
  )
  return { detail: 'embed posted', attempts }
}

export const discordChannel = defineChannel({
  name: 'discord',
  enabledBy: 'discord-webhook-url',
  credentials: {
    'discord-webhook-url': webhookUrl('https://discord.com/api/webhooks/123/abc'),
  },
  options: {},
  configure: (inputs) =>
    inputs['discord-webhook-url'] ? { webhookUrl: inputs['discord-webhook-url'] } : undefined,
  send: sendDiscord,
  limits: `embed title ${TITLE_MAX}, description ${DESCRIPTION_MAX}, ${FIELDS_MAX} fields of ${FIELD_NAME_MAX}/${FIELD_VALUE_MAX}, ${EMBED_TOTAL_MAX} characters in all; facts past it are named in one field`,
})
