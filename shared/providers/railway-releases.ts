// A Railway service's releases: its deployments in one environment, read through the GraphQL
// API and put in flightdeck's terms (which one serves, which can be rolled back to).
import { ApiError } from './api.js'
import type { ProviderConfig, Release, ReleaseStatus } from './types.js'
import { graphql, requireEnvironmentId } from './railway-api.js'

interface DeploymentNode {
  id?: unknown
  status?: unknown
  createdAt?: unknown
  canRollback?: unknown
  staticUrl?: unknown
  meta?: unknown
}

const DEPLOYMENTS_QUERY = `query flightdeckDeployments($input: DeploymentListInput!, $first: Int) {
  deployments(input: $input, first: $first) {
    edges { node { id status createdAt canRollback meta staticUrl } }
  }
}`

/**
 * Railway's deployment statuses. REMOVED is what a deployment becomes once a newer one
 * replaces it; when Railway still offers it for rollback it ran fine, like Render's
 * `deactivated`, so it counts as succeeded (and can be a rollback target). A REMOVED
 * deployment that cannot be rolled back, and SKIPPED or SLEEPING ones, say nothing sure about
 * how it went: unknown.
 */
export function railwayStatus(raw: string, canRollback: boolean): ReleaseStatus {
  switch (raw.toUpperCase()) {
    case 'SUCCESS':
      return 'succeeded'
    case 'FAILED':
    case 'CRASHED':
      return 'failed'
    case 'BUILDING':
    case 'DEPLOYING':
    case 'INITIALIZING':
    case 'QUEUED':
    case 'WAITING':
    case 'NEEDS_APPROVAL':
    case 'REMOVING':
      return 'in-progress'
    case 'REMOVED':
      return canRollback ? 'succeeded' : 'unknown'
    default:
      return 'unknown'
  }
}

function httpsUrl(host: unknown): string | undefined {
  if (typeof host !== 'string' || host.trim() === '') return undefined
  return /^https?:\/\//i.test(host) ? host : `https://${host}`
}

function describe(meta: unknown, canRollback: boolean): string {
  const parts: string[] = []
  if (meta && typeof meta === 'object') {
    const { commitMessage, commitHash, branch } = meta as Record<string, unknown>
    if (typeof commitMessage === 'string' && commitMessage)
      parts.push(commitMessage.split('\n')[0] ?? '')
    const where = [
      typeof branch === 'string' ? branch : '',
      typeof commitHash === 'string' ? commitHash.slice(0, 7) : '',
    ]
      .filter(Boolean)
      .join('@')
    if (where) parts.push(`(${where})`)
  }
  parts.push(canRollback ? 'can roll back' : 'cannot roll back')
  return parts.join(' ')
}

function toRelease(node: DeploymentNode, index: number): Release {
  if (typeof node.id !== 'string' || node.id === '') {
    throw new ApiError(
      `Railway API deployments answered an entry without an id (entry ${index + 1})`,
    )
  }
  const rawStatus = typeof node.status === 'string' ? node.status : 'UNKNOWN'
  const canRollback = node.canRollback === true
  const meta =
    node.meta && typeof node.meta === 'object' ? (node.meta as Record<string, unknown>) : {}
  return {
    id: node.id,
    status: railwayStatus(rawStatus, canRollback),
    rawStatus,
    image: typeof meta.image === 'string' ? meta.image : undefined,
    createdAt: typeof node.createdAt === 'string' ? node.createdAt : undefined,
    current: false,
    description: describe(node.meta, canRollback),
    url: httpsUrl(node.staticUrl),
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

export async function listDeployments(config: ProviderConfig): Promise<Release[]> {
  const environmentId = requireEnvironmentId(config, 'list deployments')
  const data = await graphql<{ deployments?: { edges?: Array<{ node?: DeploymentNode }> } | null }>(
    config,
    'deployments',
    DEPLOYMENTS_QUERY,
    { input: { serviceId: config.app, environmentId }, first: 20 },
  )
  const edges = data.deployments?.edges
  if (!Array.isArray(edges)) {
    throw new ApiError(
      `Railway API deployments answered without deployments.edges for service ${config.app}`,
    )
  }
  const releases = newestFirst(edges.map((edge, index) => toRelease(edge?.node ?? {}, index)))
  // Railway keeps one active deployment per service and environment: the newest SUCCESS.
  const current = releases.find((release) => release.rawStatus.toUpperCase() === 'SUCCESS')
  if (current) current.current = true
  return releases
}

/** Prints `{"deploymentId","logsUrl"}` on its last line with `--detach --json`. */
