import { formatDuration } from '../durations.js'
import { plural } from '../text.js'
import { unmetExpectation, type Expectations } from './expectations.js'
import { sleep } from '../sleep.js'
import { withoutCredentials } from '../secrets.js'
import { MIN_INTERVAL_MS } from './limits.js'
import { sendProbe, type ProbeRequest } from './probe.js'

// Callers that wait between probes wait the same way.
export { sleep } from '../sleep.js'

export type ProbeTarget = Omit<ProbeRequest, 'timeoutMs' | 'signal'>

export interface PollOptions {
  /** Budget for the whole verdict, grace period included. */
  timeoutMs: number
  requestTimeoutMs: number
  gracePeriodMs: number
  /** Wait between the end of one probe of a URL and the start of the next (the first wait, with `exponential`). */
  intervalMs: number
  backoff: 'fixed' | 'exponential'
  maxIntervalMs: number
  /** Probes per URL; 0 means until the timeout. */
  maxAttempts: number
  /** Consecutive passing probes a URL needs. */
  successThreshold: number
  signal?: AbortSignal
  onAttempt?: (attempt: AttemptRecord) => void
  /** For tests: the source of jitter. */
  random?: () => number
}

export interface AttemptRecord {
  url: string
  attempt: number
  /** When the probe started, in ms since polling began. */
  atMs: number
  passed: boolean
  status?: number
  latencyMs: number
  reason?: string
  /** Passing probes in a row, this one included. */
  consecutive: number
}

export interface TargetReport {
  url: string
  healthy: boolean
  attempts: number
  /** Last status seen, if any response came. */
  status?: number
  /** Last probe's latency. */
  latencyMs?: number
  /** Why the URL is not healthy: the last reason. */
  error?: string
  slowestPassingMs?: number
  history: AttemptRecord[]
}

export interface PollReport {
  healthy: boolean
  attempts: number
  durationMs: number
  slowestPassingMs?: number
  targets: TargetReport[]
}

const BACKOFF_FACTOR = 1.5
const JITTER = 0.2

/** The wait before probe number `attempt + 1`. */
export function nextInterval(options: PollOptions, attempt: number): number {
  if (options.backoff === 'fixed') return Math.max(MIN_INTERVAL_MS, options.intervalMs)
  const grown = options.intervalMs * BACKOFF_FACTOR ** (attempt - 1)
  const jitter = 1 + ((options.random ?? Math.random)() * 2 - 1) * JITTER
  return Math.max(MIN_INTERVAL_MS, Math.min(options.maxIntervalMs, grown * jitter))
}

