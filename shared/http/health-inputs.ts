// The health-check inputs every action that changes a platform shares (rollback, gated-deploy,
// preview-app): the same names, defaults and checks, so a user learns them once.
import {
  duration,
  headerLines,
  httpUrls,
  parser,
  splitLines,
  withDefault,
  type InputValues,
} from '../inputs.js'
import type { Expectations } from './expectations.js'
import { parseAssertion } from './json-assertions.js'
import type { PollReport } from './poll.js'
import { parseStatusSet } from './status.js'
import { verifyHealth } from './verify.js'

export const healthInputSchema = {
  'health-url': withDefault(httpUrls(), ''),
  'health-expected-status': withDefault(parser(parseStatusSet), '200-299'),
  'health-json-assertions': withDefault(
    parser((value) => splitLines(value).map(parseAssertion)),
    '',
  ),
  'health-timeout': withDefault(duration('5m', { minMs: 1 }), '5m'),
  'health-headers': withDefault(headerLines(), ''),
}

export type HealthInputs = InputValues<typeof healthInputSchema>

/** What the health inputs ask of a response. */
export function healthExpectations(inputs: HealthCheckInputs): Expectations {
  return {
    statuses: inputs['health-expected-status'],
    jsonAssertions: inputs['health-json-assertions'],
  }
}

/** The health inputs a check reads besides its URLs (preview-app takes `health-url` as a path). */
export type HealthCheckInputs = Omit<HealthInputs, 'health-url'>

/**
 * Checks `urls` as the health inputs ask (headers, expected status, JSON assertions, time
 * limit): the one way rollback, gated-deploy and preview-app turn their inputs into a check.
 */
export function verifyHealthFromInputs(
  inputs: HealthCheckInputs,
  urls: string[],
): Promise<PollReport> {
  return verifyHealth({
    urls,
    headers: inputs['health-headers'],
    expect: healthExpectations(inputs),
    timeoutMs: inputs['health-timeout'],
  })
}
