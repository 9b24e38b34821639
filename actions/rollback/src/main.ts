import * as core from '../../../shared/runner.js'
import { formatDuration } from '../../../shared/durations.js'
import { ActionFailure, errorMessage } from '../../../shared/errors.js'
import { githubClient, type GitHubClient } from '../../../shared/github/client.js'
import { runContext, type RunContext } from '../../../shared/github/context.js'
import {
  createDeployment,
  deactivateEarlierDeployments,
  setDeploymentStatus,
  type DeploymentState,
} from '../../../shared/github/deployments.js'
import { attemptLogger } from '../../../shared/http/attempt-log.js'
import { verifyHealth } from '../../../shared/http/verify.js'
import { setOutputs } from '../../../shared/outputs.js'
import { providerConfig } from '../../../shared/providers/inputs.js'
import { createProvider } from '../../../shared/providers/registry.js'
import { planRollback, releaseLabel } from '../../../shared/providers/select.js'
import { maskSecret, maskSensitiveHeaders } from '../../../shared/secrets.js'
import { appendSummary } from '../../../shared/summary.js'
import { readRollbackInputs, type RollbackInputs } from './inputs.js'
import { summaryMarkdown, type RollbackOutcome } from './report.js'
import { runAction } from '../../../shared/run.js'

/**
 * Records the rollback as a GitHub Deployment. Best effort: a token without deployments: write
 * must not stop an app from being restored, so failures here become warnings.
 */
class DeploymentRecorder {
  /** Set once GitHub has the deployment; everything later goes to the same one. */
  private recorded?: {
    client: GitHubClient
    context: RunContext
    environment: string
    id: number
  }

  constructor(
    private readonly inputs: RollbackInputs,
    private readonly description: string,
  ) {}

  get deploymentId(): number | undefined {
    return this.recorded?.id
  }

  async start(payload: Record<string, unknown>): Promise<void> {
    const { environment, 'github-token': token } = this.inputs
    if (!environment) return
    if (!token) {
      core.warning('No github-token: the rollback is not recorded as a GitHub Deployment.')
      return
    }
    const client = githubClient(token)
    const context = runContext()
    await this.attempt(async () => {
      const id = await createDeployment(client, context, {
        environment,
        ref: context.sha || context.ref,
        description: this.description,
        payload: { flightdeck: payload },
        production: /^prod/i.test(environment),
      })
      await setDeploymentStatus(client, context, id, {
        state: 'in_progress',
        description: this.description,
      })
      this.recorded = { client, context, environment, id }
      core.info(`Recording the rollback as GitHub deployment ${id} in ${environment}.`)
    })
  }

  async finish(
    state: DeploymentState,
    description: string,
    environmentUrl?: string,
  ): Promise<void> {
    const recorded = this.recorded
    if (!recorded) return
    const { client, context, environment, id } = recorded
    await this.attempt(async () => {
      await setDeploymentStatus(client, context, id, { state, description, environmentUrl })
      if (state !== 'success') return
      const replaced = await deactivateEarlierDeployments(client, context, environment, id)
      if (replaced.length > 0) {
        core.info(`Marked earlier ${environment} deployment(s) ${replaced.join(', ')} inactive.`)
      }
    })
  }

  private async attempt(step: () => Promise<void>): Promise<void> {
    try {
      await step()
    } catch (err) {
      core.warning(`Could not record the GitHub deployment: ${errorMessage(err)}`, {
        title: 'rollback: GitHub deployment not recorded',
      })
    }
  }
}

