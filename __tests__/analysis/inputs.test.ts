import { InputError } from '../../shared/errors.js'
import { parseInputs } from '../../shared/inputs.js'
import { parseStatusSet } from '../../shared/http/status.js'
import { redact } from '../../shared/runner-protocol.js'
import {
  analysisInputProblems,
  analysisInputSchema,
  analysisSettings,
  conditionHolds,
  parseCondition,
  parsePercent,
  parseRegression,
  parseTrafficSteps,
  watchInputProblems,
  watchInputSchema,
  watchSettings,
} from '../../shared/analysis/inputs.js'

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? ''

function problemsOf(fn: () => unknown): string[] {
  try {
    fn()
  } catch (err) {
    if (err instanceof InputError) return err.problems
    throw err
  }
  throw new Error('expected an InputError')
}

const analysis = (values: Record<string, string>) =>
  parseInputs(analysisInputSchema, reader(values))

describe('parsePercent', () => {
  it.each([
    ['5%', 5],
    ['0.5%', 0.5],
    [' 100 %', 100],
    ['0%', 0],
  ])('reads %j as %d', (text, value) => expect(parsePercent(text)).toBe(value))

  it.each([
    ['lots', '"lots" is not a percentage (example: 5%)'],
    ['0.05', '"0.05" is not a percentage (write it with %, e.g. 0.05%) (example: 5%)'],
    ['101%', '"101%" is over 100% (example: 5%)'],
    ['-1%', '"-1%" is not a percentage (example: 5%)'],
  ])('refuses %j', (text, message) => expect(() => parsePercent(text)).toThrow(message))
})

describe('parseRegression', () => {
  it.each([
    ['2x', 2],
    ['1.5X', 1.5],
    ['1x', 1],
    ['3', 3],
  ])('reads %j as %d', (text, value) => expect(parseRegression(text)).toBe(value))

  it('refuses a factor below 1 and text', () => {
    expect(() => parseRegression('0.5x')).toThrow(
      '"0.5x" is below 1x: the release would fail even when as fast as the baseline (example: 2x)',
    )
    expect(() => parseRegression('double')).toThrow('"double" is not a factor (example: 2x)')
  })
})

describe('parseCondition', () => {
  it.each([
    ['< 0.05', '<', 0.05, '< 0.05'],
    ['<=500', '<=', 500, '<= 500'],
    ['> 0.99', '>', 0.99, '> 0.99'],
    ['>= 1e3', '>=', 1000, '>= 1000'],
    ['== 1', '==', 1, '== 1'],
    ['!= -2', '!=', -2, '!= -2'],
  ])('reads %j', (text, operator, value, normalised) =>
    expect(parseCondition(text)).toEqual({ operator, value, text: normalised }),
  )

  it('refuses a number without an operator, and an operator without a number', () => {
    expect(() => parseCondition('0.05')).toThrow(
      '"0.05" has no comparison operator in front (example: < 0.05; operators < <= > >= == !=)',
    )
    expect(() => parseCondition('= 1')).toThrow('has no comparison operator')
    expect(() => parseCondition('< lots')).toThrow('"< lots" does not compare with a number')
  })

  it.each([
    ['< 0.05', 0.04, true],
    ['< 0.05', 0.05, false],
    ['<= 0.05', 0.05, true],
    ['> 0.99', 0.99, false],
    ['>= 0.99', 0.99, true],
    ['== 1', 1, true],
    ['== 1', 0, false],
    ['!= 0', 0, false],
    ['!= 0', 1, true],
    ['< 1', Infinity, false],
    ['> 1', Infinity, true],
  ])('%j holds for %d: %j', (text, value, holds) =>
    expect(conditionHolds(parseCondition(text), value)).toBe(holds),
  )
})

describe('parseTrafficSteps', () => {
  it.each([
    ['10%,50%,100%', [10, 50, 100]],
    ['5, 25, 50, 100', [5, 25, 50, 100]],
    ['100%', [100]],
  ])('reads %j', (text, steps) => expect(parseTrafficSteps(text)).toEqual(steps))

  it.each([
    ['50%,10%,100%', 'the steps must increase, but 10% follows 50% (example: 10%,50%,100%)'],
    ['10%,10%,100%', 'the steps must increase, but 10% follows 10%'],
    ['10%,50%', 'the last step must be 100%'],
    ['0%,100%', '"0%" is outside 1–100%'],
    ['10%,150%', '"150%" is outside 1–100%'],
    ['12.5%,100%', '"12.5%" is not a whole percent'],
    ['half', '"half" is not a whole percent'],
  ])('refuses %j', (text, message) => expect(() => parseTrafficSteps(text)).toThrow(message))
})

