import { maskSecret } from '../secrets.js'
import { ApiError, requestJson } from './api.js'
import { CliError, runCli } from '../process.js'
import {
  UnsupportedOperationError,
  type DeployRequest,
  type DeployResult,
  type Provider,
  type ProviderConfig,
  type Release,
  type ReleaseStatus,
  type RollbackResult,
} from './types.js'

export const RAILWAY_API_URL = 'https://backboard.railway.com/graphql/v2'

/**
 * A project token (RAILWAY_TOKEN) is scoped to one project and environment and travels in a
 * header of its own; an account or workspace token (RAILWAY_API_TOKEN) is a Bearer token.
 */
type CredentialKind = 'project' | 'account'

interface RailwayCredential {
  token: string
  kind: CredentialKind
}

/**
 * The `token` input counts as a project token, since that is what Railway recommends for CI;
 * an account or workspace token is taken from RAILWAY_API_TOKEN.
 */
function railwayCredential(config: ProviderConfig): RailwayCredential {
  const found: RailwayCredential | undefined = config.token
    ? { token: config.token, kind: 'project' }
    : process.env.RAILWAY_TOKEN
      ? { token: process.env.RAILWAY_TOKEN, kind: 'project' }
      : process.env.RAILWAY_API_TOKEN
        ? { token: process.env.RAILWAY_API_TOKEN, kind: 'account' }
        : undefined
  if (!found) {
    throw new Error(
      'provider `railway` needs a token: set the `token` input or RAILWAY_TOKEN to a project token, or RAILWAY_API_TOKEN to an account or workspace token',
    )
  }
  maskSecret(found.token)
  return found
}

/** The CLI reads the same two variables; only the chosen one reaches it. */
function cliEnv(credential: RailwayCredential): Record<string, string | undefined> {
  return credential.kind === 'project'
    ? { RAILWAY_TOKEN: credential.token, RAILWAY_API_TOKEN: undefined }
    : { RAILWAY_API_TOKEN: credential.token, RAILWAY_TOKEN: undefined }
}

function authHeaders(credential: RailwayCredential): Record<string, string> {
  return credential.kind === 'project'
    ? { 'Project-Access-Token': credential.token }
    : { Authorization: `Bearer ${credential.token}` }
}

interface GraphqlAnswer<T> {
  data?: T | null
  errors?: Array<{ message?: unknown }>
}

/** Railway answers GraphQL errors with HTTP 200, so they are looked for in the body. */
async function graphql<T>(
  config: ProviderConfig,
  operation: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const credential = railwayCredential(config)
  const answer = await requestJson<GraphqlAnswer<T> | undefined>({
    method: 'POST',
    url: config.apiUrl ?? RAILWAY_API_URL,
    headers: authHeaders(credential),
    body: { query, variables },
    timeoutMs: config.timeoutMs,
    service: 'Railway API',
  })
  if (!answer || typeof answer !== 'object') {
    throw new ApiError(`Railway API ${operation} answered without a GraphQL response body`)
  }
  if (Array.isArray(answer.errors) && answer.errors.length > 0) {
    const messages = answer.errors.map((error) =>
      typeof error?.message === 'string' ? error.message : JSON.stringify(error),
    )
    const text = messages.join('; ')
    throw new ApiError(`Railway API ${operation} failed: ${text}${authHint(text, credential)}`)
  }
  if (!answer.data) {
    throw new ApiError(`Railway API ${operation} answered with no data and no error`)
  }
  return answer.data
}

function authHint(message: string, credential: RailwayCredential): string {
  if (!/not authori[sz]ed/i.test(message)) return ''
  return credential.kind === 'project'
    ? ' (the token was sent as a project token: check that it belongs to this project and environment, or pass an account or workspace token through RAILWAY_API_TOKEN)'
    : ' (the token was sent as an account or workspace token: check that it can see this project)'
}

