import type { Expectations } from './expectations.js'
import { pollUntilHealthy, type AttemptRecord, type PollReport } from './poll.js'

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
export function verifyHealth(check: HealthVerification): Promise<PollReport> {
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
