// A local stand-in for the Vercel REST API on 127.0.0.1, for running the real `vercel` CLI
// against (its global `--api <url>` option). Shapes follow Vercel's REST API documentation
// (`GET /v6/deployments` items carry `uid`; `GET /v13/deployments/{idOrUrl}` carries `id`;
// `pagination: {count, next, prev}`; errors are `{error: {code, message}}`) and what vercel
// 60.1.3 reads (node_modules/vercel/dist: `commands/list`, `commands-bulk.js` rollback, promote,
// inspect and remove, `chunks/*` getDeployment, getProjectByNameOrId, fetchPaginated); not our
// fixtures. Rolling releases (config, start, approve, complete, fetch, abort as a rollback) are
// in vercel-rolling-release.ts, registered here.
//
// Every request is recorded. A request no route knows is answered 404 in Vercel's error shape
// and kept in `unknown`, which tests expect to be empty.
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { StandInRollingReleases } from './vercel-rolling-release.js'
import type {
  RecordedVercelRequest,
  StandInDeployment,
  StandInProject,
} from './vercel-api-types.js'

export type { RecordedVercelRequest, StandInDeployment, StandInProject }

interface Answer {
  status: number
  body?: unknown
  /** A body that is not JSON, sent as is. */
  text?: string
}

type Route = (request: RecordedVercelRequest, match: RegExpExecArray) => Answer | Promise<Answer>

export class FakeVercelApi {
  readonly requests: RecordedVercelRequest[] = []
  readonly unknown: RecordedVercelRequest[] = []
  readonly projects = new Map<string, StandInProject>()
  /** Newest first. */
  readonly deployments: StandInDeployment[] = []
  readonly user = {
    id: 'Xk2mQ9xLpR4sT6vW8yZ1aB3c',
    uid: 'Xk2mQ9xLpR4sT6vW8yZ1aB3c',
    username: 'ci-example',
    email: 'ci@example.com',
    name: 'CI Example',
  }
  /** Projects whose next deployment from files fails to build, with the message it fails with. */
  readonly buildErrors = new Map<string, string>()
  /** What each deployment made from files carried. */
  readonly uploads: Array<{ project: string; files: string[] }> = []
  /** How the next alias job (rollback or promote) ends. */
  nextAliasJob: 'succeeded' | 'failed' = 'succeeded'
  /** Rolling releases: configs, rollouts and plans (vercel-rolling-release.ts). */
  readonly rollingReleases = new StandInRollingReleases(this)
  private server?: Server
  private readonly routes: Array<[string, RegExp, Route]> = []
  private clock = Date.parse('2025-06-01T08:00:00Z')
  url = ''

