import { formatDuration, parseDuration } from '../../shared/durations.js'

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['10s', 10_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1m30s', 90_000],
    ['30', 30_000],
    ['1.5', 1500],
    ['0.5s', 500],
    [' 2S ', 2000],
    ['0s', 0],
  ])('reads %s as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  it.each(['soon', '', '5 minutes', '10x', '-1s', 's', '1m30'])('rejects %p', (text) => {
    expect(parseDuration(text)).toBeUndefined()
  })
})

describe('formatDuration', () => {
  it.each([
    [850, '850ms'],
    [1000, '1s'],
    [12_345, '12.3s'],
    [300_000, '5m'],
    [3_720_000, '1h 2m'],
    [90_000, '1m 30s'],
  ])('shows %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })
})
