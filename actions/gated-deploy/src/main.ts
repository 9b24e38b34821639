import { isAbsolute, join } from 'node:path'
import {
  recordMarkdown,
  writeRecord,
  type DeployRecord,
  type DeployStatus,
} from '../../../shared/deploy-record.js'
import { formatDuration } from '../../../shared/durations.js'
import { ActionFailure, errorMessage } from '../../../shared/errors.js'
import { gateIntervalMs } from '../../../shared/gates/gate.js'
import { buildGates } from '../../../shared/gates/registry.js'
import { runGates, type GatesOutcome } from '../../../shared/gates/run.js'
import type { GitHubClient } from '../../../shared/github/client.js'
import { runContext, type RunContext } from '../../../shared/github/context.js'
import type { DeploymentLifecycle } from '../../../shared/github/deployment-lifecycle.js'
import { setOutputs } from '../../../shared/outputs.js'
import { analysisMarkdown, analysisOff, analysisResult } from '../../../shared/analysis/report.js'
import { providerConfig } from '../../../shared/providers/inputs.js'
import { createProvider } from '../../../shared/providers/registry.js'
import { currentRelease, releaseLabel } from '../../../shared/providers/select.js'
import type { Provider } from '../../../shared/providers/types.js'
import { runMain } from '../../../shared/action-main.js'
import * as core from '../../../shared/runner-protocol.js'
import { appendSummary } from '../../../shared/summary.js'
import { analysisSettingsOf, readGatedDeployInputs, type GatedDeployInputs } from './inputs.js'
import { deployAtOnce, deployInSteps } from './rollout.js'
import { measureBaselineBeforeDeploy, recorded, type DeployFlow } from './verdicts.js'

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

  const analysis = analysisSettingsOf(inputs)
  // Set once the deploy starts: the windows it watched go into the record and the summary.
  const ran: { flow?: DeployFlow } = {}
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
    const flow = ran.flow
    record.analysis = analysis ? analysisResult(flow?.windows ?? [], flow?.baseline) : undefined
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
      analysis: JSON.stringify(record.analysis ?? analysisOff()),
      'traffic-step': record.traffic ? `${record.traffic.reached}%` : '',
    })
    await appendSummary(
      recordMarkdown(record) +
        (analysis && record.analysis && flow?.windows.length
          ? `\n${analysisMarkdown(record.analysis, flow.windows, analysis, flow.baseline)}`
          : ''),
    )
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
  const running: DeployFlow = {
    inputs,
    app,
    record,
    provider,
    deployer,
    deployment,
    before,
    analysis,
    windows: [],
  }
  ran.flow = running
  await settleDeployment(deployment, async () => {
    // A deploy is recorded or not done (onGitHubFailure: throw): wait for GitHub to have it.
    await deployment.started
    record.deploymentId = deployment.id
    running.baseline = await measureBaselineBeforeDeploy(running)
    const steps = inputs['traffic-steps']
    if (steps && steps.length > 1 && provider.traffic && before) {
      await deployInSteps(running, provider.traffic, steps)
    } else {
      if (steps && steps.length > 1) {
        core.notice(
          `No release of ${app} serves yet, so there is no traffic to split: the first release takes all of it.`,
          { title: 'gated-deploy: traffic steps skipped' },
        )
      }
      await deployAtOnce(running)
    }
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

/** The whole action, failure handling included: what the runner, local-action and tests run. */
export function run(): Promise<void> {
  return runMain(main)
}
