import { EvenlyThinned, LatencySample } from '../../shared/analysis/samples.js'
import { errorRate, percentile, percentileOfSorted } from '../../shared/analysis/stats.js'
import {
  formatElapsed,
  formatMetric,
  formatPercent,
  oneLine,
  shownUrl,
} from '../../shared/analysis/format.js'

describe('percentile (nearest rank)', () => {
  it('is a measured value, never an interpolation', () => {
    const values = [15, 20, 35, 40, 50]
    expect(percentile(values, 5)).toBe(15)
    expect(percentile(values, 30)).toBe(20)
    expect(percentile(values, 40)).toBe(20)
    expect(percentile(values, 50)).toBe(35)
    expect(percentile(values, 100)).toBe(50)
  })

  it('takes the value at rank ceil(p/100 · n)', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i) // 100..1, unsorted
    expect(percentile(hundred, 95)).toBe(95)
    expect(percentile(hundred, 50)).toBe(50)
    expect(percentile([7], 95)).toBe(7)
    expect(percentile([], 95)).toBeUndefined()
    expect(
      percentileOfSorted(
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21],
        95,
      ),
    ).toBe(20)
  })
})

describe('errorRate', () => {
  it('is a percentage, 0 when nothing was sent', () => {
    expect(errorRate(1, 3)).toBeCloseTo(33.333, 2)
    expect(errorRate(0, 0)).toBe(0)
    expect(errorRate(5, 5)).toBe(100)
  })
})

describe('LatencySample', () => {
  it('is exact up to its capacity', () => {
    const sample = new LatencySample(100)
    for (let i = 100; i >= 1; i--) sample.add(i)
    expect(sample.percentiles()).toEqual({ p50: 50, p95: 95 })
    expect(sample.count).toBe(100)
  })

  it('keeps at most its capacity, an even sample of everything added', () => {
    const sample = new LatencySample(1000)
    for (let i = 0; i < 100_000; i++) sample.add(i % 1000)
    expect(sample.kept).toBe(1000)
    expect(sample.count).toBe(100_000)
    const { p50, p95 } = sample.percentiles()
    expect(p50).toBeGreaterThan(430)
    expect(p50).toBeLessThan(570)
    expect(p95).toBeGreaterThan(920)
    expect(p95).toBeLessThan(980)
  })

  it('has no percentiles when empty', () => {
    expect(new LatencySample().percentiles()).toEqual({ p50: undefined, p95: undefined })
  })
})

describe('EvenlyThinned', () => {
  it('keeps everything while it fits', () => {
    const list = new EvenlyThinned<number>(10)
    for (let i = 0; i < 10; i++) list.add(i)
    expect(list.items()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
  })

  it('thins evenly past its capacity and always ends with the newest', () => {
    const list = new EvenlyThinned<number>(10)
    for (let i = 0; i < 100; i++) list.add(i)
    const items = list.items()
    expect(items.length).toBeLessThanOrEqual(10)
    expect(items[0]).toBe(0)
    expect(items[items.length - 1]).toBe(99)
    const gaps = new Set(items.slice(1, -1).map((item, index) => item - (items[index] as number)))
    expect(gaps.size).toBe(1)
    expect(list.count).toBe(100)
  })

  it('returns a repeated number as the newest item too', () => {
    const list = new EvenlyThinned<number>(4)
    for (let i = 0; i < 5; i++) list.add(7)
    expect(list.items()).toEqual([7, 7, 7])
  })
})

describe('format', () => {
  it('writes figures short', () => {
    expect(formatPercent(33.3333)).toBe('33.3%')
    expect(formatPercent(5)).toBe('5%')
    expect(formatPercent(0.04)).toBe('0%')
    expect(formatMetric(0.12)).toBe('0.12')
    expect(formatMetric(1 / 3)).toBe('0.3333')
    expect(formatMetric(1.234e-7)).toBe('1.234e-7')
    expect(formatMetric(Infinity)).toBe('+Inf')
    expect(formatElapsed(70_500)).toBe('1:10')
    expect(oneLine('a\n\u0085b\tc', 10)).toBe('a b c')
    expect(oneLine('x'.repeat(20), 10)).toBe(`${'x'.repeat(9)}…`)
    expect(shownUrl('https://u:p4ss@app.example.com/health')).toBe('https://app.example.com/health')
  })
})

describe('the regression limit', () => {
  it('is the factor times the baseline, but never less than the baseline plus 50 ms', async () => {
    const { httpProblem, regressionLimitMs } = await import('../../shared/analysis/judge.js')
    const fast = { p50: 3, p95: 5, samples: 10 }
    const slow = { p50: 200, p95: 310, samples: 10 }
    expect(regressionLimitMs(2, fast)).toBe(55)
    expect(regressionLimitMs(2, slow)).toBe(620)
    const figures = (p95: number) => ({ samples: 10, failed: 0, errorRate: 0, p50: p95, p95 })
    // A fast endpoint's jitter (5 ms → 16 ms) is not a regression; 5 ms → 60 ms is.
    expect(httpProblem(figures(16), { maxLatencyRegression: 2 }, fast)).toBeUndefined()
    expect(httpProblem(figures(60), { maxLatencyRegression: 2 }, fast)).toBe(
      "p95 60ms over 2x the baseline's 5ms",
    )
    expect(httpProblem(figures(630), { maxLatencyRegression: 2 }, slow)).toBe(
      "p95 630ms over 2x the baseline's 310ms",
    )
  })
})