/** Railway lists deployments and variables per environment, and cannot guess which one. */
function requireEnvironmentId(config: ProviderConfig, purpose: string): string {
  const value = config.settings['environment-id']
  if (!value) {
    throw new Error(
      `provider \`railway\` needs the \`environment-id\` input to ${purpose} (the Railway environment's id, shown in the dashboard's environment settings)`,
    )
  }
  return value
}

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

async function listDeployments(config: ProviderConfig): Promise<Release[]> {
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
function parseUpOutput(args: string[], stdout: string): { deploymentId: string; logsUrl?: string } {
  const last = stdout
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.startsWith('{'))
    .pop()
  const shown = `railway ${args.join(' ')}`
  if (!last) {
    throw new CliError(
      `\`${shown}\` printed no JSON line with the deployment id; flightdeck needs a Railway CLI recent enough to support \`up --json\`. It printed: ${JSON.stringify(stdout.trim().slice(0, 120))}`,
    )
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(last)
  } catch (err) {
    throw new CliError(
      `\`${shown}\` printed a line that is not JSON (${err instanceof Error ? err.message : String(err)}): ${JSON.stringify(last.slice(0, 120))}`,
    )
  }
  const { deploymentId, logsUrl } = (parsed ?? {}) as { deploymentId?: unknown; logsUrl?: unknown }
  if (typeof deploymentId !== 'string' || deploymentId === '') {
    throw new CliError(
      `\`${shown}\` printed JSON without a deploymentId: ${JSON.stringify(last.slice(0, 120))}`,
    )
  }
  return { deploymentId, logsUrl: typeof logsUrl === 'string' ? logsUrl : undefined }
}

async function deploy(config: ProviderConfig, request: DeployRequest): Promise<DeployResult> {
  if (request.image) {
    throw new UnsupportedOperationError(
      'railway',
      'deploy a prebuilt image with `railway up`, which uploads the working directory',
      "set the image as the service's source in Railway and deploy without `image`",
    )
  }
  const credential = railwayCredential(config)
  // Every value as `--flag=value`: clap reads `--service -x` as a missing value and a flag `-x`,
  // and ids and names come from users and the platform.
  const args = ['up', `--service=${config.app}`, '--detach', '--json']
  // `--environment` takes an id or a name.
  const environmentId = config.settings['environment-id'] ?? request.environment
  if (environmentId) args.push(`--environment=${environmentId}`)
  const projectId = config.settings['project-id']
  if (projectId) {
    if (!environmentId) {
      throw new Error(
        'provider `railway` needs the `environment-id` input when `project-id` is set (`railway up --project` requires `--environment`)',
      )
    }
    args.push(`--project=${projectId}`)
  }
  args.push(...(request.extraArgs ?? []))
  const result = await runCli('railway', args, {
    env: cliEnv(credential),
    cwd: config.cwd,
    timeoutMs: config.timeoutMs,
  })
  const { deploymentId, logsUrl } = parseUpOutput(args, result.stdout)
  config.log(
    `Railway deployment ${deploymentId} started${logsUrl ? `; build logs: ${logsUrl}` : ''}`,
  )
  return { releaseId: deploymentId }
}

const DEPLOYMENT_QUERY = `query flightdeckDeployment($id: String!) {
  deployment(id: $id) { id status canRollback }
}`

// The official CLI selects nothing (a Boolean); docs show `{ id status }`. Selecting fields on a
// Boolean, or none on an object, is a validation error, so the second form is the fallback.
const ROLLBACK_SCALAR = `mutation flightdeckRollback($id: String!) {
  deploymentRollback(id: $id)
}`
const ROLLBACK_OBJECT = `mutation flightdeckRollback($id: String!) {
  deploymentRollback(id: $id) { id status }
}`

