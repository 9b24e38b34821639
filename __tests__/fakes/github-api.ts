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

  /** Deployments the fake knows, newest first, with their statuses newest first. */
  readonly deployments: Array<{
    id: number
    environment: string
    statuses: Array<{ state: string }>
  }> = []

  private answer(request: RecordedApiRequest): { status: number; body?: unknown } {
    for (const handler of this.handlers) {
      const answer = handler(request)
      if (answer) return answer
    }
    const url = new URL(request.path, 'http://fake')
    if (/^\/repos\/[^/]+\/[^/]+\/deployments$/.test(url.pathname)) {
      if (request.method === 'POST') {
        const body = request.body as { environment: string }
        const deployment = {
          id: this.nextDeploymentId++,
          environment: body.environment,
          statuses: [],
        }
        this.deployments.unshift(deployment)
        return { status: 201, body: { ...body, id: deployment.id } }
      }
      const environment = url.searchParams.get('environment')
      return {
        status: 200,
        body: this.deployments
          .filter((deployment) => !environment || deployment.environment === environment)
          .map(({ id, environment }) => ({ id, environment })),
      }
    }
    const statuses = /^\/repos\/[^/]+\/[^/]+\/deployments\/(\d+)\/statuses$/.exec(url.pathname)
    if (statuses) {
      const deployment = this.deployments.find((d) => d.id === Number(statuses[1]))
      if (request.method === 'POST') {
        const body = request.body as { state: string }
        deployment?.statuses.unshift({ state: body.state })
        return { status: 201, body: { id: 1, deployment_id: Number(statuses[1]), ...body } }
      }
      return { status: 200, body: deployment?.statuses ?? [] }
    }
    return { status: 404, body: { message: 'Not Found' } }
  }
}
