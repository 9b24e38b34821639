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
    else segments.push(JSON.parse(`"${match[3]}"`) as string)
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

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

function equal(actual: unknown, assertion: JsonAssertion): boolean {
  if (JSON.stringify(actual) === JSON.stringify(assertion.expected)) return true
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
      return equal(actual, assertion)
        ? undefined
        : `${path} was ${show(actual)}, not ${show(assertion.expected)}`
    case '!=':
      return equal(actual, assertion)
        ? `${path} was ${show(actual)}, expected anything else`
        : undefined
    case '~=': {
      const subject = typeof actual === 'string' ? actual : JSON.stringify(actual)
      if (assertion.pattern) assertion.pattern.lastIndex = 0
      return assertion.pattern?.test(subject)
        ? undefined
        : `${path} was ${show(actual)}, which does not match ${String(assertion.pattern)}`
    }
    default: {
      const value =
        typeof actual === 'number'
          ? actual
          : typeof actual === 'string' && actual.trim() !== ''
            ? Number(actual)
            : NaN
      if (Number.isNaN(value)) return `${path} was ${show(actual)}, not a number`
      const limit = assertion.expected as number
      const holds =
        operator === '<'
          ? value < limit
          : operator === '<='
            ? value <= limit
            : operator === '>'
              ? value > limit
              : value >= limit
      return holds ? undefined : `${path} was ${show(actual)}, not ${operator} ${limit}`
    }
  }
}
