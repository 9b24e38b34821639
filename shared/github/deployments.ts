// GitHub Deployments, one request per function. The lifecycle (create → in_progress → one
// final state) lives in deployment-lifecycle.ts; these are its building blocks.
import type { GitHubClient } from './client.js'
import type { RunContext } from './context.js'
import { deploymentDescription, environmentUrl as publishableUrl } from './redact.js'

export type DeploymentState =
  'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success'

export interface NewDeployment {
  environment: string
  ref: string
  description: string
  payload: Record<string, unknown>
  task?: string
  /** Undefined: GitHub's rule (true for an environment named `production`). */
  production?: boolean
  /** An environment that goes away (a preview): its `inactive` reads as destroyed. */
  transient?: boolean
}

/** How one request is run: the caller's deadline and whether Octokit retries it itself. */
export interface RequestControl {
  signal?: AbortSignal
  /** Octokit's own retries (plugin-retry); 0 when the caller retries with its own rules. */
  retries?: number
}

function requestOptions(control: RequestControl = {}) {
  return {
    request: {
      ...(control.signal ? { signal: control.signal } : {}),
      ...(control.retries !== undefined ? { retries: control.retries } : {}),
    },
  }
}

/** Records a deployment (no merge of the default branch, no required contexts: CI gated it). */
export async function createDeployment(
  client: GitHubClient,
  context: RunContext,
  deployment: NewDeployment,
  control?: RequestControl,
): Promise<number> {
  const response = await client.rest.repos.createDeployment({
    owner: context.owner,
    repo: context.repo,
    ref: deployment.ref,
    environment: deployment.environment,
    description: deploymentDescription(deployment.description),
    payload: deployment.payload,
    ...(deployment.task ? { task: deployment.task } : {}),
    auto_merge: false,
    required_contexts: [],
    production_environment: deployment.production,
    transient_environment: deployment.transient,
    ...requestOptions(control),
  })
  // 202 (a merge was needed) has a message instead of an id; a cut-off answer has neither.
  const data: unknown = response.data
  const id = data !== null && typeof data === 'object' ? (data as { id?: unknown }).id : undefined
  if (typeof id !== 'number') {
    const message =
      data !== null && typeof data === 'object' ? (data as { message?: unknown }).message : ''
    throw new Error(
      `GitHub did not create the deployment: ${typeof message === 'string' && message ? message : `answer ${response.status} without an id`}`,
    )
  }
  return id
}

export interface NewDeploymentStatus {
  state: DeploymentState
  description: string
  environmentUrl?: string
}

export async function setDeploymentStatus(
  client: GitHubClient,
  context: RunContext,
  deploymentId: number,
  status: NewDeploymentStatus,
  control?: RequestControl,
): Promise<void> {
  const url = publishableUrl(status.environmentUrl)
  await client.rest.repos.createDeploymentStatus({
    owner: context.owner,
    repo: context.repo,
    deployment_id: deploymentId,
    state: status.state,
    description: deploymentDescription(status.description),
    ...(url ? { environment_url: url } : {}),
    log_url: context.runUrl,
    ...requestOptions(control),
  })
}

/** The newest status of a deployment, or undefined when it has none yet. */
export async function latestDeploymentStatus(
  client: GitHubClient,
  context: RunContext,
  deploymentId: number,
  control?: RequestControl,
): Promise<{ state: string; description: string } | undefined> {
  const { data } = await client.rest.repos.listDeploymentStatuses({
    owner: context.owner,
    repo: context.repo,
    deployment_id: deploymentId,
    per_page: 1,
    ...requestOptions(control),
  })
  const latest = Array.isArray(data) ? data[0] : undefined
  return latest ? { state: latest.state, description: latest.description ?? '' } : undefined
}

/** A deployment of an environment as the GraphQL API reports it. */
export interface EnvironmentDeployment {
  /** The REST id (`databaseId`); null for deployments GitHub has no REST id for. */
  id: number | null
  /** ACTIVE, INACTIVE, IN_PROGRESS, ... (GraphQL's DeploymentState). */
  state: string | null
  /** SUCCESS, FAILURE, ... of the newest status (GraphQL's DeploymentStatusState). */
  latestStatus: string | null
}

/** GraphQL's page size limit. */
export const MAX_DEPLOYMENTS_PER_QUERY = 100

// Newest first: GitHub's default order is CREATED_AT ASC, which would show the oldest ones.
export const ENVIRONMENT_DEPLOYMENTS_QUERY = `query EnvironmentDeployments($owner: String!, $name: String!, $environments: [String!], $first: Int!) {
  repository(owner: $owner, name: $name) {
    deployments(environments: $environments, first: $first, orderBy: {field: CREATED_AT, direction: DESC}) {
      nodes {
        databaseId
        state
        latestStatus {
          state
        }
      }
    }
  }
}`

interface EnvironmentDeploymentsAnswer {
  repository: {
    deployments: {
      nodes: Array<{
        databaseId: number | null
        state: string | null
        latestStatus: { state: string } | null
      } | null> | null
    }
  } | null
}

/**
 * The newest deployments of an environment with their newest status, in one GraphQL request
 * (the REST API needs one more request per deployment for its statuses).
 */
export async function environmentDeployments(
  client: GitHubClient,
  context: RunContext,
  environment: string,
  options: RequestControl & { first?: number } = {},
): Promise<EnvironmentDeployment[]> {
  // The object form: the string form refuses `url` (the run's GraphQL endpoint) as an option.
  const answer = await client.graphql<EnvironmentDeploymentsAnswer>({
    query: ENVIRONMENT_DEPLOYMENTS_QUERY,
    url: context.graphqlUrl,
    owner: context.owner,
    name: context.repo,
    environments: [environment],
    first: Math.min(options.first ?? MAX_DEPLOYMENTS_PER_QUERY, MAX_DEPLOYMENTS_PER_QUERY),
    ...requestOptions(options),
  })
  const nodes = answer.repository?.deployments.nodes ?? []
  return nodes
    .filter((node) => node !== null)
    .map((node) => ({
      id: node.databaseId,
      state: node.state,
      latestStatus: node.latestStatus?.state ?? null,
    }))
}

/**
 * The deployments of the environment created before `beforeId` that still read as live
 * (newest status success): the ones to mark inactive once `beforeId` has taken over. Later
 * deployments (a deploy that finished while a rollback ran) are never touched.
 */
export function liveEarlierDeployments(
  deployments: readonly EnvironmentDeployment[],
  beforeId?: number,
): number[] {
  return deployments
    .filter((deployment) => deployment.latestStatus === 'SUCCESS')
    .map((deployment) => deployment.id)
    .filter((id): id is number => id !== null && (beforeId === undefined || id < beforeId))
}

/** The newest deployment of an environment (REST: its payload comes with it), if any. */
export async function latestDeployment(
  client: GitHubClient,
  context: RunContext,
  environment: string,
  control?: RequestControl,
): Promise<{ id: number; payload: Record<string, unknown> } | undefined> {
  const { data } = await client.rest.repos.listDeployments({
    owner: context.owner,
    repo: context.repo,
    environment,
    per_page: 1,
    ...requestOptions(control),
  })
  const latest = Array.isArray(data) ? data[0] : undefined
  if (!latest) return undefined
  const payload =
    latest.payload !== null && typeof latest.payload === 'object'
      ? (latest.payload as Record<string, unknown>)
      : {}
  return { id: latest.id, payload }
}
