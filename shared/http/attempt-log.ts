import * as core from '../runner-protocol.js'
import type { AttemptRecord } from './poll.js'

/** One log line per probe: `✗ URL #3 503 in 12ms: why`, `✓ URL #4 200 in 9ms`. */
export function attemptLogger(threshold = 1) {
  return (attempt: AttemptRecord): void => {
    const url = attempt.url
    const status = attempt.status === undefined ? '' : ` ${attempt.status}`
    const head = `${url} #${attempt.attempt}${status} in ${attempt.latencyMs}ms`
    if (!attempt.passed) core.info(`✗ ${head}: ${attempt.reason}`)
    else if (threshold > 1) core.info(`✓ ${head} (${attempt.consecutive}/${threshold} in a row)`)
    else core.info(`✓ ${head}`)
  }
}
