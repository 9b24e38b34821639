// The deploy itself and what proves it: all at once (deploy → health → analysis window), or a
// share of traffic at a time where the platform can split requests (traffic-steps: each step
// moved, watched for analysis-duration, and kept only when it passes).
import type { RecordedRelease } from '../../../shared/deploy-record.js'
import { formatDuration } from '../../../shared/durations.js'
import { ActionFailure, errorMessage } from '../../../shared/errors.js'
import { currentRelease, releaseLabel } from '../../../shared/providers/select.js'
import type {
  DeployRequest,
  DeployResult,
  TrafficOperations,
  TrafficRollout,
} from '../../../shared/providers/types.js'
import * as core from '../../../shared/runner-protocol.js'
import {
  analysisRejection,
  checkHealth,
  healthRejection,
  recorded,
  recordedHealth,
  rejectRelease,
  rejects,
  watchWindow,
  type DeployFlow,
} from './verdicts.js'

function deployRequest(flow: DeployFlow): DeployRequest {
  const { inputs } = flow
  return {
    image: inputs.image,
    config: inputs.config,
    strategy: inputs.strategy,
    environment: inputs.environment,
    extraArgs: inputs['deploy-args'],
  }
}

/** The deploy, bounded by deploy-timeout; a failure ends the Deployment and the step. */
async function timedDeploy<T>(
  flow: DeployFlow,
  title: string,
  deploy: () => Promise<T>,
): Promise<T> {
  const started = performance.now()
  try {
    const result = await core.group(title, deploy)
    flow.record.deploy = { durationMs: Math.round(performance.now() - started) }
    core.info(`Deployed in ${formatDuration(flow.record.deploy.durationMs)}.`)
    return result
  } catch (err) {
    flow.record.deploy = {
      durationMs: Math.round(performance.now() - started),
      error: errorMessage(err),
    }
    await flow.deployment.finish('failure', { description: `Deploy failed: ${errorMessage(err)}` })
    throw new ActionFailure(
      `The deploy of ${flow.app} failed: ${errorMessage(err)}`,
      'gated-deploy: deploy failed',
    )
  }
}

async function noteRelease(flow: DeployFlow, result: DeployResult): Promise<void> {
  const { inputs, provider, record } = flow
  let after: RecordedRelease | undefined = result.releaseId
    ? { id: result.releaseId, version: result.version, image: inputs.image, url: result.url }
    : undefined
  if (!after) {
    const releases = await provider.releases().catch(() => [])
    after = recorded(currentRelease(releases))
  }
  record.releases.after = after
  record.environmentUrl =
    inputs['environment-url'] ?? result.url ?? (await provider.url().catch(() => undefined))
}

async function succeed(flow: DeployFlow, healthy: boolean): Promise<void> {
  const id = flow.record.releases.after?.id ?? ''
  const judged = flow.windows.length > 0 ? ', analysis passed' : healthy ? ', healthy' : ''
  await flow.deployment.finish('success', {
    description: `Deployed ${id}${judged}`.trim(),
    environmentUrl: flow.record.environmentUrl,
  })
}

/** Deploy, prove healthy, watch one window; anything bad sends the release back. */
export async function deployAtOnce(flow: DeployFlow): Promise<void> {
  const { inputs, app, provider } = flow
  const result = await timedDeploy(flow, `Deploying ${app} to ${inputs.environment}`, () =>
    flow.deployer.deploy(deployRequest(flow)),
  )
  await noteRelease(flow, result)
  const undo = inputs['auto-rollback'] ? provider.rollback.bind(provider) : undefined
  if (inputs['health-url'].length === 0) {
    core.info('No health-url: the release is not checked.')
  } else {
    const health = await checkHealth(inputs, 'Health of the new release')
    flow.record.health = recordedHealth(health)
    if (!health.healthy) await rejectRelease(flow, healthRejection(health), undo)
  }
  if (flow.analysis) {
    const report = await watchWindow(flow)
    if (rejects(flow, report)) await rejectRelease(flow, analysisRejection(report), undo)
  }
  await succeed(flow, inputs['health-url'].length > 0)
}

/**
 * Traffic steps: the new release is made without traffic, then takes each share in turn,
 * watched for analysis-duration at each; a step that fails returns all traffic at once.
 */
export async function deployInSteps(
  flow: DeployFlow,
  traffic: TrafficOperations,
  steps: readonly number[],
): Promise<void> {
  const { inputs, app } = flow
  const previous = flow.before
  if (!previous) throw new Error('traffic steps need a release serving before the deploy')
  const rollout: TrafficRollout = await timedDeploy(
    flow,
    `Uploading ${app} to ${inputs.environment} without traffic (then ${steps.map((step) => `${step}%`).join(' → ')})`,
    () => traffic.start(deployRequest(flow), { steps, previous }),
  )
  await noteRelease(flow, rollout.release)
  flow.record.traffic = { steps: [...steps], reached: 0 }
  const abort = () => rollout.abort()
  let stepIndex = 0
  const fail = async (why: Parameters<typeof rejectRelease>[1]) => {
    const last = flow.windows.at(-1)
    if (last && last.percent === steps[stepIndex]) last.rolledBack = true
    await rejectRelease(flow, why, abort)
  }

  if (inputs['health-url'].length > 0 && rollout.probeHeaders) {
    // The new release alone, before it takes any share of requests.
    const alone = await checkHealth(
      inputs,
      'Health of the new release alone (0%)',
      rollout.probeHeaders,
    )
    flow.record.health = recordedHealth(alone)
    if (!alone.healthy) await fail(healthRejection(alone))
  }
  for (; stepIndex < steps.length; stepIndex++) {
    const percent = steps[stepIndex] as number
    try {
      await core.group(`Moving ${percent}% of requests to ${rollout.release.releaseId}`, () =>
        rollout.shift(percent, stepIndex),
      )
    } catch (err) {
      await fail({
        short: `moving ${percent}% of traffic failed`,
        long: `could not be given ${percent}% of requests (${errorMessage(err)})`,
        kind: 'traffic step failed',
      })
    }
    flow.record.traffic.reached = percent
    if (stepIndex === 0 && inputs['health-url'].length > 0) {
      const health = await checkHealth(inputs, `Health at ${percent}%`)
      flow.record.health = recordedHealth(health)
      if (!health.healthy) await fail(healthRejection(health))
    }
    if (flow.analysis) {
      const report = await watchWindow(flow, percent)
      if (rejects(flow, report)) await fail(analysisRejection(report, percent))
    }
  }
  core.info(
    `${app} serves ${rollout.release.version ?? rollout.release.releaseId} to all requests after ${steps.length} steps (previously ${releaseLabel(previous)}).`,
  )
  await succeed(flow, inputs['health-url'].length > 0)
}
