// gated-deploy's deployment record (shared/deploy-record.ts) read as notification facts: the
// gates, the releases before and after, the health verdicts, the rollback and the duration.
import { readFileSync } from 'node:fs'
import type { DeployRecord, RecordedHealth, RecordedRelease } from '../deploy-record.js'
import { formatDuration } from '../durations.js'
import { errorMessage } from '../errors.js'
import { httpUrlOrUndefined } from '../text.js'

export interface RecordFact {
  label: string
  value: string
}

export interface RecordSummary {
  status: DeployRecord['status']
  environment?: string
  environmentUrl?: string
  version?: string
  durationMs?: number
  facts: RecordFact[]
}

const GATE_MARK: Record<string, string> = {
  passed: '✓',
  failed: '✗',
  overridden: '⚠',
}

function releaseText(release: RecordedRelease | undefined): string {
  if (!release) return 'none'
  return release.version && release.version !== release.id
    ? `${release.version} (${release.id})`
    : release.id
}

function healthText(health: RecordedHealth): string {
  if (health.healthy) return `healthy after ${formatDuration(health.durationMs)}`
  const why = health.targets
    .filter((target) => !target.healthy)
    .map((target) => `${target.url}: ${target.error ?? 'unhealthy'}`)
    .join('; ')
  return `unhealthy after ${formatDuration(health.durationMs)}${why ? `: ${why}` : ''}`
}

/** Reads the record at `path`; throws a message that names the path when it cannot. */
export function readRecord(path: string): DeployRecord {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    throw new Error(`cannot read the deployment record ${path}: ${errorMessage(err)}`)
  }
  let record: unknown
  try {
    record = JSON.parse(text)
  } catch {
    throw new Error(`the deployment record ${path} is not JSON`)
  }
  const candidate = record as Partial<DeployRecord> | null
  if (
    !candidate ||
    typeof candidate !== 'object' ||
    typeof candidate.status !== 'string' ||
    !Array.isArray(candidate.gates)
  ) {
    throw new Error(
      `${path} is not a gated-deploy deployment record (no status and gates); pass steps.<deploy>.outputs.record`,
    )
  }
  return candidate as DeployRecord
}

/** The record's facts in the order a reader wants them. */
export function summarizeRecord(record: DeployRecord): RecordSummary {
  const facts: RecordFact[] = []
  facts.push({ label: 'Deploy', value: `${record.status}${record.app ? ` (${record.app})` : ''}` })
  if (record.blockedBy) facts.push({ label: 'Blocked by', value: record.blockedBy })
  const gates = (record.gates ?? []).filter(
    (gate) => gate.verdict !== 'not set' && gate.verdict !== 'not evaluated',
  )
  if (gates.length > 0) {
    facts.push({
      label: 'Gates',
      value: gates
        .map(
          (gate) =>
            `${GATE_MARK[gate.verdict] ?? '·'} ${gate.gate}${gate.verdict === 'passed' ? '' : `: ${gate.reason}`}`,
        )
        .join('\n'),
    })
  }
  if (record.override) {
    facts.push({
      label: 'Override',
      value: `${record.override.reason} (by ${record.override.actor})`,
    })
  }
  const before = record.releases?.before
  const after = record.releases?.after
  if (before || after) {
    facts.push({ label: 'Releases', value: `${releaseText(before)} → ${releaseText(after)}` })
  }
  if (record.health) facts.push({ label: 'Health', value: healthText(record.health) })
  if (record.analysis && record.analysis.verdict !== 'off') {
    const steps = record.traffic
      ? ` (traffic ${record.traffic.reached}% of ${record.traffic.steps.join('% → ')}%)`
      : ''
    facts.push({
      label: 'Analysis',
      value: `${record.analysis.verdict}: ${record.analysis.reason}${steps}`,
    })
  }
  if (record.rollback) {
    const rollback = record.rollback
    const to = releaseText(rollback.to)
    facts.push({
      label: 'Rollback',
      value: rollback.error
        ? `to ${to} failed: ${rollback.error}`
        : `to ${to}${rollback.durationMs !== undefined ? ` in ${formatDuration(rollback.durationMs)}` : ''}${rollback.health ? `, ${rollback.health.healthy ? 'healthy again' : 'still unhealthy'}` : ''}`,
    })
  }
  if (record.error && !record.rollback) facts.push({ label: 'Error', value: record.error })
  return {
    status: record.status,
    environment: record.environment || undefined,
    // The record is a file: a link from it must still be http(s).
    environmentUrl: httpUrlOrUndefined(record.environmentUrl),
    version: after?.version ?? after?.id,
    durationMs: typeof record.durationMs === 'number' ? record.durationMs : undefined,
    facts,
  }
}
