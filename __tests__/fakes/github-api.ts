// A local stand-in for the GitHub API on 127.0.0.1: records every request and answers from
// handlers a test registers, with defaults for the deployment endpoints (REST) and for
// `repository.deployments` (GraphQL). It answers only what GitHub would accept: every REST
// request is checked against GitHub's REST description (@octokit/openapi) and every GraphQL
// query against GitHub's schema (@octokit/graphql-schema); what GitHub would refuse is answered
// as GitHub would (404, 422, GraphQL errors) and recorded in `violations`, which tests assert
// is empty.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { answerGraphql, type FakeDeployment } from './github-graphql.js'
import { checkRestRequest, preloadOpenApi } from './github-openapi.js'

import type { FakeCommit } from './github-graphql-commits.js'

export type { FakeDeployment } from './github-graphql.js'
export type { FakeCommit } from './github-graphql-commits.js'

export interface RecordedApiRequest {
  method: string
  path: string
  headers: IncomingMessage['headers']
  body: unknown
  /** ms since the fake started. */
  at: number
  /** `POST /repos/{owner}/{repo}/deployments`, `POST /graphql`; undefined: no such route. */
  route?: string
}

export interface FakeComment {
  id: number
  body: string
  user: { login: string; type: string }
}

export interface FakePull {
  number: number
  state: 'open' | 'closed'
  updated_at: string
  head: { ref: string; sha: string }
}

