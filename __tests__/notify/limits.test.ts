// What the consumers refuse or break on: Teams' 28 KB, Discord's 6000 characters and 25 fields,
// and Slack's mrkdwn, where a cut after escaping leaves half an entity or a link without its `>`.
// Payloads are checked as sent (JSON bytes), the Teams card also by the Adaptive Cards library
// itself, and once through the bundled action against the local receivers.
import { createRequire } from 'node:module'
import type * as AdaptiveCardsModule from 'adaptivecards'
import type { RunContext } from '../../shared/github/context.js'
import { discordPayload } from '../../shared/notify/channels/discord.js'
import { slackPayload } from '../../shared/notify/channels/slack.js'
import { TEAMS_MESSAGE_MAX_BYTES, teamsPayload } from '../../shared/notify/channels/teams.js'
import { clipEscaped, fitItems } from '../../shared/notify/fit.js'
import { buildMessage, messageFacts, type MessageInput } from '../../shared/notify/message.js'
import {
  checkDiscordMessage,
  checkSlackMessage,
  checkTeamsMessage,
  TEAMS_LIMIT_BYTES,
} from '../fakes/notify-receivers.js'
import { notify, Receivers } from './harness.js'

// The package's ES build imports its modules without file extensions, which Node does not
// resolve; its UMD build is the same library in one file.
const AdaptiveCards = createRequire(import.meta.url)(
  'adaptivecards/dist/adaptivecards.js',
) as typeof AdaptiveCardsModule

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

