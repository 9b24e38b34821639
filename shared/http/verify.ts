import type { Expectations } from './expectations.js'
import type { AttemptRecord, PollReport } from './poll.js'

export interface HealthVerification {
  urls: string[]
  headers: Record<string, string>
  expect: Expectations
  timeoutMs: number
  /** Each probe as it ends; default: one log line per probe (shared/http/attempt-log.ts). */
  onAttempt?: (attempt: AttemptRecord) => void
}

/** Why a verification failed: `URL: reason` of each unhealthy URL, joined. */
export function unhealthyReasons(report: PollReport): string {
  return report.targets
    .filter((target) => !target.healthy)
    .map((target) => `${target.url}: ${target.error ?? ''}`)
    .join('; ')
}

/**
 * The health check other actions run after changing a platform (rollback, deploy, preview):
 * the health-check action's defaults, one probe a second, verdict as soon as it is known.
 */
export async function verifyHealth(check: HealthVerification): Promise<PollReport> {
  // The probe engine loads Node's network modules: only a step that checks health pays for them.
  const { pollUntilHealthy } = await import('./poll.js')
  const onAttempt = check.onAttempt ?? (await import('./attempt-log.js')).attemptLogger()
  return pollUntilHealthy(
    check.urls.map((url) => ({
      url,
      method: 'GET',
      headers: check.headers,
      followRedirects: true,
      insecure: false,
      ipVersion: 0,
    })),
    check.expect,
    {
      timeoutMs: check.timeoutMs,
      requestTimeoutMs: Math.min(10_000, check.timeoutMs),
      gracePeriodMs: 0,
      intervalMs: 1000,
      backoff: 'fixed',
      maxIntervalMs: 30_000,
      maxAttempts: 0,
      successThreshold: 1,
      onAttempt,
    },
  )
}
