// What gated-deploy learns about a release after changing the platform: its health (probes
// until healthy or out of time) and, when analysis-duration is set, its behaviour under real
// traffic over a window (shared/analysis/). Also the one path back to the previous release
// that an unhealthy release, a failed analysis and a failed traffic step all take.
import type {
  DeployRecord,
  RecordedHealth,
  RecordedRelease,
} from '../../../shared/deploy-record.js'
import { formatDuration } from '../../../shared/durations.js'
import { ActionFailure, errorMessage } from '../../../shared/errors.js'
import type { DeploymentLifecycle } from '../../../shared/github/deployment-lifecycle.js'
import * as wording from '../../../shared/github/deployment-wording.js'
import { verifyHealthFromInputs } from '../../../shared/http/health-inputs.js'
import type { PollReport } from '../../../shared/http/poll.js'
import { unhealthyReasons } from '../../../shared/http/verify.js'
import type { AnalysisSettings, Baseline, WindowReport } from '../../../shared/analysis/types.js'
import { releaseLabel } from '../../../shared/providers/select.js'
import type { Provider, Release } from '../../../shared/providers/types.js'
import * as core from '../../../shared/runner-protocol.js'
import type { GatedDeployInputs } from './inputs.js'

/** One analysis window as gated-deploy ran it: a traffic step's share, or none. */
export interface RanWindow {
  percent?: number
  report: WindowReport
  rolledBack?: boolean
}

/** Everything the deploy paths share. */
export interface DeployFlow {
  inputs: GatedDeployInputs
  app: string
  record: DeployRecord
  provider: Provider
  deployer: Provider
  deployment: DeploymentLifecycle
  /** What served before: the rollback target. */
  before: Release | undefined
  /** The analysis to run after the health check; undefined when analysis-duration is 0. */
  analysis: AnalysisSettings | undefined
  baseline?: Baseline
  /** The windows run so far, in order (the `analysis` output and the summary). */
  windows: RanWindow[]
}

export function recorded(release: Release | undefined): RecordedRelease | undefined {
  if (!release) return undefined
  return { id: release.id, version: release.version, image: release.image, url: release.url }
}

