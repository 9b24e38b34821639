// The period a report covers: `since` and `until` as a user writes them. Periods run to weeks
// and months, past the 24-day limit of the wait durations other inputs take (durations.ts).

const DAY_MS = 86_400_000
const UNIT_MS: Record<string, number> = { h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS }

// A date, or a date and time with an optional offset: 2026-01-31, 2026-01-31T08:00,
// 2026-01-31T08:00:00Z, 2026-01-31T08:00:00.000+01:00. Without an offset it is UTC.
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i

/** `30d`, `12w`, `36h`: how far back from now; undefined when the text is not one. */
export function parsePeriodLength(text: string): number | undefined {
  const match = /^(\d{1,5})\s*([hdw])$/i.exec(text.trim())
  if (!match) return undefined
  const amount = Number(match[1])
  return amount > 0 ? amount * (UNIT_MS[(match[2] as string).toLowerCase()] as number) : undefined
}

/** An ISO 8601 date or date-time as epoch ms (UTC when no offset); undefined when invalid. */
export function parseIsoInstant(text: string): number | undefined {
  const match = ISO_DATE_TIME.exec(text.trim())
  if (!match) return undefined
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', offset = 'Z'] = match
  const zone = offset.toUpperCase() === 'Z' ? 'Z' : offset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')
  const ms = fraction.padEnd(3, '0').slice(0, 3)
  const at = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${zone}`)
  if (Number.isNaN(at)) return undefined
  // Date.parse rolls 2026-02-30 over to March: refuse dates that do not exist.
  const check = new Date(Date.parse(`${y}-${mo}-${d}T00:00:00Z`))
  if (check.getUTCMonth() + 1 !== Number(mo) || check.getUTCDate() !== Number(d)) return undefined
  return at
}

/** `since`: a length back from `now`, or an instant. Throws a message naming a good value. */
export function parseSince(text: string, now: number): number {
  const length = parsePeriodLength(text)
  if (length !== undefined) return now - length
  const at = parseIsoInstant(text)
  if (at !== undefined) return at
  throw new Error(
    `${JSON.stringify(text.slice(0, 60))} is neither a period back from now nor an ISO 8601 date (examples: 30d, 12w, 2026-01-01, 2026-01-01T09:00:00Z)`,
  )
}

/** `until`: an instant, `now` or empty for now, or a length back from now. */
export function parseUntil(text: string, now: number): number {
  const trimmed = text.trim()
  if (trimmed === '' || trimmed.toLowerCase() === 'now') return now
  const length = parsePeriodLength(trimmed)
  if (length !== undefined) return now - length
  const at = parseIsoInstant(trimmed)
  if (at !== undefined) return at
  throw new Error(
    `${JSON.stringify(trimmed.slice(0, 60))} is not an ISO 8601 date or date-time (examples: 2026-03-31, 2026-03-31T18:00:00Z, now)`,
  )
}

export interface Period {
  /** epoch ms, inclusive */
  since: number
  /** epoch ms, exclusive */
  until: number
}

export const periodDays = (period: Period): number => (period.until - period.since) / DAY_MS
