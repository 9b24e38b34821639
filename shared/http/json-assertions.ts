import { compileRegex } from '../inputs.js'

export type AssertionOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | '~=' | 'exists'

export interface JsonAssertion {
  /** The line as written, for messages. */
  readonly source: string
  readonly path: string
  readonly segments: ReadonlyArray<string | number>
  readonly operator: AssertionOperator
  /** The expected value as written (unquoted). */
  readonly expectedText: string
  /** The expected value parsed as JSON where it is JSON, else the text. */
  readonly expected: unknown
  readonly pattern?: RegExp
}

const OPERATORS: AssertionOperator[] = ['==', '!=', '<=', '>=', '<', '>', '~=', 'exists']
const EXAMPLE = 'status == healthy'

/** The key inside `["..."]`, with JSON string escapes (`\"`, `\u00e9`) decoded. */
function quotedKey(text: string, path: string): string {
  try {
    return JSON.parse(`"${text}"`) as string
  } catch {
    throw new Error(
      `${JSON.stringify(path)} has a quoted key that is not a JSON string (example: services["cache.v2"])`,
    )
  }
}

/** Splits `services.database`, `checks[0].ok`, `$.a["b.c"]` into keys and indexes. */
export function parsePath(path: string): Array<string | number> {
  const segments: Array<string | number> = []
  let rest = path.replace(/^\$\.?/, '')
  const token = /^(?:\.?([^.[\]\s]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\])/
  while (rest.length > 0) {
    const match = token.exec(rest)
    if (!match)
      throw new Error(`${JSON.stringify(path)} is not a JSON path (example: checks[0].ok)`)
    if (match[1] !== undefined) segments.push(match[1])
    else if (match[2] !== undefined) segments.push(Number(match[2]))
    else segments.push(quotedKey(match[3] as string, path))
    rest = rest.slice(match[0].length)
  }
  return segments
}

function parseExpected(text: string): unknown {
  if (/^".*"$/s.test(text)) return JSON.parse(text) as unknown
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/** Parses one `PATH OP VALUE` line, e.g. `status == healthy`, `latency_ms < 500`, `db exists`. */
export function parseAssertion(line: string): JsonAssertion {
  const match = /^(\S+)\s+(\S+)(?:\s+(.*))?$/s.exec(line.trim())
  const operator = match?.[2] as AssertionOperator | undefined
  if (!match || !operator || !OPERATORS.includes(operator)) {
    throw new Error(
      `${JSON.stringify(line)} has no operator; write PATH OP VALUE with OP one of ${OPERATORS.join(' ')} (example: ${EXAMPLE})`,
    )
  }
  const path = match[1] as string
  const expectedText = (match[3] ?? '').trim()
  if (operator === 'exists' && expectedText !== '') {
    throw new Error(
      `${JSON.stringify(line)}: \`exists\` takes no value (example: services.database exists)`,
    )
  }
  if (operator !== 'exists' && expectedText === '') {
    throw new Error(`${JSON.stringify(line)} has no value after ${operator} (example: ${EXAMPLE})`)
  }
  const expected = operator === 'exists' ? undefined : parseExpected(expectedText)
  if (['<', '<=', '>', '>='].includes(operator) && typeof expected !== 'number') {
    throw new Error(
      `${JSON.stringify(line)}: ${operator} needs a number (example: latency_ms < 500)`,
    )
  }
  if (typeof expected === 'number' && !Number.isFinite(expected)) {
    throw new Error(
      `${JSON.stringify(line)}: ${expectedText} is beyond the largest number JSON can compare (about 1.8e308)`,
    )
  }
  const pattern = operator === '~=' ? compileRegex(String(expected), '^ok|ready$') : undefined
  return {
    source: line.trim(),
    path,
    segments: parsePath(path),
    operator,
    expectedText: typeof expected === 'string' ? expected : expectedText,
    expected,
    pattern,
  }
}

export function resolvePath(document: unknown, segments: ReadonlyArray<string | number>): unknown {
  let current: unknown = document
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined
      current = current[segment]
    } else {
      if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined
      current = (current as Record<string, unknown>)[segment]
    }
  }
  return current
}

// Health endpoints are servers flightdeck does not control: a body may nest 100,000 arrays
// deep, carry numbers beyond what a double holds, or have keys such as `__proto__`. Everything
// below walks values with an explicit stack and a size limit instead of recursion or
// JSON.stringify, so any body that parses ends in a verdict with a reason, never a
// RangeError.

/** Longest JSON text `~=` matches a non-string value against; longer is a failure. */
const MATCH_TEXT_LIMIT = 1 << 20

function numberText(value: number): string {
  // JSON.parse turns numbers beyond ±1.8e308 into ±Infinity; JSON.stringify would say null.
  return Number.isFinite(value) ? String(value) : value > 0 ? 'Infinity' : '-Infinity'
}

function scalarText(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') return numberText(value)
  if (typeof value === 'boolean' || value === null) return String(value)
  return 'null'
}

type Frame =
  | { kind: 'array'; items: readonly unknown[]; next: number }
  | { kind: 'object'; entries: Array<[string, unknown]>; next: number }

/**
 * A value as compact JSON text, written with an explicit stack (any depth) and stopping once
 * it passes `limit` characters. `complete` is false when it stopped early.
 */
