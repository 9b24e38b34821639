// A local stand-in for PagerDuty's Events API v2 (POST /v2/enqueue), answering as its docs say
// (developer.pagerduty.com, "Send an Alert Event" and "Events API v2 Overview"): 202
// `{status: "success", message: "Event processed", dedup_key}`, or 400 `{status: "invalid event",
// message: "Event object is invalid", errors: [...]}`; 429 when rate limited. It keeps the alerts
// per dedup_key, so a test sees a trigger opened and a resolve closing it.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface PagerDutyEvent {
  body: Record<string, unknown>
  /** Why PagerDuty would refuse it (empty when accepted). */
  errors: string[]
}

export class FakePagerDuty {
  readonly events: PagerDutyEvent[] = []
  /** Alert state per dedup_key: triggered or resolved. */
  readonly alerts = new Map<string, 'triggered' | 'resolved'>()
  url = ''
  private server?: Server

  constructor(readonly routingKey = 'R0UT1NGKEYFAKE0000000000000000AB') {}

  /** Events PagerDuty would have refused, and why. */
  get violations(): string[] {
    return this.events.flatMap((event) => event.errors)
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        const answer = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' })
          res.end(JSON.stringify(body))
        }
        if (req.method !== 'POST' || req.url !== '/v2/enqueue') {
          return answer(404, { status: 'not found' })
        }
        let body: Record<string, unknown>
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>
        } catch {
          this.events.push({ body: {}, errors: ['the body is not JSON'] })
          return answer(400, {
            status: 'invalid event',
            message: 'Event object is invalid',
            errors: ['Invalid JSON'],
          })
        }
        const errors = this.check(body)
        this.events.push({ body, errors })
        if (errors.length > 0) {
          return answer(400, {
            status: 'invalid event',
            message: 'Event object is invalid',
            errors,
          })
        }
        const dedup = String(body.dedup_key ?? `generated-${this.events.length}`)
        if (body.event_action === 'trigger') this.alerts.set(dedup, 'triggered')
        if (body.event_action === 'resolve' && this.alerts.get(dedup) === 'triggered') {
          this.alerts.set(dedup, 'resolved')
        }
        return answer(202, { status: 'success', message: 'Event processed', dedup_key: dedup })
      })
    })
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    )
  }

  private check(body: Record<string, unknown>): string[] {
    const errors: string[] = []
    if (body.routing_key !== this.routingKey)
      errors.push('routing_key is not a known integration key')
    const action = body.event_action
    if (action !== 'trigger' && action !== 'acknowledge' && action !== 'resolve') {
      errors.push(`event_action ${String(action)} is not trigger, acknowledge or resolve`)
    }
    if (
      body.dedup_key !== undefined &&
      (typeof body.dedup_key !== 'string' || body.dedup_key.length > 255)
    ) {
      errors.push('dedup_key must be a string of at most 255 characters')
    }
    if (action !== 'trigger' && typeof body.dedup_key !== 'string') {
      errors.push(`${String(action)} needs dedup_key`)
    }
    if (action === 'trigger') {
      const payload = body.payload as Record<string, unknown> | undefined
      if (!payload || typeof payload !== 'object') errors.push('payload is required for trigger')
      else {
        if (typeof payload.summary !== 'string' || payload.summary.length === 0) {
          errors.push('payload.summary is required')
        } else if (payload.summary.length > 1024) {
          errors.push('payload.summary is longer than 1024 characters')
        }
        if (typeof payload.source !== 'string' || payload.source.length === 0) {
          errors.push('payload.source is required')
        }
        if (!['critical', 'error', 'warning', 'info'].includes(String(payload.severity))) {
          errors.push(
            `payload.severity ${String(payload.severity)} is not critical, error, warning or info`,
          )
        }
        if (
          payload.timestamp !== undefined &&
          Number.isNaN(Date.parse(String(payload.timestamp)))
        ) {
          errors.push('payload.timestamp is not a timestamp')
        }
      }
      if (body.links !== undefined) {
        const links = body.links as Array<Record<string, unknown>>
        if (!Array.isArray(links) || links.some((link) => typeof link?.href !== 'string')) {
          errors.push('links must be objects with href')
        }
      }
    }
    return errors
  }
}
