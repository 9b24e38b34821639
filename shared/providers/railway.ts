// Railway: deploys through the `railway` CLI (`up`), releases, rollbacks and variables through
// its GraphQL API (railway-api.ts, railway-releases.ts).
import { maskSecret } from '../secrets.js'
import { ApiError } from './api.js'
import { CliError, runCli } from '../process.js'
import {
  UnsupportedOperationError,
  type DeployRequest,
  type DeployResult,
  type ProviderConfig,
  type ProviderWith,
  type Release,
  type RollbackResult,
} from './types.js'
import { cliEnv, graphql, railwayCredential, requireEnvironmentId } from './railway-api.js'
import { listDeployments } from './railway-releases.js'

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
export function createRailwayProvider(config: ProviderConfig): ProviderWith<'setSecrets'> {
  return {
    name: 'railway',
    cli: 'railway',
    tokenEnv: ['RAILWAY_TOKEN', 'RAILWAY_API_TOKEN'],
    deploy: (request) => deploy(config, request),
    releases: () => listDeployments(config),
    rollback: (target) => rollback(config, target),
    setSecrets: (secrets) => setSecrets(config, secrets),
    url: async () => {
      const releases = await listDeployments(config)
      return releases.find(
        (release) => release.rawStatus.toUpperCase() === 'SUCCESS' && release.url,
      )?.url
    },
  }
}
