// What wrangler (4.x) prints and takes, read and checked: its constants, the Versions and
// Deployments lists, its ND-JSON output file, its failure headlines, and Worker names.
// No process is run here. Formats: __tests__/fixtures/providers/README.md.
import { InputError } from '../errors.js'
import { CliError, failureReason, stripAnsi, type CliResult } from '../process.js'
import type { Release } from './types.js'

export const TOOL = 'wrangler'
export const TOKEN_ENV = 'CLOUDFLARE_API_TOKEN'
export const ACCOUNT_ENV = 'CLOUDFLARE_ACCOUNT_ID'
// wrangler's API base (for proxies, tests and other API hosts), e.g. https://host/client/v4.
export const API_BASE_ENV = 'CLOUDFLARE_API_BASE_URL'
// Where wrangler appends ND-JSON records of what it did, and why it failed (`command-failed`).
export const OUTPUT_FILE_ENV = 'WRANGLER_OUTPUT_FILE_PATH'
export const DEFAULT_ROLLBACK_MESSAGE = 'flightdeck rollback'
// wrangler's rollback prompt says "(120 characters max)".
export const MAX_ROLLBACK_MESSAGE = 120
// Cloudflare's API codes for "this Worker does not exist" (wrangler src/utils/worker-not-found-error.ts).
export const WORKER_NOT_FOUND_CODES = [10007, 10090]
export const WORKER_NOT_FOUND = /\[code: (?:10007|10090)\]/
// wrangler exits 0 when `secret bulk` could not parse its input, and says only this.
export const BULK_INPUT_REFUSED = 'No content found in file, or piped input'
export const WORKER_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/
export const VERSION_ID = /^[A-Za-z0-9][A-Za-z0-9-]*$/
// wrangler's rule for --preview-alias (ALIAS_VALIDATION_REGEX), and the DNS label the alias and
// the Worker's name share: `<alias>-<worker>.<subdomain>.workers.dev`.
export const PREVIEW_ALIAS = /^[a-z](?:[a-z0-9-]*[a-z0-9])?$/
export const MAX_DNS_LABEL = 63
// The Cloudflare API keeps a version's message to 100 characters.
export const MAX_VERSION_MESSAGE = 100
// A version of the removal page needs a date; any past date with ES modules will do.
export const REMOVED_PAGE_COMPATIBILITY_DATE = '2025-01-01'

/** One element of `wrangler versions list --json`: the API's Worker Version. */
export interface WorkerVersion {
  id?: unknown
  number?: unknown
  metadata?: { created_on?: unknown } | null
  annotations?: Record<string, unknown> | null
}

