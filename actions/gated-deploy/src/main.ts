import { isAbsolute, join } from 'node:path'
import {
  recordMarkdown,
  writeRecord,
  type DeployRecord,
  type DeployStatus,
  type RecordedHealth,
  type RecordedRelease,
} from '../../../shared/deploy-record.js'
import { formatDuration } from '../../../shared/durations.js'
import { ActionFailure, errorMessage } from '../../../shared/errors.js'
import { gateIntervalMs } from '../../../shared/gates/gate.js'
import { buildGates } from '../../../shared/gates/registry.js'
import { runGates, type GatesOutcome } from '../../../shared/gates/run.js'
import type { GitHubClient } from '../../../shared/github/client.js'
import { runContext, type RunContext } from '../../../shared/github/context.js'
import type { DeploymentLifecycle } from '../../../shared/github/deployment-lifecycle.js'
import { verifyHealthFromInputs } from '../../../shared/http/health-inputs.js'
import type { PollReport } from '../../../shared/http/poll.js'
import { unhealthyReasons } from '../../../shared/http/verify.js'
import { setOutputs } from '../../../shared/outputs.js'
import { providerConfig } from '../../../shared/providers/inputs.js'
import { createProvider } from '../../../shared/providers/registry.js'
import { currentRelease, releaseLabel } from '../../../shared/providers/select.js'
import type { Provider, Release } from '../../../shared/providers/types.js'
import * as wording from '../../../shared/github/deployment-wording.js'
import { runMain } from '../../../shared/action-main.js'
import * as core from '../../../shared/runner-protocol.js'
import { appendSummary } from '../../../shared/summary.js'
import { readGatedDeployInputs, type GatedDeployInputs } from './inputs.js'

function recorded(release: Release | undefined): RecordedRelease | undefined {
  if (!release) return undefined
  return { id: release.id, version: release.version, image: release.image, url: release.url }
}

function recordedHealth(report: PollReport): RecordedHealth {
  return {
    healthy: report.healthy,
    durationMs: report.durationMs,
    targets: report.targets.map((target) => ({
      url: target.url,
      healthy: target.healthy,
      attempts: target.attempts,
      status: target.status,
      error: target.error,
    })),
  }
}

/** The GitHub client, loaded only when a path needs GitHub (Octokit and undici are heavy). */
async function loadGitHub(token: string): Promise<GitHubClient> {
  const { githubClient } = await import('../../../shared/github/client.js')
  return githubClient(token)
}

