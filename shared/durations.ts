const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
}

/**
 * The longest wait a Node timer can hold (2^31 - 1 ms, about 24.8 days); a longer one fires at
 * once, so a duration above it is an input error, never a timer.
 */
export const MAX_DURATION_MS = 2 ** 31 - 1

const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy

/**
 * Milliseconds in a duration such as `500ms`, `10s`, `5m`, `1h`, `7d`, `1m30s`, or a bare number of
 * seconds (`30`, `1.5`). Returns undefined for anything else.
 */
export function parseDuration(text: string): number | undefined {
  const value = text.trim().toLowerCase()
  if (value === '') return undefined
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000)
  let total = 0
  let consumed = 0
  PART.lastIndex = 0
  for (let match = PART.exec(value); match; match = PART.exec(value)) {
    total += Number(match[1]) * (UNIT_MS[match[2] as string] as number)
    consumed = PART.lastIndex
  }
  if (consumed !== value.length) return undefined
  return Math.round(total)
}

/** A short human form: `850ms`, `12.3s`, `5m`, `1h 2m`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`
  if (ms < 60_000) {
    const seconds = ms / 1000
    return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)}s`
  }
  const totalSeconds = Math.round(ms / 1000)
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = totalSeconds % 60
  const parts: string[] = []
  if (hours) parts.push(`${hours}h`)
  if (minutes) parts.push(`${minutes}m`)
  if (seconds) parts.push(`${seconds}s`)
  return parts.join(' ')
}
