// The deployment record: one JSON file per deploy saying who deployed what where, which gates
// passed, which releases served before and after, the health verdict, any rollback and the
// timings. gated-deploy writes it on every path (blocked and failed too); notify and
// deploy-report read it.
import { randomBytes } from 'node:crypto'
import { lstatSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { formatDuration } from './durations.js'
import type { AnalysisResult } from './analysis/types.js'
import type { GateReport } from './gates/run.js'
import { redact } from './runner-protocol.js'
import { code, inlineCode, markdownTable, type Cell } from './summary.js'

export const RECORD_VERSION = 1

export type DeployStatus = 'deployed' | 'blocked' | 'failed' | 'rolled-back' | 'dry-run'

export interface RecordedRelease {
  id: string
  version?: string
  image?: string
  url?: string
}

export interface RecordedHealth {
  healthy: boolean
  durationMs: number
  targets: Array<{
    url: string
    healthy: boolean
    attempts: number
    status?: number
    error?: string
  }>
}

export interface DeployRecord {
  version: typeof RECORD_VERSION
  status: DeployStatus
  repository: string
  sha: string
  ref: string
  actor: string
  runUrl: string
  provider: string
  app: string
  environment: string
  environmentUrl?: string
  gates: GateReport[]
  blockedBy?: string
  override?: { reason: string; actor: string }
  releases: { before?: RecordedRelease; after?: RecordedRelease }
  deploy?: { durationMs: number; error?: string }
  health?: RecordedHealth
  rollback?: {
    /** Whether the platform was returned to `to` (its health is below). */
    done?: boolean
    to?: RecordedRelease
    durationMs?: number
    health?: RecordedHealth
    error?: string
  }
  /** The post-deploy analysis (analysis-duration), each traffic step's window included. */
  analysis?: AnalysisResult
  /** Traffic steps: the shares planned and the last one the new release was given. */
  traffic?: { steps: number[]; reached: number }
  deploymentId?: number
  startedAt: string
  finishedAt: string
  durationMs: number
  error?: string
}

/**
 * `$RUNNER_TEMP/flightdeck/deployment-<step>-<random>.json` (the system temp dir outside a
 * runner): one file per step, so two gated-deploy steps in one job (one RUNNER_TEMP) never
 * share a record and each step's `record` output describes its own deploy. `<step>` is the
 * runner's step id (GITHUB_ACTION) for a person to read; the random part makes it unique even
 * where step ids repeat (composite actions, reruns in one temp folder).
 */
export function recordPath(env: NodeJS.ProcessEnv = process.env): string {
  const step = (env.GITHUB_ACTION ?? '').replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 60)
  const unique = randomBytes(6).toString('hex')
  const name = `deployment-${step ? `${step}-` : ''}${unique}.json`
  return join(env.RUNNER_TEMP || tmpdir(), 'flightdeck', name)
}

/**
 * Writes the record, every registered secret replaced by `***`, and returns its path. The file
 * is created new ('wx': a file or link already at the path fails, it is never followed or
 * overwritten), in a folder that must be a real directory, not a link planted in a shared temp.
 */
export function writeRecord(record: DeployRecord, path = recordPath()): string {
  const dir = dirname(path)
  mkdirSync(dir, { recursive: true })
  if (lstatSync(dir).isSymbolicLink()) {
    throw new Error(`${dir} is a symbolic link; the deployment record is not written through it`)
  }
  writeFileSync(path, `${redact(JSON.stringify(record, null, 2))}\n`, {
    encoding: 'utf8',
    flag: 'wx',
  })
  return path
}

function releaseText(release: RecordedRelease | undefined): string {
  if (!release) return '—'
  const name = release.version ? `${release.version} (${release.id})` : release.id
  return release.image ? `${name} ${release.image}` : name
}

function healthText(health: RecordedHealth | undefined): Cell {
  if (!health) return 'not checked'
  if (health.healthy) return `healthy after ${formatDuration(health.durationMs)}`
  return code(
    `unhealthy: ${health.targets
      .filter((target) => !target.healthy)
      .map((target) => `${target.url}: ${target.error ?? ''}`)
      .join('; ')}`,
  )
}

const HEADLINE: Record<DeployStatus, string> = {
  deployed: '### ✅ Deployed',
  blocked: '### ⛔ Blocked by a gate: nothing was deployed',
  failed: '### ❌ Deploy failed',
  'rolled-back': '### ↩️ Rolled back: the new release was rejected',
  'dry-run': '### 🧪 Dry run: the gates were evaluated, nothing was deployed',
}

/** The record as the job summary shows it. */
export function recordMarkdown(record: DeployRecord): string {
  const facts: Cell[][] = [
    ['app', code(`${record.app} (${record.provider})`)],
    ['environment', code(record.environment)],
    ['commit', code(`${record.sha.slice(0, 7)} ${record.ref}`)],
    ['by', code(record.actor)],
    ['before', code(releaseText(record.releases.before))],
    ['after', code(releaseText(record.releases.after))],
  ]
  if (record.environmentUrl) facts.push(['url', code(record.environmentUrl)])
  if (record.deploy) {
    facts.push([
      'deploy',
      record.deploy.error
        ? code(`failed after ${formatDuration(record.deploy.durationMs)}: ${record.deploy.error}`)
        : `took ${formatDuration(record.deploy.durationMs)}`,
    ])
  }
  if (record.deploy || record.health) facts.push(['health', healthText(record.health)])
  if (record.rollback) {
    const rollback = record.rollback
    facts.push([
      'rollback',
      rollback.error
        ? code(`to ${releaseText(rollback.to)} failed: ${rollback.error}`)
        : code(
            `to ${releaseText(rollback.to)} in ${formatDuration(rollback.durationMs ?? 0)}, ${rollback.health ? (rollback.health.healthy ? 'healthy again' : 'still unhealthy') : 'not checked'}`,
          ),
    ])
  }
  if (record.analysis && record.analysis.verdict !== 'off') {
    facts.push(['analysis', code(`${record.analysis.verdict}: ${record.analysis.reason}`)])
  }
  if (record.traffic) {
    facts.push([
      'traffic',
      code(`${record.traffic.reached}% reached of ${record.traffic.steps.join('% → ')}%`),
    ])
  }
  if (record.override) {
    facts.push(['override', code(`${record.override.reason} (by ${record.override.actor})`)])
  }
  if (record.deploymentId !== undefined)
    facts.push(['GitHub deployment', String(record.deploymentId)])
  facts.push(['took', formatDuration(record.durationMs)])
  const gates = markdownTable(
    ['gate', 'verdict', 'reason'],
    record.gates.map((gate) => [gate.gate, gate.verdict, code(gate.reason)]),
  )
  // Outside the table: a pipe there needs no escape.
  const error = record.error ? `\n\n**Why:** ${inlineCode(record.error).markdown}` : ''
  return `${HEADLINE[record.status]}${error}\n\n${markdownTable(['', 'deploy'], facts)}\n\n#### Gates\n\n${gates}\n`
}