export function recordedHealth(report: PollReport): RecordedHealth {
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

/** The health check, with extra headers where a platform routes a request by them. */
export function checkHealth(
  inputs: GatedDeployInputs,
  title: string,
  extraHeaders: Record<string, string> = {},
  urls: string[] = inputs['health-url'],
): Promise<PollReport> {
  return core.group(title, () =>
    verifyHealthFromInputs(
      { ...inputs, 'health-headers': { ...inputs['health-headers'], ...extraHeaders } },
      urls,
    ),
  )
}

/**
 * The baseline the regression limit compares with: the release serving before the deploy,
 * sampled with the same URLs and interval for min(analysis-duration, 30 s).
 */
export async function measureBaselineBeforeDeploy(flow: DeployFlow): Promise<Baseline | undefined> {
  const settings = flow.analysis
  if (!settings?.limits.maxLatencyRegression) return undefined
  if (!flow.before) {
    core.warning(
      'max-latency-regression needs the release serving before the deploy as its baseline, and there is none: the regression limit is not judged.',
      { title: 'gated-deploy: no baseline' },
    )
    return undefined
  }
  const durationMs = Math.min(settings.durationMs, 30_000)
  const { measureBaseline } = await import('../../../shared/analysis/engine.js')
  const baseline = await core.group(
    `Baseline: ${releaseLabel(flow.before)} for ${formatDuration(durationMs)}`,
    () => measureBaseline(settings, durationMs),
  )
  if (!baseline) {
    core.warning(
      'No request to the release serving before the deploy got an answer: without a baseline the regression limit is not judged.',
      { title: 'gated-deploy: no baseline' },
    )
    return undefined
  }
  core.info(
    `Baseline of ${releaseLabel(flow.before)}: p50 ${formatDuration(baseline.p50)}, p95 ${formatDuration(baseline.p95)} over ${baseline.samples} samples.`,
  )
  return baseline
}

/** Watches the release for one window (analysis-duration) and keeps its report. */
export async function watchWindow(flow: DeployFlow, percent?: number): Promise<WindowReport> {
  const settings = flow.analysis as AnalysisSettings
  const { runWindow } = await import('../../../shared/analysis/engine.js')
  const label = percent === undefined ? undefined : `at ${percent}%`
  const report = await core.group(
    `Analysis${label ? ` ${label}` : ''}: ${formatDuration(settings.durationMs)}, a measurement every ${formatDuration(settings.intervalMs)}`,
    () => runWindow(settings, { baseline: flow.baseline, label }),
  )
  flow.windows.push({ percent, report })
  core.info(
    `Analysis${label ? ` ${label}` : ''}: ${report.verdict} (${report.reason}) after ${formatDuration(report.durationMs)}.`,
  )
  return report
}

/** Whether a window's verdict sends the release back. */
export function rejects(flow: DeployFlow, report: WindowReport): boolean {
  if (report.verdict === 'pass') return false
  if (report.verdict === 'inconclusive' && flow.analysis?.onInconclusive === 'keep') {
    core.warning(
      `The analysis could not judge the release (${report.reason}); it is kept because on-inconclusive is keep.`,
      { title: 'gated-deploy: analysis inconclusive' },
    )
    return false
  }
  return true
}

/** Why the release is going back, for the log, the Deployment and the failure. */
export interface Rejection {
  /** Short: goes into the Deployment's description after `Rolled back to v41: `. */
  short: string
  /** What the release did, after "The new release of APP ": `was not healthy (…)`. */
  long: string
  /** Titles end in this (`unhealthy`, `analysis failed`, `analysis inconclusive`). */
  kind: string
}

export function analysisRejection(report: WindowReport, percent?: number): Rejection {
  const where = percent === undefined ? '' : ` at ${percent}%`
  const kind = report.verdict === 'fail' ? 'analysis failed' : 'analysis inconclusive'
  return {
    short: `${report.verdict === 'fail' ? '' : 'inconclusive: '}${report.reason}${where}`,
    long: `${report.verdict === 'fail' ? 'failed' : 'could not be judged by'} the analysis${where} (${report.reason})`,
    kind,
  }
}

export function healthRejection(report: PollReport): Rejection {
  const reasons = unhealthyReasons(report)
  return {
    short: 'the new release was unhealthy',
    long: `was not healthy (${reasons})`,
    kind: 'unhealthy',
  }
}

/**
 * Sends traffic back to the previous release (`undo`: a rollback, or a traffic rollout's
 * abort), proves it healthy, ends the Deployment and fails the step. Without auto-rollback or
 * an earlier release it only ends the Deployment and fails.
 */
export async function rejectRelease(
  flow: DeployFlow,
  why: Rejection,
  undo: ((target: Release) => Promise<unknown>) | undefined,
): Promise<never> {
  const { app, before, deployment, record, inputs } = flow
  if (!undo || !before) {
    const reason = before ? 'auto-rollback is off' : 'there is no earlier release to return to'
    await deployment.finish('failure', {
      description: `Not rolled back (${reason}): ${why.short}`,
      environmentUrl: record.environmentUrl,
    })
    throw new ActionFailure(
      `The new release of ${app} ${why.long} and was not rolled back (${reason}).`,
      `gated-deploy: ${why.kind}`,
    )
  }
  const target = releaseLabel(before)
  core.warning(`The new release ${why.long}; rolling back to ${target}.`, {
    title: 'gated-deploy: rolling back',
  })
  const started = performance.now()
  record.rollback = { to: recorded(before) }
  try {
    await core.group(`Rolling back ${app} to ${target}`, () => undo(before))
  } catch (err) {
    record.rollback.error = errorMessage(err)
    record.rollback.durationMs = Math.round(performance.now() - started)
    await deployment.finish('failure', {
      description: `Rollback failed: ${why.short}`,
    })
    throw new ActionFailure(
      `The new release of ${app} ${why.long}, and the rollback to ${target} failed too: ${errorMessage(err)}`,
      'gated-deploy: rollback failed',
    )
  }
  record.rollback.durationMs = Math.round(performance.now() - started)
  record.rollback.done = true
  record.releases.after = recorded(before)
  // Proven on the health URLs, else on what the analysis sampled.
  const proof = inputs['health-url'].length > 0 ? inputs['health-url'] : (flow.analysis?.urls ?? [])
  if (proof.length > 0) {
    const again = await checkHealth(inputs, 'Health after the rollback', {}, proof)
    record.rollback.health = recordedHealth(again)
    if (!again.healthy) {
      record.rollback.error = `still unhealthy: ${unhealthyReasons(again)}`
      await deployment.finish('failure', {
        description: wording.rollbackFailedDescription(target, 'still unhealthy'),
      })
      throw new ActionFailure(
        `The new release of ${app} ${why.long}; it was rolled back to ${target}, which is not healthy either: ${unhealthyReasons(again)}`,
        'gated-deploy: unhealthy after rollback',
      )
    }
  }
  const healthy = record.rollback.health
    ? `, healthy again after ${formatDuration(record.rollback.health.durationMs)}`
    : ''
  await deployment.finish('failure', {
    description: `${wording.ROLLED_BACK} to ${before.version ?? before.id}: ${why.short}`,
    environmentUrl: record.environmentUrl,
  })
  throw new ActionFailure(
    `The new release of ${app} ${why.long}; it was rolled back to ${target}${healthy}.`,
    'gated-deploy: rolled back',
  )
}
