// The command line of `flightdeck <action>`: flags to inputs, and the near miss a typo was.
import { isBooleanInput } from './action-yml.mjs'
import { UsageError } from './errors.mjs'

/** @typedef {import('./action-yml.mjs').ActionSpec} ActionSpec */

/** Options of the CLI itself; every other flag is an input of the action. */
const CLI_FLAGS = new Set(['help', 'verbose'])

/**
 * Maps flags to inputs. `--name value`, `--name=value`; a repeated flag gives a multi-line value
 * (one line per flag, for the inputs that take a list); `--name` alone for a true/false input
 * means true, `--no-name` false.
 * @param {ActionSpec} action
 * @param {string[]} args
 * @returns {{ inputs: Record<string, string>, help: boolean, verbose: boolean }}
 */
export function parseActionArgs(action, args) {
  /** @type {Record<string, string[]>} */
  const given = {}
  let help = false
  let verbose = false
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? ''
    if (arg === '-h') {
      help = true
      continue
    }
    const flag = /^--([^=]+)(?:=([\s\S]*))?$/.exec(arg)
    if (!flag) {
      throw new UsageError(
        `unexpected argument "${arg}": give inputs as --<input> <value> (see flightdeck ${action.name} --help)`,
      )
    }
    const [, rawName = '', inlineValue] = flag
    if (CLI_FLAGS.has(rawName) && !(rawName in action.inputs)) {
      if (inlineValue !== undefined) throw new UsageError(`--${rawName} takes no value`)
      if (rawName === 'help') help = true
      else verbose = true
      continue
    }
    let name = rawName
    /** @type {string | undefined} */
    let value = inlineValue
    const negated = /^no-(.+)$/.exec(rawName)
    if (
      !(name in action.inputs) &&
      negated?.[1] &&
      isBooleanInput(action.inputs[negated[1]] ?? {})
    ) {
      if (inlineValue !== undefined) throw new UsageError(`--${rawName} takes no value`)
      name = negated[1]
      value = 'false'
    }
    const spec = action.inputs[name]
    if (!spec) throw new UsageError(unknownInputMessage(action, rawName))
    if (value === undefined) {
      const next = args[i + 1]
      if (isBooleanInput(spec)) {
        // `--dry-run` alone is true; `--dry-run false` still reads the value.
        if (next === 'true' || next === 'false') value = args[++i]
        else value = 'true'
      } else if (next === undefined || next.startsWith('--')) {
        throw new UsageError(
          `--${name} needs a value: --${name} <value> or --${name}=<value>` +
            (spec.description ? ` (${name}: ${spec.description})` : ''),
        )
      } else {
        value = args[++i]
      }
    }
    ;(given[name] ??= []).push(value ?? '')
  }
  /** @type {Record<string, string>} */
  const inputs = {}
  for (const [name, values] of Object.entries(given)) inputs[name] = values.join('\n')
  return { inputs, help, verbose }
}

function unknownInputMessage(action, flag) {
  const names = Object.keys(action.inputs)
  const close = closest(flag, names)
  const hint = close
    ? `did you mean --${close}?`
    : `see flightdeck ${action.name} --help for its inputs`
  return `${action.name} has no input "--${flag}" (${hint})`
}

/** The candidate nearest to `word` by edit distance, if it is near enough to be a typo. */
export function closest(word, candidates) {
  let best
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const distance =
      candidate.startsWith(word) || word.startsWith(candidate) ? 1 : editDistance(word, candidate)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined
}

function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      )
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
