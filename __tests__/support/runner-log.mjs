// Reads an action's output the way the GitHub runner does (actions/runner:
// src/Runner.Worker/ActionCommandManager.cs and src/Runner.Common/ActionCommand.cs), so tests
// can prove that no text from outside ever became a command. Written from that source, not
// from flightdeck's own idea of it, so it stays an independent oracle:
// - output is read line by line, a line ending at CR, LF or CRLF (.NET's ReadLine);
// - a line is first read as `::name props::data` after .NET's TrimStart (Char.IsWhiteSpace:
//   U+0085 and U+00A0 included), then, only if that fails, as `##[name props]data` found
//   ANYWHERE in the line (`IndexOf("##[")`);
// - either form counts only for a registered command name, compared without regard to case;
// - `stop-commands` registers its data as a command name; until a line names that token (in
//   either form) nothing else is carried out.

/** The commands the runner registers (its IActionCommandExtension list, plus stop-commands). */
export const REGISTERED_COMMANDS = [
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning',
]

// Char.IsWhiteSpace: Zs, Zl, Zp, U+0009-U+000D and U+0085 (U+180E and U+FEFF are not).
const DOTNET_LEADING_SPACE =
  /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/

/** String.Replace of each pair in turn, ordinal (case-sensitive), as the runner unescapes. */
function replaceAll(text, pairs) {
  return pairs.reduce((value, [escaped, plain]) => value.split(escaped).join(plain), text)
}
const V2_DATA = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%25', '%'],
]
const V2_PROPERTY = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%3A', ':'],
  ['%2C', ','],
  ['%25', '%'],
]
const V1_ESCAPES = [
  ['%3B', ';'],
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%5D', ']'],
  ['%25', '%'],
]

/** `key=value` pairs split on `separator`; empty parts and pairs without a value dropped. */
function properties(text, separator, escapes) {
  /** @type {Record<string, string>} */
  const result = {}
  for (const part of text.split(separator).filter(Boolean)) {
    const [key, value] = part
      .replace(/^=+/, '')
      .split(/=(.*)/s)
      .filter((piece) => piece !== undefined && piece !== '')
    if (key !== undefined && value !== undefined) result[key] = replaceAll(value, escapes)
  }
  return result
}

/** `name` and `props` of `cmdInfo` (`name props`), or undefined for a name not registered. */
function nameOf(cmdInfo, registered) {
  const space = cmdInfo.indexOf(' ')
  const name = space < 0 ? cmdInfo : cmdInfo.slice(0, space)
  if (!registered.has(name.toLowerCase())) return undefined
  return { name, props: space > 0 ? cmdInfo.slice(space + 1) : '' }
}

function parseV2(line, registered) {
  const trimmed = line.replace(DOTNET_LEADING_SPACE, '')
  if (!trimmed.startsWith('::')) return undefined
  const end = trimmed.indexOf('::', 2)
  if (end < 0) return undefined
  const found = nameOf(trimmed.slice(2, end), registered)
  if (!found) return undefined
  return {
    name: found.name,
    properties: properties(found.props.trim(), ',', V2_PROPERTY),
    message: replaceAll(trimmed.slice(end + 2), V2_DATA),
  }
}

function parseV1(line, registered) {
  const start = line.indexOf('##[')
  if (start < 0) return undefined
  const end = line.indexOf(']', start)
  if (end < 0) return undefined
  const found = nameOf(line.slice(start + 3, end), registered)
  if (!found) return undefined
  return {
    name: found.name,
    properties: properties(found.props, ';', V1_ESCAPES),
    message: replaceAll(line.slice(end + 1), V1_ESCAPES),
  }
}

/**
 * @typedef {object} RunnerCommand
 * @property {string} name as written (the runner compares names without regard to case)
 * @property {Record<string, string>} properties
 * @property {string} message
 * @property {number} line 1-based line of the output
 */

/**
 * @param {string} output what a step wrote (stdout; the runner reads stderr the same way)
 * @returns {{ commands: RunnerCommand[], stops: RunnerCommand[], text: string[] }} the commands
 *   the runner would carry out (stop-commands aside), the stop-commands that took effect, and
 *   the lines it would print as they are
 */
export function runnerCommands(output) {
  /** @type {RunnerCommand[]} */
  const commands = []
  /** @type {RunnerCommand[]} */
  const stops = []
  /** @type {string[]} */
  const text = []
  const registered = new Set(REGISTERED_COMMANDS)
  /** @type {string | undefined} */
  let stopToken
  output.split(/\r\n|\r|\n/).forEach((line, index) => {
    const command = parseV2(line, registered) ?? parseV1(line, registered)
    if (!command) {
      text.push(line)
      return
    }
    const name = command.name.toLowerCase()
    if (stopToken !== undefined) {
      if (name === stopToken.toLowerCase()) {
        registered.delete(name)
        stopToken = undefined
      } else {
        text.push(line)
      }
      return
    }
    if (name === 'stop-commands') {
      // The runner refuses (and fails the step on) an empty or registered token; either way
      // the line was read as a command, which is what the tests look for.
      if (command.message === '' || registered.has(command.message.toLowerCase())) {
        commands.push({ ...command, line: index + 1 })
        return
      }
      stops.push({ ...command, line: index + 1 })
      stopToken = command.message
      registered.add(stopToken.toLowerCase())
      return
    }
    commands.push({ ...command, line: index + 1 })
  })
  return { commands, stops, text }
}

/**
 * Commands that foreign text started: `marker` is planted at the start of an injected command's
 * message and in its properties, and as a `stop-commands` token. A command of the action's own
 * may quote foreign text inside its message (an error that shows a CLI's last line); that is
 * data, and not counted.
 * @param {string} output
 * @param {string} marker
 */
export function injectedCommands(output, marker) {
  const lower = marker.toLowerCase()
  const planted = (value) => value.toLowerCase().includes(lower)
  const { commands, stops } = runnerCommands(output)
  return [...commands, ...stops].filter(
    (command) =>
      command.message.toLowerCase().startsWith(lower) ||
      Object.values(command.properties).some(planted),
  )
}

/**
 * Whether the runner would carry out a command of the action's own: `name` whose message
 * contains `fragment` (a failure annotation, a saved state), proof that nothing foreign
 * switched command processing off before it.
 * @param {string} output
 * @param {string} name
 * @param {string} fragment
 */
export function carriedOut(output, name, fragment) {
  return runnerCommands(output).commands.some(
    (command) => command.name.toLowerCase() === name && command.message.includes(fragment),
  )
}
