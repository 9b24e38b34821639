import { formatDuration } from '../../../shared/durations.js'
import type { PollReport, TargetReport } from '../../../shared/http/poll.js'
import { code, escapeHtml, markdownTable } from '../../../shared/summary.js'
import { plural } from '../../../shared/text.js'

/** The `report` output: one object per URL. */
export function reportOutput(report: PollReport): string {
  return JSON.stringify(
    report.targets.map((target) => ({
      url: target.url,
      healthy: target.healthy,
      attempts: target.attempts,
      status: target.status ?? null,
      latencyMs: target.latencyMs ?? null,
      error: target.error ?? null,
    })),
  )
}

const HISTORY_ROWS = 20

function historyTable(target: TargetReport): string {
  const shown = target.history.slice(-HISTORY_ROWS)
  const skipped = target.history.length - shown.length
  const rows = shown.map((attempt) => [
    String(attempt.attempt),
    `+${formatDuration(attempt.atMs)}`,
    attempt.status === undefined ? '—' : String(attempt.status),
    `${attempt.latencyMs}ms`,
    attempt.passed ? 'pass' : code(attempt.reason ?? 'fail'),
  ])
  const note = skipped > 0 ? `\n\n${skipped} earlier probes not shown.` : ''
  return markdownTable(['#', 'started', 'status', 'latency', 'result'], rows) + note
}

/** The job summary: a verdict line, a row per URL, then each URL's probes. */
export function summaryMarkdown(report: PollReport): string {
  const failed = report.targets.filter((target) => !target.healthy).length
  const total = report.targets.length
  const heading = report.healthy
    ? `### ✅ Healthy: ${total} of ${plural(total, 'URL')} passed in ${formatDuration(report.durationMs)}`
    : `### ❌ Unhealthy: ${failed} of ${plural(total, 'URL')} failed after ${formatDuration(report.durationMs)}`
  const overview = markdownTable(
    ['URL', 'verdict', 'status', 'attempts', 'latency', 'reason'],
    report.targets.map((target) => [
      code(target.url),
      target.healthy ? '✅ healthy' : '❌ unhealthy',
      target.status === undefined ? '—' : String(target.status),
      String(target.attempts),
      target.latencyMs === undefined ? '—' : `${target.latencyMs}ms`,
      target.healthy ? '' : code(target.error ?? ''),
    ]),
  )
  const details = report.targets.map(
    (target) =>
      `<details><summary>Probes of ${escapeHtml(target.url)}</summary>\n\n${historyTable(target)}\n\n</details>`,
  )
  return [heading, overview, ...details].join('\n\n')
}
