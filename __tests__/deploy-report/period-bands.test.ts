// The period a user writes, and where a figure falls among DORA's 2024 levels.
import {
  failureRateBand,
  frequencyBand,
  leadTimeBand,
  restoreBand,
} from '../../shared/report/bands.js'
import { parseIsoInstant, parseSince, parseUntil } from '../../shared/report/period.js'
import { median, plainNumber, quantile } from '../../shared/report/stats.js'

const NOW = Date.parse('2026-12-06T12:00:00Z')
const DAY = 86_400_000

describe('period', () => {
  it('takes lengths in hours, days and weeks, past the 24-day limit of wait durations', () => {
    expect(parseSince('30d', NOW)).toBe(NOW - 30 * DAY)
    expect(parseSince('90d', NOW)).toBe(NOW - 90 * DAY)
    expect(parseSince('12w', NOW)).toBe(NOW - 84 * DAY)
    expect(parseSince('36h', NOW)).toBe(NOW - 1.5 * DAY)
  })

  it('takes ISO 8601 dates and date-times, UTC without an offset', () => {
    expect(parseSince('2026-01-01', NOW)).toBe(Date.parse('2026-01-01T00:00:00Z'))
    expect(parseSince('2026-01-01T09:30', NOW)).toBe(Date.parse('2026-01-01T09:30:00Z'))
    expect(parseIsoInstant('2026-03-29T03:10:00+02:00')).toBe(Date.parse('2026-03-29T01:10:00Z'))
    expect(parseIsoInstant('2026-03-29T03:10:00.5+0200')).toBe(Date.parse('2026-03-29T01:10:00.5Z'))
    expect(parseUntil('', NOW)).toBe(NOW)
    expect(parseUntil('now', NOW)).toBe(NOW)
  })

  it('refuses what is neither, and dates that do not exist', () => {
    expect(() => parseSince('last tuesday-ish', NOW)).toThrow(
      '"last tuesday-ish" is neither a period back from now nor an ISO 8601 date (examples: 30d, 12w, 2026-01-01, 2026-01-01T09:00:00Z)',
    )
    expect(() => parseSince('0d', NOW)).toThrow(/neither/)
    expect(() => parseSince('30m', NOW)).toThrow(/neither/)
    expect(parseIsoInstant('2026-02-30')).toBeUndefined()
    expect(parseIsoInstant('2026-13-01')).toBeUndefined()
    expect(() => parseUntil('tomorrow', NOW)).toThrow(/is not an ISO 8601 date/)
  })
})

describe('stats', () => {
  it('takes the mean of the two middle values for an even count, and interpolates percentiles', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeUndefined()
    expect(quantile([10, 20, 30, 40, 50], 0.9)).toBe(46)
    expect(plainNumber(1 / 3)).toBe('0.33')
    expect(plainNumber(undefined)).toBe('')
    expect(plainNumber(Number.NaN)).toBe('')
  })
})

describe('DORA 2024 levels', () => {
  it('places lead time and time to restore by their limits', () => {
    expect([0.5, 23.9, 24, 167, 168, 719, 720].map(leadTimeBand)).toEqual([
      'elite',
      'elite',
      'high',
      'high',
      'medium',
      'medium',
      'low',
    ])
    expect([0.9, 1, 23, 24, 167, 168].map(restoreBand)).toEqual([
      'elite',
      'high',
      'high',
      'medium',
      'medium',
      'low',
    ])
  })

  it('places frequency by deploys a week, and failure rate by the nearest typical rate', () => {
    expect([8, 7, 1, 0.5, 0.2].map(frequencyBand)).toEqual([
      'elite',
      'high',
      'high',
      'medium',
      'low',
    ])
    expect([0, 7.5, 8, 15, 16, 30, 31].map(failureRateBand)).toEqual([
      'elite',
      'elite',
      'medium',
      'medium',
      'high',
      'high',
      'low',
    ])
    expect(leadTimeBand(undefined)).toBeUndefined()
  })
})