async function main(): Promise<void> {
  const inputs = readRollbackInputs()
  maskSecret(inputs['github-token'])
  maskSensitiveHeaders(inputs['health-headers'])
  const config = providerConfig(inputs, core.info)
  // Platforms that keep a note with a rollback (Cloudflare's message) record the reason.
  config.settings.reason = inputs.reason
  const provider = createProvider(inputs.provider, config)
  const app = inputs.app ?? inputs.provider

  const releases = await core.group(`Releases of ${app}`, async () => {
    const list = await provider.releases()
    for (const release of list.slice(0, 10)) {
      core.info(
        `${release.current ? '→' : ' '} ${releaseLabel(release)} ${release.status}${release.createdAt ? ` ${release.createdAt}` : ''}${release.image ? ` ${release.image}` : ''}`,
      )
    }
    return list
  })
  const plan = planRollback(releases, inputs.to, app)
  const reason = inputs.reason
  const headline = `Roll back ${app} from ${releaseLabel(plan.from)} to ${releaseLabel(plan.to)}${reason ? `: ${reason}` : ''}`
  core.info(inputs['dry-run'] ? `Dry run. ${headline}` : headline)

  const outcome: RollbackOutcome = {
    app,
    provider: inputs.provider,
    plan,
    reason,
    dryRun: inputs['dry-run'],
    rolledBack: false,
  }
  const publish = async (healthy: string) => {
    setOutputs({
      'from-release': plan.from.id,
      'to-release': outcome.rolledBack || plan.alreadyCurrent ? plan.to.id : plan.from.id,
      'rolled-back': outcome.rolledBack,
      healthy,
    })
    await appendSummary(summaryMarkdown(outcome))
  }

  if (inputs['dry-run']) {
    await publish('')
    return
  }

  const recorder = new DeploymentRecorder(inputs, headline)
  await recorder.start({
    action: 'rollback',
    provider: inputs.provider,
    app,
    from: plan.from.id,
    to: plan.to.id,
    reason: reason ?? null,
  })
  outcome.deploymentId = recorder.deploymentId

  if (plan.alreadyCurrent) {
    core.info(`${releaseLabel(plan.to)} already serves ${app}; nothing to change.`)
  } else {
    const started = performance.now()
    try {
      await core.group(`Rolling back ${app} to ${releaseLabel(plan.to)}`, () =>
        provider.rollback(plan.to),
      )
    } catch (err) {
      await recorder.finish('failure', `Rollback failed: ${errorMessage(err)}`)
      throw err
    }
    outcome.rolledBack = true
    outcome.rollbackMs = Math.round(performance.now() - started)
    core.info(`Rolled back in ${formatDuration(outcome.rollbackMs)}.`)
  }

  const urls = inputs['health-url']
  if (urls.length > 0) {
    outcome.health = await core.group(`Health of ${urls.join(', ')}`, () =>
      verifyHealth({
        urls,
        headers: inputs['health-headers'],
        expect: {
          statuses: inputs['health-expected-status'],
          jsonAssertions: inputs['health-json-assertions'],
        },
        timeoutMs: inputs['health-timeout'],
        onAttempt: attemptLogger(),
      }),
    )
  }
  const healthy = outcome.health === undefined ? '' : String(outcome.health.healthy)
  await publish(healthy)

  if (outcome.health && !outcome.health.healthy) {
    const why = outcome.health.targets
      .filter((target) => !target.healthy)
      .map((target) => `${target.url}: ${target.error ?? ''}`)
      .join('; ')
    await recorder.finish(
      'failure',
      `Rolled back to ${releaseLabel(plan.to)} but unhealthy`,
      urls[0],
    )
    throw new ActionFailure(
      `${app} was rolled back to ${releaseLabel(plan.to)} but is not healthy: ${why}`,
      'rollback: unhealthy after rollback',
    )
  }
  await recorder.finish('success', `Rolled back to ${releaseLabel(plan.to)}`, urls[0])
  const proof = outcome.health
    ? ` and healthy after ${formatDuration(outcome.health.durationMs)}`
    : ''
  core.info(`${app} is on ${releaseLabel(plan.to)}${proof}.`)
}

/** The whole action, failure handling included: what the runner, local-action and tests run. */
export function run(): Promise<void> {
  return runAction(main)
}
