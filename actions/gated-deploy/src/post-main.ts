import { errorMessage } from '../../../shared/errors.js'
import { runContext } from '../../../shared/github/context.js'
import { secret } from '../../../shared/inputs.js'
import { runAction } from '../../../shared/run.js'
import * as core from '../../../shared/runner.js'
import { DEPLOYMENT_STATE, readSavedDeployment } from './state.js'

const IN_PROGRESS = new Set(['in_progress', 'queued', 'pending'])

async function main(): Promise<void> {
  const saved = readSavedDeployment(core.getState(DEPLOYMENT_STATE))
  // The main step ended its deployment itself (or made none): the usual case, nothing to do.
  if (!saved) return
  const parsed = secret().safeParse(core.getInput('github-token'))
  const token = parsed.success ? parsed.data : undefined
  if (!token) return
  const { githubClient } = await import('../../../shared/github/client.js')
  const { latestDeploymentStatus, setDeploymentStatus } =
    await import('../../../shared/github/deployments.js')
  const client = githubClient(token)
  const context = runContext()
  try {
    const latest = await latestDeploymentStatus(client, context, saved.id)
    if (latest && !IN_PROGRESS.has(latest.state)) return
    await setDeploymentStatus(client, context, saved.id, {
      state: 'error',
      description: 'Cancelled: the job ended before the deploy finished',
    })
    core.info(`Ended GitHub deployment ${saved.id} in ${saved.environment} as error (cancelled).`)
  } catch (err) {
    core.warning(
      `Could not end GitHub deployment ${saved.id} in ${saved.environment}: ${errorMessage(err)}`,
      { title: 'gated-deploy: deployment left open' },
    )
  }
}

/** The post step, failure handling included. */
export function run(): Promise<void> {
  return runAction(main)
}
