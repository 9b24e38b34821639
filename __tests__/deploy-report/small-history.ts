// The small history whose figures figures.test.ts computes by hand: one week of production
// (2026-03-23 to 2026-03-30, Europe's clocks going forward on 2026-03-29), a success before it
// as the lead-time base, a failure, a rollback, an outage ended by the rollback action, a
// deployment across the daylight-saving change, one still running, a failure restored only
// after the period, and another environment.
import { HistoryBuilder } from './history-fixture.js'

export const SMALL_PERIOD = {
  since: Date.parse('2026-03-23T00:00:00Z'),
  until: Date.parse('2026-03-30T00:00:00Z'),
}

export function smallHistory() {
  const b = new HistoryBuilder()
  const ok = (at: string) => ({ state: 'success', description: 'Deployed rel, healthy', at })
  const started = (at: string) => ({ state: 'in_progress', at })

  b.commit('c1', '2026-03-20T10:00:00Z')
  b.deploy('c1', [started('2026-03-21T11:50:00Z'), ok('2026-03-21T12:00:00Z')]) // base
  b.commit('c2', '2026-03-23T08:00:00Z')
  b.commit('c3', '2026-03-23T09:00:00Z')
  b.deploy('c3', [
    { state: 'queued', at: '2026-03-23T09:58:00Z' },
    started('2026-03-23T10:00:00Z'),
    ok('2026-03-23T10:06:00Z'),
    { state: 'inactive', at: '2026-03-24T12:10:00Z' },
  ])
  b.commit('c4', '2026-03-24T09:00:00Z')
  // No in_progress status: it starts when it was created.
  b.deploy(
    'c4',
    [{ state: 'failure', description: 'Deploy failed: boom', at: '2026-03-24T10:04:00Z' }],
    {
      createdAt: '2026-03-24T10:00:00Z',
    },
  )
  b.commit('c5', '2026-03-24T11:00:00Z')
  b.deploy('c5', [started('2026-03-24T12:00:00Z'), ok('2026-03-24T12:10:00Z')])
  b.commit('c6', '2026-03-26T08:00:00Z')
  b.deploy('c6', [
    started('2026-03-26T09:00:00Z'),
    {
      state: 'failure',
      description: 'Rolled back to v5 (rel-5): the new release was unhealthy',
      at: '2026-03-26T09:12:00Z',
    },
    { state: 'inactive', at: '2026-03-26T10:00:00Z' },
  ])
  b.commit('c7', '2026-03-27T08:00:00Z')
  b.deploy('c7', [
    started('2026-03-27T09:00:00Z'),
    { state: 'error', description: 'Stopped: deploy-timeout', at: '2026-03-27T09:30:00Z' },
  ])
  // The rollback action's record ends that outage; it is no deployment of its own.
  b.deploy('c7', [started('2026-03-27T10:55:00Z'), ok('2026-03-27T11:00:00Z')], {
    restoration: true,
  })
  b.commit('c8', '2026-03-29T00:00:00Z')
  // 01:50 CET to 03:10 CEST: 20 minutes, across the change to summer time.
  b.deploy('c8', [started('2026-03-29T01:50:00+01:00'), ok('2026-03-29T03:10:00+02:00')])
  b.deploy('c8', [started('2026-03-29T12:00:00Z')]) // still running
  b.commit('c9', '2026-03-29T13:00:00Z')
  b.deploy('c9', [
    started('2026-03-29T14:00:00Z'),
    {
      state: 'failure',
      description: 'Rollback to v8 (rel-8) failed: still unhealthy',
      at: '2026-03-29T14:05:00Z',
    },
  ])
  b.commit('c10', '2026-03-31T13:00:00Z')
  b.deploy('c10', [started('2026-03-31T13:50:00Z'), ok('2026-03-31T14:00:00Z')]) // after

  // Staging: one success, one failure never restored.
  b.deploy('c5', [started('2026-03-28T09:00:00Z'), ok('2026-03-28T09:03:00Z')], {
    environment: 'staging',
  })
  b.deploy(
    'c9',
    [
      started('2026-03-29T13:10:00Z'),
      { state: 'failure', description: 'Deploy failed', at: '2026-03-29T13:12:00Z' },
    ],
    { environment: 'staging' },
  )
  return b.history
}
