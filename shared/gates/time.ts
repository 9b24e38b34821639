// The time gates of a deploy: windows when deploying is allowed (`Mon-Fri 09:00-17:00
// America/Los_Angeles`) and freezes when it is not (`2026-12-20..2027-01-02 Europe/Berlin
// holiday freeze`). Wall-clock times are read in the line's IANA zone through Intl, so daylight
// saving is the zone database's business, not ours.

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const

/** The wall clock in a zone at an instant. */
export interface ZonedTime {
  /** 0 = Sunday. */
  weekday: number
  /** YYYY-MM-DD in the zone. */
  date: string
  /** Minutes since local midnight. */
  minutes: number
}

export interface DeployWindow {
  source: string
  /** Weekdays (0 = Sunday) the window opens on. */
  days: Set<number>
  startMinutes: number
  /** Exclusive; a window that ends at or before its start runs past midnight. */
  endMinutes: number
  zone: string
}

export interface Freeze {
  source: string
  /** YYYY-MM-DD, both inclusive, in `zone`. */
  from: string
  to: string
  zone: string
  reason?: string
}

export interface TimeGateResult {
  open: boolean
  reason: string
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(zone, format)
  }
  return format
}

/** Whether `zone` is an IANA time zone this Node knows (`UTC` included). */
export function isTimeZone(zone: string): boolean {
  try {
    formatter(zone)
    return true
  } catch {
    return false
  }
}

export function zonedTime(at: Date, zone: string): ZonedTime {
  const parts = Object.fromEntries(
    formatter(zone)
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  )
  const weekday = DAYS.indexOf((parts.weekday ?? '').toLowerCase().slice(0, 3) as never)
  return {
    weekday,
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  }
}

const DAY_NAMES = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const

/** `Mon` or `Monday`, in any case; never a word that only starts like one (`Monkey`). */
function dayIndex(word: string): number {
  const lower = word.toLowerCase()
  const index = Math.max(DAYS.indexOf(lower as never), DAY_NAMES.indexOf(lower as never))
  if (index < 0) throw new Error(`${JSON.stringify(word)} is not a weekday`)
  return index
}

/** `Mon-Fri`, `Sat,Sun`, `Mon-Wed,Fri`, `daily` or `*`. */
function parseDays(text: string): Set<number> {
  if (text === '*' || /^(daily|every ?day)$/i.test(text)) return new Set([0, 1, 2, 3, 4, 5, 6])
  const days = new Set<number>()
  for (const part of text.split(',')) {
    const [first, last, extra] = part.split('-')
    if (first === undefined || first === '')
      throw new Error(`${JSON.stringify(text)} has an empty day`)
    if (extra !== undefined) throw new Error(`${JSON.stringify(part)} is not a day range (Mon-Fri)`)
    const start = dayIndex(first)
    if (last === undefined) {
      days.add(start)
      continue
    }
    const end = dayIndex(last)
    // Fri-Mon wraps over the weekend.
    for (let day = start; ; day = (day + 1) % 7) {
      days.add(day)
      if (day === end) break
    }
  }
  return days
}

function parseClock(text: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text)
  const hours = Number(match?.[1])
  const minutes = Number(match?.[2])
  if (!match || hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) {
    throw new Error(`${JSON.stringify(text)} is not a time of day (HH:MM, 00:00 to 24:00)`)
  }
  return hours * 60 + minutes
}

let ianaZones: Set<string> | undefined

/**
 * Whether a freeze's word after its dates is a zone rather than the start of the reason: a name
 * in Intl's list of IANA zones, or one Intl accepts as written with IANA's capitals (`UTC`,
 * `CET`, `EST5EDT`, `Etc/GMT+5`: the list leaves such aliases out). A lowercase word (`est`)
 * is the reason's.
 */
function isZoneWord(word: string): boolean {
  ianaZones ??= new Set(Intl.supportedValuesOf('timeZone'))
  return ianaZones.has(word) || (/^[A-Z]/.test(word) && isTimeZone(word))
}

function zoneOf(word: string | undefined): string {
  if (word === undefined) return 'UTC'
  if (!isTimeZone(word)) {
    throw new Error(`${JSON.stringify(word)} is not an IANA time zone (example: Europe/Berlin)`)
  }
  return word
}

const WINDOW_EXAMPLE = 'Mon-Fri 09:00-17:00 America/Los_Angeles'

/** One `deploy-window` line: days, a time range, an optional IANA zone (default UTC). */
export function parseDeployWindow(line: string): DeployWindow {
  const words = line.trim().split(/\s+/)
  if (words.length < 2 || words.length > 3) {
    throw new Error(`${JSON.stringify(line)} is not a deploy window (example: ${WINDOW_EXAMPLE})`)
  }
  try {
    const [days = '', range = '', zone] = words
    const [start, end, extra] = range.split('-')
    if (start === undefined || end === undefined || extra !== undefined) {
      throw new Error(`${JSON.stringify(range)} is not a time range (HH:MM-HH:MM)`)
    }
    return {
      source: line.trim(),
      days: parseDays(days),
      startMinutes: parseClock(start),
      endMinutes: parseClock(end),
      zone: zoneOf(zone),
    }
  } catch (err) {
    throw new Error(
      `${JSON.stringify(line)} is not a deploy window: ${err instanceof Error ? err.message : String(err)} (example: ${WINDOW_EXAMPLE})`,
    )
  }
}

