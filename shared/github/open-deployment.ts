// A GitHub Deployment left in_progress by a job that was cancelled or killed would read as a
// deploy in progress forever (and hold up the next one at the concurrency gate). The lifecycle
// remembers an open deployment in the action's saved state until its final state is sent; the
// action's post step (post-if: always()) ends one still open as `error`.
import { errorMessage } from '../errors.js'
import { maskSecret } from '../secrets.js'
import * as core from '../runner-protocol.js'
import { runContext } from './context.js'
import { githubTokenInput } from './token.js'

export const OPEN_DEPLOYMENT_STATE = 'open-deployment'

export interface OpenDeployment {
  id: number
  environment: string
}

export function rememberOpenDeployment(deployment: OpenDeployment): void {
  core.saveState(OPEN_DEPLOYMENT_STATE, JSON.stringify(deployment))
}

export function forgetOpenDeployment(): void {
  core.saveState(OPEN_DEPLOYMENT_STATE, '')
}

export function readOpenDeployment(text: string): OpenDeployment | undefined {
  if (!text.trim()) return undefined
  try {
    const saved = JSON.parse(text) as Partial<OpenDeployment>
    if (typeof saved.id === 'number' && typeof saved.environment === 'string') {
      return { id: saved.id, environment: saved.environment }
    }
  } catch {
    // Not ours: nothing to end.
  }
  return undefined
}

const UNFINISHED = new Set(['in_progress', 'queued', 'pending'])

/**
 * The post step: ends the deployment the main step left open, if any, as `error`. Reads the
 * token from the action's `github-token` input, as the main step did.
 */
export async function endOpenDeployment(action: string): Promise<void> {
  const open = readOpenDeployment(core.getState(OPEN_DEPLOYMENT_STATE))
  // The main step ended its deployment itself, or made none: the usual case.
  if (!open) return
  const token = githubTokenInput(core.getInput('github-token'))
  if (!token) return
  maskSecret(token)
  const { githubClient } = await import('./client.js')
  const { latestDeploymentStatus, setDeploymentStatus } = await import('./deployments.js')
  const client = githubClient(token)
  const context = runContext()
  try {
    const latest = await latestDeploymentStatus(client, context, open.id)
    if (latest && !UNFINISHED.has(latest.state)) return
    await setDeploymentStatus(client, context, open.id, {
      state: 'error',
      description: 'Cancelled: the job ended before the deploy finished',
    })
    core.info(`Ended GitHub deployment ${open.id} in ${open.environment} as error (cancelled).`)
  } catch (err) {
    core.warning(
      `Could not end GitHub deployment ${open.id} in ${open.environment}: ${errorMessage(err)}`,
      { title: `${action}: deployment left open` },
    )
  }
}
