// A local stand-in for the Cloudflare API v4 (Workers scripts, versions and deployments) on
// 127.0.0.1, for running the real `wrangler` against (CLOUDFLARE_API_BASE_URL). Shapes follow
// Cloudflare's API documentation and its generated TypeScript client (cloudflare-typescript
// `resources/workers/scripts/{versions,deployments}.ts`), and what wrangler 4.86 reads
// (node_modules/wrangler/wrangler-dist/cli.js: `src/versions/api.ts`, `src/cfetch`,
// `src/deploy`, `src/delete.ts`, `src/secret/index.ts`); not our fixtures.
//
// - Every answer is the v4 envelope `{success, errors, messages, result}` (+ `result_info` for
//   lists); errors are `{code, message}`, which wrangler prints as `message [code: N]`.
// - Lists are newest first, as the API documents ("the first version in the list is the latest
//   version"; "the first deployment in the list is the latest deployment actively serving
//   traffic"); wrangler sorts them itself.
// - Every request is recorded. A request no route knows is answered 404 in the API's shape and
//   kept in `unknown`, which tests expect to be empty.
// - Create Deployment refuses what the API refuses (`strategy: "percentage"`, 1-2 versions with
//   shares from 0 to 100 adding up to 100 ± 0.001, each a known version); `deploymentBodies`
//   lists what was sent, for tests of traffic steps.
import { randomBytes, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface WorkerVersion {
  id: string
  number: number
  metadata: {
    author_email: string
    author_id: string
    created_on: string
    modified_on: string
    source: string
    hasPreview: boolean
  }
  annotations?: Record<string, string>
}

/** A binding of an uploaded version's metadata (secret_text ones carry their value in `text`). */
export interface UploadedBinding {
  name?: string
  type?: string
  text?: string
}

export interface WorkerDeployment {
  id: string
  source: string
  strategy: 'percentage'
  author_email: string
  created_on: string
  versions: Array<{ version_id: string; percentage: number }>
  annotations?: Record<string, string>
}

interface Worker {
  tag: string
  /** Newest first, as the API lists them. */
  versions: WorkerVersion[]
  /** Newest first. */
  deployments: WorkerDeployment[]
  secrets: Record<string, string>
  /** Secrets changed since each version was made: the API refuses a rollback across them. */
  secretsChangedSince: Map<string, string[]>
  subdomainEnabled: boolean
  /** Whether its versions get preview URLs (`preview_urls` in wrangler config). */
  previewsEnabled: boolean
}

export interface RecordedCloudflareRequest {
  method: string
  /** Path below the API base, e.g. `/accounts/A/workers/scripts/w/versions`. */
  path: string
  query: Record<string, string>
  headers: IncomingMessage['headers']
  /** JSON bodies parsed; multipart and other bodies as text. */
  body: unknown
}

interface Answer {
  status: number
  result?: unknown
  errors?: Array<{ code: number; message: string }>
  resultInfo?: Record<string, number>
  raw?: string
}

type Route = (
  request: RecordedCloudflareRequest,
  match: RegExpExecArray,
) => Answer | Promise<Answer>

/** The API's own codes and words (the codes wrangler itself tests for are in its source). */
export const CF_ERRORS = {
  // wrangler src/utils/worker-not-found-error.ts: WORKER_NOT_FOUND_ERR_CODE
  scriptNotFound: { code: 10007, message: 'workers.api.error.script_not_found' },
  versionNotFound: { code: 10217, message: 'workers.api.error.version_not_found' },
  // wrangler src/versions/rollback: CANNOT_ROLLBACK_WITH_MODIFIED_SECERT_CODE
  secretsChanged: { code: 10220, message: 'workers.api.error.secrets_changed' },
  authentication: { code: 10000, message: 'Authentication error' },
  noRoute: { code: 7000, message: 'No route for that URI' },
} as const

const AUTHOR = 'ci@example.com'
const AUTHOR_ID = '8f3c2a1b9d7e6f5a4b3c2d1e0f9a8b7c'

export class FakeCloudflareApi {
  readonly requests: RecordedCloudflareRequest[] = []
  /** Requests no route knew: a test expects none. */
  readonly unknown: RecordedCloudflareRequest[] = []
  readonly workers = new Map<string, Worker>()
  /** The bindings each uploaded version came with, by version id: never listed back. */
  readonly uploadedBindings = new Map<string, UploadedBinding[]>()
  /** The account's workers.dev subdomain. */
  readonly subdomain = 'example-team'
  private server?: Server
  private readonly routes: Array<[string, RegExp, Route]> = []
  private readonly failures: Array<{ method: string; path: RegExp; answer: Answer }> = []
  private clock = Date.parse('2025-06-01T08:00:00Z')
  /** Origin, e.g. `http://127.0.0.1:PORT`. */
  origin = ''

  constructor(
    readonly accountId = '0123456789abcdef0123456789abcdef',
    readonly token = 'cf-stand-in-token-0123456789',
  ) {
    this.defineRoutes()
  }

  /** What CLOUDFLARE_API_BASE_URL is set to. */
  get baseUrl(): string {
    return `${this.origin}/client/v4`
  }

  /**
   * An npm registry URL on this server, for wrangler's update check (npm_config_registry): it
   * answers 404 at once, so no test waits for, or depends on, the real registry.
   */
  get registryUrl(): string {
    return `${this.origin}/npm-registry/`
  }

  /** Listens on 127.0.0.1 at a free port; `origin` and `baseUrl` say where. */
  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        void this.handle(req, Buffer.concat(chunks).toString('utf8')).then(
          ({ status, body }) => {
            res.writeHead(status, { 'content-type': 'application/json' })
            res.end(body)
          },
          (err: unknown) => {
            res.writeHead(500, { 'content-type': 'text/plain' })
            res.end(String(err))
          },
        )
      })
    })
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  /** Closes the server and any connection still open. */
  async stop(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    )
  }

  /** Requests whose method and path match, in order. */
  requestsTo(method: string, path: RegExp): RecordedCloudflareRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path))
  }

  /**
   * The bodies of the Create Deployment requests the API accepted or refused for a Worker, in
   * order: `{strategy, versions: [{version_id, percentage}], annotations}` as wrangler sent them.
   */
  deploymentBodies(name: string): unknown[] {
    return this.requestsTo('POST', new RegExp(`/workers/scripts/${name}/deployments$`)).map(
      (r) => r.body,
    )
  }

  /** Makes the next request that matches answer with an API error instead. */
  failNext(method: string, path: RegExp, status: number, error: { code: number; message: string }) {
    this.failures.push({ method, path, answer: { status, errors: [error] } })
  }

  /**
   * A Worker with `count` uploaded versions (v1 oldest), each deployed at 100% in turn, so the
   * newest serves. `messages` gives versions their `workers/message`.
   */
  addWorker(name: string, count: number, messages: Record<number, string> = {}): WorkerVersion[] {
    const worker = this.emptyWorker()
    this.workers.set(name, worker)
    for (let n = 1; n <= count; n++) {
      const version = this.newVersion(worker, 'upload', messages[n])
      this.newDeployment(worker, [[version.id, 100]], 'wrangler', {
        'workers/triggered_by': 'upload',
      })
    }
    return [...worker.versions].reverse()
  }

  /** Turns preview URLs on for the Worker, as `preview_urls = true` does on its next deploy. */
  enablePreviews(name: string): void {
    this.requireWorker(name).previewsEnabled = true
  }

  /** The Worker's versions, newest first. */
  versionsOf(name: string): WorkerVersion[] {
    return this.requireWorker(name).versions
  }

  /** Splits the Worker's traffic between two versions, as `wrangler versions deploy` does. */
  deployGradually(name: string, split: Array<[string, number]>): void {
    const worker = this.requireWorker(name)
    this.newDeployment(worker, split, 'wrangler', { 'workers/triggered_by': 'deployment' })
  }

  /** The version ids serving the Worker now, with their shares. */
  serving(name: string): Array<{ version_id: string; percentage: number }> {
    return this.requireWorker(name).deployments[0]?.versions ?? []
  }

  /** Records that secrets changed after a version was made, so a rollback to it needs force. */
  changeSecretsAfter(name: string, versionId: string, secretNames: string[]): void {
    this.requireWorker(name).secretsChangedSince.set(versionId, secretNames)
  }

  private requireWorker(name: string): Worker {
    const worker = this.workers.get(name)
    if (!worker) throw new Error(`stand-in Cloudflare API: no Worker ${name}`)
    return worker
  }

  private emptyWorker(): Worker {
    return {
      tag: randomBytes(16).toString('hex'),
      versions: [],
      deployments: [],
      secrets: {},
      secretsChangedSince: new Map(),
      subdomainEnabled: false,
      previewsEnabled: false,
    }
  }

  private now(): string {
    // Strictly increasing times, a minute apart, so that order never depends on the wall clock.
    this.clock += 60_000
    return new Date(this.clock).toISOString()
  }

  private newVersion(worker: Worker, triggeredBy: string, message?: string): WorkerVersion {
    const created = this.now()
    const version: WorkerVersion = {
      id: randomUUID(),
      number: (worker.versions[0]?.number ?? 0) + 1,
      metadata: {
        author_email: AUTHOR,
        author_id: AUTHOR_ID,
        created_on: created,
        modified_on: created,
        source: 'wrangler',
        hasPreview: false,
      },
      annotations: {
        'workers/triggered_by': triggeredBy,
        ...(message ? { 'workers/message': message } : {}),
      },
    }
    worker.versions.unshift(version)
    return version
  }

  private newDeployment(
    worker: Worker,
    split: Array<[string, number]>,
    source: string,
    annotations: Record<string, string>,
  ): WorkerDeployment {
    const deployment: WorkerDeployment = {
      id: randomUUID(),
      source,
      strategy: 'percentage',
      author_email: AUTHOR,
      created_on: this.now(),
      versions: split.map(([version_id, percentage]) => ({ version_id, percentage })),
      annotations,
    }
    worker.deployments.unshift(deployment)
    return deployment
  }

  private async handle(
    req: IncomingMessage,
    text: string,
  ): Promise<{ status: number; body: string }> {
    const url = new URL(req.url ?? '/', 'http://stand-in')
    const request: RecordedCloudflareRequest = {
      method: req.method ?? 'GET',
      path: url.pathname.replace(/^\/client\/v4/, ''),
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: parseBody(req.headers['content-type'], text),
    }
    // wrangler's update check asks the npm registry, which is not the Cloudflare API.
    if (url.pathname.startsWith('/npm-registry/')) {
      return { status: 404, body: JSON.stringify({ error: 'Not found' }) }
    }
    this.requests.push(request)
    const answer = await this.answer(request, url.pathname.startsWith('/client/v4/'))
    if (answer.raw !== undefined) return { status: answer.status, body: answer.raw }
    const ok = answer.status >= 200 && answer.status < 300
    return {
      status: answer.status,
      body: JSON.stringify({
        success: ok,
        errors: answer.errors ?? [],
        messages: [],
        result: ok ? (answer.result ?? null) : null,
        ...(answer.resultInfo ? { result_info: answer.resultInfo } : {}),
      }),
    }
  }

  private async answer(request: RecordedCloudflareRequest, underBase: boolean): Promise<Answer> {
    if (underBase) {
      if (request.headers.authorization !== `Bearer ${this.token}`) {
        return { status: 403, errors: [CF_ERRORS.authentication] }
      }
      const failure = this.failures.findIndex(
        (f) => f.method === request.method && f.path.test(request.path),
      )
      if (failure >= 0) return this.failures.splice(failure, 1)[0]?.answer as Answer
      for (const [method, pattern, route] of this.routes) {
        const match = method === request.method ? pattern.exec(request.path) : null
        if (!match) continue
        if (match.groups?.account !== undefined && match.groups.account !== this.accountId) {
          return {
            status: 404,
            errors: [
              {
                code: 7003,
                message: `Could not route to /client/v4${request.path}, perhaps your object identifier is invalid?`,
              },
            ],
          }
        }
        return route(request, match)
      }
    }
    this.unknown.push(request)
    return { status: 404, errors: [CF_ERRORS.noRoute] }
  }

  private on(method: string, pattern: string, route: Route): void {
    // `:account` and `:script` name path segments.
    const source = pattern
      .replace(':account', '(?<account>[^/]+)')
      .replace(':script', '(?<script>[^/]+)')
      .replace(':id', '(?<id>[^/]+)')
    this.routes.push([method, new RegExp(`^${source}$`), route])
  }

  private withWorker(
    match: RegExpExecArray,
    run: (worker: Worker, name: string) => Answer | Promise<Answer>,
  ): Answer | Promise<Answer> {
    const name = decodeURIComponent(match.groups?.script ?? '')
    const worker = this.workers.get(name)
    if (!worker) return { status: 404, errors: [CF_ERRORS.scriptNotFound] }
    return run(worker, name)
  }

  private defineRoutes(): void {
    const scripts = '/accounts/:account/workers/scripts/:script'

    // List Versions: `result.items`, newest first, paged (`page`, `per_page`; 10 by default,
    // which is what wrangler calls "the 10 most recent").
    this.on('GET', `${scripts}/versions`, (request, match) =>
      this.withWorker(match, (worker) => {
        const page = Math.max(1, Number(request.query.page ?? 1))
        const perPage = Math.max(1, Number(request.query.per_page ?? 10))
        const items = worker.versions.slice((page - 1) * perPage, page * perPage)
        return {
          status: 200,
          result: { items },
          resultInfo: {
            page,
            per_page: perPage,
            count: items.length,
            total_count: worker.versions.length,
          },
        }
      }),
    )

    this.on('GET', `${scripts}/versions/:id`, (_request, match) =>
      this.withWorker(match, (worker) => {
        const version = worker.versions.find((v) => v.id === match.groups?.id)
        if (!version) return { status: 404, errors: [CF_ERRORS.versionNotFound] }
        return {
          status: 200,
          result: {
            ...version,
            resources: {
              bindings: [],
              script: { etag: randomBytes(16).toString('hex'), handlers: ['fetch'] },
              script_runtime: { compatibility_date: '2025-01-01', usage_model: 'standard' },
            },
          },
        }
      }),
    )

    // Deployments: `result.deployments`, newest first (the first one serves traffic).
    this.on('GET', `${scripts}/deployments`, (_request, match) =>
      this.withWorker(match, (worker) => ({
        status: 200,
        result: { deployments: worker.deployments.slice(0, 10) },
      })),
    )

    this.on('POST', `${scripts}/deployments`, (request, match) =>
      this.withWorker(match, (worker) => {
        const body = request.body as {
          strategy?: unknown
          versions?: Array<{ version_id?: unknown; percentage?: unknown }>
          annotations?: Record<string, unknown>
        }
        const refused = refusedDeployment(body, worker)
        if (refused) return refused
        const versions = body.versions ?? []
        const target = String(versions[0]?.version_id)
        const changed = worker.secretsChangedSince.get(target)
        if (changed && request.query.force !== 'true') {
          return {
            status: 400,
            errors: [
              {
                code: CF_ERRORS.secretsChanged.code,
                message: `A secret has changed since this version was active. If you are sure this is ok, add a "force" query parameter. The following secrets have changed: ${changed.join(', ')}`,
              },
            ],
          }
        }
        const message = body.annotations?.['workers/message']
        const annotations: Record<string, string> = {}
        // The API keeps at most 100 bytes of a message (DeploymentParam in the generated client).
        if (typeof message === 'string') {
          annotations['workers/message'] = Buffer.from(message).subarray(0, 100).toString('utf8')
        }
        const deployment = this.newDeployment(
          worker,
          versions.map((v) => [String(v.version_id), Number(v.percentage)]),
          'wrangler',
          annotations,
        )
        return { status: 200, result: deployment }
      }),
    )

    // Upload Version (multipart: `metadata` JSON and the modules). A first upload creates the
    // Worker. wrangler deploy then deploys it with POST deployments.
    this.on('POST', `${scripts}/versions`, (request, match) => {
      const name = decodeURIComponent(match.groups?.script ?? '')
      const metadata = multipartField(request, 'metadata')
      if (!metadata)
        return { status: 400, errors: [{ code: 10021, message: 'metadata part missing' }] }
      const parsed = JSON.parse(metadata) as {
        main_module?: string
        annotations?: Record<string, string>
        bindings?: UploadedBinding[]
      }
      if (!parsed.main_module || multipartField(request, parsed.main_module) === undefined) {
        return { status: 400, errors: [{ code: 10021, message: 'No such module: main_module' }] }
      }
      let worker = this.workers.get(name)
      if (!worker) {
        worker = this.emptyWorker()
        this.workers.set(name, worker)
      }
      const version = this.newVersion(worker, 'upload', parsed.annotations?.['workers/message'])
      for (const key of ['workers/tag', 'workers/alias']) {
        const value = parsed.annotations?.[key]
        if (value && version.annotations) version.annotations[key] = value
      }
      this.uploadedBindings.set(version.id, parsed.bindings ?? [])
      return {
        status: 200,
        result: {
          ...version,
          // What wrangler reads to decide whether to print preview URLs (`has_preview`).
          metadata: { ...version.metadata, has_preview: worker.previewsEnabled },
          resources: {
            bindings: [],
            script: { etag: randomBytes(16).toString('hex'), handlers: ['fetch'] },
            script_runtime: { usage_model: 'standard' },
          },
          startup_time_ms: 3,
        },
      }
    })

    // Upload Worker Module: the older, unversioned upload, which wrangler deploy still uses for
    // a Worker that does not exist yet. It uploads and deploys at once; wrangler reads the new
    // version's id from `deployment_id`, which it accepts without hyphens (parseNonHyphenedUuid).
    this.on('PUT', scripts, (request, match) => {
      const name = decodeURIComponent(match.groups?.script ?? '')
      const metadata = multipartField(request, 'metadata')
      const parsed = metadata ? (JSON.parse(metadata) as { main_module?: string }) : {}
      if (!parsed.main_module || multipartField(request, parsed.main_module) === undefined) {
        return { status: 400, errors: [{ code: 10021, message: 'No such module: main_module' }] }
      }
      const worker = this.workers.get(name) ?? this.emptyWorker()
      this.workers.set(name, worker)
      const version = this.newVersion(worker, 'upload')
      this.newDeployment(worker, [[version.id, 100]], 'wrangler', {
        'workers/triggered_by': 'upload',
      })
      return {
        status: 200,
        result: {
          id: name,
          etag: randomBytes(16).toString('hex'),
          created_on: version.metadata.created_on,
          modified_on: version.metadata.modified_on,
          deployment_id: version.id.replaceAll('-', ''),
          startup_time_ms: 3,
          usage_model: 'standard',
          handlers: ['fetch'],
        },
      }
    })

    // wrangler delete looks for the KV namespaces of a Workers Site to delete with the Worker.
    this.on('GET', '/accounts/:account/storage/kv/namespaces', (request) => ({
      status: 200,
      result: [],
      resultInfo: {
        page: Number(request.query.page ?? 1),
        per_page: Number(request.query.per_page ?? 20),
        count: 0,
        total_count: 0,
      },
    }))

    // Settings that are not versioned (tags, logpush, observability, tail consumers).
    this.on('PATCH', `${scripts}/script-settings`, (request, match) =>
      this.withWorker(match, () => ({ status: 200, result: request.body ?? {} })),
    )

    this.on('GET', '/accounts/:account/workers/subdomain', () => ({
      status: 200,
      result: { subdomain: this.subdomain },
    }))

    this.on('GET', `${scripts}/subdomain`, (_request, match) =>
      this.withWorker(match, (worker) => ({
        status: 200,
        result: { enabled: worker.subdomainEnabled, previews_enabled: worker.previewsEnabled },
      })),
    )

    this.on('POST', `${scripts}/subdomain`, (request, match) =>
      this.withWorker(match, (worker) => {
        const body = request.body as { enabled?: unknown; previews_enabled?: unknown }
        worker.subdomainEnabled = body?.enabled === true
        return {
          status: 200,
          result: {
            enabled: worker.subdomainEnabled,
            previews_enabled: body?.previews_enabled === true,
          },
        }
      }),
    )

    // The Worker as a service: wrangler deploy reads its tag and where it was last deployed from.
    this.on('GET', '/accounts/:account/workers/services/:script', (_request, match) =>
      this.withWorker(match, (worker, name) => ({
        status: 200,
        result: {
          id: name,
          default_environment: {
            environment: 'production',
            script: { id: name, tag: worker.tag, tags: [], last_deployed_from: 'wrangler' },
          },
        },
      })),
    )

    this.on('DELETE', '/accounts/:account/workers/services/:script', (_request, match) =>
      this.withWorker(match, (_worker, name) => {
        this.workers.delete(name)
        return { status: 200, result: null }
      }),
    )

    // Settings hold the bindings, secrets among them (values are never returned).
    this.on('GET', `${scripts}/settings`, (_request, match) =>
      this.withWorker(match, (worker) => ({
        status: 200,
        result: {
          bindings: Object.keys(worker.secrets).map((name) => ({ type: 'secret_text', name })),
          compatibility_date: '2025-01-01',
          compatibility_flags: [],
        },
      })),
    )

    this.on('PATCH', `${scripts}/settings`, (request, match) =>
      this.withWorker(match, (worker) => {
        const settings = multipartField(request, 'settings')
        if (!settings)
          return { status: 400, errors: [{ code: 10026, message: 'settings part missing' }] }
        const { bindings } = JSON.parse(settings) as {
          bindings?: Array<{ type?: string; name?: string; text?: string }>
        }
        for (const binding of bindings ?? []) {
          if (binding.type === 'secret_text' && binding.name && binding.text !== undefined) {
            worker.secrets[binding.name] = binding.text
          }
        }
        // A settings change makes a new version, deployed at once.
        const version = this.newVersion(worker, 'secret')
        this.newDeployment(worker, [[version.id, 100]], 'wrangler', {
          'workers/triggered_by': 'secret',
        })
        return { status: 200, result: { bindings: bindings ?? [] } }
      }),
    )
  }
}

