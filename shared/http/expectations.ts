import { formatDuration } from '../durations.js'
import { boundedTest } from './bounded-regex.js'
import { checkAssertion, type JsonAssertion } from './json-assertions.js'
import type { ProbeResponse } from './probe.js'
import { statusMatches, type StatusSet } from './status.js'

/** What a response must satisfy to count as healthy. */
export interface Expectations {
  statuses: StatusSet
  bodyContains?: string
  bodyMatches?: RegExp
  jsonAssertions: JsonAssertion[]
  maxLatencyMs?: number
}

/**
 * One assertion's verdict, whatever the body holds: checkAssertion is written to cope with any
 * JSON, and should it still throw, that is this probe failing with a reason, not the poller
 * (and with it the step's outputs and summary) crashing.
 */
function checkSafely(document: unknown, assertion: JsonAssertion): string | undefined {
  try {
    return checkAssertion(document, assertion)
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err)
    return `${assertion.path} could not be checked (${why})`
  }
}

/** Why a response is not healthy, or undefined when it is. */
export function unmetExpectation(
  response: ProbeResponse,
  expect: Expectations,
): string | undefined {
  if (!statusMatches(expect.statuses, response.status)) {
    return `status ${response.status} not in ${expect.statuses.text}`
  }
  if (expect.maxLatencyMs !== undefined && response.latencyMs > expect.maxLatencyMs) {
    return `latency ${response.latencyMs}ms over ${formatDuration(expect.maxLatencyMs)}`
  }
  if (expect.bodyContains !== undefined && !response.body.includes(expect.bodyContains)) {
    return `body does not contain ${JSON.stringify(expect.bodyContains)}`
  }
  if (expect.bodyMatches) {
    let matched: boolean
    try {
      matched = boundedTest(expect.bodyMatches, response.body)
    } catch (err) {
      return err instanceof Error ? err.message : String(err)
    }
    if (!matched) return `body does not match ${String(expect.bodyMatches)}`
  }
  if (expect.jsonAssertions.length > 0) {
    let document: unknown
    try {
      document = JSON.parse(response.body)
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err)
      const cut = response.truncated ? ', cut at 1 MiB' : ''
      return `body is not JSON (${why}${cut})`
    }
    const failures = expect.jsonAssertions
      .map((assertion) => checkSafely(document, assertion))
      .filter((failure): failure is string => failure !== undefined)
    if (failures.length > 0) return failures.join('; ')
  }
  return undefined
}
