// The delivery figures of one environment over a period, from its Deployments (README,
// "deploy-report", states every definition used here).
import { shippedCommits, type CommitGraph } from './commits.js'
import { ended, isRestoration, type DeploymentRecord, type Ended } from './history.js'
import { periodDays, type Period } from './period.js'
import { median, percent, quantile } from './stats.js'

const HOUR_MS = 3_600_000
const MINUTE_MS = 60_000

export interface Counts {
  /** succeeded + failed + rolled back, restorations not included */
  deployments: number
  succeeded: number
  failed: number
  rolledBack: number
  /** created in the period, no final status yet */
  inProgress: number
  /** the rollback action's successful records ending in the period */
  restorations: number
  /** failed or rolled-back deployments of the period not restored yet */
  unrestored: number
}

/** Every figure; undefined where there is nothing to measure. */
export interface Figures {
  successRate?: number
  changeFailureRate?: number
  rollbackRate?: number
  deploymentsPerWeek?: number
  leadTimeHours?: number
  leadTimeP90Hours?: number
  timeToRestoreHours?: number
  durationMinutes?: number
  durationP95Minutes?: number
  /** commits counted in the lead time */
  commits: number
}

/** One deployment of the period, for the charts. */
export interface DeploymentPoint {
  id: number
  outcome: Ended['outcome']
  endedAt: number
  durationMinutes: number
}

export interface EnvironmentFigures {
  environment: string
  counts: Counts
  figures: Figures
  deployments: DeploymentPoint[]
  /** Successful deployments whose commit GitHub could not give (lead time left out). */
  missingCommits: number
}

/** The time a failure was restored, or undefined while it is not. */
function restoredAt(failure: Ended, later: readonly Ended[]): number | undefined {
  // flightdeck's rollback proved the old release healthy when it ended the deployment.
  if (failure.outcome === 'rolled-back') return failure.endedAt
  // Otherwise the next success after it, a deploy or a restoration, even after the period.
  return later.find((next) => next.endedAt > failure.endedAt && next.outcome === 'succeeded')
    ?.endedAt
}

/**
 * The commits whose history the lead time needs: each successful deployment of the period and
 * the one before the first of them (its base), newest first.
 */
export function leadTimeHeads(records: readonly DeploymentRecord[], period: Period): string[] {
  const successes = records
    .flatMap((record) => ended(record) ?? [])
    .filter((entry) => entry.outcome === 'succeeded' && !entry.restoration)
    .filter((entry) => entry.endedAt < period.until)
    .sort((a, b) => b.endedAt - a.endedAt)
  const inPeriod = successes.filter((entry) => entry.endedAt >= period.since)
  const base = successes.find((entry) => entry.endedAt < period.since)
  return [...new Set([...inPeriod, ...(base ? [base] : [])].map((e) => e.deployment.sha))]
}

/** The figures of one environment: `records` are all its deployments read (any order). */
export function environmentFigures(
  environment: string,
  records: readonly DeploymentRecord[],
  graph: CommitGraph,
  period: Period,
): EnvironmentFigures {
  const inPeriod = (at: number) => at >= period.since && at < period.until
  const all = records.flatMap((record) => ended(record) ?? [])
  // "Previous" and "next" follow the time of the final status.
  all.sort((a, b) => a.endedAt - b.endedAt || a.deployment.id - b.deployment.id)
  const deploys = all.filter((entry) => !entry.restoration)
  const counted = deploys.filter((entry) => inPeriod(entry.endedAt))
  const succeeded = counted.filter((entry) => entry.outcome === 'succeeded')
  const failures = counted.filter((entry) => entry.outcome !== 'succeeded')
  const rolledBack = failures.filter((entry) => entry.outcome === 'rolled-back').length
  const inProgress = records.filter(
    (record) => inPeriod(record.createdAt) && !ended(record) && !isRestoration(record.payload),
  ).length
  const restorations = all.filter(
    (entry) => entry.restoration && entry.outcome === 'succeeded' && inPeriod(entry.endedAt),
  ).length

  // Lead time: every commit each successful deployment shipped.
  const leadTimes: number[] = []
  let missingCommits = 0
  for (const deploy of succeeded) {
    const index = deploys.indexOf(deploy)
    const previous = deploys
      .slice(0, index)
      .reverse()
      .find((entry) => entry.outcome === 'succeeded')
    if (!graph.has(deploy.deployment.sha)) {
      missingCommits++
      continue
    }
    for (const commit of shippedCommits(graph, deploy.deployment.sha, previous?.deployment.sha)) {
      leadTimes.push((deploy.endedAt - commit.committedAt) / HOUR_MS)
    }
  }

  // Time to restore: from the failed deployment's start to the restoration.
  const restoreTimes: number[] = []
  let unrestored = 0
  for (const failure of failures) {
    const at = restoredAt(failure, all)
    if (at === undefined) unrestored++
    else restoreTimes.push((at - failure.startedAt) / HOUR_MS)
  }

  const durations = counted.map((entry) => (entry.endedAt - entry.startedAt) / MINUTE_MS)
  const days = periodDays(period)
  return {
    environment,
    counts: {
      deployments: counted.length,
      succeeded: succeeded.length,
      failed: failures.length - rolledBack,
      rolledBack,
      inProgress,
      restorations,
      unrestored,
    },
    figures: {
      successRate: percent(succeeded.length, counted.length),
      changeFailureRate: percent(failures.length, counted.length),
      rollbackRate: percent(rolledBack, counted.length),
      deploymentsPerWeek: days > 0 ? succeeded.length / (days / 7) : undefined,
      leadTimeHours: median(leadTimes),
      leadTimeP90Hours: quantile(leadTimes, 0.9),
      timeToRestoreHours: median(restoreTimes),
      durationMinutes: median(durations),
      durationP95Minutes: quantile(durations, 0.95),
      commits: leadTimes.length,
    },
    deployments: counted.map((entry, i) => ({
      id: entry.deployment.id,
      outcome: entry.outcome,
      endedAt: entry.endedAt,
      durationMinutes: durations[i] as number,
    })),
    missingCommits,
  }
}
