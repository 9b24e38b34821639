import { formatDuration } from '../../../shared/durations.js'
import type { PollReport } from '../../../shared/http/poll.js'
import type { RollbackPlan } from '../../../shared/providers/select.js'
import type { Release } from '../../../shared/providers/types.js'
import { code, markdownTable, type Cell } from '../../../shared/summary.js'

export interface RollbackOutcome {
  app: string
  provider: string
  plan: RollbackPlan
  reason?: string
  dryRun: boolean
  rolledBack: boolean
  rollbackMs?: number
  health?: PollReport
  deploymentId?: number
}

function describe(release: Release): string {
  const parts = [release.version ?? release.id]
  if (release.version) parts.push(`(${release.id})`)
  if (release.createdAt) parts.push(`from ${release.createdAt}`)
  return parts.join(' ')
}

export function summaryMarkdown(outcome: RollbackOutcome): string {
  const { plan } = outcome
  const verdict = outcome.dryRun
    ? '### 🧪 Rollback plan (dry run: nothing changed)'
    : plan.alreadyCurrent
      ? '### ✅ Already on the target release: nothing to roll back'
      : outcome.health && !outcome.health.healthy
        ? '### ❌ Rolled back, but the app is not healthy'
        : '### ✅ Rolled back'
  const health = outcome.health
    ? outcome.health.healthy
      ? `healthy after ${formatDuration(outcome.health.durationMs)}`
      : `unhealthy: ${outcome.health.targets
          .filter((target) => !target.healthy)
          .map((target) => `${target.url}: ${target.error ?? ''}`)
          .join('; ')}`
    : 'not checked (no health-url)'
  const rows: Cell[][] = [
    ['app', code(`${outcome.app} (${outcome.provider})`)],
    ['from', code(describe(plan.from))],
    ['to', code(describe(plan.to))],
    ['image', plan.to.image ? code(plan.to.image) : '—'],
    ['reason', outcome.reason ? code(outcome.reason) : '—'],
    ['rollback took', outcome.rollbackMs === undefined ? '—' : formatDuration(outcome.rollbackMs)],
    ['health', outcome.health && !outcome.health.healthy ? code(health) : health],
  ]
  if (outcome.deploymentId !== undefined)
    rows.push(['GitHub deployment', String(outcome.deploymentId)])
  return [verdict, markdownTable(['', 'rollback'], rows)].join('\n\n')
}
