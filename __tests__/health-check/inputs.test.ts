import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { healthCheckSchema, readHealthCheckInputs } from '../../actions/health-check/src/inputs.js'

const spec = parse(
  readFileSync(new URL('../../actions/health-check/action.yml', import.meta.url), 'utf8'),
) as {
  inputs: Record<string, { default?: string; required?: boolean }>
}

describe('health-check inputs', () => {
  it('declares in action.yml exactly the inputs the code reads', () => {
    expect(Object.keys(spec.inputs).sort()).toEqual(Object.keys(healthCheckSchema).sort())
  })

  it('uses the same defaults in action.yml and in the code', () => {
    const fromYaml = readHealthCheckInputs((name) =>
      name === 'url' ? 'https://a.example/' : (spec.inputs[name]?.default ?? ''),
    )
    const fromCode = readHealthCheckInputs((name) => (name === 'url' ? 'https://a.example/' : ''))
    expect(fromYaml).toEqual(fromCode)
    expect(fromCode).toMatchObject({
      method: 'GET',
      timeout: 300_000,
      'request-timeout': 10_000,
      interval: 1000,
      backoff: 'fixed',
      'max-interval': 30_000,
      'max-attempts': 0,
      'success-threshold': 1,
      'follow-redirects': true,
      insecure: false,
      'ip-version': 'auto',
      'fail-on-unhealthy': true,
    })
  })
})
