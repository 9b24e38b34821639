// A local stand-in for the GitHub REST API on 127.0.0.1: records every request and answers
// from handlers a test registers, with defaults for the deployment endpoints.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedApiRequest {
  method: string
  path: string
  headers: IncomingMessage['headers']
  body: unknown
}

export type ApiHandler = (
  request: RecordedApiRequest,
) => { status: number; body?: unknown } | undefined

export class FakeGitHubApi {
  readonly requests: RecordedApiRequest[] = []
  private readonly handlers: ApiHandler[] = []
  private server?: Server
  private nextDeploymentId = 1000
  url = ''

  /** Handlers registered later win; returning undefined falls through. */
  on(handler: ApiHandler): this {
    this.handlers.unshift(handler)
    return this
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        const request: RecordedApiRequest = {
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers: req.headers,
          body: text ? (JSON.parse(text) as unknown) : undefined,
        }
        this.requests.push(request)
        const answer = this.answer(request)
        res.writeHead(answer.status, { 'content-type': 'application/json' })
        res.end(answer.body === undefined ? '' : JSON.stringify(answer.body))
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

  private answer(request: RecordedApiRequest): { status: number; body?: unknown } {
    for (const handler of this.handlers) {
      const answer = handler(request)
      if (answer) return answer
    }
    if (request.method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/deployments$/.test(request.path)) {
      return { status: 201, body: { id: this.nextDeploymentId++, ...(request.body as object) } }
    }
    const status = /^\/repos\/[^/]+\/[^/]+\/deployments\/(\d+)\/statuses$/.exec(request.path)
    if (request.method === 'POST' && status) {
      return {
        status: 201,
        body: { id: 1, deployment_id: Number(status[1]), ...(request.body as object) },
      }
    }
    return { status: 404, body: { message: 'Not Found' } }
  }
}
