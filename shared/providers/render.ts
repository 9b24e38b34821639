import { maskSecret } from '../secrets.js'
import { ApiError, requestJson, type ApiRequest } from './api.js'
import {
  type DeployRequest,
  type DeployResult,
  type ProviderConfig,
  type ProviderWith,
  type Release,
  type ReleaseStatus,
  type RollbackResult,
} from './types.js'

export const RENDER_API_URL = 'https://api.render.com/v1'

interface RenderDeploy {
  id?: unknown
  status?: unknown
  trigger?: unknown
  createdAt?: unknown
  commit?: { id?: unknown; message?: unknown } | null
  image?: { ref?: unknown } | null
}

function renderToken(config: ProviderConfig): string {
  const token = config.token ?? process.env.RENDER_API_KEY
  if (!token) {
    throw new Error('provider `render` needs an API key: set the `token` input or RENDER_API_KEY')
  }
  maskSecret(token)
  return token
}

/** One call to Render's REST API for the configured service. */
function renderApi<T>(
  config: ProviderConfig,
  method: ApiRequest['method'],
  path: string,
  body?: unknown,
): Promise<T> {
  const base = (config.apiUrl ?? RENDER_API_URL).replace(/\/+$/, '')
  return requestJson<T>({
    method,
    url: `${base}/services/${encodeURIComponent(config.app)}${path}`,
    token: renderToken(config),
    body,
    timeoutMs: config.timeoutMs,
    service: 'Render API',
  })
}

/**
 * Render's deploy statuses. `deactivated` is a deploy that went live and was later replaced:
 * it succeeded, and is what a rollback goes back to.
 */
export function renderStatus(raw: string): ReleaseStatus {
  const status = raw.toLowerCase()
  if (status === 'live' || status === 'deactivated') return 'succeeded'
  if (
    status.endsWith('_failed') ||
    status === 'failed' ||
    status === 'canceled' ||
    status === 'cancelled'
  ) {
    return 'failed'
  }
  if (status === 'created' || status === 'queued' || status.endsWith('_in_progress'))
    return 'in-progress'
  return 'unknown'
}

function describe(deploy: RenderDeploy): string | undefined {
  const parts: string[] = []
  const message = deploy.commit?.message
  if (typeof message === 'string' && message) parts.push(message.split('\n')[0] ?? '')
  const commit = deploy.commit?.id
  if (typeof commit === 'string' && commit) parts.push(`(${commit.slice(0, 7)})`)
  if (typeof deploy.trigger === 'string' && deploy.trigger) parts.push(`trigger: ${deploy.trigger}`)
  return parts.length > 0 ? parts.join(' ') : undefined
}

function toRelease(deploy: RenderDeploy, index: number): Release {
  if (typeof deploy.id !== 'string' || deploy.id === '') {
    throw new ApiError(`Render API deploys answered an entry without an id (entry ${index + 1})`)
  }
  const rawStatus = typeof deploy.status === 'string' ? deploy.status : 'unknown'
  return {
    id: deploy.id,
    status: renderStatus(rawStatus),
    rawStatus,
    image: typeof deploy.image?.ref === 'string' ? deploy.image.ref : undefined,
    createdAt: typeof deploy.createdAt === 'string' ? deploy.createdAt : undefined,
    current: false,
    description: describe(deploy),
  }
}

/** Newest first, whatever order the API used; entries without a date keep their place. */
function newestFirst(releases: Release[]): Release[] {
  if (
    !releases.every((release) => release.createdAt && !Number.isNaN(Date.parse(release.createdAt)))
  ) {
    return releases
  }
  return [...releases].sort((a, b) => Date.parse(b.createdAt ?? '') - Date.parse(a.createdAt ?? ''))
}

async function listDeploys(config: ProviderConfig): Promise<Release[]> {
  const answer = await renderApi<unknown>(config, 'GET', '/deploys?limit=20')
  if (!Array.isArray(answer)) {
    throw new ApiError(
      `Render API GET /services/${config.app}/deploys did not answer a list of deploys: ${JSON.stringify(answer ?? null).slice(0, 80)}`,
    )
  }
  const releases = newestFirst(
    answer.map((item: { deploy?: RenderDeploy } | null, index) =>
      toRelease(item?.deploy ?? {}, index),
    ),
  )
  // While a new deploy goes live the old one can still say `live` for a moment: only the
  // newest live deploy serves traffic.
  const current = releases.find((release) => release.rawStatus.toLowerCase() === 'live')
  if (current) current.current = true
  return releases
}

async function deploy(config: ProviderConfig, request: DeployRequest): Promise<DeployResult> {
  // An image-backed service deploys the given image; a Git-backed one its branch's latest commit.
  const body = request.image ? { imageUrl: request.image } : {}
  const created = await renderApi<RenderDeploy | undefined>(config, 'POST', '/deploys', body)
  const releaseId = typeof created?.id === 'string' ? created.id : undefined
  config.log(
    releaseId
      ? `Render deploy ${releaseId} of service ${config.app} started`
      : `Render accepted a deploy of service ${config.app} (no deploy id in the answer)`,
  )
  return { releaseId }
}

async function rollback(config: ProviderConfig, target: Release): Promise<RollbackResult> {
  const created = await renderApi<RenderDeploy | undefined>(config, 'POST', '/rollback', {
    deployId: target.id,
  })
  config.log(
    `Render is rolling service ${config.app} back to deploy ${target.id}. A rollback through the API does not turn off autodeploy: the next push to the branch deploys again unless you turn autodeploy off in the service's settings.`,
  )
  return { releaseId: typeof created?.id === 'string' ? created.id : undefined }
}

async function setSecrets(config: ProviderConfig, secrets: Record<string, string>): Promise<void> {
  const names = Object.keys(secrets)
  for (const value of Object.values(secrets)) maskSecret(value)
  // One key at a time: PUT /env-vars (without a key) replaces the whole set and would drop
  // every variable not named here.
  for (const [key, value] of Object.entries(secrets)) {
    await renderApi(config, 'PUT', `/env-vars/${encodeURIComponent(key)}`, { value })
  }
  if (names.length > 0) {
    config.log(
      `Set ${names.length} Render environment variable(s) on ${config.app}: ${names.join(', ')}`,
    )
  }
}

async function url(config: ProviderConfig): Promise<string | undefined> {
  const service = await renderApi<{ serviceDetails?: { url?: unknown } | null } | undefined>(
    config,
    'GET',
    '',
  )
  const found = service?.serviceDetails?.url
  return typeof found === 'string' && found !== '' ? found : undefined
}

/** Render through its REST API. `app` is the service id (`srv-…`). */
export function createRenderProvider(config: ProviderConfig): ProviderWith<'setSecrets'> {
  return {
    name: 'render',
    tokenEnv: ['RENDER_API_KEY'],
    deploy: (request) => deploy(config, request),
    releases: () => listDeploys(config),
    rollback: (target) => rollback(config, target),
    setSecrets: (secrets) => setSecrets(config, secrets),
    url: () => url(config),
  }
}
