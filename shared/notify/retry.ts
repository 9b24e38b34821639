// The one retry policy of every notification channel: transient failures (no connection, no
// answer, 5xx, 429) are tried again a few times with growing waits (a 429's Retry-After when it
// fits), permanent ones (4xx, `ok: false`, a rejected e-mail) at once fail, and nothing runs
// past the step's deadline: a dead receiver costs at most the step's time limit.
import { formatDuration } from '../durations.js'
import { errorMessage } from '../errors.js'
import { RetriesStopped, withRetries, type Retried } from '../retry.js'

/** A failed delivery attempt, saying whether trying again may help. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
    /** How long the receiver asked to wait (429 Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(message)
    this.name = 'DeliveryError'
  }
}

export interface RetryPolicy {
  /** `performance.now()` by which every attempt and wait must be over. */
  deadline: number
  /** Time limit of one attempt (a dead receiver is left after this long). */
  attemptTimeoutMs: number
  /** Attempts in all, the first included. */
  maxAttempts: number
  /** Wait before the second attempt; doubled for each later one, up to maxDelayMs. */
  baseDelayMs: number
  maxDelayMs: number
  /** The wait between attempts; tests inject one that does not wait in real time. */
  sleep?(ms: number): Promise<void>
}

/** No attempt starts with less time than this left: it could not finish. */
const MIN_ATTEMPT_MS = 250

/**
 * The policy for a step with `timeoutMs` in all: four attempts at most, waits of 0.5s, 1s, 2s,
 * and half the step's time for one attempt, so a receiver that never answers is tried twice.
 */
export function retryPolicy(timeoutMs: number, now = performance.now()): RetryPolicy {
  return {
    deadline: now + timeoutMs,
    attemptTimeoutMs: Math.min(30_000, Math.max(1000, Math.floor(timeoutMs / 2))),
    maxAttempts: 4,
    baseDelayMs: 500,
    maxDelayMs: 4000,
  }
}

export interface AttemptLog {
  /** Called before each retry: why the last attempt failed and how long it waits. */
  retrying?(attempt: number, error: DeliveryError, delayMs: number): void
}

/** A failure that stopped the retries, with how many attempts were made. */
export class DeliveryFailed extends Error {
  constructor(
    message: string,
    readonly attempts: number,
  ) {
    super(message)
    this.name = 'DeliveryFailed'
  }
}

/** Notify's classifier: a DeliveryError says itself; anything else is not worth a retry. */
function asDeliveryError(err: unknown): DeliveryError {
  return err instanceof DeliveryError ? err : new DeliveryError(errorMessage(err), false)
}

/** Why the retries stopped, as the channel's result says it. */
function deliveryFailed(stopped: RetriesStopped): DeliveryFailed {
  const number = stopped.attempts
  if (stopped.reason === 'no-time') {
    return new DeliveryFailed('the step ran out of time before it could send', number)
  }
  const error = asDeliveryError(stopped.error)
  const tries = number === 1 ? '' : ` (after ${number} attempts)`
  if (stopped.reason === 'permanent') return new DeliveryFailed(`${error.message}${tries}`, number)
  if (stopped.reason === 'attempts') {
    return new DeliveryFailed(`${error.message} (after ${number} attempts)`, number)
  }
  const why =
    error.retryAfterMs !== undefined
      ? `it asked to wait ${formatDuration(error.retryAfterMs)}, past the step's time limit`
      : `no time left to try again`
  return new DeliveryFailed(`${error.message}${tries}; ${why}`, number)
}

/**
 * Sends with `attempt` (given the time it may take) under the channel policy, through the one
 * retry loop (shared/retry.ts): until it succeeds, fails for good, runs out of attempts or
 * would run past the deadline. Rejects with DeliveryFailed.
 */
export async function sendWithRetries<T>(
  policy: RetryPolicy,
  attempt: (timeoutMs: number, attemptNumber: number) => Promise<T>,
  log: AttemptLog = {},
): Promise<Retried<T>> {
  try {
    return await withRetries(
      (number, left) => attempt(Math.min(policy.attemptTimeoutMs, Math.floor(left)), number),
      {
        maxAttempts: policy.maxAttempts,
        backoffMs: (failed) => Math.min(policy.baseDelayMs * 2 ** (failed - 1), policy.maxDelayMs),
        classify: (err) => {
          const error = asDeliveryError(err)
          return error.transient
            ? { transient: true, waitMs: error.retryAfterMs }
            : { transient: false, error }
        },
        remainingMs: () => policy.deadline - performance.now(),
        minAttemptMs: MIN_ATTEMPT_MS,
        onRetry: (number, err, delayMs) => log.retrying?.(number, asDeliveryError(err), delayMs),
        sleep: policy.sleep,
      },
    )
  } catch (err) {
    if (err instanceof RetriesStopped) throw deliveryFailed(err)
    throw err
  }
}

/**
 * A Retry-After header's wait in ms: delay-seconds (`2`, Discord's `0.5`) or an HTTP date.
 * Undefined when absent or unreadable.
 */
export function retryAfterMs(
  header: string | string[] | undefined,
  now = Date.now(),
): number | undefined {
  const value = Array.isArray(header) ? header[0] : header
  if (!value?.trim()) return undefined
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.ceil(Number(value.trim()) * 1000)
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/**
 * `work`, or a transient DeliveryError once `ms` have passed: for clients (SMTP, Octokit) whose
 * own time limits apply per step of an exchange rather than to the whole of it.
 */
export async function withinTime<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DeliveryError(`${what} did not finish within ${formatDuration(ms)}`, true)),
      ms,
    )
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}