/** One element of `wrangler deployments list --json`. */
export interface WorkerDeployment {
  id?: unknown
  created_on?: unknown
  versions?: Array<{ version_id?: unknown; percentage?: unknown }> | null
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

export function byDateDescending<T>(
  items: T[],
  date: (item: T) => string | undefined,
): T[] | undefined {
  const times = items.map((item) => Date.parse(date(item) ?? ''))
  if (times.some(Number.isNaN)) return undefined
  return items
    .map((item, index) => ({ item, time: times[index] ?? 0, index }))
    .sort((a, b) => b.time - a.time || b.index - a.index)
    .map(({ item }) => item)
}

/**
 * The Version that serves traffic: the one with the largest share in the newest Deployment
 * (wrangler prints Deployments oldest first). During a gradual rollout two Versions share
 * traffic; the larger share counts as current, and its share is said in the description.
 */
export function servingVersion(
  deployments: unknown,
  command: string,
): { versionId: string; percentage: number } | undefined {
  if (deployments === null) return undefined
  if (!Array.isArray(deployments)) {
    throw new CliError(`\`${command}\` printed JSON that is not a list of deployments`)
  }
  const list = deployments as WorkerDeployment[]
  const newest = (byDateDescending(list, (d) => text(d?.created_on)) ?? [...list].reverse())[0]
  let best: { versionId: string; percentage: number } | undefined
  for (const entry of newest?.versions ?? []) {
    const versionId = text(entry?.version_id)
    const percentage = typeof entry?.percentage === 'number' ? entry.percentage : 0
    if (versionId && (!best || percentage > best.percentage)) best = { versionId, percentage }
  }
  return best
}

// wrangler's tolerance for percentages (src/versions/deploy.ts EPSILON): shares that add up to
// 100 ± 0.001 are whole.
export const PERCENT_EPSILON = 0.001

/**
 * Which versions the listed Deployments ever served, which of them served all traffic, and since
 * when the list knows. wrangler lists the newest Deployments only, so a version older than the
 * oldest of them may have served before; a newer one that none of them served never went out
 * (`versions upload` without `versions deploy`), and a newer one that only ever had a share (a
 * traffic step that was aborted) never served alone.
 */
export function deploymentHistory(
  deployments: unknown,
): { served: Set<string>; servedAll: Set<string>; since: number } | undefined {
  if (!Array.isArray(deployments) || deployments.length === 0) return undefined
  const list = deployments as WorkerDeployment[]
  const times = list.map((d) => Date.parse(text(d?.created_on) ?? ''))
  if (times.some(Number.isNaN)) return undefined
  const served = new Set<string>()
  const servedAll = new Set<string>()
  for (const deployment of list) {
    for (const entry of deployment?.versions ?? []) {
      const id = text(entry?.version_id)
      if (!id) continue
      served.add(id)
      const share = typeof entry?.percentage === 'number' ? entry.percentage : 0
      if (share >= 100 - PERCENT_EPSILON) servedAll.add(id)
    }
  }
  return { served, servedAll, since: Math.min(...times) }
}

/**
 * Releases from `wrangler versions list --json` (oldest first there), newest first. Every listed
 * Version was uploaded whole: the list only holds deployable Versions, and a failed upload makes
 * none. So each is `succeeded`; wrangler has no status word, and `rawStatus` carries how the
 * Version came to be (`workers/triggered_by`: upload, secret, rollback ...).
 */
export function parseWorkerVersions(
  versions: unknown,
  serving: { versionId: string; percentage: number } | undefined,
  command: string,
  history?: { served: Set<string>; servedAll: Set<string>; since: number },
): Release[] {
  if (versions === null) return []
  if (!Array.isArray(versions)) {
    throw new CliError(`\`${command}\` printed JSON that is not a list of Worker versions`)
  }
  const releases = (versions as WorkerVersion[]).map((item, index): Release => {
    const id = text(item?.id)
    if (!id) throw new CliError(`\`${command}\` printed a version without an id (item ${index})`)
    const annotations = item.annotations ?? {}
    const isServing = id === serving?.versionId
    const tag = text(annotations['workers/tag'])
    // A pull request's preview (or the page that replaced it): never a version to roll
    // production back to.
    const alias = text(annotations['workers/alias'])
    // Uploaded after the oldest listed Deployment and served by none: never went out, so its
    // code never ran in production and it is no release to return to. One that only ever had a
    // share (a traffic step, then all traffic back) never proved itself alone: no target either.
    const created = Date.parse(text(item.metadata?.created_on) ?? '')
    const known = history !== undefined && !Number.isNaN(created) && created > history.since
    const neverDeployed = known && !history.served.has(id)
    const neverServedAll = known && !neverDeployed && !history.servedAll.has(id)
    const said = text(annotations['workers/message']) ?? (tag ? `tag ${tag}` : undefined)
    const share =
      isServing && serving && serving.percentage < 100
        ? `serves ${serving.percentage}% of traffic`
        : undefined
    return {
      id,
      version: typeof item.number === 'number' ? `v${item.number}` : undefined,
      status: alias || neverDeployed || neverServedAll ? 'unknown' : 'succeeded',
      rawStatus: `${text(annotations['workers/triggered_by']) ?? 'uploaded'}${rawNote(alias, neverDeployed, neverServedAll)}`,
      createdAt: text(item.metadata?.created_on),
      current: isServing,
      description: [said, share].filter(Boolean).join('; ') || undefined,
    }
  })
  return byDateDescending(releases, (release) => release.createdAt) ?? releases.reverse()
}

/** Why a Version is no rollback target, as said after its `workers/triggered_by`. */
function rawNote(alias: string | undefined, neverDeployed: boolean, neverServedAll: boolean) {
  if (alias) return ` (preview alias ${alias})`
  if (neverDeployed) return ' (never deployed)'
  return neverServedAll ? ' (never served all traffic)' : ''
}

/** What one `wrangler deploy` says about itself: the ND-JSON output file, else its stdout. */
export interface DeployOutcome {
  versionId?: string
  url?: string
}

/** One record of wrangler's ND-JSON output file (WRANGLER_OUTPUT_FILE_PATH). */
export interface OutputEntry {
  type?: unknown
  version_id?: unknown
  targets?: unknown
  code?: unknown
  message?: unknown
}

export function outputEntries(content: string): OutputEntry[] {
  const entries: OutputEntry[] = []
  for (const line of content.split('\n')) {
    if (!line.trim()) continue
    try {
      const entry = JSON.parse(line) as unknown
      if (entry && typeof entry === 'object') entries.push(entry as OutputEntry)
    } catch {
      // A torn last line, should wrangler have been stopped while writing.
    }
  }
  return entries
}

/**
 * Why wrangler failed, from the `command-failed` record of its output file: its own message (the
 * headline it prints as `✘ [ERROR] …`) and the Cloudflare API's error code when there was one.
 */
export function readCommandFailed(content: string): { message: string; code?: number } | undefined {
  const entry = outputEntries(content).findLast((e) => e.type === 'command-failed')
  const message = text(entry?.message)
  if (!message) return undefined
  return { message, code: typeof entry?.code === 'number' ? entry.code : undefined }
}

/** The `version-upload` entry of wrangler's output file: the version and its preview URLs. */
export function readVersionUpload(
  content: string,
): { versionId?: string; previewUrl?: string; aliasUrl?: string } | undefined {
  const entry = outputEntries(content).findLast((e) => e.type === 'version-upload') as
    (OutputEntry & { preview_url?: unknown; preview_alias_url?: unknown }) | undefined
  if (!entry) return undefined
  return {
    versionId: text(entry.version_id),
    previewUrl: text(entry.preview_url),
    aliasUrl: text(entry.preview_alias_url),
  }
}

/** The `deploy` entry of wrangler's ND-JSON output file (WRANGLER_OUTPUT_FILE_PATH). */
export function readOutputFile(content: string): DeployOutcome | undefined {
  let found: DeployOutcome | undefined
  for (const entry of outputEntries(content)) {
    if (entry.type !== 'deploy') continue
    const targets = Array.isArray(entry.targets) ? entry.targets : []
    // Routes print as `pattern (zone name: z)` and custom domains as bare hosts: only
    // workers.dev targets are whole URLs.
    const url = targets.find(
      (target): target is string => typeof target === 'string' && /^https?:\/\/\S+$/.test(target),
    )
    found = { versionId: text(entry.version_id), url }
  }
  return found
}

/** The same facts from the text wrangler prints: `Current Version ID:` and the workers.dev line. */
export function readDeployStdout(stdout: string): DeployOutcome {
  // Colour codes, should wrangler think it is on a terminal.
  // eslint-disable-next-line no-control-regex
  const plain = stdout.replace(/\u001b\[[0-9;]*m/g, '')
  return {
    versionId: /^Current Version ID:\s*(\S+)/m.exec(plain)?.[1],
    url: /^\s*(https:\/\/\S+\.workers\.dev)\s*$/m.exec(plain)?.[1],
  }
}

// wrangler prints the notes of an error (the API's own messages, `… [code: N]`) indented by two
// spaces under its `✘ [ERROR]` headline, and ends with a line asking for bug reports.
export const BUG_REPORT_NOTE = /^If you think this is a bug/
export const ERROR_HEADLINE = /^✘\s*\[ERROR\]\s*/

/**
 * wrangler's failure as one line of plain text: its headline (from the output file when it wrote
 * one, else from stderr) followed by the notes it printed under it. An API error's headline only
 * says which request failed; the note says why (`workers.api.error.script_not_found [code: 10007]`).
 */
export function wranglerFailureReason(
  result: Pick<CliResult, 'stdout' | 'stderr'>,
  failed?: { message: string },
): string {
  const lines = stripAnsi(result.stderr).split(/\r?\n/)
  const at = lines.findIndex((line) => ERROR_HEADLINE.test(line.trim()))
  const notes: string[] = []
  for (const line of at >= 0 ? lines.slice(at + 1) : []) {
    if (line.trim() === '') continue
    // Back at the left margin: the error block is over.
    if (!/^\s/.test(line)) break
    // Deeper indents are code frames and the like, not notes.
    if (!/^ {2}\S/.test(line)) continue
    const note = line.trim().replace(ERROR_HEADLINE, '')
    if (BUG_REPORT_NOTE.test(note)) break
    notes.push(note)
  }
  const headline =
    failed?.message ?? (at >= 0 ? (lines[at] ?? '').trim().replace(ERROR_HEADLINE, '') : '')
  const parts = [
    headline
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
      .join(' '),
  ]
  for (const note of notes) if (!parts.join(' ').includes(note)) parts.push(note)
  return parts.filter(Boolean).join(' ') || failureReason(result)
}

/**
 * The secrets wrangler listed when the API refused a rollback because they changed since the
 * target version (code 10220): in CI it answers its own "continue?" with yes and forces it.
 */
export function secretsChangedSince(stdout: string): string[] {
  const lines = stripAnsi(stdout).split(/\r?\n/)
  const at = lines.findIndex((line) =>
    /The following secrets have changed since version/.test(line),
  )
  if (at < 0) return []
  const names: string[] = []
  for (const line of lines.slice(at + 1)) {
    const name = /^\s*\*\s+(\S+)\s*$/.exec(line)?.[1]
    if (!name) break
    names.push(name)
  }
  return names
}

export function checkedWorkerName(app: string): string {
  if (!WORKER_NAME.test(app)) {
    throw new InputError([
      `Worker name ${JSON.stringify(app)} is invalid: use letters, numbers, dashes and underscores, not starting with a dash`,
    ])
  }
  return app
}

/** A failed wrangler run, with the API error code wrangler recorded for it, if any. */
export class WranglerError extends CliError {
  constructor(
    message: string,
    result: CliResult,
    readonly code?: number,
  ) {
    super(message, result)
    this.name = 'WranglerError'
  }
}

export function workerNotFound(err: unknown): boolean {
  if (err instanceof WranglerError && err.code !== undefined) {
    return WORKER_NOT_FOUND_CODES.includes(err.code)
  }
  const result = err instanceof CliError ? err.result : undefined
  return WORKER_NOT_FOUND.test(stripAnsi(`${result?.stdout ?? ''}\n${result?.stderr ?? ''}`))
}
