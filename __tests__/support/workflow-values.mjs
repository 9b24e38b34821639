// Values of the workflow runner's expressions as GitHub's evaluator treats them: truthiness,
// loose equality and comparison, text and number conversion, and an output never set (Unset).

/** An output that was never set: reading it in an input, env, script or condition is an error. */
export class Unset {
  /** @param {string} reason */
  constructor(reason) {
    this.reason = reason
  }
}

/** @param {Record<string, StepRecord>} steps */
export function stepsObject(steps) {
  return Object.fromEntries(
    Object.entries(steps ?? {}).map(([id, step]) => [
      id,
      { outcome: step.outcome, conclusion: step.conclusion, outputs: { ...step.outputs } },
    ]),
  )
}

/**
 * @param {unknown} value
 * @param {string[]} keys
 * @param {(why: string) => never} missing
 */
export function walk(value, keys, missing) {
  let current = value
  for (const key of keys) {
    if (!isRecord(current) || !(key in current)) return missing(`the run has no ${key} there`)
    current = current[key]
  }
  return current
}

/**
 * GitHub's comparison: strings case-insensitively, other mixed types as numbers.
 * @param {string} op
 * @param {unknown} left
 * @param {unknown} right
 */
export function compareValues(op, left, right) {
  if (op === '==') return looseEquals(left, right)
  if (op === '!=') return !looseEquals(left, right)
  let a = left
  let b = right
  if (typeof a === 'string' && typeof b === 'string') {
    a = a.toLowerCase()
    b = b.toLowerCase()
  } else {
    a = toNumber(a)
    b = toNumber(b)
  }
  const x = /** @type {any} */ (a)
  const y = /** @type {any} */ (b)
  switch (op) {
    case '<':
      return x < y
    case '<=':
      return x <= y
    case '>':
      return x > y
    default:
      return x >= y
  }
}

/** @param {unknown} left @param {unknown} right */
export function looseEquals(left, right) {
  if (typeof left === 'string' && typeof right === 'string')
    return left.toLowerCase() === right.toLowerCase()
  if (typeof left === typeof right && (isRecord(left) || Array.isArray(left))) return left === right
  if (left === null && right === null) return true
  return toNumber(left) === toNumber(right)
}

/** @param {unknown} value */
function toNumber(value) {
  if (value === null) return 0
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'number') return value
  if (typeof value === 'string') return value.trim() === '' ? 0 : Number(value)
  return Number.NaN
}

/** @param {unknown} value */
export function truthy(value) {
  if (value === null || value === undefined || value === false || value === '') return false
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value)
  return true
}

/** @param {unknown} value @returns {string} */
export function toText(value) {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'boolean' || typeof value === 'number') return String(value)
  return JSON.stringify(value, null, 2)
}

/** @param {Record<string, unknown>} values @returns {Record<string, string>} */
export function stringValues(values) {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, toText(value)]))
}

/** Job outputs for the trace: unset ones are left out. @param {Record<string, string | Unset>} outputs */
export function printable(outputs) {
  /** @type {Record<string, string>} */
  const shown = {}
  for (const [name, value] of Object.entries(outputs)) {
    if (!(value instanceof Unset)) shown[name] = value
  }
  return shown
}

/** @param {unknown} value @returns {value is Record<string, any>} */
export function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