  constructor(readonly token = 'vercelStandInToken0123456789') {
    this.defineRoutes()
    this.rollingReleases.register(
      (method, pattern, route) => this.on(method, pattern, route),
      (idOrName) => this.project(idOrName),
    )
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        void this.handle(req, Buffer.concat(chunks).toString('utf8')).then(
          ({ status, body, text }) => {
            if (text !== undefined) {
              res.writeHead(status, { 'content-type': 'application/x-ndjson' })
              res.end(text)
              return
            }
            res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
            res.end(body === undefined ? '' : JSON.stringify(body))
          },
          (err: unknown) => {
            res.writeHead(500, { 'content-type': 'text/plain' })
            res.end(String(err))
          },
        )
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

  requestsTo(method: string, path: RegExp): RecordedVercelRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path))
  }

  addProject(name: string): StandInProject {
    const project: StandInProject = {
      id: `prj_${randomId(28)}`,
      name,
      accountId: this.user.id,
      env: [],
    }
    this.projects.set(project.id, project)
    return project
  }

  /**
   * A deployment of `project`, newer than every one before it. A READY production deployment
   * becomes what the production domains point at.
   */
  addDeployment(
    project: StandInProject,
    target: 'production' | null,
    readyState: StandInDeployment['readyState'] = 'READY',
    meta: Record<string, string> = {},
  ): StandInDeployment {
    this.clock += 60_000
    const deployment: StandInDeployment = {
      id: `dpl_${randomId(28)}`,
      url: `${project.name}-${randomHost()}-${this.user.username}.vercel.app`,
      name: project.name,
      projectId: project.id,
      ownerId: project.accountId,
      target,
      readyState,
      createdAt: this.clock,
      buildingAt: this.clock + 1_000,
      ready: readyState === 'READY' ? this.clock + 30_000 : undefined,
      meta,
      buildPolls: 0,
    }
    this.deployments.unshift(deployment)
    if (target === 'production' && readyState === 'READY') {
      project.productionDeploymentId = deployment.id
    }
    return deployment
  }

  private async handle(req: IncomingMessage, text: string): Promise<Answer> {
    const url = new URL(req.url ?? '/', 'http://stand-in')
    let body: unknown = text
    try {
      body = text ? (JSON.parse(text) as unknown) : undefined
    } catch {
      // not JSON: kept as text
    }
    const request: RecordedVercelRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
    }
    this.requests.push(request)
    if (request.headers.authorization !== `Bearer ${this.token}`) {
      return error(403, 'forbidden', 'Not authorized')
    }
    for (const [method, pattern, route] of this.routes) {
      const match = method === request.method ? pattern.exec(request.path) : null
      if (match) return route(request, match)
    }
    this.unknown.push(request)
    return error(404, 'not_found', 'The requested endpoint does not exist')
  }

  private on(method: string, pattern: string, route: Route): void {
    this.routes.push([method, new RegExp(`^${pattern}$`), route])
  }

  private project(idOrName: string): StandInProject | undefined {
    return (
      this.projects.get(idOrName) ?? [...this.projects.values()].find((p) => p.name === idOrName)
    )
  }

  private deployment(idOrHost: string): StandInDeployment | undefined {
    return this.deployments.find((d) => d.id === idOrHost || d.url === idOrHost)
  }

  /** The deployment as GET /v13/deployments/{idOrUrl} shows it. */
  private full(deployment: StandInDeployment) {
    const project = this.projects.get(deployment.projectId)
    return {
      id: deployment.id,
      url: deployment.url,
      name: deployment.name,
      projectId: deployment.projectId,
      ownerId: deployment.ownerId,
      target: deployment.target,
      readyState: deployment.readyState,
      createdAt: deployment.createdAt,
      buildingAt: deployment.buildingAt,
      ready: deployment.ready,
      type: 'LAMBDAS',
      version: 2,
      meta: deployment.meta,
      creator: { uid: this.user.id, username: this.user.username },
      inspectorUrl: inspectorUrl(
        this.user.username,
        project?.name ?? deployment.name,
        deployment.id,
      ),
      alias: [],
      aliasAssigned: deployment.readyState === 'READY',
      ...(deployment.readyState === 'ERROR' && deployment.buildError
        ? { errorCode: 'BUILD_FAILED', errorMessage: deployment.buildError }
        : {}),
      public: false,
      regions: ['iad1'],
      routes: null,
    }
  }

  /** A list item as GET /v6/deployments shows it: `uid`, not `id`. */
  private listed(deployment: StandInDeployment) {
    const project = this.projects.get(deployment.projectId)
    return {
      uid: deployment.id,
      name: deployment.name,
      url: deployment.url,
      created: deployment.createdAt,
      createdAt: deployment.createdAt,
      buildingAt: deployment.buildingAt,
      ready: deployment.ready,
      state: deployment.readyState,
      readyState: deployment.readyState,
      type: 'LAMBDAS',
      target: deployment.target,
      source: 'cli',
      creator: { uid: this.user.id, username: this.user.username, email: this.user.email },
      meta: deployment.meta,
      inspectorUrl: inspectorUrl(
        this.user.username,
        project?.name ?? deployment.name,
        deployment.id,
      ),
      isRollbackCandidate: deployment.target === 'production' && deployment.readyState === 'READY',
      projectId: deployment.projectId,
    }
  }

  /** An alias job: the production domains move at once, and the job says how it went. */
  private aliasJob(
    project: StandInProject,
    to: StandInDeployment,
    type: 'rollback' | 'promote',
  ): void {
    const outcome = this.nextAliasJob
    this.nextAliasJob = 'succeeded'
    project.lastAliasRequest = {
      fromDeploymentId: project.productionDeploymentId ?? null,
      toDeploymentId: to.id,
      jobStatus: outcome,
      requestedAt: Date.now(),
      type,
    }
    if (outcome === 'succeeded') project.productionDeploymentId = to.id
  }

  private defineRoutes(): void {
    this.on('GET', '/v2/user', () => ({ status: 200, body: { user: this.user } }))

    // This account has no teams: a linked org id (VERCEL_ORG_ID) that is the user's own id is
    // looked up as a team first, and the CLI falls back to the user on a 404.
    this.on('GET', '/(?:v2/)?teams/(?<id>[^/]+)', () => error(404, 'not_found', 'Team not found'))

    this.on('GET', '/v9/projects/(?<id>[^/]+)', (request, match) => {
      const project = this.project(decodeURIComponent(match.groups?.id ?? ''))
      if (!project) return error(404, 'not_found', 'Project not found')
      const { env: _env, productionDeploymentId: _production, lastAliasRequest, ...shown } = project
      return {
        status: 200,
        body: {
          ...shown,
          framework: null,
          link: null,
          rollingRelease: this.rollingReleases.projectField(project),
          ...(request.query.rollbackInfo === 'true'
            ? { lastAliasRequest: lastAliasRequest ?? null }
            : {}),
        },
      }
    })

    // Newest first, `limit` at a time (20 by default), older pages by `until` (a createdAt).
    this.on('GET', '/v6/deployments', (request) => {
      const limit = Math.min(100, Math.max(1, Number(request.query.limit ?? 20)))
      const until = request.query.until ? Number(request.query.until) : Infinity
      const states = request.query.state?.split(',')
      const matching = this.deployments.filter(
        (d) =>
          (!request.query.projectId || d.projectId === request.query.projectId) &&
          (!request.query.target || d.target === request.query.target) &&
          (!states || states.includes(d.readyState)) &&
          // `vercel list --meta KEY=VALUE` asks for `meta-KEY=VALUE`.
          Object.entries(request.query).every(
            ([key, value]) => !key.startsWith('meta-') || d.meta[key.slice(5)] === value,
          ) &&
          d.createdAt < until,
      )
      const page = matching.slice(0, limit)
      const last = page.at(-1)
      return {
        status: 200,
        body: {
          deployments: page.map((d) => this.listed(d)),
          pagination: {
            count: page.length,
            next: matching.length > limit && last ? last.createdAt : null,
            prev: page[0]?.createdAt ?? null,
          },
        },
      }
    })

    this.on('GET', '/v13/deployments/(?<id>[^/]+)', (_request, match) => {
      const deployment = this.deployment(decodeURIComponent(match.groups?.id ?? ''))
      if (!deployment) return error(404, 'not_found', 'Deployment not found')
      // A deployment being built moves on each time someone looks.
      if (deployment.readyState === 'QUEUED') deployment.readyState = 'BUILDING'
      else if (deployment.readyState === 'BUILDING' && deployment.buildPolls-- <= 0) {
        if (deployment.buildError) {
          deployment.readyState = 'ERROR'
          return { status: 200, body: this.full(deployment) }
        }
        deployment.readyState = 'READY'
        deployment.ready = Date.now()
        const project = this.projects.get(deployment.projectId)
        if (
          project &&
          deployment.target === 'production' &&
          !this.rollingReleases.takesOver(project, deployment)
        ) {
          project.productionDeploymentId = deployment.id
        }
      }
      return { status: 200, body: this.full(deployment) }
    })

    // `vercel remove` lists a deployment's aliases before removing it (older, unversioned path).
    this.on('GET', '/now/deployments/(?<id>[^/]+)/aliases', (_request, match) => {
      const deployment = this.deployment(decodeURIComponent(match.groups?.id ?? ''))
      if (!deployment) return error(404, 'not_found', 'Deployment not found')
      return { status: 200, body: { aliases: [] } }
    })

    // Environment variables: values are write-only here, as `vercel env ls` shows them encrypted.
    this.on('GET', '/v10/projects/(?<project>[^/]+)/env', (_request, match) => {
      const project = this.project(decodeURIComponent(match.groups?.project ?? ''))
      if (!project) return error(404, 'not_found', 'Project not found')
      return {
        status: 200,
        body: {
          envs: project.env.map((e, index) => ({
            id: `env_${index}`,
            key: e.key,
            type: e.type,
            target: e.target,
            value: '',
          })),
        },
      }
    })

    this.on('POST', '/v10/projects/(?<project>[^/]+)/env', (request, match) => {
      const project = this.project(decodeURIComponent(match.groups?.project ?? ''))
      if (!project) return error(404, 'not_found', 'Project not found')
      const body = request.body as {
        key?: string
        value?: string
        type?: string
        target?: string[]
      }
      if (!body?.key || typeof body.value !== 'string' || !Array.isArray(body.target)) {
        return error(400, 'bad_request', 'key, value and target are required')
      }
      const existing = project.env.find(
        (e) => e.key === body.key && e.target.some((t) => body.target?.includes(t)),
      )
      if (existing && request.query.upsert !== 'true') {
        return error(
          400,
          'ENV_ALREADY_EXISTS',
          `A variable with the name \`${body.key}\` already exists for the target`,
        )
      }
      if (existing) Object.assign(existing, { value: body.value, type: body.type ?? 'encrypted' })
      else
        project.env.push({
          key: body.key,
          value: body.value,
          target: body.target,
          type: body.type ?? 'encrypted',
        })
      return { status: 201, body: { created: { key: body.key, target: body.target } } }
    })

    // No custom environments on this account (the CLI reads a 404 the same way).
    this.on('GET', '/projects/(?<project>[^/]+)/custom-environments', () => ({
      status: 200,
      body: { environments: [] },
    }))

    // The build log `vercel deploy` follows while it waits: one JSON event per line. The build
    // here has nothing to say, so the stream ends at once and the CLI polls the deployment.
    this.on('GET', '/v3/now/deployments/(?<id>[^/]+)/events', (_request, match) => {
      const deployment = this.deployment(decodeURIComponent(match.groups?.id ?? ''))
      if (!deployment) return error(404, 'not_found', 'Deployment not found')
      return { status: 200, text: '' }
    })

    // `vercel inspect` lists the builds of a version-2 deployment.
    this.on('GET', '/v11/deployments/(?<id>[^/]+)/builds', (_request, match) => {
      const deployment = this.deployment(decodeURIComponent(match.groups?.id ?? ''))
      if (!deployment) return error(404, 'not_found', 'Deployment not found')
      return { status: 200, body: { builds: [] } }
    })

    // vercel 60 still deletes through the unversioned path (`now.remove`), with `hard=0|1`.
    this.on('DELETE', '/(?:v13|now)/deployments/(?<id>[^/]+)', (_request, match) => {
      const deployment = this.deployment(decodeURIComponent(match.groups?.id ?? ''))
      if (!deployment) return error(404, 'not_found', 'Deployment not found')
      this.deployments.splice(this.deployments.indexOf(deployment), 1)
      return { status: 200, body: { uid: deployment.id, state: 'DELETED' } }
    })

    // Create a deployment: from files (`vercel deploy`, small files inline as base64), or from
    // an existing deployment (what `vercel promote` does with a preview).
    this.on('POST', '/v13/deployments', (request) => {
      const body = request.body as {
        deploymentId?: string
        name?: string
        project?: string
        target?: string
        meta?: Record<string, string>
        files?: Array<{ file?: string; data?: string; sha?: string }>
      }
      const source = body?.deploymentId ? this.deployment(body.deploymentId) : undefined
      const project = source
        ? this.projects.get(source.projectId)
        : this.project(body?.project ?? body?.name ?? '')
      if (!project || (!source && !Array.isArray(body?.files))) {
        return error(400, 'bad_request', 'A deploymentId or files are required')
      }
      if (!source && body.files?.some((f) => !f.data && !f.sha)) {
        return error(400, 'missing_files', 'Missing files')
      }
      if (!source) {
        this.uploads.push({
          project: project.name,
          files: (body.files ?? []).map((f) => f.file ?? ''),
        })
      }
      const created = this.addDeployment(
        project,
        body.target === 'production' ? 'production' : null,
        'QUEUED',
        { ...source?.meta, ...body.meta },
      )
      // Built after a few looks, so that whoever waits for it has to wait.
      created.buildPolls = 1
      const buildError = source ? undefined : this.buildErrors.get(project.name)
      if (buildError) {
        created.buildError = buildError
        this.buildErrors.delete(project.name)
      }
      return { status: 200, body: this.full(created) }
    })

    this.on('POST', '/v9/projects/(?<project>[^/]+)/rollback/(?<id>[^/]+)', (_request, match) => {
      const project = this.project(match.groups?.project ?? '')
      const deployment = this.deployment(match.groups?.id ?? '')
      if (!project || !deployment) return error(404, 'not_found', 'Deployment not found')
      if (deployment.target !== 'production' || deployment.readyState !== 'READY') {
        return error(
          400,
          'invalid_deployment',
          'Only ready production deployments can be rolled back to',
        )
      }
      // `vercel rolling-release abort --dpl=X` is this rollback to X: it ends the active rollout.
      this.rollingReleases.rolledBack(project)
      this.aliasJob(project, deployment, 'rollback')
      return { status: 201, body: {} }
    })

    this.on('POST', '/v10/projects/(?<project>[^/]+)/promote/(?<id>[^/]+)', (_request, match) => {
      const project = this.project(match.groups?.project ?? '')
      const deployment = this.deployment(match.groups?.id ?? '')
      if (!project || !deployment) return error(404, 'not_found', 'Deployment not found')
      // With rolling releases configured, a promotion starts a rollout instead (vercel's
      // promoteStatus then waits for its first stage).
      if (this.rollingReleases.takesOver(project, deployment)) return { status: 201, body: {} }
      this.aliasJob(project, deployment, 'promote')
      return { status: 201, body: {} }
    })

    // The domains a failed alias job could not move.
    this.on(
      'GET',
      '/v9/projects/(?<project>[^/]+)/(?<kind>rollback|promote)/aliases',
      (_request, match) => {
        const project = this.project(match.groups?.project ?? '')
        const to = project?.lastAliasRequest?.toDeploymentId ?? ''
        return {
          status: 200,
          body: {
            aliases: [
              {
                alias: { alias: `${project?.name}.example.com`, deploymentId: to },
                status: 'failed',
              },
            ],
            pagination: { count: 1, next: null, prev: null },
          },
        }
      },
    )
  }
}

function error(status: number, code: string, message: string): Answer {
  return { status, body: { error: { code, message } } }
}

/** Vercel's inspector URL: the dashboard path ends with the deployment id without `dpl_`. */
export function inspectorUrl(scope: string, project: string, id: string): string {
  return `https://vercel.com/${scope}/${project}/${id.replace(/^dpl_/, '')}`
}

function randomId(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('')
}

function randomHost(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'
  return Array.from(randomBytes(9), (byte) => alphabet[byte % alphabet.length]).join('')
}