describe('analysisInputSchema', () => {
  it('has the defaults of the issue', () => {
    expect(analysis({})).toEqual({
      'analysis-duration': 0,
      'analysis-interval': 10_000,
      'analysis-url': [],
      'max-error-rate': undefined,
      'max-latency-p95': undefined,
      'max-latency-regression': undefined,
      'prometheus-url': undefined,
      'prometheus-query': '',
      'prometheus-condition': undefined,
      'prometheus-headers': {},
      'failure-limit': 3,
      'inconclusive-limit': 3,
      'on-inconclusive': 'rollback',
    })
  })

  it('names each bad input with a good example', () => {
    const problems = problemsOf(() =>
      analysis({
        'analysis-interval': '0',
        'max-error-rate': 'lots',
        'max-latency-p95': 'fast',
        'max-latency-regression': '0.5x',
        'prometheus-url': 'https://prom.example.com/?x=1',
        'prometheus-condition': '0.05',
        'failure-limit': '-1',
        'on-inconclusive': 'ignore',
      }),
    )
    expect(problems).toEqual([
      'invalid `analysis-interval`: "0" is too short: the least is 100ms (example: 10s)',
      'invalid `max-error-rate`: "lots" is not a percentage (example: 5%)',
      'invalid `max-latency-p95`: "fast" is not a duration (example: 800ms; units ms, s, m, h)',
      'invalid `max-latency-regression`: "0.5x" is below 1x: the release would fail even when as fast as the baseline (example: 2x)',
      'invalid `prometheus-url`: the URL must not carry a query or fragment: /api/v1/query?query=… is added to it (example: https://prometheus.example.com)',
      'invalid `prometheus-condition`: "0.05" has no comparison operator in front (example: < 0.05; operators < <= > >= == !=)',
      'invalid `failure-limit`: -1 is below the minimum 0 (example: 3)',
      'invalid `on-inconclusive`: "ignore" is not one of rollback, keep (example: rollback)',
    ])
  })

  it('refuses a negative interval', () => {
    expect(problemsOf(() => analysis({ 'analysis-interval': '-5s' }))).toEqual([
      'invalid `analysis-interval`: "-5s" is not a duration (example: 10s; units ms, s, m, h)',
    ])
  })

  it('masks the credentials of prometheus-url and the values of prometheus-headers when read', () => {
    const inputs = analysis({
      'prometheus-url': 'https://grafana-user:pr0m-pa55word@prom.example.com/prometheus',
      'prometheus-headers': 'X-Scope-OrgID: tenant-s3cret\nAuthorization: Bearer t0ken-value',
    })
    expect(inputs['prometheus-url']).toBe(
      'https://grafana-user:pr0m-pa55word@prom.example.com/prometheus',
    )
    const text = 'pr0m-pa55word tenant-s3cret t0ken-value grafana-user'
    expect(redact(text)).toBe('*** *** *** ***')
  })

  it('shares the limit entries with watchInputSchema', () => {
    expect(watchInputSchema['max-error-rate']).toBe(analysisInputSchema['max-error-rate'])
    expect(watchInputSchema['max-latency-p95']).toBe(analysisInputSchema['max-latency-p95'])
    expect(parseInputs(watchInputSchema, reader({ watch: '5m', 'max-error-rate': '1%' }))).toEqual({
      watch: 300_000,
      'max-error-rate': 1,
      'max-latency-p95': undefined,
    })
  })
})

