// The figures of a small history, computed by hand (see small-history.ts for the timeline).
import { environmentFigures, leadTimeHeads } from '../../shared/report/figures.js'
import { buildReport, headlineOutputs, reportJson } from '../../shared/report/report.js'
import { SMALL_PERIOD, smallHistory } from './small-history.js'
import { toGraph, toRecords } from './history-fixture.js'

const h = (hours: number, minutes = 0) => hours + minutes / 60

function production() {
  const history = smallHistory()
  const records = toRecords(history).filter((r) => r.environment === 'production')
  return environmentFigures('production', records, toGraph(history), SMALL_PERIOD)
}

describe('deploy-report figures', () => {
  it('counts outcomes by final status, leaving restorations and running deploys out', () => {
    expect(production().counts).toEqual({
      deployments: 7, // c3 c4 c5 c6 c7 c8 c9; not the base (before), not c10 (after)
      succeeded: 3, // c3 c5 c8
      failed: 3, // c4 (failure), c7 (error), c9 (a rollback that did not restore)
      rolledBack: 1, // c6
      inProgress: 1,
      restorations: 1,
      unrestored: 0,
    })
  })

  it('computes every figure as defined', () => {
    const { figures } = production()
    expect(figures.successRate).toBeCloseTo((3 / 7) * 100, 10)
    expect(figures.changeFailureRate).toBeCloseTo((4 / 7) * 100, 10)
    expect(figures.rollbackRate).toBeCloseTo((1 / 7) * 100, 10)
    expect(figures.deploymentsPerWeek).toBe(3) // 3 successes in 7 days
    // Shipped: c3 → c2 2h06, c3 1h06; c5 → c4 3h10, c5 1h10; c8 → c6 65h10, c7 41h10, c8 1h10.
    expect(figures.commits).toBe(7)
    expect(figures.leadTimeHours).toBeCloseTo(h(2, 6), 10) // 4th of 7
    expect(figures.leadTimeP90Hours).toBeCloseTo(h(41, 10) + 0.4 * 24, 10)
    // Restore: c6 12 min (its own rollback), c7 2h (the restoration), c4 2h10 (next success),
    // c9 48h (a success after the period); median of 4 = mean of 2h and 2h10.
    expect(figures.timeToRestoreHours).toBeCloseTo(h(2, 5), 10)
    // Durations 6, 4, 10, 12, 30, 20 (across the clock change), 5 min.
    expect(figures.durationMinutes).toBe(10)
    expect(figures.durationP95Minutes).toBeCloseTo(20 + 0.7 * 10, 10)
  })

  it('counts a failure nothing restored yet as unrestored, outside the median', () => {
    const history = smallHistory()
    const staging = environmentFigures(
      'staging',
      toRecords(history).filter((r) => r.environment === 'staging'),
      toGraph(history),
      SMALL_PERIOD,
    )
    expect(staging.counts).toMatchObject({ deployments: 2, failed: 1, unrestored: 1 })
    expect(staging.figures.timeToRestoreHours).toBeUndefined()
    // No earlier staging success: only its own commit counts (c5, 24th 11:00 to 28th 09:03).
    expect(staging.figures.leadTimeHours).toBeCloseTo(h(94, 3), 10)
  })

  it('bands the figures and checks the seeds targets; outputs are plain numbers', () => {
    const report = buildReport('acme/shop', SMALL_PERIOD, [production()])
    expect(report.environments[0]?.bands).toEqual({
      deploymentFrequency: 'high',
      leadTime: 'elite',
      changeFailureRate: 'low',
      timeToRestore: 'high',
    })
    expect(report.environments[0]?.kpis.map((k) => k.met)).toEqual([false, false, false])
    expect(headlineOutputs(report)).toMatchObject({
      deployments: '7',
      'deployments-per-week': '3',
      'lead-time-hours': '2.1',
      'change-failure-rate': '57.14',
      'time-to-restore-hours': '2.08',
      'success-rate': '42.86',
    })
    const json = JSON.parse(reportJson(report)) as { environments: Array<Record<string, unknown>> }
    expect(json.environments[0]).toMatchObject({
      counts: { 'rolled-back': 1, 'in-progress': 1 },
      figures: { 'lead-time-p90-hours': 50.77, 'deployment-p95-minutes': 27 },
    })
  })

  it('has nothing to measure in an empty period: empty outputs, never NaN', () => {
    const history = smallHistory()
    const period = {
      since: Date.parse('2025-01-01T00:00:00Z'),
      until: Date.parse('2025-02-01T00:00:00Z'),
    }
    const figures = environmentFigures('production', toRecords(history), toGraph(history), period)
    const outputs = headlineOutputs(buildReport('acme/shop', period, [figures]))
    expect(outputs).toMatchObject({
      deployments: '0',
      'deployments-per-week': '0',
      'lead-time-hours': '',
      'change-failure-rate': '',
      'time-to-restore-hours': '',
      'success-rate': '',
    })
    expect(outputs.report).not.toMatch(/NaN/)
  })

  it('asks for the history of the period successes and of the base before them', () => {
    const records = toRecords(smallHistory()).filter((r) => r.environment === 'production')
    expect(leadTimeHeads(records, SMALL_PERIOD)).toEqual(['c8', 'c5', 'c3', 'c1'])
  })
})
