// Local receivers on 127.0.0.1 standing in for the webhooks notify posts to: Slack incoming
// webhooks, Microsoft Teams (incoming webhook / Workflows), Discord webhooks and a receiver of
// your own. Each records every request and checks its payload against the platform's documented
// shape and limits, and answers as the platform does: Slack `200 ok` or `400 invalid_payload`,
// Teams `202 Accepted` or `400`, Discord `204 No Content` or `400 {code: 50035}`. A test can
// script other answers (429 with Retry-After, 500 forever, never answering).
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  /** The body exactly as received. */
  raw: string
  json?: unknown
  /** ms since the receiver started. */
  at: number
  /** Where the payload breaks the platform's documented shape or limits. */
  problems: string[]
}

export interface Answer {
  status: number
  body?: string
  headers?: Record<string, string>
}

/** Returned by a script: hold the connection open and never answer. */
export const SILENCE = Symbol('silence')

export type Script = (
  request: ReceivedRequest,
  index: number,
) => Answer | typeof SILENCE | undefined

export type Platform = 'slack' | 'teams' | 'discord' | 'webhook'

/** A receiver for one platform: checks what arrives, answers as the platform would. */
export class Receiver {
  readonly requests: ReceivedRequest[] = []
  url = ''
  private server?: Server
  private startedAt = 0
  private scripts: Script[] = []

  constructor(
    readonly platform: Platform,
    /** The path of the webhook URL (it carries the credential in real URLs). */
    readonly path = '/hook',
  ) {}

  /** Answers from this script first; undefined falls through to the platform's own answer. */
  script(script: Script): this {
    this.scripts.unshift(script)
    return this
  }

  /** Every request checked against the platform, with what was wrong. */
  get problems(): string[] {
    return this.requests.flatMap((request) => request.problems)
  }