const FREEZE_EXAMPLE = '2026-12-20..2027-01-02 Europe/Berlin holiday freeze'

function checkDate(text: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  const date = match ? new Date(`${text}T00:00:00Z`) : undefined
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw new Error(`${JSON.stringify(text)} is not a date (YYYY-MM-DD)`)
  }
  return text
}

/** One `freeze` line: `FROM..TO [zone] [reason]`, both days inclusive, default zone UTC. */
export function parseFreeze(line: string): Freeze {
  const [range = '', ...rest] = line.trim().split(/\s+/)
  try {
    const [from, to, extra] = range.split('..')
    if (from === undefined || extra !== undefined) {
      throw new Error(`${JSON.stringify(range)} is not a date range (FROM..TO)`)
    }
    const first = checkDate(from)
    const last = checkDate(to ?? from)
    if (last < first) throw new Error(`it ends (${last}) before it starts (${first})`)
    // A word with a slash can only be meant as a zone: a misspelt one is an error, not a reason.
    const zone =
      rest[0] !== undefined && (rest[0].includes('/') || isZoneWord(rest[0]))
        ? zoneOf(rest[0])
        : undefined
    const reason = (zone === undefined ? rest : rest.slice(1)).join(' ')
    return {
      source: line.trim(),
      from: first,
      to: last,
      zone: zone ?? 'UTC',
      reason: reason || undefined,
    }
  } catch (err) {
    throw new Error(
      `${JSON.stringify(line)} is not a freeze: ${err instanceof Error ? err.message : String(err)} (example: ${FREEZE_EXAMPLE})`,
    )
  }
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/** Whether `at` falls in the window: on one of its days, from start (inclusive) to end (exclusive). */
export function inWindow(window: DeployWindow, at: Date): boolean {
  const now = zonedTime(at, window.zone)
  if (window.endMinutes > window.startMinutes) {
    return (
      window.days.has(now.weekday) &&
      now.minutes >= window.startMinutes &&
      now.minutes < window.endMinutes
    )
  }
  // Past midnight: the evening part belongs to today, the early part to yesterday's window.
  if (window.days.has(now.weekday) && now.minutes >= window.startMinutes) return true
  const yesterday = (now.weekday + 6) % 7
  return window.days.has(yesterday) && now.minutes < window.endMinutes
}

/** The deploy-window gate: open when any window holds `at` (no windows: always open). */
export function checkWindows(windows: DeployWindow[], at: Date): TimeGateResult {
  if (windows.length === 0) return { open: true, reason: 'no deploy window set' }
  const match = windows.find((window) => inWindow(window, at))
  if (match) return { open: true, reason: `inside ${match.source}` }
  const local = windows
    .map((window) => {
      const now = zonedTime(at, window.zone)
      return `${DAYS[now.weekday]?.replace(/^./, (c) => c.toUpperCase())} ${clock(now.minutes)} ${window.zone}`
    })
    .filter((text, index, all) => all.indexOf(text) === index)
  return {
    open: false,
    reason: `${local.join(' / ')} is outside ${windows.map((window) => window.source).join('; ')}`,
  }
}

/** The freeze gate: closed when `at`'s date, in a freeze's zone, is within it. */
export function checkFreezes(freezes: Freeze[], at: Date): TimeGateResult {
  for (const freeze of freezes) {
    const today = zonedTime(at, freeze.zone).date
    if (today >= freeze.from && today <= freeze.to) {
      const why = freeze.reason ? ` (${freeze.reason})` : ''
      return {
        open: false,
        reason: `${today} ${freeze.zone} is inside the freeze ${freeze.from}..${freeze.to}${why}`,
      }
    }
  }
  return {
    open: true,
    reason: freezes.length === 0 ? 'no freeze set' : 'outside every freeze',
  }
}

/** The moment time gates are evaluated at: FLIGHTDECK_NOW (ISO 8601) when set, else now. */
export function gateClock(env: NodeJS.ProcessEnv = process.env): Date {
  const text = env.FLIGHTDECK_NOW?.trim()
  if (!text) return new Date()
  const at = new Date(text)
  // An offset is required: a bare local time would be read in the runner's own zone.
  if (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    throw new Error(
      `FLIGHTDECK_NOW ${JSON.stringify(text)} is not an ISO 8601 time (example: 2026-12-18T18:00:00+01:00)`,
    )
  }
  return at
}
