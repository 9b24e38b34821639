import {
  boolean,
  duration,
  headerLines,
  httpUrls,
  integer,
  type InputValues,
  oneOf,
  optional,
  parseInputs,
  parser,
  regex,
  required,
  splitLines,
  text,
  withDefault,
} from '../../../shared/inputs.js'
import { watchInputSchema, watchInputProblems } from '../../../shared/analysis/inputs.js'
import { InputError } from '../../../shared/errors.js'
import { parseAssertion } from '../../../shared/http/json-assertions.js'
import { MIN_INTERVAL_MS } from '../../../shared/http/limits.js'
import { parseStatusSet } from '../../../shared/http/status.js'

export const healthCheckSchema = {
  url: required(httpUrls(), 'https://app.example.com/health'),
  method: withDefault(
    oneOf(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const),
    'GET',
  ),
  headers: withDefault(headerLines(), ''),
  body: optional(text()),
  'expected-status': withDefault(parser(parseStatusSet), '200-299'),
  'body-contains': optional(text()),
  'body-matches': optional(regex()),
  'json-assertions': withDefault(
    parser((value) => splitLines(value).map(parseAssertion)),
    '',
  ),
  'max-latency': optional(duration('500ms')),
  timeout: withDefault(duration('5m', { minMs: 1 }), '5m'),
  'request-timeout': withDefault(duration('10s', { minMs: 1 }), '10s'),
  'grace-period': withDefault(duration('10s'), '0s'),
  interval: withDefault(duration('1s', { minMs: MIN_INTERVAL_MS }), '1s'),
  backoff: withDefault(oneOf(['fixed', 'exponential'] as const), 'fixed'),
  'max-interval': withDefault(duration('30s', { minMs: MIN_INTERVAL_MS }), '30s'),
  'max-attempts': withDefault(integer({ min: 0, example: '10' }), '0'),
  'success-threshold': withDefault(integer({ min: 1, example: '2' }), '1'),
  'follow-redirects': withDefault(boolean(), 'true'),
  insecure: withDefault(boolean(), 'false'),
  'ip-version': withDefault(oneOf(['auto', '4', '6'] as const), 'auto'),
  'fail-on-unhealthy': withDefault(boolean(), 'true'),
  // A window judged after the URLs are healthy (shared/analysis/): watch, max-error-rate …
  ...watchInputSchema,
  'watch-interval': withDefault(duration('10s', { minMs: MIN_INTERVAL_MS }), '10s'),
}

export type HealthCheckInputs = InputValues<typeof healthCheckSchema>

export function readHealthCheckInputs(read?: (name: string) => string): HealthCheckInputs {
  const inputs = parseInputs(healthCheckSchema, read)
  const problems = watchInputProblems(inputs, inputs['watch-interval'])
  if (problems.length > 0) throw new InputError(problems)
  return inputs
}