function manyFields(count: number, value: (i: number) => string) {
  return Array.from({ length: count }, (_, i) => ({ name: `Field ${i}`, value: value(i) }))
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8')

/** What the Adaptive Cards library reports when it parses and validates the card. */
function adaptiveCardProblems(card: unknown): string[] {
  const parsed = new AdaptiveCards.AdaptiveCard()
  const serialization = new AdaptiveCards.SerializationContext()
  parsed.parse(card, serialization)
  const problems: string[] = []
  for (let i = 0; i < serialization.eventCount; i++) {
    problems.push(serialization.getEventAt(i).message)
  }
  for (const event of parsed.validateProperties().validationEvents) problems.push(event.message)
  return problems
}

/** The texts of the Teams card's body (its TextRuns), in order. */
function teamsTexts(payload: Record<string, unknown>): string[] {
  const runs = (value: unknown): string[] => {
    if (Array.isArray(value)) return value.flatMap(runs)
    if (!value || typeof value !== 'object') return []
    const object = value as Record<string, unknown>
    if (object.type === 'TextRun' && typeof object.text === 'string') return [object.text]
    return Object.values(object).flatMap(runs)
  }
  const card = (payload.attachments as Array<{ content: { body: unknown[] } }>)[0]?.content
  return runs(card?.body)
}

describe('Teams stays under its 28 KB', () => {
  it('cuts 60 long fields to what fits, in order, and says how many were left out', () => {
    const fields = manyFields(60, (i) => `${i} ${'value '.repeat(160)}`)
    const payload = teamsPayload(message({ fields }))
    expect(bytes(payload)).toBeLessThanOrEqual(TEAMS_MESSAGE_MAX_BYTES)
    expect(checkTeamsMessage(payload)).toEqual([])

    const texts = teamsTexts(payload)
    const note = texts.at(-1) ?? ''
    const omitted = Number(/^(\d+) more facts not shown: see the workflow run$/.exec(note)?.[1])
    const shown = fields.filter((field) => texts.includes(field.name)).map((field) => field.name)
    expect(omitted).toBeGreaterThan(0)
    expect(shown.length + omitted).toBe(60)
    // The standard facts come first and stay; the user's fields are kept from the first on.
    expect(texts).toContain('Commit')
    expect(shown).toEqual(fields.slice(0, shown.length).map((field) => field.name))
  })

  it('counts bytes as sent: characters JSON escapes and characters UTF-8 widens', () => {
    for (const value of [
      '\u0001'.repeat(1900),
      '€'.repeat(1900),
      '😀'.repeat(950),
      '"\\'.repeat(950),
    ]) {
      const payload = teamsPayload(message({ text: value, fields: manyFields(30, () => value) }))
      expect(bytes(payload)).toBeLessThanOrEqual(TEAMS_MESSAGE_MAX_BYTES)
      expect(checkTeamsMessage(payload)).toEqual([])
      expect(teamsTexts(payload).at(-1)).toMatch(/^\d+ more facts not shown/)
    }
  })

  it('sends every fact, and no note, when they fit', () => {
    const payload = teamsPayload(message({ fields: manyFields(5, () => 'short') }))
    expect(teamsTexts(payload).join('\n')).not.toMatch(/more facts? not shown/)
    expect(teamsTexts(payload)).toContain('Field 4')
  })

  it('is a card the Adaptive Cards library reads without a complaint, cut or not', () => {
    for (const fields of [[], manyFields(60, () => 'v'.repeat(900))]) {
      const card = (teamsPayload(message({ fields })).attachments as Array<{ content: unknown }>)[0]
      expect(adaptiveCardProblems(card?.content)).toEqual([])
    }
    // The check itself sees what Teams would not render.
    expect(
      adaptiveCardProblems({ type: 'AdaptiveCard', version: '1.4', body: [{ type: 'Bogus' }] }),
    ).not.toEqual([])
  })
})

describe('Discord names what it leaves out', () => {
  it('ends a cut list of fields with how many more there were', () => {
    const fields = manyFields(40, () => 'x'.repeat(300))
    const payload = discordPayload(message({ fields }))
    expect(checkDiscordMessage(payload)).toEqual([])
    const embed = (payload.embeds as Array<{ fields: Array<{ name: string; value: string }> }>)[0]
    const last = embed?.fields.at(-1)
    const omitted = Number(/^(\d+) more facts not shown/.exec(last?.value ?? '')?.[1])
    const facts = messageFacts(message({ fields })).length
    expect((embed?.fields.length ?? 0) - 1 + omitted).toBe(facts)
  })
})

/**
 * Where mrkdwn text is broken: an `&` that does not start one of Slack's three entities, or a
 * `<`/`>` that is not part of a whole `<http(s)://url|label>` link or mention.
 */
function mrkdwnDefects(text: string): string[] {
  const defects: string[] = []
  const around = (at: number) => JSON.stringify(text.slice(Math.max(0, at - 20), at + 20))
  for (const match of text.matchAll(/&(?!amp;|lt;|gt;)/g)) {
    defects.push(`a bare & at ${match.index}: ${around(match.index)}`)
  }
  const whole =
    /<https?:\/\/[^<>|\s]+\|[^<>|]*>|<@[UW][A-Z0-9]+>|<!subteam\^[A-Z0-9]+>|<!(?:here|channel)>/g
  const outside = text.replace(whole, (token) => ' '.repeat(token.length))
  for (const match of outside.matchAll(/[<>]/g)) {
    defects.push(`a ${match[0]} outside a whole link at ${match.index}: ${around(match.index)}`)
  }
  return defects
}

function mrkdwnTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnTexts)
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>
    if (object.type === 'mrkdwn' && typeof object.text === 'string') return [object.text]
    return Object.values(object).flatMap(mrkdwnTexts)
  }
  return []
}

const unescapeSlack = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

