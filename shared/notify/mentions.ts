// Who `mention-on-failure` pings, read once into typed mentions so each channel writes its own
// syntax from them (Slack `<@U…>`, Discord `<@123…>` with allowed_mentions) and nothing else in
// a message can ever ping.

export type Mention =
  | { kind: 'slack-user'; id: string }
  | { kind: 'slack-group'; id: string }
  | { kind: 'discord-user'; id: string }
  | { kind: 'discord-role'; id: string }
  | { kind: 'broadcast'; range: 'here' | 'channel' | 'everyone' }

const SLACK_USER = /^<?@?([UW][A-Z0-9]{6,20})>?$/
const SLACK_GROUP = /^(?:<!subteam\^)?(S[A-Z0-9]{6,20})(?:\|[^>]*)?>?$/
const DISCORD_USER = /^(?:<@!?)?(\d{15,21})>?$/
const DISCORD_ROLE = /^(?:<@&|&)(\d{15,21})>?$/
const BROADCAST = /^(?:@|<!)(here|channel|everyone)>?$/

export const MENTION_EXAMPLE = 'U024BE7LH, S0614TZR7, @here, 80351110224678912'

/** One `mention-on-failure` item, or a message saying what it should look like. */
export function parseMention(text: string): Mention {
  const item = text.trim()
  let match = BROADCAST.exec(item)
  if (match) return { kind: 'broadcast', range: match[1] as 'here' | 'channel' | 'everyone' }
  match = SLACK_USER.exec(item)
  if (match) return { kind: 'slack-user', id: match[1] as string }
  match = SLACK_GROUP.exec(item)
  if (match) return { kind: 'slack-group', id: match[1] as string }
  match = DISCORD_ROLE.exec(item)
  if (match) return { kind: 'discord-role', id: match[1] as string }
  match = DISCORD_USER.exec(item)
  if (match) return { kind: 'discord-user', id: match[1] as string }
  throw new Error(
    `${JSON.stringify(item.slice(0, 60))} is not a Slack user id (U…), Slack user group id (S…), Discord user id (digits), Discord role (&digits) or @here/@channel (example: ${MENTION_EXAMPLE})`,
  )
}

/** Slack's own syntax for a mention (https://api.slack.com/reference/surfaces/formatting). */
export function slackMention(mention: Mention): string | undefined {
  switch (mention.kind) {
    case 'slack-user':
      return `<@${mention.id}>`
    case 'slack-group':
      return `<!subteam^${mention.id}>`
    case 'broadcast':
      return `<!${mention.range}>`
    default:
      return undefined
  }
}

/** Discord's syntax for a mention, and what allowed_mentions must list for it to ping. */
export function discordMentions(mentions: Mention[]): {
  content: string
  allowed: { parse: string[]; users: string[]; roles: string[] }
} {
  const words: string[] = []
  const users: string[] = []
  const roles: string[] = []
  let broadcast = false
  for (const mention of mentions) {
    if (mention.kind === 'discord-user') {
      words.push(`<@${mention.id}>`)
      users.push(mention.id)
    } else if (mention.kind === 'discord-role') {
      words.push(`<@&${mention.id}>`)
      roles.push(mention.id)
    } else if (mention.kind === 'broadcast') {
      words.push(mention.range === 'here' ? '@here' : '@everyone')
      broadcast = true
    }
  }
  return {
    content: [...new Set(words)].join(' '),
    allowed: {
      parse: broadcast ? ['everyone'] : [],
      users: [...new Set(users)],
      roles: [...new Set(roles)],
    },
  }
}

/** How a mention reads where it cannot ping (the webhook payload, the summary). */
export function mentionText(mention: Mention): string {
  switch (mention.kind) {
    case 'broadcast':
      return `@${mention.range}`
    case 'discord-role':
      return `&${mention.id}`
    default:
      return mention.id
  }
}