async function rollback(config: ProviderConfig, target: Release): Promise<RollbackResult> {
  const found = await graphql<{
    deployment?: { id?: string; status?: string; canRollback?: boolean } | null
  }>(config, 'deployment', DEPLOYMENT_QUERY, { id: target.id })
  if (!found.deployment) {
    throw new ApiError(`Railway has no deployment ${target.id} that this token can see`)
  }
  if (found.deployment.canRollback !== true) {
    throw new ApiError(
      `Railway says deployment ${target.id} (${found.deployment.status ?? 'status unknown'}) cannot be rolled back to (canRollback is false); choose another deployment, or redeploy that commit`,
    )
  }
  let answer: { deploymentRollback?: unknown }
  try {
    answer = await graphql(config, 'deploymentRollback', ROLLBACK_SCALAR, { id: target.id })
  } catch (err) {
    if (!(err instanceof ApiError) || !/selection|subfield|sub-field/i.test(err.message)) throw err
    answer = await graphql(config, 'deploymentRollback', ROLLBACK_OBJECT, { id: target.id })
  }
  const value = answer.deploymentRollback
  if (value === true || (value && typeof value === 'object')) {
    config.log(`Railway is redeploying deployment ${target.id} of service ${config.app}`)
  }
  if (value === true) return {}
  if (value && typeof value === 'object') {
    const id = (value as { id?: unknown }).id
    return typeof id === 'string' ? { releaseId: id } : {}
  }
  throw new ApiError(
    `Railway API deploymentRollback answered ${JSON.stringify(value ?? null)} for deployment ${target.id}: the rollback was not started`,
  )
}

const SERVICE_PROJECT_QUERY = `query flightdeckServiceProject($id: String!) {
  service(id: $id) { projectId }
}`

const VARIABLES_UPSERT = `mutation flightdeckVariables($input: VariableCollectionUpsertInput!) {
  variableCollectionUpsert(input: $input)
}`

async function setSecrets(config: ProviderConfig, secrets: Record<string, string>): Promise<void> {
  const names = Object.keys(secrets)
  if (names.length === 0) return
  for (const value of Object.values(secrets)) maskSecret(value)
  const environmentId = requireEnvironmentId(config, 'set variables')
  let projectId = config.settings['project-id']
  if (!projectId) {
    const data = await graphql<{ service?: { projectId?: string } | null }>(
      config,
      'service',
      SERVICE_PROJECT_QUERY,
      { id: config.app },
    )
    projectId = data.service?.projectId
    if (!projectId)
      throw new ApiError(`Railway API service answered no project for service ${config.app}`)
  }
  // Values travel only in the request body; the log names the variables, never their values.
  await graphql(config, 'variableCollectionUpsert', VARIABLES_UPSERT, {
    input: { projectId, environmentId, serviceId: config.app, variables: secrets },
  })
  config.log(
    `Set ${names.length} Railway variable(s) on service ${config.app}: ${names.join(', ')}`,
  )
}

/** Railway through its CLI (`railway up`) and its public GraphQL API. `app` is the service id. */
export function createRailwayProvider(config: ProviderConfig): Provider {
  return {
    name: 'railway',
    cli: 'railway',
    tokenEnv: ['RAILWAY_TOKEN', 'RAILWAY_API_TOKEN'],
    deploy: (request) => deploy(config, request),
    releases: () => listDeployments(config),
    rollback: (target) => rollback(config, target),
    ensureApp: async () => {
      throw new UnsupportedOperationError(
        'railway',
        'create a service for a preview',
        'turn on PR environments in the Railway project settings, which create and remove an environment per pull request',
      )
    },
    destroyApp: async () => {
      throw new UnsupportedOperationError(
        'railway',
        'delete a service',
        'let Railway PR environments remove the preview when the pull request closes',
      )
    },
    setSecrets: (secrets) => setSecrets(config, secrets),
    url: async () => {
      const releases = await listDeployments(config)
      return releases.find(
        (release) => release.rawStatus.toUpperCase() === 'SUCCESS' && release.url,
      )?.url
    },
  }
}