  async start(): Promise<this> {
    this.startedAt = performance.now()
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        const request: ReceivedRequest = {
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers: req.headers,
          raw,
          at: Math.round(performance.now() - this.startedAt),
          problems: [],
        }
        try {
          request.json = JSON.parse(raw) as unknown
        } catch {
          request.problems.push('the body is not JSON')
        }
        const index = this.requests.length
        this.requests.push(request)
        for (const script of this.scripts) {
          const answer = script(request, index)
          if (answer === SILENCE) return
          if (answer) return this.send(res, answer)
        }
        this.send(res, this.platformAnswer(request))
      })
    })
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${this.path}`
    return this
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    )
  }

  private send(res: ServerResponse, answer: Answer): void {
    res.writeHead(answer.status, answer.headers)
    res.end(answer.body ?? '')
  }

  private platformAnswer(request: ReceivedRequest): Answer {
    if (request.method !== 'POST' || request.path !== this.path) {
      request.problems.push(
        `${request.method} ${request.path}: not the webhook (POST ${this.path})`,
      )
      return { status: 404, body: 'not found' }
    }
    if (!/^application\/json/.test(request.headers['content-type'] ?? '')) {
      request.problems.push(`content-type ${request.headers['content-type']} is not JSON`)
    }
    if (request.json !== undefined) {
      request.problems.push(...CHECKS[this.platform](request.json))
    }
    const ok = request.problems.length === 0
    switch (this.platform) {
      case 'slack':
        return ok ? { status: 200, body: 'ok' } : { status: 400, body: 'invalid_payload' }
      case 'teams':
        return ok ? { status: 202 } : { status: 400, body: 'Bad payload' }
      case 'discord':
        return ok
          ? { status: 204 }
          : {
              status: 400,
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ code: 50035, message: 'Invalid Form Body' }),
            }
      default:
        return ok ? { status: 200, body: '{"received":true}' } : { status: 400 }
    }
  }
}

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Block Kit checks (Block Kit reference: blocks, text objects, limits). */
export function checkSlackBlocks(blocks: unknown, where: string): string[] {
  const problems: string[] = []
  if (!Array.isArray(blocks)) return [`${where} is not an array`]
  if (blocks.length > 50) problems.push(`${where} has ${blocks.length} blocks (at most 50)`)
  const textObject = (text: unknown, at: string, max: number) => {
    if (!isObject(text) || (text.type !== 'mrkdwn' && text.type !== 'plain_text')) {
      problems.push(`${at} is not a mrkdwn or plain_text text object`)
    } else if (typeof text.text !== 'string' || text.text.length === 0) {
      problems.push(`${at}.text is empty`)
    } else if (text.text.length > max) {
      problems.push(`${at}.text has ${text.text.length} characters (at most ${max})`)
    }
  }
  blocks.forEach((block: unknown, index) => {
    const at = `${where}[${index}]`
    if (!isObject(block)) return problems.push(`${at} is not an object`)
    if (block.type === 'section') {
      if (block.text === undefined && block.fields === undefined) {
        problems.push(`${at}: a section needs text or fields`)
      }
      if (block.text !== undefined) textObject(block.text, `${at}.text`, 3000)
      if (block.fields !== undefined) {
        if (!Array.isArray(block.fields) || block.fields.length > 10) {
          problems.push(`${at}.fields must be an array of at most 10`)
        } else {
          block.fields.forEach((field: unknown, i) => textObject(field, `${at}.fields[${i}]`, 2000))
        }
      }
    } else if (block.type === 'context') {
      if (
        !Array.isArray(block.elements) ||
        block.elements.length === 0 ||
        block.elements.length > 10
      ) {
        problems.push(`${at}.elements must hold 1 to 10 elements`)
      } else {
        block.elements.forEach((element: unknown, i) =>
          textObject(element, `${at}.elements[${i}]`, 3000),
        )
      }
    } else if (block.type !== 'divider' && block.type !== 'header') {
      problems.push(`${at}: unexpected block type ${String(block.type)}`)
    }
    return undefined
  })
  return problems
}

/** An incoming webhook or chat.postMessage payload: text and/or blocks, attachments. */
export function checkSlackMessage(payload: unknown): string[] {
  if (!isObject(payload)) return ['the payload is not an object']
  const problems: string[] = []
  if (typeof payload.text !== 'string' && payload.blocks === undefined) {
    problems.push('no_text: neither text nor blocks')
  }
  if (typeof payload.text === 'string' && payload.text.length > 40000) {
    problems.push('text is longer than 40000 characters')
  }
  if (payload.blocks !== undefined) problems.push(...checkSlackBlocks(payload.blocks, 'blocks'))
  if (payload.attachments !== undefined) {
    if (!Array.isArray(payload.attachments)) problems.push('attachments is not an array')
    else {
      payload.attachments.forEach((attachment: unknown, index) => {
        if (!isObject(attachment)) return problems.push(`attachments[${index}] is not an object`)
        if (
          attachment.color !== undefined &&
          !/^#?[0-9A-Fa-f]{6}$|^(good|warning|danger)$/.test(String(attachment.color))
        ) {
          problems.push(`attachments[${index}].color ${String(attachment.color)} is not a colour`)
        }
        if (attachment.blocks !== undefined) {
          problems.push(...checkSlackBlocks(attachment.blocks, `attachments[${index}].blocks`))
        }
        return undefined
      })
    }
  }
  return problems
}

const ADAPTIVE_ELEMENTS = new Set([
  'TextBlock',
  'RichTextBlock',
  'Container',
  'ColumnSet',
  'FactSet',
  'Image',
  'ActionSet',
])

function checkAdaptiveElements(elements: unknown, where: string, problems: string[]): void {
  if (!Array.isArray(elements)) {
    problems.push(`${where} is not an array`)
    return
  }
  elements.forEach((element: unknown, index) => {
    const at = `${where}[${index}]`
    if (!isObject(element) || !ADAPTIVE_ELEMENTS.has(String(element.type))) {
      problems.push(`${at}: unknown element ${isObject(element) ? String(element.type) : ''}`)
      return
    }
    if (element.type === 'TextBlock' && typeof element.text !== 'string') {
      problems.push(`${at}: a TextBlock needs text`)
    }
    if (element.type === 'RichTextBlock') {
      if (!Array.isArray(element.inlines)) problems.push(`${at}: a RichTextBlock needs inlines`)
      else {
        element.inlines.forEach((inline: unknown, i) => {
          if (typeof inline === 'string') return
          if (!isObject(inline) || inline.type !== 'TextRun' || typeof inline.text !== 'string') {
            problems.push(`${at}.inlines[${i}] is not a TextRun`)
          }
        })
      }
    }
    if (element.type === 'Container') checkAdaptiveElements(element.items, `${at}.items`, problems)
    if (element.type === 'ColumnSet') {
      if (!Array.isArray(element.columns)) problems.push(`${at}: a ColumnSet needs columns`)
      else {
        element.columns.forEach((column: unknown, i) => {
          if (!isObject(column) || column.type !== 'Column') {
            problems.push(`${at}.columns[${i}] is not a Column`)
          } else checkAdaptiveElements(column.items, `${at}.columns[${i}].items`, problems)
        })
      }
    }
  })
}

/** Teams refuses a message over 28 KB (Teams incoming webhooks, "Message size limits"). */
export const TEAMS_LIMIT_BYTES = 28 * 1024

/** Teams webhook (classic or Workflows): a message with one Adaptive Card attachment. */
export function checkTeamsMessage(payload: unknown): string[] {
  if (!isObject(payload)) return ['the payload is not an object']
  const problems: string[] = []
  const bytes = Buffer.byteLength(JSON.stringify(payload), 'utf8')
  if (bytes > TEAMS_LIMIT_BYTES) {
    problems.push(`the message is ${bytes} bytes (Teams takes at most ${TEAMS_LIMIT_BYTES})`)
  }
  if (payload.type !== 'message') problems.push('type must be "message"')
  const attachments = payload.attachments
  if (!Array.isArray(attachments) || attachments.length === 0) {
    return [...problems, 'attachments must hold the card']
  }
  attachments.forEach((attachment: unknown, index) => {
    const at = `attachments[${index}]`
    if (!isObject(attachment)) return problems.push(`${at} is not an object`)
    if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive') {
      problems.push(`${at}.contentType is not application/vnd.microsoft.card.adaptive`)
    }
    const card = attachment.content
    if (!isObject(card) || card.type !== 'AdaptiveCard') {
      return problems.push(`${at}.content is not an AdaptiveCard`)
    }
    if (typeof card.version !== 'string' || !/^1\.[0-6]$/.test(card.version)) {
      problems.push(
        `${at}.content.version ${String(card.version)} is not one Teams renders (1.0-1.6)`,
      )
    }
    checkAdaptiveElements(card.body, `${at}.content.body`, problems)
    if (card.actions !== undefined) {
      if (!Array.isArray(card.actions)) problems.push(`${at}.content.actions is not an array`)
      else {
        card.actions.forEach((action: unknown, i) => {
          if (
            !isObject(action) ||
            action.type !== 'Action.OpenUrl' ||
            !/^https?:\/\//.test(String(action.url))
          ) {
            problems.push(`${at}.content.actions[${i}] is not an Action.OpenUrl with a URL`)
          }
        })
      }
    }
    return undefined
  })
  return problems
}

/** Discord "Execute Webhook": content/embeds, embed limits, allowed_mentions. */
export function checkDiscordMessage(payload: unknown): string[] {
  if (!isObject(payload)) return ['the payload is not an object']
  const problems: string[] = []
  const embeds = payload.embeds
  if (payload.content === undefined && embeds === undefined) {
    problems.push('needs content or embeds')
  }
  if (typeof payload.content === 'string' && payload.content.length > 2000) {
    problems.push('content is longer than 2000 characters')
  }
  const allowed = payload.allowed_mentions
  if (allowed !== undefined) {
    if (!isObject(allowed)) problems.push('allowed_mentions is not an object')
    else {
      const parse = Array.isArray(allowed.parse) ? (allowed.parse as unknown[]) : []
      for (const item of parse) {
        if (!['roles', 'users', 'everyone'].includes(String(item))) {
          problems.push(`allowed_mentions.parse holds ${String(item)}`)
        }
      }
      // "mutually exclusive": parse users/roles together with a users/roles list is refused.
      if (parse.includes('users') && Array.isArray(allowed.users) && allowed.users.length > 0) {
        problems.push('allowed_mentions: parse users and a users list are mutually exclusive')
      }
      if (parse.includes('roles') && Array.isArray(allowed.roles) && allowed.roles.length > 0) {
        problems.push('allowed_mentions: parse roles and a roles list are mutually exclusive')
      }
    }
  }
  if (embeds !== undefined) {
    if (!Array.isArray(embeds) || embeds.length > 10) problems.push('embeds: at most 10')
    else {
      embeds.forEach((embed: unknown, index) => {
        const at = `embeds[${index}]`
        if (!isObject(embed)) return problems.push(`${at} is not an object`)
        let total = 0
        const limit = (value: unknown, max: number, name: string) => {
          if (value === undefined) return
          if (typeof value !== 'string') return problems.push(`${at}.${name} is not a string`)
          total += value.length
          if (value.length > max)
            problems.push(`${at}.${name} has ${value.length} characters (at most ${max})`)
          return undefined
        }
        limit(embed.title, 256, 'title')
        limit(embed.description, 4096, 'description')
        if (embed.color !== undefined) {
          if (
            !Number.isInteger(embed.color) ||
            (embed.color as number) < 0 ||
            (embed.color as number) > 0xffffff
          ) {
            problems.push(`${at}.color must be an integer 0-16777215`)
          }
        }
        if (isObject(embed.footer)) limit(embed.footer.text, 2048, 'footer.text')
        if (embed.fields !== undefined) {
          if (!Array.isArray(embed.fields) || embed.fields.length > 25) {
            problems.push(`${at}.fields: at most 25`)
          } else {
            embed.fields.forEach((field: unknown, i) => {
              if (!isObject(field)) return problems.push(`${at}.fields[${i}] is not an object`)
              if (typeof field.name !== 'string' || field.name.length === 0) {
                problems.push(`${at}.fields[${i}].name is empty`)
              }
              if (typeof field.value !== 'string' || field.value.length === 0) {
                problems.push(`${at}.fields[${i}].value is empty`)
              }
              limit(field.name, 256, `fields[${i}].name`)
              limit(field.value, 1024, `fields[${i}].value`)
              return undefined
            })
          }
        }
        if (embed.timestamp !== undefined && Number.isNaN(Date.parse(String(embed.timestamp)))) {
          problems.push(`${at}.timestamp is not ISO 8601`)
        }
        if (total > 6000) problems.push(`${at} has ${total} characters in all (at most 6000)`)
        return undefined
      })
    }
  }
  return problems
}

/** A flightdeck.notify/v1 payload. */
export function checkWebhookPayload(payload: unknown): string[] {
  if (!isObject(payload)) return ['the payload is not an object']
  const problems: string[] = []
  if (payload.schema !== 'flightdeck.notify/v1') problems.push('schema is not flightdeck.notify/v1')
  for (const key of ['status', 'title', 'repository', 'run_url', 'timestamp']) {
    if (typeof payload[key] !== 'string') problems.push(`${key} is missing`)
  }
  return problems
}

const CHECKS: Record<Platform, (payload: unknown) => string[]> = {
  slack: checkSlackMessage,
  teams: checkTeamsMessage,
  discord: checkDiscordMessage,
  webhook: checkWebhookPayload,
}

/**
 * Mentions Slack would turn into pings in mrkdwn text: `<!channel>`, `<!here>`,
 * `<!everyone>`, `<@U…>`, `<!subteam^S…>`.
 */
export function slackPings(text: string): string[] {
  return (
    text.match(
      /<!(?:channel|here|everyone)(?:\|[^>]*)?>|<@[UW][A-Z0-9]+>|<!subteam\^[A-Z0-9]+(?:\|[^>]*)?>/g,
    ) ?? []
  )
}

/** Every string inside a JSON value. */
export function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (isObject(value)) return Object.values(value).flatMap(strings)
  return []
}
