// The one retry loop: an operation is tried until it succeeds, its caller's classifier calls a
// failure permanent, the attempts run out, or the caller's time would run out before the next
// attempt could start. What counts as transient, how long to wait and what to say when it
// stops are each caller's (notify's channels: shared/notify/retry.ts; GitHub Deployments:
// shared/github/deployment-lifecycle.ts); the loop and its time rules are here once.
import { sleep as realSleep } from './sleep.js'

/** What a failure means for the next attempt, as the caller's classifier sees it. */
export type Classification =
  /** Stop now; `error` (when given) is what the caller reports instead of the failure. */
  | { transient: false; error?: unknown }
  /** Try again; `waitMs` is a wait the other side asked for (a 429's Retry-After). */
  | { transient: true; waitMs?: number }

export interface RetryRules {
  /** Attempts in all, the first included. */
  maxAttempts: number
  /** The wait after the given number of failed attempts, when the classifier asks for none. */
  backoffMs(failedAttempts: number): number
  classify(error: unknown, attempt: number): Classification
  /** Time left for the whole; without it, only the attempts bound the loop. */
  remainingMs?(): number
  /** No attempt starts with less time left than this (default: any time left will do). */
  minAttemptMs?: number
  /** Called before each wait: the attempt that failed, why, and how long it waits. */
  onRetry?(attempt: number, error: unknown, waitMs: number): void
  /** Injected by tests; the real timer otherwise. */
  sleep?(ms: number): Promise<void>
}

export type StopReason =
  /** The classifier called the failure permanent. */
  | 'permanent'
  /** The last allowed attempt failed. */
  | 'attempts'
  /** No time was left to start an attempt. */
  | 'no-time'
  /** The wait before the next attempt would leave no time for it. */
  | 'wait-too-long'

/** Why the retries stopped without a result; `error` is the last failure (as classified). */
export class RetriesStopped extends Error {
  constructor(
    readonly reason: StopReason,
    readonly error: unknown,
    /** Attempts made. */
    readonly attempts: number,
  ) {
    super(`retries stopped (${reason}) after ${attempts} attempt(s)`)
    this.name = 'RetriesStopped'
  }
}

export interface Retried<T> {
  value: T
  attempts: number
}

function noTimeFor(left: number, minAttemptMs: number): boolean {
  return left <= 0 || left < minAttemptMs
}

/**
 * Runs `attempt` (given its number and the time left) under `rules`. Resolves with its value and
 * how many attempts it took; rejects with RetriesStopped saying why it gave up, or with
 * whatever `onRetry` or `sleep` threw.
 */
export async function withRetries<T>(
  attempt: (attemptNumber: number, remainingMs: number) => Promise<T>,
  rules: RetryRules,
): Promise<Retried<T>> {
  const remaining = rules.remainingMs ?? (() => Number.POSITIVE_INFINITY)
  const minAttemptMs = rules.minAttemptMs ?? 0
  const sleep = rules.sleep ?? realSleep
  let lastError: unknown
  for (let number = 1; ; number++) {
    const left = remaining()
    if (noTimeFor(left, minAttemptMs)) throw new RetriesStopped('no-time', lastError, number - 1)
    try {
      return { value: await attempt(number, left), attempts: number }
    } catch (err) {
      const verdict = rules.classify(err, number)
      if (!verdict.transient) {
        throw new RetriesStopped('permanent', verdict.error ?? err, number)
      }
      lastError = err
      if (number >= rules.maxAttempts) throw new RetriesStopped('attempts', err, number)
      const waitMs = verdict.waitMs ?? rules.backoffMs(number)
      if (noTimeFor(remaining() - waitMs, minAttemptMs)) {
        throw new RetriesStopped('wait-too-long', err, number)
      }
      rules.onRetry?.(number, err, waitMs)
      await sleep(waitMs)
    }
  }
}
