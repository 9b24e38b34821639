import * as core from '../../../shared/runner-protocol.js'
import { formatDuration } from '../../../shared/durations.js'
import { ActionFailure, errorMessage } from '../../../shared/errors.js'
import { runContext } from '../../../shared/github/context.js'
import type { DeploymentLifecycle } from '../../../shared/github/deployment-lifecycle.js'
import { rollbackFailedDescription } from '../../../shared/github/deployment-wording.js'
import { verifyHealthFromInputs } from '../../../shared/http/health-inputs.js'
import { unhealthyReasons } from '../../../shared/http/verify.js'
import { setOutputs } from '../../../shared/outputs.js'
import { providerConfig } from '../../../shared/providers/inputs.js'
import { createProvider } from '../../../shared/providers/registry.js'
import { planRollback, releaseLabel } from '../../../shared/providers/select.js'
import { maskSecret } from '../../../shared/secrets.js'
import { appendSummary } from '../../../shared/summary.js'
import { readRollbackInputs, type RollbackInputs } from './inputs.js'
import { summaryMarkdown, type RollbackOutcome } from './report.js'
import { runMain } from '../../../shared/action-main.js'

/**
 * Starts recording the rollback as a GitHub Deployment, without making the rollback wait for
 * GitHub. Best effort: a token without deployments: write must not stop an app from being
 * restored, so GitHub's failures become warnings.
 */
async function recordRollback(
  inputs: RollbackInputs,
  description: string,
  payload: Record<string, unknown>,
): Promise<DeploymentLifecycle> {
  // Octokit (and undici under it) load only when the rollback is recorded.
  const { recordDeployment } = await import('../../../shared/github/record-deployment.js')
  const { githubClient } = await import('../../../shared/github/client.js')
  const githubToken = inputs['github-token']
  return recordDeployment({
    action: 'rollback',
    client: inputs.environment && githubToken ? githubClient(githubToken) : undefined,
    context: runContext(),
    environment: inputs.environment,
    description,
    payload,
    withoutToken: {
      message: 'No github-token: the rollback is not recorded as a GitHub Deployment.',
    },
    onGitHubFailure: 'warn',
    warningTitle: 'rollback: GitHub deployment not recorded',
  })
}

async function main(): Promise<void> {
  // Reading the inputs masks the tokens and header values (an unexpanded ${{ }} reads as unset).
  const inputs = readRollbackInputs()
  const config = providerConfig(inputs, core.info)
  // Platforms that keep a note with a rollback (Cloudflare's message) record the reason.
  config.settings.reason = inputs.reason
  const provider = await createProvider(inputs.provider, config)
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
      // Where the app is after this step; for a dry run, where it would go.
      'to-release':
        outcome.rolledBack || plan.alreadyCurrent || outcome.dryRun ? plan.to.id : plan.from.id,
      'rolled-back': outcome.rolledBack,
      healthy,
    })
    await appendSummary(summaryMarkdown(outcome))
  }

  if (inputs['dry-run']) {
    await publish('')
    return
  }

  // Everything masked so far stays out of what GitHub stores: tokens from inputs and from the
  // provider's environment variables, header values.
  for (const name of provider.tokenEnv) maskSecret(process.env[name])
  const deployment = await recordRollback(inputs, headline, {
    provider: inputs.provider,
    app,
    from: plan.from.id,
    to: plan.to.id,
    reason: reason ?? null,
  })
  // Whatever happens from here on, the deployment ends with one final state: the one set
  // below, or `error` with the reason when something throws.
  const { settleDeployment } = await import('../../../shared/github/deployment-lifecycle.js')
  await settleDeployment(deployment, async () => {
    if (plan.alreadyCurrent) {
      core.info(`${releaseLabel(plan.to)} already serves ${app}; nothing to change.`)
    } else {
      const started = performance.now()
      try {
        await core.group(`Rolling back ${app} to ${releaseLabel(plan.to)}`, () =>
          provider.rollback(plan.to),
        )
      } catch (err) {
        await deployment.finish('failure', {
          description: `Rollback failed: ${errorMessage(err)}`,
        })
        throw err
      }
      outcome.rolledBack = true
      outcome.rollbackMs = Math.round(performance.now() - started)
      core.info(`Rolled back in ${formatDuration(outcome.rollbackMs)}.`)
    }

    const urls = inputs['health-url']
    if (urls.length > 0) {
      outcome.health = await core.group(`Health of ${urls.join(', ')}`, () =>
        verifyHealthFromInputs(inputs, urls),
      )
    }
    const healthy = outcome.health === undefined ? '' : String(outcome.health.healthy)
    // The summary names the deployment, so wait for GitHub to have created it (bounded by
    // the lifecycle's budget; the app is already restored).
    await deployment.started
    outcome.deploymentId = deployment.id
    await publish(healthy)

    if (outcome.health && !outcome.health.healthy) {
      const why = unhealthyReasons(outcome.health)
      await deployment.finish('failure', {
        description: rollbackFailedDescription(releaseLabel(plan.to), 'still unhealthy'),
        environmentUrl: urls[0],
      })
      throw new ActionFailure(
        `${app} was rolled back to ${releaseLabel(plan.to)} but is not healthy: ${why}`,
        'rollback: unhealthy after rollback',
      )
    }
    await deployment.finish('success', {
      description: `Rolled back to ${releaseLabel(plan.to)}`,
      environmentUrl: urls[0],
    })
    const proof = outcome.health
      ? ` and healthy after ${formatDuration(outcome.health.durationMs)}`
      : ''
    core.info(`${app} is on ${releaseLabel(plan.to)}${proof}.`)
  })
}

/** The whole action, failure handling included: what the runner, local-action and tests run. */
export function run(): Promise<void> {
  return runMain(main)
}
