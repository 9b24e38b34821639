import { unmetExpectation } from '../../shared/http/expectations.js'
import { checkAssertion, parseAssertion, parsePath } from '../../shared/http/json-assertions.js'
import type { ProbeResponse } from '../../shared/http/probe.js'
import { parseStatusSet } from '../../shared/http/status.js'

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

describe('JSON assertions on hostile bodies', () => {
  // Bodies come from servers flightdeck does not control; each case used to throw a
  // RangeError (stack overflow in JSON.stringify) or pass on a number JSON cannot hold.
  const deep = (depth: number, leaf = '1') =>
    JSON.parse(`${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`) as unknown

  it.each([
    ['$[0] == 1', /^\$\[0\] was \[\[\[\[.*\.\.\., not 1$/],
    ['$[0] != 1', undefined],
    ['$[0] ~= ^x', /^\$\[0\] was \[\[\[.*\.\.\., which does not match \/\^x\/$/],
    ['$[0] < 3', /^\$\[0\] was \[\[\[.*\.\.\., not a number$/],
    ['$[0] exists', undefined],
  ])('a body of 100,000 nested arrays: %s is a verdict, not a crash', (line, reason) => {
    const document = deep(100_000)
    const verdict = checkAssertion(document, parseAssertion(line))
    if (reason === undefined) expect(verdict).toBeUndefined()
    else expect(verdict).toMatch(reason)
  })

  it('a deeply nested value under a named key compares and prints without recursion', () => {
    const document = JSON.parse(`{"status": ${'['.repeat(200_000)}"ok"${']'.repeat(200_000)}}`)
    expect(checkAssertion(document, parseAssertion('status == healthy'))).toMatch(
      /^status was \[\[\[.*\.\.\., not "healthy"$/,
    )
    expect(checkAssertion(document, parseAssertion('status ~= "ok"]{200000}$'))).toBeUndefined()
    expect(checkAssertion(document, parseAssertion('status ~= nope'))).toMatch(
      /^status was \[\[\[.*\.\.\., which does not match \/nope\/$/,
    )
  })

  it('numbers beyond a double: overflow compares exactly, indistinguishable integers fail with a reason', () => {
    const document = JSON.parse(
      '{"huge": 1e400, "tiny": -1e400, "id": 12345678901234567891, "small": 9007199254740993}',
    )
    const check = (line: string) => checkAssertion(document, parseAssertion(line))
    expect(check('huge < 500')).toBe('huge was a number beyond 1.8e308, not < 500')
    expect(check('huge > 5')).toBeUndefined()
    expect(check('tiny == 0')).toBe('tiny was a number beyond -1.8e308, not 0')
    // 12345678901234567891 and ...890 parse to the same double: no verdict is honest but "cannot tell".
    expect(check('id == 12345678901234567890')).toMatch(
      /^id is about 12345678901234567000, beyond the 2\^53 range/,
    )
    expect(check('id != 12345678901234567890')).toMatch(/beyond the 2\^53 range/)
    expect(check('small >= 9007199254740992')).toMatch(/beyond the 2\^53 range/)
    expect(check('small < 1')).toBe('small was 9007199254740992, not < 1')
    expect(() => parseAssertion('latency_ms < 1e400')).toThrow(/beyond the largest number/)
  })

  it('keys that mean something to JavaScript are plain keys', () => {
    const document = JSON.parse(
      '{"__proto__": {"polluted": "yes"}, "constructor": "c", "a.b": {"": 1}, "toString": null}',
    )
    const check = (line: string) => checkAssertion(document, parseAssertion(line))
    expect(check('__proto__.polluted == yes')).toBeUndefined()
    expect(check('constructor == c')).toBeUndefined()
    expect(check('["a.b"][""] == 1')).toBeUndefined()
    expect(check('toString == null')).toBeUndefined()
    expect(check('hasOwnProperty exists')).toBe('hasOwnProperty does not exist')
    expect(check('missing.__proto__ exists')).toBe('missing.__proto__ does not exist')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(() => parsePath('a["\\x"]')).toThrow(/quoted key that is not a JSON string/)
  })

  it('equality ignores object key order and compares arrays element by element', () => {
    const document = { meta: { b: 2, a: [1, { c: null }] } }
    expect(
      checkAssertion(document, parseAssertion('meta == {"a":[1,{"c":null}],"b":2}')),
    ).toBeUndefined()
    expect(checkAssertion(document, parseAssertion('meta == {"a":[1],"b":2}'))).toBe(
      'meta was {"b":2,"a":[1,{"c":null}]}, not {"a":[1],"b":2}',
    )
  })
})

describe('unmetExpectation on hostile bodies', () => {
  const expectations = (lines: string[]) => ({
    statuses: parseStatusSet('200'),
    jsonAssertions: lines.map(parseAssertion),
  })
  const response = (body: string): ProbeResponse => ({
    status: 200,
    headers: {},
    body,
    truncated: false,
    latencyMs: 5,
    finalUrl: 'http://127.0.0.1/health',
  })

  it('turns any body into a reason', () => {
    const nested = `${'['.repeat(300_000)}${']'.repeat(300_000)}`
    expect(unmetExpectation(response(nested), expectations(['$[0] == 1']))).toMatch(
      /^\$\[0\] was \[\[\[/,
    )
    expect(unmetExpectation(response('{"a": 1e99999}'), expectations(['a < 1']))).toBe(
      'a was a number beyond 1.8e308, not < 1',
    )
    expect(unmetExpectation(response('{"a": [1,'), expectations(['a exists']))).toMatch(
      /^body is not JSON/,
    )
  })
})