/** What the real API would refuse in a Create Deployment body, as it would answer; else undefined. */
function refusedDeployment(
  body: { strategy?: unknown; versions?: Array<{ version_id?: unknown; percentage?: unknown }> },
  worker: Worker,
): Answer | undefined {
  // "A deployment can consist of one or two versions of a Worker" (API docs); the shares add up
  // to 100 within wrangler's tolerance (src/versions/deploy.ts EPSILON = 0.001), each from 0 to
  // 100 (0 is how the docs put a version in a deployment for version overrides alone).
  const versions = Array.isArray(body?.versions) ? body.versions : []
  const shares = versions.map((v) => v?.percentage)
  const total = shares.reduce<number>((sum, share) => sum + Number(share), 0)
  if (
    body?.strategy !== 'percentage' ||
    versions.length < 1 ||
    versions.length > 2 ||
    shares.some((share) => typeof share !== 'number' || share < 0 || share > 100) ||
    Math.abs(total - 100) > 0.001
  ) {
    return {
      status: 400,
      errors: [{ code: 10021, message: 'Invalid deployment: versions must add up to 100%' }],
    }
  }
  for (const v of versions) {
    if (typeof v.version_id !== 'string' || !worker.versions.some((k) => k.id === v.version_id)) {
      return { status: 404, errors: [CF_ERRORS.versionNotFound] }
    }
  }
  return undefined
}

function parseBody(contentType: string | undefined, text: string): unknown {
  if (!text) return undefined
  if (contentType?.includes('application/json')) {
    try {
      return JSON.parse(text) as unknown
    } catch {
      return text
    }
  }
  return text
}

/** The text of one field of a multipart/form-data body. */
export function multipartField(
  request: RecordedCloudflareRequest,
  name: string,
): string | undefined {
  const type = String(request.headers['content-type'] ?? '')
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type)
  if (!boundary || typeof request.body !== 'string') return undefined
  const marker = `--${boundary[1] ?? boundary[2]}`
  for (const part of request.body.split(marker)) {
    const [head, ...rest] = part.split('\r\n\r\n')
    if (head && new RegExp(`name="${name}"`).test(head)) {
      return rest.join('\r\n\r\n').replace(/\r\n$/, '')
    }
  }
  return undefined
}