describe('Slack text is cut before it is escaped and wrapped', () => {
  const title = `Fix ${'a&b <c> '.repeat(1200)}`

  it('keeps a long commit title full of &<> a whole link, and every entity whole', () => {
    const payload = slackPayload(
      message({
        event: { commitMessage: `${title}\n\nbody`, pullRequest: undefined },
        text: '&<>'.repeat(3000),
        fields: [
          { name: 'Notes & <more>', value: '&'.repeat(5000) },
          { name: 'Long', value: `${'<&>'.repeat(2000)}\nsecond line` },
        ],
        mentions: Array.from({ length: 400 }, (_, i) => ({
          kind: 'slack-user' as const,
          id: `U${String(i).padStart(8, '0')}`,
        })),
      }),
    )
    expect(checkSlackMessage(payload)).toEqual([])
    const texts = mrkdwnTexts(payload)
    expect(texts.flatMap(mrkdwnDefects)).toEqual([])

    const commit = texts.find((text) => text.startsWith('*Commit*\n')) ?? ''
    const link = /^\*Commit\*\n<(https:\/\/[^|]+)\|([^>]*)>$/.exec(commit)
    expect(link?.[1]).toBe(`https://github.com/acme/shop/commit/${context.sha}`)
    // What the link shows is the start of the title, as typed, then the ellipsis.
    const shown = unescapeSlack(link?.[2] ?? '')
    expect(shown.endsWith('…')).toBe(true)
    expect(`ffac537 ${title}`.startsWith(shown.slice(0, -1))).toBe(true)

    // Mentions are whole (each one pings or none): as many as fit in the section.
    const mentions = texts.find((text) => text.startsWith('<@')) ?? ''
    expect(mentions.length).toBeLessThanOrEqual(3000)
    expect(mentions).toMatch(/^(<@U\d{8}>)( <@U\d{8}>)*$/)
  })

  it('cuts a pull request title inside its link too', () => {
    const payload = slackPayload(
      message({
        event: {
          pullRequest: {
            number: 7,
            title,
            url: 'https://github.com/acme/shop/pull/7?a=1&b=<2>',
          },
        },
      }),
    )
    const texts = mrkdwnTexts(payload)
    expect(texts.flatMap(mrkdwnDefects)).toEqual([])
    expect(texts.find((text) => text.startsWith('*Pull request*'))).toMatch(
      /^\*Pull request\*\n<https:\/\/github\.com\/acme\/shop\/pull\/7\?a=1&amp;b=%3C2%3E\|#7 Fix a&amp;b &lt;c&gt; .*…>$/s,
    )
  })
})

describe('the fitting helpers', () => {
  it('cuts before escaping, never inside an escape or a surrogate pair', () => {
    const entities = (text: string) => text.replace(/&/g, '&amp;')
    expect(clipEscaped('a&&&&', 9, entities)).toBe('a&amp;…')
    expect(clipEscaped('a&b', 9, entities)).toBe('a&amp;b')
    expect(clipEscaped('😀😀😀', 4, (text) => text)).toBe('😀…')
    expect(clipEscaped('abc', 0, (text) => text)).toBe('')
  })

  it('keeps items in order while they and the note fit, and counts the rest', () => {
    const size = (item: number) => item
    const noteSize = () => 3
    expect(fitItems([1, 2, 3], { budget: 6, size, noteSize })).toEqual({
      kept: [1, 2, 3],
      omitted: 0,
    })
    expect(fitItems([4, 4, 1, 1], { budget: 9, size, noteSize })).toEqual({ kept: [4], omitted: 3 })
    expect(fitItems([1, 1, 1, 1], { budget: 99, maxItems: 3, size, noteSize })).toEqual({
      kept: [1, 1],
      omitted: 2,
    })
  })
})

describe('notify with 60 long fields, as the runner runs it', () => {
  let receivers: Receivers
  beforeAll(async () => {
    receivers = await new Receivers().start()
  })
  afterAll(async () => {
    await receivers.stop()
  })

  it('posts a Teams card under 28 KB and a Discord embed within its limits', async () => {
    const fields = Array.from(
      { length: 60 },
      (_, i) => `Field ${i}: ${'a long value & <more> '.repeat(40)}`,
    ).join('\n')
    const result = await notify(receivers, {
      inputs: {
        'teams-webhook-url': receivers.teams.url,
        'discord-webhook-url': receivers.discord.url,
        'slack-webhook-url': receivers.slack.url,
        status: 'success',
        fields,
      },
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.sent).toBe('slack,teams,discord')
    expect(receivers.violations).toEqual([])
    const sent = receivers.teams.requests[0]?.raw ?? ''
    expect(Buffer.byteLength(sent, 'utf8')).toBeLessThanOrEqual(TEAMS_LIMIT_BYTES)
    expect(sent).toMatch(/\d+ more facts not shown: see the workflow run/)
    const slackTexts = mrkdwnTexts(receivers.slack.requests[0]?.json)
    expect(slackTexts.flatMap(mrkdwnDefects)).toEqual([])
  })
})