export function jsonText(value: unknown, limit: number): { text: string; complete: boolean } {
  let text = ''
  const stack: Frame[] = []
  const open = (item: unknown) => {
    if (Array.isArray(item)) {
      text += '['
      stack.push({ kind: 'array', items: item, next: 0 })
    } else if (item !== null && typeof item === 'object') {
      text += '{'
      stack.push({ kind: 'object', entries: Object.entries(item), next: 0 })
    } else {
      text += scalarText(item)
    }
  }
  open(value)
  while (stack.length > 0 && text.length <= limit) {
    const frame = stack[stack.length - 1] as Frame
    if (frame.kind === 'array') {
      if (frame.next >= frame.items.length) {
        text += ']'
        stack.pop()
        continue
      }
      if (frame.next > 0) text += ','
      open(frame.items[frame.next++])
    } else {
      if (frame.next >= frame.entries.length) {
        text += '}'
        stack.pop()
        continue
      }
      const [key, item] = frame.entries[frame.next++] as [string, unknown]
      text += `${frame.next > 1 ? ',' : ''}${JSON.stringify(key)}:`
      open(item)
    }
  }
  const complete = stack.length === 0 && text.length <= limit
  return { text: complete ? text : text.slice(0, limit), complete }
}

/** A value for a message: compact JSON, cut at 80 characters. */
function show(value: unknown): string {
  const { text, complete } = jsonText(value, 80)
  return complete ? text : `${text.slice(0, 77)}...`
}

/**
 * Deep equality of two JSON values (object key order does not matter), with an explicit stack:
 * `expected` comes from an assertion line, but `actual` may be nested arbitrarily deep.
 */
function jsonEqual(actual: unknown, expected: unknown): boolean {
  const pending: Array<[unknown, unknown]> = [[actual, expected]]
  while (pending.length > 0) {
    const [a, b] = pending.pop() as [unknown, unknown]
    if (a === b) continue
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false
    if (Array.isArray(a) !== Array.isArray(b)) return false
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) return false
      for (let i = 0; i < a.length; i++) pending.push([a[i], b[i]])
      continue
    }
    const aKeys = Object.keys(a)
    const bRecord = b as Record<string, unknown>
    if (aKeys.length !== Object.keys(b).length) return false
    for (const key of aKeys) {
      if (!Object.prototype.hasOwnProperty.call(b, key)) return false
      pending.push([(a as Record<string, unknown>)[key], bRecord[key]])
    }
  }
  return true
}

/**
 * Why two numbers cannot be compared exactly, or undefined when they can. An integer beyond
 * 2^53 parses as the nearest double, so two different integers there may parse equal; when
 * they parse different, their order (and inequality) is still exact. Numbers beyond ±1.8e308
 * parse as ±Infinity, which still compares exactly against the finite numbers an assertion
 * may hold.
 */
function inexactComparison(path: string, actual: number, expected: number): string | undefined {
  if (actual === expected && Math.abs(actual) > Number.MAX_SAFE_INTEGER) {
    return `${path} is about ${numberText(actual)}, beyond the 2^53 range where JSON numbers compare exactly`
  }
  return undefined
}

/** The actual value for a message; a number JSON.parse overflowed is named as such. */
function showActual(actual: unknown): string {
  if (typeof actual === 'number' && !Number.isFinite(actual)) {
    return `a number beyond ${actual > 0 ? '' : '-'}1.8e308`
  }
  return show(actual)
}

function equal(actual: unknown, assertion: JsonAssertion): boolean {
  if (jsonEqual(actual, assertion.expected)) return true
  // `count == 3` holds for "3" too, and `status == healthy` for "healthy".
  return (
    ['string', 'number', 'boolean'].includes(typeof actual) &&
    String(actual) === assertion.expectedText
  )
}

/** Checks one assertion against a parsed document; returns why it failed, or undefined. */
export function checkAssertion(document: unknown, assertion: JsonAssertion): string | undefined {
  const actual = resolvePath(document, assertion.segments)
  const { path, operator } = assertion
  if (operator === 'exists') return actual === undefined ? `${path} does not exist` : undefined
  if (actual === undefined)
    return `${path} does not exist (expected ${operator} ${show(assertion.expected)})`
  switch (operator) {
    case '==':
    case '!=': {
      if (typeof actual === 'number' && typeof assertion.expected === 'number') {
        const inexact = inexactComparison(path, actual, assertion.expected)
        if (inexact) return inexact
      }
      const same = equal(actual, assertion)
      if (operator === '==') {
        return same
          ? undefined
          : `${path} was ${showActual(actual)}, not ${show(assertion.expected)}`
      }
      return same ? `${path} was ${showActual(actual)}, expected anything else` : undefined
    }
    case '~=': {
      let subject: string
      if (typeof actual === 'string') {
        subject = actual
      } else {
        const { text, complete } = jsonText(actual, MATCH_TEXT_LIMIT)
        if (!complete) {
          return `${path} is over ${MATCH_TEXT_LIMIT} characters as JSON, too large to match against ${String(assertion.pattern)}`
        }
        subject = text
      }
      if (assertion.pattern) assertion.pattern.lastIndex = 0
      return assertion.pattern?.test(subject)
        ? undefined
        : `${path} was ${showActual(actual)}, which does not match ${String(assertion.pattern)}`
    }
    default: {
      const value =
        typeof actual === 'number'
          ? actual
          : typeof actual === 'string' && actual.trim() !== ''
            ? Number(actual)
            : NaN
      if (Number.isNaN(value)) return `${path} was ${showActual(actual)}, not a number`
      const limit = assertion.expected as number
      const inexact = inexactComparison(path, value, limit)
      if (inexact) return inexact
      const holds =
        operator === '<'
          ? value < limit
          : operator === '<='
            ? value <= limit
            : operator === '>'
              ? value > limit
              : value >= limit
      return holds ? undefined : `${path} was ${showActual(actual)}, not ${operator} ${limit}`
    }
  }
}
