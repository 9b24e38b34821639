// The job summary of a report: per environment, the figures with their DORA bands, the seeds'
// targets, and two Mermaid charts GitHub renders (deployments per week by outcome, deployment
// time per week).
import { code, escapeMarkdown, markdownTable, type Markdown } from '../summary.js'
import { plural } from '../text.js'
import type { DeployReport, EnvironmentReport } from './report.js'
import { median } from './stats.js'

const WEEK_MS = 7 * 86_400_000

/** Text flightdeck wrote itself (numbers, units, level names): Markdown as it is. */
const own = (text: string): Markdown => ({ markdown: text })

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)

function shown(value: number | undefined, unit = ''): string {
  if (value === undefined) return '—'
  return `${Math.round(value * 100) / 100}${unit}`
}

function hours(value: number | undefined): string {
  if (value === undefined) return '—'
  if (value < 1) return `${Math.round(value * 60)} min`
  if (value < 48) return `${Math.round(value * 10) / 10} h`
  return `${Math.round((value / 24) * 10) / 10} days`
}

interface Week {
  start: number
  succeeded: number
  failed: number
  rolledBack: number
  minutes: number[]
}

function weeks(entry: EnvironmentReport, since: number, until: number): Week[] {
  const list: Week[] = []
  for (let start = since; start < until; start += WEEK_MS) {
    list.push({ start, succeeded: 0, failed: 0, rolledBack: 0, minutes: [] })
  }
  for (const point of entry.deployments) {
    const week = list[Math.floor((point.endedAt - since) / WEEK_MS)]
    if (!week) continue
    if (point.outcome === 'succeeded') week.succeeded++
    else if (point.outcome === 'rolled-back') week.rolledBack++
    else week.failed++
    week.minutes.push(point.durationMinutes)
  }
  return list
}

/**
 * Bars drawn over each other, tallest first, read as stacked: all deployments (green shows
 * the successes), failed + rolled back (red shows the failures), rolled back (amber).
 */
function outcomesChart(list: Week[]): string {
  const labels = list.map((week) => `"${day(week.start).slice(5)}"`).join(', ')
  const total = list.map((w) => w.succeeded + w.failed + w.rolledBack)
  const failures = list.map((w) => w.failed + w.rolledBack)
  const rolledBack = list.map((w) => w.rolledBack)
  const top = Math.max(1, ...total)
  return [
    '```mermaid',
    '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#2da44e, #cf222e, #bf8700"}}}}%%',
    'xychart-beta',
    '  title "Deployments per week: succeeded (green), failed (red), rolled back (amber)"',
    `  x-axis [${labels}]`,
    `  y-axis "deployments" 0 --> ${top}`,
    `  bar [${total.join(', ')}]`,
    `  bar [${failures.join(', ')}]`,
    `  bar [${rolledBack.join(', ')}]`,
    '```',
  ].join('\n')
}

function durationChart(list: Week[]): string {
  const labels = list.map((week) => `"${day(week.start).slice(5)}"`).join(', ')
  const medians = list.map((w) =>
    w.minutes.length ? Math.round((median(w.minutes) as number) * 10) / 10 : 0,
  )
  return [
    '```mermaid',
    'xychart-beta',
    '  title "Median deployment time per week (minutes; 0: no deployment)"',
    `  x-axis [${labels}]`,
    `  y-axis "minutes" 0 --> ${Math.max(1, Math.ceil(Math.max(...medians)))}`,
    `  line [${medians.join(', ')}]`,
    '```',
  ].join('\n')
}

function environmentSection(entry: EnvironmentReport, report: DeployReport): string {
  const { counts, figures, bands } = entry
  const title = `### ${escapeMarkdown(entry.environment)}`
  const { since, until } = report.period
  const period = `${day(since)} to ${day(until - 1)}`
  if (counts.deployments === 0) {
    const note = counts.inProgress > 0 ? ` (${counts.inProgress} still in progress)` : ''
    return `${title}\n\nNo deployments of ${code(entry.environment).markdown} ended from ${period}${note}.`
  }
  const band = (value: string | undefined) => own(value ?? '—')
  const table = markdownTable(
    ['figure', 'value', 'DORA 2024 level'],
    (
      [
        [
          'deployments per week',
          shown(figures.deploymentsPerWeek),
          band(bands.deploymentFrequency),
        ],
        ['lead time for changes (median)', hours(figures.leadTimeHours), band(bands.leadTime)],
        ['lead time, 90th percentile', hours(figures.leadTimeP90Hours), own('')],
        [
          'change failure rate',
          shown(figures.changeFailureRate, ' %'),
          band(bands.changeFailureRate),
        ],
        ['time to restore (median)', hours(figures.timeToRestoreHours), band(bands.timeToRestore)],
        ['success rate', shown(figures.successRate, ' %'), own('')],
        ['deployment time (median)', shown(figures.durationMinutes, ' min'), own('')],
        ['deployment time, 95th percentile', shown(figures.durationP95Minutes, ' min'), own('')],
      ] as Array<[string, string, Markdown]>
    ).map(([figure, value, level]) => [own(figure), own(value), level]),
  )
  const countLine = `${plural(counts.deployments, 'deployment')} from ${period}: ${counts.succeeded} succeeded, ${counts.failed} failed, ${counts.rolledBack} rolled back; ${counts.inProgress} in progress, ${plural(counts.restorations, 'restoration')}, ${counts.unrestored} not restored yet; ${plural(figures.commits, 'commit')} shipped.`
  const kpis = markdownTable(
    ['target', 'value', 'met'],
    entry.kpis.map((kpi) => [
      own(`${kpi.name} ${escapeMarkdown(kpi.target)}`),
      own(shown(kpi.value, kpi.name === 'deployment-time' ? ' min' : ' %')),
      own(kpi.met === undefined ? '—' : kpi.met ? '✅ yes' : '❌ no'),
    ]),
  )
  const list = weeks(entry, since, until)
  return [title, countLine, table, kpis, outcomesChart(list), durationChart(list)].join('\n\n')
}

export function reportMarkdown(report: DeployReport): string {
  const heading = `## Delivery report of ${code(report.repository).markdown}`
  return [heading, ...report.environments.map((entry) => environmentSection(entry, report))].join(
    '\n\n',
  )
}