describe('analysisInputProblems', () => {
  const healthUrls = ['https://app.example.com/health']

  it('accepts a full, consistent set', () => {
    const inputs = analysis({
      'analysis-duration': '5m',
      'max-error-rate': '5%',
      'max-latency-regression': '2x',
      'prometheus-url': 'https://prom.example.com',
      'prometheus-query': 'sum(rate(errors[1m]))',
      'prometheus-condition': '< 0.05',
    })
    expect(analysisInputProblems(inputs, { healthUrls })).toEqual([])
  })

  it('wants the three prometheus inputs together', () => {
    const inputs = analysis({
      'analysis-duration': '5m',
      'prometheus-url': 'https://prom.example.com',
      'prometheus-condition': '< 0.05',
    })
    expect(analysisInputProblems(inputs, { healthUrls })).toEqual([
      expect.stringMatching(
        /^`prometheus-query` is required with `prometheus-url`: prometheus-url, prometheus-query and prometheus-condition go together \(example: prometheus-query: .+\)$/,
      ),
    ])
  })

  it('says a limit needs analysis-duration when it is 0', () => {
    const inputs = analysis({ 'max-error-rate': '5%', 'max-latency-p95': '800ms' })
    expect(analysisInputProblems(inputs, { healthUrls })).toEqual([
      '`max-error-rate` needs `analysis-duration`: with 0 there is no window to judge (example: analysis-duration: 5m)',
      '`max-latency-p95` needs `analysis-duration`: with 0 there is no window to judge (example: analysis-duration: 5m)',
    ])
  })

  it('wants a limit when analysis-duration is set', () => {
    expect(analysisInputProblems(analysis({ 'analysis-duration': '5m' }), { healthUrls })).toEqual([
      '`analysis-duration` is set but no limit is: set max-error-rate, max-latency-p95, max-latency-regression or prometheus-condition (example: max-error-rate: 5%)',
    ])
  })

  it('wants something to sample', () => {
    const inputs = analysis({ 'analysis-duration': '5m', 'max-error-rate': '5%' })
    expect(analysisInputProblems(inputs, { healthUrls: [] })).toEqual([
      '`analysis-url` is needed: max-error-rate judges requests, and there is no health-url either (example: analysis-url: https://app.example.com/)',
    ])
    // Prometheus alone needs no URL.
    const prometheusOnly = analysis({
      'analysis-duration': '30s',
      'prometheus-url': 'https://prom.example.com',
      'prometheus-query': 'up',
      'prometheus-condition': '== 1',
    })
    expect(analysisInputProblems(prometheusOnly, { healthUrls: [] })).toEqual([])
  })

  it('wants at least 5 measurements in a window that samples URLs', () => {
    const inputs = analysis({ 'analysis-duration': '30s', 'max-error-rate': '5%' })
    expect(analysisInputProblems(inputs, { healthUrls })).toEqual([
      '`analysis-duration` 30s at `analysis-interval` 10s gives 3 measurements; at least 5 are needed (example: analysis-duration: 50s)',
    ])
    const enough = analysis({ 'analysis-duration': '1m', 'max-error-rate': '5%' })
    expect(analysisInputProblems(enough, { healthUrls })).toEqual([])
  })

  it('checks watch the same way', () => {
    const limitsOnly = parseInputs(watchInputSchema, reader({ 'max-latency-p95': '500ms' }))
    expect(watchInputProblems(limitsOnly, 10_000)).toEqual([
      '`max-latency-p95` needs `watch`: with 0 there is no window to judge (example: watch: 5m)',
    ])
    const short = parseInputs(watchInputSchema, reader({ watch: '20s', 'max-error-rate': '1%' }))
    expect(watchInputProblems(short, 10_000)).toEqual([
      '`watch` 20s at `watch-interval` 10s gives 2 measurements; at least 5 are needed (example: watch: 50s)',
    ])
    const noLimit = parseInputs(watchInputSchema, reader({ watch: '5m' }))
    expect(watchInputProblems(noLimit, 10_000)).toEqual([
      '`watch` judges the window against a limit: set `max-error-rate` or `max-latency-p95` (example: max-error-rate: 5%)',
    ])
  })
})

describe('analysisSettings', () => {
  const statuses = parseStatusSet('200-299')

  it('samples analysis-url, or else the health URLs', () => {
    const inputs = analysis({
      'analysis-duration': '1m',
      'analysis-interval': '5s',
      'max-error-rate': '5%',
      'prometheus-url': 'https://prom.example.com',
      'prometheus-query': ' up ',
      'prometheus-condition': '== 1',
      'prometheus-headers': 'X-Scope-OrgID: team',
    })
    const settings = analysisSettings(inputs, ['https://app.example.com/health'], statuses, {})
    expect(settings).toEqual({
      urls: ['https://app.example.com/health'],
      headers: {},
      statuses,
      durationMs: 60_000,
      intervalMs: 5000,
      limits: {
        maxErrorRate: 5,
        maxLatencyP95Ms: undefined,
        maxLatencyRegression: undefined,
        prometheus: {
          url: 'https://prom.example.com',
          query: 'up',
          condition: { operator: '==', value: 1, text: '== 1' },
          headers: { 'X-Scope-OrgID': 'team' },
        },
      },
      failureLimit: 3,
      inconclusiveLimit: 3,
      onInconclusive: 'rollback',
    })
    const own = analysis({ 'analysis-url': 'https://app.example.com/a\nhttps://app.example.com/b' })
    expect(analysisSettings(own, ['https://app.example.com/health'], statuses, {}).urls).toEqual([
      'https://app.example.com/a',
      'https://app.example.com/b',
    ])
  })

  it('builds a watch window from health-check inputs', () => {
    const inputs = parseInputs(watchInputSchema, reader({ watch: '1m', 'max-error-rate': '1%' }))
    expect(watchSettings(inputs, ['https://a.example/'], statuses, {}, 5000)).toMatchObject({
      urls: ['https://a.example/'],
      durationMs: 60_000,
      intervalMs: 5000,
      limits: { maxErrorRate: 1 },
    })
  })
})