async function main(): Promise<void> {
  const startedAt = new Date()
  const started = performance.now()
  const inputs = readGatedDeployInputs()
  const context = runContext()
  const githubToken = inputs['github-token']
  const app = inputs.app ?? inputs.provider
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()
  const cwd = inputs['working-directory']
    ? isAbsolute(inputs['working-directory'])
      ? inputs['working-directory']
      : join(workspace, inputs['working-directory'])
    : workspace
  const config = { ...providerConfig(inputs, core.info), cwd }
  const provider: Provider = await createProvider(inputs.provider, config)
  // The deploy itself gets its own, longer time limit.
  const deployer: Provider = await createProvider(inputs.provider, {
    ...config,
    timeoutMs: inputs['deploy-timeout'],
  })

  let client: Promise<GitHubClient | undefined> | undefined
  const github = () =>
    (client ??= githubToken ? loadGitHub(githubToken) : Promise.resolve(undefined))

  const record: DeployRecord = {
    version: 1,
    status: 'failed',
    repository: `${context.owner}/${context.repo}`,
    sha: context.sha,
    ref: context.ref,
    actor: context.actor,
    runUrl: context.runUrl,
    provider: inputs.provider,
    app,
    environment: inputs.environment,
    gates: [],
    releases: {},
    startedAt: startedAt.toISOString(),
    finishedAt: startedAt.toISOString(),
    durationMs: 0,
  }
  if (inputs['override-gates']) {
    record.override = { reason: inputs['override-gates'], actor: context.actor }
    core.warning(
      `The time gates are overridden by ${context.actor || 'an unknown actor'}: ${inputs['override-gates']}`,
      { title: 'gated-deploy: gates overridden' },
    )
  }

  const publish = async (
    status: DeployStatus,
    extra: { blockedBy?: string; error?: string } = {},
  ) => {
    record.status = status
    record.blockedBy = extra.blockedBy
    record.error = extra.error ?? record.error
    record.finishedAt = new Date().toISOString()
    record.durationMs = Math.round(performance.now() - started)
    const path = writeRecord(record)
    setOutputs({
      status,
      'blocked-by': extra.blockedBy ?? '',
      release:
        record.releases.after?.id ?? (status === 'blocked' ? '' : record.releases.before?.id),
      'previous-release': record.releases.before?.id,
      url: record.environmentUrl,
      'deployment-id': record.deploymentId,
      'rolled-back': status === 'rolled-back',
      'duration-ms': record.durationMs,
      record: path,
    })
    await appendSummary(recordMarkdown(record))
  }

  // 1. Gates, before any platform call.
  let gates: GatesOutcome
  try {
    gates = await core.group('Gates', () =>
      runGates(
        buildGates(inputs, {
          context,
          environment: inputs.environment,
          github,
          intervalMs: gateIntervalMs(),
          log: (line) => core.info(line),
        }),
        core.info,
      ),
    )
  } catch (err) {
    await publish('failed', { error: errorMessage(err) })
    throw err
  }
  record.gates = gates.reports
  if (!gates.open && gates.blockedBy) {
    const blockedBy = `${gates.blockedBy.gate}: ${gates.blockedBy.reason}`
    await publish('blocked', { blockedBy })
    if (inputs['on-blocked'] === 'skip') {
      core.notice(`Not deployed: ${blockedBy}`, { title: 'gated-deploy: blocked' })
      return
    }
    throw new ActionFailure(`Not deployed: ${blockedBy}`, 'gated-deploy: blocked')
  }

  // 2. What serves now: the rollback target.
  const before = await core.group(`Releases of ${app}`, async () => {
    const releases = await provider.releases()
    for (const release of releases.slice(0, 5)) {
      core.info(`${release.current ? '→' : ' '} ${releaseLabel(release)} ${release.status}`)
    }
    return currentRelease(releases)
  })
  record.releases.before = recorded(before)
  core.info(
    before
      ? `Serving now: ${releaseLabel(before)} (the rollback target).`
      : `No release of ${app} serves yet: a failed first deploy has nothing to roll back to.`,
  )

  if (inputs['dry-run']) {
    core.info(
      `Dry run: would deploy ${inputs.image ?? 'a new build'} of ${app} to ${inputs.environment}.`,
    )
    await publish('dry-run')
    return
  }

  // 3. The GitHub Deployment: created now, one final state on every path.
  const deployment = await startDeployment(inputs, context, github, {
    gates: gates.reports,
    before: record.releases.before ?? null,
    override: record.override ?? null,
  })
  const { settleDeployment } = await import('../../../shared/github/deployment-lifecycle.js')
  await settleDeployment(deployment, async () => {
    // A deploy is recorded or not done (onGitHubFailure: throw): wait for GitHub to have it.
    await deployment.started
    record.deploymentId = deployment.id
    await deployAndVerify(inputs, record, provider, deployer, deployment, before)
  }).catch(async (err: unknown) => {
    await publish(record.rollback?.done ? 'rolled-back' : 'failed', { error: errorMessage(err) })
    throw err
  })
  await publish('deployed')
  core.info(
    `${app} is on ${record.releases.after?.id ?? 'the new release'}${record.health ? `, healthy after ${formatDuration(record.health.durationMs)}` : ''} (${formatDuration(record.durationMs)} in all).`,
  )
}

async function startDeployment(
  inputs: GatedDeployInputs,
  context: RunContext,
  github: () => Promise<GitHubClient | undefined>,
  payload: Record<string, unknown>,
): Promise<DeploymentLifecycle> {
  const { recordDeployment } = await import('../../../shared/github/record-deployment.js')
  return recordDeployment({
    action: 'gated-deploy',
    client: await github(),
    context,
    environment: inputs.environment,
    description: `Deploying ${inputs.app ?? inputs.provider} with flightdeck`,
    payload: { provider: inputs.provider, ...payload },
    environmentUrl: inputs['environment-url'],
    withoutToken: {
      message: 'No github-token: the deploy is not recorded as a GitHub Deployment.',
      title: 'gated-deploy: no GitHub Deployment',
    },
    // A deploy is recorded or not done: a token that cannot write deployments fails it.
    onGitHubFailure: 'throw',
    warningTitle: 'gated-deploy: GitHub Deployment',
  })
}

