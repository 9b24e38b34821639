// DORA's performance levels (State of DevOps / Accelerate State of DevOps Report 2024, p. 13),
// and the targets the seeds set. The 2024 report gives, per level: lead time for changes,
// deployment frequency, change failure rate and failed deployment recovery time.
import type { Figures } from './figures.js'

export type Band = 'elite' | 'high' | 'medium' | 'low'

const DAY_H = 24
const WEEK_H = 7 * DAY_H

/** Elite < 1 day; high 1 day–1 week; medium 1 week–1 month; low beyond. */
export function leadTimeBand(hours: number | undefined): Band | undefined {
  if (hours === undefined) return undefined
  if (hours < DAY_H) return 'elite'
  if (hours < WEEK_H) return 'high'
  if (hours < 30 * DAY_H) return 'medium'
  return 'low'
}

/**
 * Elite: on demand, several a day (more than 7 a week); high: daily to weekly (at least 1 a
 * week); medium: weekly to monthly (at least 12 a year); low: less often.
 */
export function frequencyBand(perWeek: number | undefined): Band | undefined {
  if (perWeek === undefined) return undefined
  if (perWeek > 7) return 'elite'
  if (perWeek >= 1) return 'high'
  if (perWeek >= 12 / 52) return 'medium'
  return 'low'
}

/**
 * The report gives one typical rate per level, not ranges, and medium's (10 %) is lower than
 * high's (20 %): elite 5 %, medium 10 %, high 20 %, low 40 %. A rate gets the level whose
 * rate is nearest (a tie goes to the lower rate): ≤ 7.5 % elite, ≤ 15 % medium, ≤ 30 % high.
 */
export function failureRateBand(percent: number | undefined): Band | undefined {
  if (percent === undefined) return undefined
  if (percent <= 7.5) return 'elite'
  if (percent <= 15) return 'medium'
  if (percent <= 30) return 'high'
  return 'low'
}

/**
 * Elite < 1 hour; high < 1 day; medium < 1 week (the report says < 1 day for medium too and
 * starts low at 1 week); low beyond.
 */
export function restoreBand(hours: number | undefined): Band | undefined {
  if (hours === undefined) return undefined
  if (hours < 1) return 'elite'
  if (hours < DAY_H) return 'high'
  if (hours < WEEK_H) return 'medium'
  return 'low'
}

export interface Bands {
  deploymentFrequency?: Band
  leadTime?: Band
  changeFailureRate?: Band
  timeToRestore?: Band
}

export function bandsOf(figures: Figures): Bands {
  return {
    deploymentFrequency: frequencyBand(figures.deploymentsPerWeek),
    leadTime: leadTimeBand(figures.leadTimeHours),
    changeFailureRate: failureRateBand(figures.changeFailureRate),
    timeToRestore: restoreBand(figures.timeToRestoreHours),
  }
}

export interface KpiCheck {
  name: 'success-rate' | 'deployment-time' | 'rollback-rate'
  target: string
  value?: number
  /** undefined: nothing to measure */
  met?: boolean
}

/** The seeds' targets: success rate > 95 %, deployment time < 10 min, rollbacks < 5 %. */
export function kpiChecks(figures: Figures): KpiCheck[] {
  const check = (
    name: KpiCheck['name'],
    target: string,
    value: number | undefined,
    met: (value: number) => boolean,
  ): KpiCheck => ({ name, target, value, met: value === undefined ? undefined : met(value) })
  return [
    check('success-rate', '> 95 %', figures.successRate, (v) => v > 95),
    check('deployment-time', '< 10 min (median)', figures.durationMinutes, (v) => v < 10),
    check('rollback-rate', '< 5 % of deployments', figures.rollbackRate, (v) => v < 5),
  ]
}
