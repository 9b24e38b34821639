// A local stand-in for the two Slack Web API methods notify calls, answering as Slack's
// reference says (https://api.slack.com/methods/chat.postMessage, .../chat.update): HTTP 200 and
// `{ok: true, channel, ts, message}`, or HTTP 200 and `{ok: false, error}` (invalid_auth,
// channel_not_found, message_not_found, cant_update_message, no_text, invalid_blocks,
// invalid_arguments), and HTTP 429 with Retry-After when rate limited. A bot token is
// `Authorization: Bearer xoxb-…`.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { checkSlackMessage } from './notify-receivers.js'

export interface SlackCall {
  method: string
  headers: IncomingHttpHeaders
  body: Record<string, unknown>
  /** The error code Slack answered with, if any. */
  error?: string
}

export interface SlackMessage {
  channel: string
  ts: string
  threadTs?: string
  /** The payload as last posted or updated. */
  payload: Record<string, unknown>
  updates: number
}

/**
 * The arguments chat.update takes (https://api.slack.com/methods/chat.update and @slack/web-api's
 * ChatUpdateArguments): anything else, such as chat.postMessage's unfurl_links/unfurl_media, is
 * not an argument of the method. Slack's answer to it is not documented, so the fake answers
 * `invalid_arguments` (Slack's code for a call with arguments the method does not take) and
 * records it as a violation. chat.postMessage takes many more and stays permissive.
 */
const CHAT_UPDATE_ARGUMENTS = new Set([
  'token',
  'channel',
  'ts',
  'as_user',
  'attachments',
  'blocks',
  'markdown_text',
  'metadata',
  'link_names',
  'parse',
  'text',
  'reply_broadcast',
  'file_ids',
])

/** Channels the fake knows: names map to ids, as Slack resolves `#name` on chat.postMessage. */
const CHANNELS: Record<string, string> = { '#deploys': 'C0DEPLOYS1', '#alerts': 'C0ALERTS01' }

export class FakeSlackApi {
  readonly calls: SlackCall[] = []
  readonly messages: SlackMessage[] = []
  /** Checks of payloads that Slack would refuse (recorded, answered invalid_blocks). */
  readonly violations: string[] = []
  url = ''
  private server?: Server
  private clock = 1_712_345_678
  /** Answer the next N calls with HTTP 429. */
  rateLimitNext = 0

  constructor(readonly token = 'xoxb-1111-2222-flightdeckfaketoken') {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        const method = (req.url ?? '').replace(/^\/api\//, '')
        let body: Record<string, unknown> = {}
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>
        } catch {
          body = {}
        }
        const call: SlackCall = { method, headers: req.headers, body }
        this.calls.push(call)
        if (this.rateLimitNext > 0) {
          this.rateLimitNext--
          res.writeHead(429, { 'Retry-After': '1', 'content-type': 'application/json' })
          res.end(JSON.stringify({ ok: false, error: 'ratelimited' }))
          return
        }
        const answer = this.answer(call, req.method ?? 'GET')
        if (answer.ok !== true) call.error = String(answer.error)
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
        res.end(JSON.stringify(answer))
      })
    })
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api`
    return this
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    )
  }

  private channelId(channel: unknown): string | undefined {
    if (typeof channel !== 'string') return undefined
    if (/^[CDG][A-Z0-9]{8,}$/.test(channel)) return channel
    return CHANNELS[channel]
  }

  private answer(call: SlackCall, httpMethod: string): Record<string, unknown> {
    if (httpMethod !== 'POST') return { ok: false, error: 'invalid_request' }
    if (call.headers.authorization !== `Bearer ${this.token}`) {
      return { ok: false, error: call.headers.authorization ? 'invalid_auth' : 'not_authed' }
    }
    if (!/^application\/json/.test(call.headers['content-type'] ?? '')) {
      return { ok: false, error: 'invalid_form_data' }
    }
    const problems = checkSlackMessage(call.body)
    if (problems.some((problem) => problem.startsWith('no_text'))) {
      return { ok: false, error: 'no_text' }
    }
    if (problems.length > 0) {
      this.violations.push(...problems.map((problem) => `${call.method}: ${problem}`))
      return { ok: false, error: 'invalid_blocks' }
    }
    if (call.method === 'chat.postMessage') {
      const channel = this.channelId(call.body.channel)
      if (!channel) return { ok: false, error: 'channel_not_found' }
      const threadTs = typeof call.body.thread_ts === 'string' ? call.body.thread_ts : undefined
      if (threadTs && !this.messages.some((m) => m.channel === channel && m.ts === threadTs)) {
        return { ok: false, error: 'thread_not_found' }
      }
      const ts = `${this.clock++}.000100`
      const message: SlackMessage = { channel, ts, threadTs, payload: call.body, updates: 0 }
      this.messages.push(message)
      return { ok: true, channel, ts, message: { type: 'message', text: call.body.text, ts } }
    }
    if (call.method === 'chat.update') {
      const unknown = Object.keys(call.body).filter((name) => !CHAT_UPDATE_ARGUMENTS.has(name))
      if (unknown.length > 0) {
        this.violations.push(`chat.update: takes no ${unknown.join(', ')}`)
        return { ok: false, error: 'invalid_arguments' }
      }
      // chat.update takes the channel id only.
      const channel =
        typeof call.body.channel === 'string' && /^[CDG][A-Z0-9]{8,}$/.test(call.body.channel)
          ? call.body.channel
          : undefined
      if (!channel) return { ok: false, error: 'channel_not_found' }
      const message = this.messages.find((m) => m.channel === channel && m.ts === call.body.ts)
      if (!message) return { ok: false, error: 'message_not_found' }
      message.payload = call.body
      message.updates++
      return { ok: true, channel, ts: message.ts, text: call.body.text }
    }
    return { ok: false, error: 'unknown_method' }
  }
}
