import { checkAssertion, parseAssertion, parsePath } from '../../shared/http/json-assertions.js'

const doc = {
  status: 'healthy',
  ok: true,
  count: 3,
  latency_ms: 812,
  version: '1.4.2',
  services: { database: 'degraded', 'cache.v2': 'ok' },
  checks: [{ ok: true, name: 'db' }, { ok: false }],
  nothing: null,
}

function check(line: string) {
  return checkAssertion(doc, parseAssertion(line))
}

describe('JSON paths', () => {
  it('splits dotted, indexed and quoted paths', () => {
    expect(parsePath('checks[0].ok')).toEqual(['checks', 0, 'ok'])
    expect(parsePath('$.services["cache.v2"]')).toEqual(['services', 'cache.v2'])
    expect(() => parsePath('a..b[')).toThrow(/example/)
  })
})

describe('JSON assertions', () => {
  it.each([
    'status == healthy',
    'status == "healthy"',
    'ok == true',
    'count == 3',
    'count >= 3',
    'latency_ms < 1000',
    'checks[0].ok == true',
    'checks[1].ok != true',
    'services["cache.v2"] == ok',
    'version ~= ^1\\.4\\.',
    'nothing == null',
    'services.database exists',
    'status != degraded',
  ])('%s holds', (line) => {
    expect(check(line)).toBeUndefined()
  })

  it.each([
    ['services.database == healthy', 'services.database was "degraded", not "healthy"'],
    ['latency_ms < 500', 'latency_ms was 812, not < 500'],
    ['status == "true"', 'status was "healthy", not "true"'],
    ['missing exists', 'missing does not exist'],
    ['missing == 1', 'missing does not exist (expected == 1)'],
    ['status > 1', 'status was "healthy", not a number'],
    ['version ~= ^2', 'version was "1.4.2", which does not match /^2/'],
    ['ok != true', 'ok was true, expected anything else'],
  ])('%s fails with a reason', (line, reason) => {
    expect(check(line)).toBe(reason)
  })

  it.each([
    ['status healthy', /no operator/],
    ['status ==', /no value after ==/],
    ['latency_ms < fast', /needs a number/],
    ['db exists yes', /takes no value/],
    ['version ~= (', /not a valid regular expression/],
  ])('rejects %p', (line, message) => {
    expect(() => parseAssertion(line)).toThrow(message)
  })
})