async function deployAndVerify(
  inputs: GatedDeployInputs,
  record: DeployRecord,
  provider: Provider,
  deployer: Provider,
  deployment: DeploymentLifecycle,
  before: Release | undefined,
): Promise<void> {
  const app = inputs.app ?? inputs.provider
  // 4. Deploy, bounded by deploy-timeout.
  const deployStarted = performance.now()
  let result
  try {
    result = await core.group(`Deploying ${app} to ${inputs.environment}`, () =>
      deployer.deploy({
        image: inputs.image,
        config: inputs.config,
        strategy: inputs.strategy,
        environment: inputs.environment,
        extraArgs: inputs['deploy-args'],
      }),
    )
  } catch (err) {
    record.deploy = {
      durationMs: Math.round(performance.now() - deployStarted),
      error: errorMessage(err),
    }
    await deployment.finish('failure', { description: `Deploy failed: ${errorMessage(err)}` })
    throw new ActionFailure(
      `The deploy of ${app} failed: ${errorMessage(err)}`,
      'gated-deploy: deploy failed',
    )
  }
  record.deploy = { durationMs: Math.round(performance.now() - deployStarted) }
  core.info(`Deployed in ${formatDuration(record.deploy.durationMs)}.`)
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

  // 5. Health.
  const urls = inputs['health-url']
  if (urls.length === 0) {
    core.info('No health-url: the release is not checked.')
    await deployment.finish('success', {
      description: `Deployed ${after?.id ?? ''}`.trim(),
      environmentUrl: record.environmentUrl,
    })
    return
  }
  const health = await checkHealth(inputs, `Health of the new release`)
  record.health = recordedHealth(health)
  if (health.healthy) {
    await deployment.finish('success', {
      description: `Deployed ${after?.id ?? ''}, healthy`.trim(),
      environmentUrl: record.environmentUrl,
    })
    return
  }
  const unhealthy = unhealthyReasons(health)
  if (!inputs['auto-rollback'] || !before) {
    const why = before ? 'auto-rollback is off' : 'there is no earlier release to return to'
    await deployment.finish('failure', {
      description: `New release unhealthy; not rolled back (${why})`,
      environmentUrl: record.environmentUrl,
    })
    throw new ActionFailure(
      `${app} is not healthy after the deploy and was not rolled back (${why}): ${unhealthy}`,
      'gated-deploy: unhealthy',
    )
  }

  // 6. Roll back to what served before, and prove it.
  core.warning(
    `The new release is not healthy (${unhealthy}); rolling back to ${releaseLabel(before)}.`,
    {
      title: 'gated-deploy: rolling back',
    },
  )
  const rollbackStarted = performance.now()
  record.rollback = { to: recorded(before) }
  try {
    await core.group(`Rolling back ${app} to ${releaseLabel(before)}`, () =>
      provider.rollback(before),
    )
  } catch (err) {
    record.rollback.error = errorMessage(err)
    record.rollback.durationMs = Math.round(performance.now() - rollbackStarted)
    await deployment.finish('failure', {
      description: 'New release unhealthy and the rollback failed',
    })
    throw new ActionFailure(
      `${app} is not healthy after the deploy (${unhealthy}), and the rollback to ${releaseLabel(before)} failed too: ${errorMessage(err)}`,
      'gated-deploy: rollback failed',
    )
  }
  record.rollback.durationMs = Math.round(performance.now() - rollbackStarted)
  record.rollback.done = true
  record.releases.after = recorded(before)
  const again = await checkHealth(inputs, `Health after the rollback`)
  record.rollback.health = recordedHealth(again)
  if (!again.healthy) {
    record.rollback.error = `still unhealthy: ${unhealthyReasons(again)}`
    await deployment.finish('failure', {
      description: wording.rollbackFailedDescription(releaseLabel(before), 'still unhealthy'),
    })
    throw new ActionFailure(
      `${app} was not healthy after the deploy (${unhealthy}); it was rolled back to ${releaseLabel(before)}, which is not healthy either: ${unhealthyReasons(again)}`,
      'gated-deploy: unhealthy after rollback',
    )
  }
  await deployment.finish('failure', {
    description: `${wording.ROLLED_BACK} to ${releaseLabel(before)}: the new release was unhealthy`,
    environmentUrl: record.environmentUrl,
  })
  throw new ActionFailure(
    `The new release of ${app} was not healthy (${unhealthy}); it was rolled back to ${releaseLabel(before)}, healthy again after ${formatDuration(again.durationMs)}.`,
    'gated-deploy: rolled back',
  )
}

async function checkHealth(inputs: GatedDeployInputs, title: string): Promise<PollReport> {
  return core.group(title, () => verifyHealthFromInputs(inputs, inputs['health-url']))
}

/** The whole action, failure handling included: what the runner, local-action and tests run. */
export function run(): Promise<void> {
  return runMain(main)
}
