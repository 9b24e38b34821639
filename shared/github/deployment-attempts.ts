// Calls to GitHub within a time budget: a Deadline per phase of a Deployment's lifecycle (its
// AbortSignal ends every request of the phase) and the retry rules a lifecycle call follows
// (server errors, network failures and, where safe, timeouts; never a 4xx). Kept apart from
// the lifecycle so that the lifecycle reads as the states a Deployment goes through.
import { errorMessage } from '../errors.js'
import { formatDuration } from '../durations.js'
import { RetriesStopped, withRetries } from '../retry.js'
import { sleep } from '../sleep.js'

export interface DeploymentLog {
  info(message: string): void
  warning(message: string): void
}

/** Waits between attempts of one call; the phase budget cuts them short. */
const RETRY_WAITS_MS = [500, 1000, 2000, 4000]

/** A phase's time budget: an AbortSignal every request of the phase runs under. */
export class Deadline {
  private readonly controller = new AbortController()
  private readonly timer: NodeJS.Timeout
  private readonly endsAt: number

  constructor(
    readonly budgetMs: number,
    readonly what: string,
  ) {
    this.endsAt = performance.now() + budgetMs
    this.timer = setTimeout(() => this.controller.abort(), budgetMs)
  }

  get signal(): AbortSignal {
    return this.controller.signal
  }

  get expired(): boolean {
    return this.controller.signal.aborted
  }

  remainingMs(): number {
    return Math.max(0, this.endsAt - performance.now())
  }

  /** The error for running out of time: says what was waited for and how long. */
  error(): Error {
    return new Error(`GitHub did not answer within ${formatDuration(this.budgetMs)} (${this.what})`)
  }

  end(): void {
    clearTimeout(this.timer)
  }
}

type FailureKind = 'refused' | 'transient' | 'timeout' | 'out-of-time'

/** Why a GitHub call failed, as far as retrying is concerned. */
function failureKind(err: unknown, deadline: Deadline): FailureKind {
  if (deadline.expired) return 'out-of-time'
  const cause = (err as { cause?: unknown } | null)?.cause
  if ((cause as { name?: unknown } | undefined)?.name === 'TimeoutError') return 'timeout'
  const status = (err as { status?: unknown } | null)?.status
  // Octokit reports network failures (no answer at all) as status 500 without a response.
  if (typeof status === 'number' && (status >= 500 || status === 429 || status === 408)) {
    return 'transient'
  }
  return 'refused'
}

/** A failed call in a few words: `answered 502`, `did not answer ... within 15s`, ... */
function describeFailure(err: unknown): string {
  const { status, response, cause } = (err ?? {}) as {
    status?: unknown
    response?: unknown
    cause?: { name?: unknown }
  }
  if (cause?.name === 'TimeoutError') return errorMessage(err)
  if (typeof status === 'number' && response)
    return `GitHub answered ${status}: ${errorMessage(err)}`
  return `GitHub could not be reached: ${errorMessage(err)}`
}

export interface AttemptRules {
  /** Retry after a timeout too; false where a retry could record the same thing twice. */
  retryTimeouts: boolean
  log: DeploymentLog
}

/**
 * Runs `call` through the one retry loop (shared/retry.ts) until it succeeds, GitHub refuses it
 * (4xx), the attempts run out or the phase's time is up; each wait is logged with what it waits
 * for. Throws the call's own error, or the deadline's when the phase ran out of time.
 */
export async function callWithRetries<T>(
  what: string,
  deadline: Deadline,
  rules: AttemptRules,
  call: (attempt: number) => Promise<T>,
): Promise<T> {
  const attempts = RETRY_WAITS_MS.length + 1
  try {
    const { value } = await withRetries((attempt) => call(attempt), {
      maxAttempts: attempts,
      backoffMs: (failed) => RETRY_WAITS_MS[failed - 1] ?? 0,
      classify: (err) => {
        const kind = failureKind(err, deadline)
        if (kind === 'out-of-time') return { transient: false, error: deadline.error() }
        return { transient: kind === 'transient' || (kind === 'timeout' && rules.retryTimeouts) }
      },
      remainingMs: () => (deadline.expired ? 0 : deadline.remainingMs()),
      onRetry: (attempt, err, waitMs) =>
        rules.log.info(
          `${describeFailure(err)} (${what}); trying again in ${formatDuration(waitMs)}, attempt ${attempt + 1} of ${attempts}, giving up ${formatDuration(deadline.remainingMs())} from now.`,
        ),
      sleep: (ms) => sleep(ms, deadline.signal),
    })
    return value
  } catch (err) {
    if (!(err instanceof RetriesStopped)) throw err
    throw err.reason === 'no-time' ? deadline.error() : err.error
  }
}
