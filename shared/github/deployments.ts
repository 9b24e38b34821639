import type { GitHubClient } from './client.js'
import type { RunContext } from './context.js'

export type DeploymentState =
  'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success'

export interface NewDeployment {
  environment: string
  ref: string
  description: string
  payload: Record<string, unknown>
  production?: boolean
  transient?: boolean
}

/** GitHub cuts descriptions at 140 characters; cut them ourselves, visibly. */
export function shortDescription(text: string): string {
  return text.length <= 140 ? text : `${text.slice(0, 139)}…`
}

/** Records a deployment (no merge of the default branch, no required contexts: CI gated it). */
export async function createDeployment(
  client: GitHubClient,
  context: RunContext,
  deployment: NewDeployment,
): Promise<number> {
  const response = await client.rest.repos.createDeployment({
    owner: context.owner,
    repo: context.repo,
    ref: deployment.ref,
    environment: deployment.environment,
    description: shortDescription(deployment.description),
    payload: deployment.payload,
    auto_merge: false,
    required_contexts: [],
    production_environment: deployment.production,
    transient_environment: deployment.transient,
  })
  if (!('id' in response.data)) {
    throw new Error(
      `GitHub did not create the deployment: ${response.data.message ?? 'no reason given'}`,
    )
  }
  return response.data.id
}

export async function setDeploymentStatus(
  client: GitHubClient,
  context: RunContext,
  deploymentId: number,
  status: { state: DeploymentState; description: string; environmentUrl?: string },
): Promise<void> {
  await client.rest.repos.createDeploymentStatus({
    owner: context.owner,
    repo: context.repo,
    deployment_id: deploymentId,
    state: status.state,
    description: shortDescription(status.description),
    environment_url: status.environmentUrl,
    log_url: context.runUrl,
  })
}

/**
 * Marks the environment's earlier deployments that still read as active (latest status
 * success) inactive. GitHub does this by itself only for non-production environments
 * (`auto_inactive`); without it a production environment shows the bad release as live next to
 * the one that replaced it. Returns the ids it deactivated.
 */
export async function deactivateEarlierDeployments(
  client: GitHubClient,
  context: RunContext,
  environment: string,
  keepId: number,
): Promise<number[]> {
  const { data: deployments } = await client.rest.repos.listDeployments({
    owner: context.owner,
    repo: context.repo,
    environment,
    per_page: 30,
  })
  const earlier = deployments.filter((deployment) => deployment.id !== keepId)
  const active = await Promise.all(
    earlier.map(async (deployment) => {
      const { data: statuses } = await client.rest.repos.listDeploymentStatuses({
        owner: context.owner,
        repo: context.repo,
        deployment_id: deployment.id,
        per_page: 1,
      })
      return statuses[0]?.state === 'success' ? deployment.id : undefined
    }),
  )
  const ids = active.filter((id): id is number => id !== undefined)
  await Promise.all(
    ids.map((id) =>
      setDeploymentStatus(client, context, id, {
        state: 'inactive',
        description: `Replaced by deployment ${keepId}`,
      }),
    ),
  )
  return ids
}
