import { InputError } from '../../shared/errors.js'
import {
  boolean,
  duration,
  headerLines,
  httpUrls,
  integer,
  keyValueLines,
  list,
  oneOf,
  optional,
  parseInputs,
  regex,
  required,
  withDefault,
} from '../../shared/inputs.js'

function readerOf(values: Record<string, string>) {
  return (name: string) => values[name] ?? ''
}

function problemsOf(fn: () => unknown): string[] {
  try {
    fn()
  } catch (err) {
    if (err instanceof InputError) return err.problems
    throw err
  }
  throw new Error('expected an InputError')
}

describe('parseInputs', () => {
  const schema = {
    url: required(httpUrls(), 'https://app.example.com/health'),
    timeout: withDefault(duration('5m'), '5m'),
    retries: withDefault(integer({ min: 0, example: '3' }), '0'),
    verbose: withDefault(boolean(), 'false'),
    mode: withDefault(oneOf(['fixed', 'exponential'] as const), 'fixed'),
    pattern: optional(regex()),
  }

  it('parses values and fills defaults', () => {
    const inputs = parseInputs(
      schema,
      readerOf({
        url: 'https://a.example/health, https://b.example/health',
        verbose: 'TRUE',
        mode: 'Exponential',
      }),
    )
    expect(inputs).toEqual({
      url: ['https://a.example/health', 'https://b.example/health'],
      timeout: 300_000,
      retries: 0,
      verbose: true,
      mode: 'exponential',
      pattern: undefined,
    })
  })

  it('reports every bad input at once, each named with a good example', () => {
    const problems = problemsOf(() =>
      parseInputs(
        schema,
        readerOf({
          url: 'ftp://x',
          timeout: 'soon',
          retries: '-1',
          verbose: 'yes',
          pattern: '(abc',
        }),
      ),
    )
    expect(problems).toEqual([
      'invalid `url`: "ftp://x" is not an http(s) URL (example: https://app.example.com/health)',
      'invalid `timeout`: "soon" is not a duration (example: 5m; units ms, s, m, h)',
      'invalid `retries`: -1 is below the minimum 0 (example: 3)',
      'invalid `verbose`: "yes" is not a boolean (example: true or false)',
      expect.stringMatching(
        /^invalid `pattern`: "\(abc" is not a valid regular expression \(.+\) \(example: ready\|ok\)$/,
      ),
    ])
  })

  it('names a missing required input', () => {
    expect(problemsOf(() => parseInputs(schema, readerOf({})))).toEqual([
      '`url` is required (example: https://app.example.com/health)',
    ])
  })

  it('shortens long values in messages', () => {
    const [problem] = problemsOf(() =>
      parseInputs({ t: duration() }, readerOf({ t: 'x'.repeat(200) })),
    )
    expect(problem?.length).toBeLessThan(150)
  })
})

describe('list parsers', () => {
  it('splits lists on newlines and commas', () => {
    expect(list().parse('a, b\nc\n\n d ')).toEqual(['a', 'b', 'c', 'd'])
  })

  it('reads KEY=VALUE lines, keeping = in values and skipping comments', () => {
    expect(keyValueLines().parse('# comment\nA=1\nB=x=y\n')).toEqual({ A: '1', B: 'x=y' })
    expect(() => keyValueLines().parse('not a pair')).toThrow(/KEY=VALUE/)
  })

  it('reads Name: value header lines without echoing a bad line', () => {
    expect(headerLines().parse('Authorization: Bearer abc:def\nX-Trace: 1')).toEqual({
      Authorization: 'Bearer abc:def',
      'X-Trace': '1',
    })
    const result = headerLines().safeParse('Bearer sekret-value')
    expect(result.success).toBe(false)
    expect(JSON.stringify(result.error?.issues)).not.toContain('sekret-value')
  })

  it('accepts regexes with flags', () => {
    const pattern = regex().parse('/READY/i')
    expect(pattern.test('ready')).toBe(true)
  })
})
