// Discord: the message as an embed posted to a webhook ("Execute Webhook",
// https://discord.com/developers/docs/resources/webhook#execute-webhook). The colour is an
// integer; title 256, description 4096, 25 fields of 256/1024, 6000 characters in all.
//
// `allowed_mentions` lists exactly the users and roles of mention-on-failure (and `everyone`
// only when @here/@channel was asked for), so nothing else in the message can ping. Embed text
// reads Discord's Markdown: every ASCII punctuation character of foreign text is
// backslash-escaped, which Discord shows as the character itself.
import { retryLog, type Delivery, type SendContext } from '../channel.js'
import { expectSuccess, postJson } from '../http.js'
import { clip, messageFacts, oneLine, type Fact, type NotifyMessage } from '../message.js'
import { discordMentions } from '../mentions.js'
import { colorNumber } from '../status.js'
import { withRetries } from '../retry.js'

const TITLE_MAX = 256
const DESCRIPTION_MAX = 4096
const FIELD_NAME_MAX = 256
const FIELD_VALUE_MAX = 1024
const FIELDS_MAX = 25
const EMBED_TOTAL_MAX = 6000

/** Text Discord shows as written: Markdown, mentions, links and emoji codes escaped. */
export function escapeDiscord(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&')
}

/** Escaped and cut to `max` without leaving a dangling backslash. */
function escapedClip(text: string, max: number): string {
  let escaped = escapeDiscord(text)
  if (escaped.length <= max) return escaped
  escaped = escaped.slice(0, max - 1)
  // An odd run of backslashes at the end would escape the ellipsis.
  const run = /\\+$/.exec(escaped)?.[0].length ?? 0
  if (run % 2 === 1) escaped = escaped.slice(0, -1)
  return `${escaped}…`
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
  let total = title.length + (description?.length ?? 0) + footer.length
  const fields: Array<{ name: string; value: string; inline: boolean }> = []
  for (const fact of messageFacts(message)) {
    if (fields.length === FIELDS_MAX) break
    const name = clip(oneLine(fact.label), FIELD_NAME_MAX) || '\u200b'
    const value = fieldValue(fact)
    if (total + name.length + value.length > EMBED_TOTAL_MAX) break
    total += name.length + value.length
    fields.push({ name, value, inline: !fact.long })
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
  const { attempts } = await withRetries(
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
