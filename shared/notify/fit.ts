// Fitting a message into what a platform accepts: every receiver has a size limit (Teams refuses
// a message over 28 KB, Discord an embed over 6000 characters or 25 fields), and a cut must never
// leave half an escape sequence or half a link. Channels render each part already escaped, so
// the cutting happens here, on the plain text, before escaping.

/**
 * The text escaped by `escape` in at most `max` characters: when the escaped whole is longer,
 * the longest prefix of whole characters (code points: no surrogate pair is split) whose escaped
 * form fits with a trailing `…`. `escape` must work character by character (each character's
 * escape independent of its neighbours), so no entity or backslash escape is ever cut in two.
 */
export function clipEscaped(text: string, max: number, escape: (text: string) => string): string {
  const whole = escape(text)
  if (whole.length <= max) return whole
  if (max < 1) return ''
  let out = ''
  for (const char of text) {
    const next = escape(char)
    if (out.length + next.length > max - 1) break
    out += next
  }
  return `${out}…`
}

export interface Fitted<T> {
  kept: T[]
  /** How many items were left out at the end (0 when all fit). */
  omitted: number
}

export interface FitOptions<T> {
  /** Room for the items and the note together (bytes or characters, as `size` counts). */
  budget: number
  /** The most items the platform takes, the note included when there is one. */
  maxItems?: number
  size: (item: T) => number
  /** The size of the note that says `omitted` more were left out. */
  noteSize: (omitted: number) => number
}

/**
 * Keeps items in order while they fit, and when some must go, room for the note that says how
 * many ("12 more facts: see the workflow run"), so a reader knows the message was cut. The first
 * item that does not fit ends the list: a shorter one after it would reorder the facts.
 */
export function fitItems<T>(items: readonly T[], options: FitOptions<T>): Fitted<T> {
  const maxItems = options.maxItems ?? Number.POSITIVE_INFINITY
  const sizes = items.map(options.size)
  const total = sizes.reduce((sum, size) => sum + size, 0)
  if (total <= options.budget && items.length <= maxItems) return { kept: [...items], omitted: 0 }
  let used = 0
  let count = 0
  for (const size of sizes) {
    const omittedAfter = items.length - count - 1
    if (count + 2 > maxItems) break
    if (used + size + options.noteSize(omittedAfter) > options.budget) break
    used += size
    count++
  }
  return { kept: items.slice(0, count), omitted: items.length - count }
}

/** The note's words: "1 more fact" / "12 more facts", and where to read them. */
export function moreFactsNote(omitted: number): string {
  return `${omitted} more ${omitted === 1 ? 'fact' : 'facts'} not shown: see the workflow run`
}
