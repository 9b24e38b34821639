// The `report` output and the headline outputs, from each environment's figures.
import { bandsOf, kpiChecks, type Bands, type KpiCheck } from './bands.js'
import type { EnvironmentFigures } from './figures.js'
import { periodDays, type Period } from './period.js'
import { plainNumber } from './stats.js'

export interface EnvironmentReport extends EnvironmentFigures {
  bands: Bands
  kpis: KpiCheck[]
}

export interface DeployReport {
  repository: string
  period: Period
  environments: EnvironmentReport[]
}

export function buildReport(
  repository: string,
  period: Period,
  environments: EnvironmentFigures[],
): DeployReport {
  return {
    repository,
    period,
    environments: environments.map((entry) => ({
      ...entry,
      bands: bandsOf(entry.figures),
      kpis: kpiChecks(entry.figures),
    })),
  }
}

/** A figure in JSON: rounded to 2 decimals, null when there is nothing to measure. */
const num = (value: number | undefined): number | null =>
  value === undefined || !Number.isFinite(value) ? null : Math.round(value * 100) / 100

/** The `report` output: every figure, count, band and check of every environment. */
export function reportJson(report: DeployReport): string {
  return JSON.stringify({
    repository: report.repository,
    since: new Date(report.period.since).toISOString(),
    until: new Date(report.period.until).toISOString(),
    days: num(periodDays(report.period)),
    environments: report.environments.map(({ environment, counts, figures, bands, kpis }) => ({
      environment,
      counts: {
        deployments: counts.deployments,
        succeeded: counts.succeeded,
        failed: counts.failed,
        'rolled-back': counts.rolledBack,
        'in-progress': counts.inProgress,
        restorations: counts.restorations,
        unrestored: counts.unrestored,
      },
      figures: {
        'deployments-per-week': num(figures.deploymentsPerWeek),
        'lead-time-hours': num(figures.leadTimeHours),
        'lead-time-p90-hours': num(figures.leadTimeP90Hours),
        'change-failure-rate': num(figures.changeFailureRate),
        'time-to-restore-hours': num(figures.timeToRestoreHours),
        'success-rate': num(figures.successRate),
        'rollback-rate': num(figures.rollbackRate),
        'deployment-minutes': num(figures.durationMinutes),
        'deployment-p95-minutes': num(figures.durationP95Minutes),
        commits: figures.commits,
      },
      bands: {
        'deployment-frequency': bands.deploymentFrequency ?? null,
        'lead-time': bands.leadTime ?? null,
        'change-failure-rate': bands.changeFailureRate ?? null,
        'time-to-restore': bands.timeToRestore ?? null,
      },
      kpis: kpis.map((kpi) => ({
        name: kpi.name,
        target: kpi.target,
        value: num(kpi.value),
        met: kpi.met ?? null,
      })),
    })),
  })
}

/** The headline outputs, for the first environment: plain decimals, empty when unmeasured. */
export function headlineOutputs(report: DeployReport): Record<string, string> {
  const first = report.environments[0]
  const figures = first?.figures
  return {
    deployments: first ? String(first.counts.deployments) : '',
    'deployments-per-week': plainNumber(figures?.deploymentsPerWeek),
    'lead-time-hours': plainNumber(figures?.leadTimeHours),
    'change-failure-rate': plainNumber(figures?.changeFailureRate),
    'time-to-restore-hours': plainNumber(figures?.timeToRestoreHours),
    'success-rate': plainNumber(figures?.successRate),
    report: reportJson(report),
  }
}