export interface ApiAnswer {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

/** A handler's answer: a response, NO_ANSWER (keep the connection open, never answer), or
 * undefined to fall through to the next handler and the defaults. */
export type ApiHandler = (request: RecordedApiRequest) => ApiAnswer | typeof NO_ANSWER | undefined

/** Returned by a handler: the fake accepts the request and never answers it. */
export const NO_ANSWER = Symbol('no answer')

const DOCS = 'https://docs.github.com/rest'

/** A comment's author as REST shows it: an app's bot is `<slug>[bot]`, of type Bot. */
function userOf(login: string): FakeComment['user'] {
  return { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' }
}

export class FakeGitHubApi {
  readonly requests: RecordedApiRequest[] = []
  /** Requests GitHub would have refused, and why. */
  readonly violations: string[] = []
  private readonly handlers: ApiHandler[] = []
  private server?: Server
  private nextDeploymentId = 1000
  private startedAt = 0
  url = ''

  /** Deployments the fake knows, newest first, with their statuses newest first. */
  readonly deployments: FakeDeployment[] = []

  /** Commits GraphQL `repository.object(oid:)` answers, by oid. */
  readonly commits = new Map<string, FakeCommit>()

  /** Conversation comments by issue (pull request) number, oldest first. */
  readonly comments = new Map<number, FakeComment[]>()
  private nextCommentId = 5000

  /**
   * Who the token belongs to: GraphQL's `viewer.login`, and the author of what it writes.
   * The job token is the GitHub Actions app's bot.
   */
  viewer = 'github-actions[bot]'

  /** Pull requests `GET /repos/{owner}/{repo}/pulls/{pull_number}` answers. */
  readonly pulls = new Map<number, FakePull>()

  /** Adds comments as other people would have written them (for pagination tests). */
  addComments(issue: number, bodies: string[], login = 'octocat'): FakeComment[] {
    const list = this.comments.get(issue) ?? []
    const added = bodies.map((body) => ({
      id: this.nextCommentId++,
      body,
      user: userOf(login),
    }))
    list.push(...added)
    this.comments.set(issue, list)
    return added
  }

  /** Handlers registered later win; returning undefined falls through. */
  on(handler: ApiHandler): this {
    this.handlers.unshift(handler)
    return this
  }

  /** Requests that match `METHOD /template` (as GitHub's REST description names routes). */
  calls(route: string): RecordedApiRequest[] {
    return this.requests.filter((request) => request.route === route)
  }

  async start(): Promise<this> {
    preloadOpenApi()
    this.startedAt = performance.now()
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let body: unknown
        let unparsable = false
        try {
          body = text ? (JSON.parse(text) as unknown) : undefined
        } catch {
          unparsable = true
          body = text
        }
        const request: RecordedApiRequest = {
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers: req.headers,
          body,
          at: Math.round(performance.now() - this.startedAt),
        }
        this.requests.push(request)
        const answer = unparsable
          ? this.refuse(request, 400, ['Problems parsing JSON'])
          : this.answer(request)
        if (answer === NO_ANSWER) return
        res.writeHead(answer.status, {
          'content-type': 'application/json; charset=utf-8',
          ...answer.headers,
        })
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

  private refuse(request: RecordedApiRequest, status: number, problems: string[]): ApiAnswer {
    for (const problem of problems) {
      this.violations.push(`${request.method} ${request.path}: ${problem}`)
    }
    const message =
      status === 404
        ? 'Not Found'
        : status === 401
          ? 'Requires authentication'
          : `Invalid request.\n\n${problems.join('\n')}`
    return { status, body: { message, documentation_url: DOCS, status: String(status) } }
  }

  private answer(request: RecordedApiRequest): ApiAnswer | typeof NO_ANSWER {
    const url = new URL(request.path, 'http://fake')
    if (!request.headers.authorization) {
      return this.refuse(request, 401, ['no Authorization header'])
    }
    if (url.pathname === '/graphql') {
      request.route = 'POST /graphql'
      if (request.method !== 'POST') return this.refuse(request, 404, ['GraphQL takes POST'])
      return this.handled(request) ?? this.answerGraphql(request)
    }
    const check = checkRestRequest(request.method, request.path, request.body)
    request.route = check.route
    if (check.status) return this.refuse(request, check.status, check.problems)
    return this.handled(request) ?? this.answerRest(request, url)
  }

  private handled(request: RecordedApiRequest): ApiAnswer | typeof NO_ANSWER | undefined {
    for (const handler of this.handlers) {
      const answer = handler(request)
      if (answer) return answer
    }
    return undefined
  }

  private answerGraphql(request: RecordedApiRequest): ApiAnswer {
    const answer = answerGraphql(
      (request.body ?? {}) as Parameters<typeof answerGraphql>[0],
      this.deployments,
      this.viewer,
      this.commits,
    )
    for (const problem of answer.problems) {
      this.violations.push(`POST /graphql: ${problem}`)
    }
    // GitHub answers 200 with `errors` for queries it refuses, as for those that fail.
    return { status: 200, body: answer.body }
  }

  private answerRest(request: RecordedApiRequest, url: URL): ApiAnswer {
    const now = new Date().toISOString()
    if (request.route === 'POST /repos/{owner}/{repo}/deployments') {
      const body = request.body as {
        ref: string
        environment?: string
        task?: string
        description?: string
        transient_environment?: boolean
        production_environment?: boolean
        payload?: unknown
      }
      const deployment: FakeDeployment = {
        id: this.nextDeploymentId++,
        environment: body.environment ?? 'production',
        statuses: [],
        ref: body.ref,
        task: body.task ?? 'deploy',
        description: body.description,
        transient: body.transient_environment ?? false,
        production: body.production_environment ?? body.environment === 'production',
        createdAt: now,
        payload: body.payload ?? {},
      }
      this.deployments.unshift(deployment)
      return {
        status: 201,
        body: {
          id: deployment.id,
          node_id: `DE_${deployment.id}`,
          sha: 'ffac537e6cbbf934b08745a378932722df287a53',
          ref: deployment.ref,
          task: deployment.task,
          payload: body.payload ?? {},
          environment: deployment.environment,
          description: deployment.description ?? null,
          transient_environment: deployment.transient,
          production_environment: deployment.production,
          created_at: now,
          updated_at: now,
        },
      }
    }
    if (request.route === 'GET /repos/{owner}/{repo}/deployments') {
      const environment = url.searchParams.get('environment')
      const perPage = Number(url.searchParams.get('per_page') ?? 30)
      return {
        status: 200,
        body: this.deployments
          .filter((deployment) => !environment || deployment.environment === environment)
          .slice(0, perPage)
          .map(({ id, environment, payload }) => ({ id, environment, payload: payload ?? {} })),
      }
    }
    const statuses = /\/deployments\/(\d+)\/statuses$/.exec(url.pathname)
    if (statuses && request.route?.endsWith('/deployments/{deployment_id}/statuses')) {
      const deployment = this.deployments.find((d) => d.id === Number(statuses[1]))
      if (!deployment)
        return { status: 404, body: { message: 'Not Found', documentation_url: DOCS } }
      if (request.method === 'POST') {
        const body = request.body as {
          state: string
          description?: string
          environment_url?: string
        }
        deployment.statuses.unshift({
          state: body.state,
          ...(body.description !== undefined ? { description: body.description } : {}),
          ...(body.environment_url !== undefined ? { environment_url: body.environment_url } : {}),
        })
        return {
          status: 201,
          body: {
            id: this.requests.length,
            deployment_id: deployment.id,
            ...body,
            created_at: now,
          },
        }
      }
      const perPage = Number(url.searchParams.get('per_page') ?? 30)
      return {
        status: 200,
        body: deployment.statuses.slice(0, perPage).map((status, index) => ({
          id: index + 1,
          description: '',
          ...status,
        })),
      }
    }
    const comments = this.answerComments(request, url)
    if (comments) return comments
    if (request.route === 'GET /repos/{owner}/{repo}/pulls/{pull_number}') {
      const number = Number(/\/pulls\/(\d+)$/.exec(url.pathname)?.[1])
      const pull = this.pulls.get(number)
      if (!pull) return { status: 404, body: { message: 'Not Found', documentation_url: DOCS } }
      return { status: 200, body: { id: number, ...pull } }
    }
    return { status: 404, body: { message: 'Not Found', documentation_url: DOCS } }
  }

  /** Issue comments as GitHub pages them: `per_page`, `page`, and a Link header to the next. */
  private answerComments(request: RecordedApiRequest, url: URL): ApiAnswer | undefined {
    const user = userOf(this.viewer)
    if (request.route === 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments') {
      const issue = Number(/\/issues\/(\d+)\/comments$/.exec(url.pathname)?.[1])
      const all = this.comments.get(issue) ?? []
      const perPage = Number(url.searchParams.get('per_page') ?? 30)
      const page = Number(url.searchParams.get('page') ?? 1)
      const slice = all.slice((page - 1) * perPage, page * perPage)
      const headers: Record<string, string> = {}
      if (page * perPage < all.length) {
        const next = new URL(url.toString().replace('http://fake', this.url))
        next.searchParams.set('page', String(page + 1))
        headers.link = `<${next.toString()}>; rel="next"`
      }
      return {
        status: 200,
        body: slice.map((c) => ({
          ...c,
          html_url: `https://github.com/acme/shop/pull/${issue}#issuecomment-${c.id}`,
        })),
        headers,
      }
    }
    if (request.route === 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments') {
      const issue = Number(/\/issues\/(\d+)\/comments$/.exec(url.pathname)?.[1])
      const body = (request.body as { body: string }).body
      const comment = { id: this.nextCommentId++, body, user }
      this.comments.set(issue, [...(this.comments.get(issue) ?? []), comment])
      return {
        status: 201,
        body: {
          ...comment,
          html_url: `https://github.com/acme/shop/pull/${issue}#issuecomment-${comment.id}`,
        },
      }
    }
    if (request.route === 'GET /repos/{owner}/{repo}/issues/comments/{comment_id}') {
      const found = this.findComment(Number(/\/comments\/(\d+)$/.exec(url.pathname)?.[1]))
      if (!found) return { status: 404, body: { message: 'Not Found', documentation_url: DOCS } }
      return { status: 200, body: { ...found.comment, html_url: found.htmlUrl } }
    }
    if (request.route === 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}') {
      // GitHub lets the job token (and any token with issues or pull-requests write) edit any
      // comment in the repository, whoever wrote it: there is no 403 here. The author stays.
      const found = this.findComment(Number(/\/comments\/(\d+)$/.exec(url.pathname)?.[1]))
      if (!found) return { status: 404, body: { message: 'Not Found', documentation_url: DOCS } }
      found.comment.body = (request.body as { body: string }).body
      return { status: 200, body: { ...found.comment, html_url: found.htmlUrl } }
    }
    return undefined
  }

  private findComment(id: number): { comment: FakeComment; htmlUrl: string } | undefined {
    for (const [issue, list] of this.comments) {
      const comment = list.find((c) => c.id === id)
      if (comment) {
        return {
          comment,
          htmlUrl: `https://github.com/acme/shop/pull/${issue}#issuecomment-${id}`,
        }
      }
    }
    return undefined
  }
}
