import type { Expectations } from './expectations.js'
import type { AttemptRecord, PollReport } from './poll.js'

export interface HealthVerification {
  urls: string[]
  headers: Record<string, string>
  expect: Expectations
  timeoutMs: number
  onAttempt?: (attempt: AttemptRecord) => void
}

/**
 * The health check other actions run after changing a platform (rollback, deploy, preview):
 * the health-check action's defaults, one probe a second, verdict as soon as it is known.
 */
export async function verifyHealth(check: HealthVerification): Promise<PollReport> {
  // The probe engine loads Node's network modules: only a step that checks health pays for them.
  const { pollUntilHealthy } = await import('./poll.js')
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
      onAttempt: check.onAttempt,
    },
  )
}