async function pollTarget(
  target: ProbeTarget,
  expect: Expectations,
  options: PollOptions,
  startedAt: number,
  deadline: number,
  signal: AbortSignal,
): Promise<TargetReport & { outOfAttempts?: boolean }> {
  // Reports and logs name the URL without user:password; only the request carries them.
  const shownUrl = withoutCredentials(target.url)
  const report: TargetReport & { outOfAttempts?: boolean } = {
    url: shownUrl,
    healthy: false,
    attempts: 0,
    history: [],
  }
  let consecutive = 0
  await sleep(Math.min(options.gracePeriodMs, deadline - performance.now()), signal)
  while (!signal.aborted) {
    const probeStart = performance.now()
    if (probeStart >= deadline) break
    const clipped = deadline - probeStart < options.requestTimeoutMs
    const outcome = await sendProbe({
      ...target,
      timeoutMs: Math.min(options.requestTimeoutMs, deadline - probeStart),
      signal,
    })
    // A probe cut short because the verdict is already known tells nothing about this URL.
    if (signal.aborted) break
    const cutByDeadline = clipped && !outcome.ok && outcome.timedOut === true
    const reason = outcome.ok
      ? unmetExpectation(outcome.response, expect)
      : cutByDeadline
        ? 'no response before the time ran out'
        : outcome.error
    const passed = reason === undefined
    consecutive = passed ? consecutive + 1 : 0
    report.attempts += 1
    const record: AttemptRecord = {
      url: shownUrl,
      attempt: report.attempts,
      atMs: Math.round(probeStart - startedAt),
      passed,
      status: outcome.ok ? outcome.response.status : undefined,
      latencyMs: outcome.ok ? outcome.response.latencyMs : outcome.latencyMs,
      reason,
      consecutive,
    }
    report.history.push(record)
    report.status = record.status ?? report.status
    report.latencyMs = record.latencyMs
    // The last probe may only have been cut off by the deadline, or have passed too few times in
    // a row (a flapping app): the failure before it says more.
    if (reason !== undefined && (!cutByDeadline || report.error === undefined)) {
      report.error = reason
    }
    if (passed) {
      report.slowestPassingMs = Math.max(report.slowestPassingMs ?? 0, record.latencyMs)
    }
    options.onAttempt?.(record)
    if (consecutive >= options.successThreshold) {
      report.healthy = true
      report.error = undefined
      return report
    }
    if (options.maxAttempts > 0 && report.attempts >= options.maxAttempts) {
      const why =
        reason ??
        (report.error
          ? `${report.error}, then too few passing probes in a row`
          : 'not enough passing probes in a row')
      report.error = `${why} (after ${plural(report.attempts, 'attempt')})`
      report.outOfAttempts = true
      return report
    }
    // The wait runs from the end of one probe to the start of the next, so an endpoint never
    // sees two probes closer together than the interval, however its latency varies.
    const nextStart = performance.now() + nextInterval(options, report.attempts)
    // No probe may start after the deadline: the verdict is known now, so give it now.
    if (nextStart >= deadline) break
    await sleep(nextStart - performance.now(), signal)
  }
  if (!report.healthy && !signal.aborted) {
    const last = report.error ?? 'no probe could be sent'
    report.error = `${last} (timeout ${formatDuration(options.timeoutMs)}, ${plural(report.attempts, 'attempt')})`
  }
  return report
}

/**
 * Probes every target in parallel until each is healthy, or one of them is out of attempts, or
 * the time budget runs out. The verdict comes as soon as it is known.
 */
export async function pollUntilHealthy(
  targets: ProbeTarget[],
  expect: Expectations,
  options: PollOptions,
): Promise<PollReport> {
  const startedAt = performance.now()
  const deadline = startedAt + options.timeoutMs
  const stop = new AbortController()
  const onOuterAbort = () => stop.abort()
  options.signal?.addEventListener('abort', onOuterAbort, { once: true })
  let firstFailure: string | undefined
  try {
    const reports = await Promise.all(
      targets.map(async (target) => {
        const { outOfAttempts, ...report } = await pollTarget(
          target,
          expect,
          options,
          startedAt,
          deadline,
          stop.signal,
        )
        // One URL out of attempts decides the verdict; the others need not run to the timeout.
        if (outOfAttempts && !stop.signal.aborted) {
          firstFailure = report.url
          stop.abort()
        }
        return report
      }),
    )
    for (const report of reports) {
      if (report.healthy || report.url === firstFailure || !stop.signal.aborted) continue
      const why = firstFailure ? `${firstFailure} failed first` : 'the check was cancelled'
      report.error = report.error ? `${report.error} (stopped: ${why})` : `stopped: ${why}`
    }
    const passing = reports
      .map((report) => report.slowestPassingMs)
      .filter((ms): ms is number => ms !== undefined)
    return {
      healthy: reports.every((report) => report.healthy),
      attempts: reports.reduce((sum, report) => sum + report.attempts, 0),
      durationMs: Math.round(performance.now() - startedAt),
      slowestPassingMs: passing.length > 0 ? Math.max(...passing) : undefined,
      targets: reports,
    }
  } finally {
    options.signal?.removeEventListener('abort', onOuterAbort)
  }
}
