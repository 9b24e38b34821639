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
import { parseStatusSet } from './status.js'

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
export function healthExpectations(inputs: HealthInputs): Expectations {
  return {
    statuses: inputs['health-expected-status'],
    jsonAssertions: inputs['health-json-assertions'],
  }
}
