// The required-checks gate: the commit being deployed must have passed its checks (check runs
// and commit statuses), waiting for pending ones and for named ones that have not appeared yet,
// up to a time limit. This run's own jobs never count: they are still running this deploy.
import { formatDuration } from '../durations.js'
import type { GitHubClient } from '../github/client.js'
import { duration, parser, splitList, withDefault } from '../inputs.js'
import { sleep } from '../sleep.js'
import { defineGate } from './gate.js'

export interface CheckState {
  name: string
  /** `passed`, `failed` or `pending`. */
  state: 'passed' | 'failed' | 'pending'
  /** The platform's words: `completed/failure`, `in_progress`, `pending`. */
  detail: string
}

export interface ChecksGateOptions {
  client: GitHubClient
  owner: string
  repo: string
  sha: string
  /** This workflow run's id: its check runs are left out. */
  runId: string
  /** `all`, or the names that must pass. */
  required: 'all' | string[]
  timeoutMs: number
  /** Wait between two looks at the checks. */
  intervalMs: number
  log: (line: string) => void
}

export interface ChecksGateResult {
  open: boolean
  reason: string
  checks: CheckState[]
}

// Conclusions GitHub shows as green or grey: a skipped or neutral check blocks nothing.
const PASSING = new Set(['success', 'neutral', 'skipped'])

function fromCheckRun(run: {
  name: string
  status: string
  conclusion: string | null
}): CheckState {
  if (run.status !== 'completed') return { name: run.name, state: 'pending', detail: run.status }
  const conclusion = run.conclusion ?? 'none'
  return {
    name: run.name,
    state: PASSING.has(conclusion) ? 'passed' : 'failed',
    detail: `completed/${conclusion}`,
  }
}

function fromStatus(status: { context: string; state: string }): CheckState {
  const state =
    status.state === 'success' ? 'passed' : status.state === 'pending' ? 'pending' : 'failed'
  return { name: status.context, state, detail: status.state }
}

/** Every check on the commit but this run's own jobs, newest of each name. */
export async function readChecks(options: ChecksGateOptions): Promise<CheckState[]> {
  const { client, owner, repo, sha } = options
  const ownRun = new RegExp(`/actions/runs/${options.runId}(/|$)`)
  const [runs, statuses] = await Promise.all([
    client.paginate(client.rest.checks.listForRef, {
      owner,
      repo,
      ref: sha,
      filter: 'latest',
      per_page: 100,
    }),
    client.paginate(client.rest.repos.listCommitStatusesForRef, {
      owner,
      repo,
      ref: sha,
      per_page: 100,
    }),
  ])
  const checks = new Map<string, CheckState>()
  for (const run of runs) {
    if (options.runId && ownRun.test(run.details_url ?? '')) continue
    if (!checks.has(run.name)) checks.set(run.name, fromCheckRun(run))
  }
  // Statuses come newest first; the first of each context is its current state.
  for (const status of statuses) {
    if (!checks.has(status.context)) checks.set(status.context, fromStatus(status))
  }
  return [...checks.values()]
}

function list(checks: CheckState[]): string {
  return checks.map((check) => `${check.name} (${check.detail})`).join(', ')
}

/** The verdict on one look: open, closed, or still waiting (undefined) with what for. */
function judge(
  checks: CheckState[],
  required: 'all' | string[],
): { verdict?: ChecksGateResult; waitingFor: string } {
  const relevant =
    required === 'all' ? checks : checks.filter((check) => required.includes(check.name))
  const failed = relevant.filter((check) => check.state === 'failed')
  if (failed.length > 0) {
    return {
      verdict: { open: false, reason: `failed: ${list(failed)}`, checks: relevant },
      waitingFor: '',
    }
  }
  const missing =
    required === 'all' ? [] : required.filter((name) => !checks.some((c) => c.name === name))
  const pending = relevant.filter((check) => check.state === 'pending')
  if (missing.length === 0 && pending.length === 0) {
    const reason =
      relevant.length === 0
        ? 'no other checks on this commit'
        : `${relevant.length} passed: ${relevant.map((check) => check.name).join(', ')}`
    return { verdict: { open: true, reason, checks: relevant }, waitingFor: '' }
  }
  const waiting = [
    ...pending.map((check) => `${check.name} (${check.detail})`),
    ...missing.map((name) => `${name} (not reported yet)`),
  ]
  return { waitingFor: waiting.join(', ') }
}

/**
 * Looks at the commit's checks until the required ones have all passed (open), one has failed
 * (closed at once), or the time limit passes (closed, naming what was still pending).
 */
export async function checkRequiredChecks(options: ChecksGateOptions): Promise<ChecksGateResult> {
  const started = performance.now()
  const deadline = started + options.timeoutMs
  for (;;) {
    const checks = await readChecks(options)
    const { verdict, waitingFor } = judge(checks, options.required)
    if (verdict) return verdict
    const left = deadline - performance.now()
    if (left <= 0) {
      return {
        open: false,
        reason: `still waiting after ${formatDuration(options.timeoutMs)} for ${waitingFor}`,
        checks,
      }
    }
    options.log(
      `Waiting for checks on ${options.sha.slice(0, 7)}: ${waitingFor}; ${formatDuration(left)} left`,
    )
    await sleep(Math.min(options.intervalMs, left))
  }
}

export const requireChecksGate = defineGate({
  name: 'require-checks',
  inputs: {
    'require-checks': withDefault(
      parser((value): 'all' | string[] => {
        const names = splitList(value)
        if (names.length === 1 && names[0]?.toLowerCase() === 'all') return 'all'
        if (names.some((name) => name.toLowerCase() === 'all')) {
          throw new Error('"all" cannot be combined with check names (example: all, or test, lint)')
        }
        return names
      }),
      '',
    ),
    'checks-timeout': withDefault(duration('10m'), '10m'),
  },
  configured: (inputs) => inputs['require-checks'] === 'all' || inputs['require-checks'].length > 0,
  evaluate: async (inputs, { context, github, intervalMs, log }) => {
    const client = await github()
    if (!client)
      return { open: false, reason: 'needs github-token (checks: read) to see the checks' }
    return checkRequiredChecks({
      client,
      owner: context.owner,
      repo: context.repo,
      sha: context.sha,
      runId: process.env.GITHUB_RUN_ID ?? '',
      required: inputs['require-checks'],
      timeoutMs: inputs['checks-timeout'],
      intervalMs,
      log,
    })
  },
})
