// Reads an action's stdout the way the GitHub runner does (actions/runner's
// ActionCommandManager): a line whose first non-blank characters are `::name props::message`
// (or the older `##[name props]message`) is a workflow command and is carried out, unless an
// earlier `::stop-commands::<token>` is still in force (until a `::<token>::` line). Tests use
// it to prove that no text from outside ever became a command.

const V2 = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/
const V1 = /^##\[([A-Za-z-]+)(?: ([^\]]*))?\](.*)$/

function unescape(text) {
  return text
    .replace(/%0D/gi, '\r')
    .replace(/%0A/gi, '\n')
    .replace(/%3A/gi, ':')
    .replace(/%2C/gi, ',')
    .replace(/%25/g, '%')
}

/**
 * @typedef {object} RunnerCommand
 * @property {string} name
 * @property {Record<string, string>} properties
 * @property {string} message
 * @property {number} line 1-based line of stdout
 */

/**
 * @param {string} stdout
 * @returns {{ commands: RunnerCommand[], text: string[] }} the commands the runner would carry
 *   out, and the lines it would print as they are
 */
export function runnerCommands(stdout) {
  /** @type {RunnerCommand[]} */
  const commands = []
  /** @type {string[]} */
  const text = []
  let stopToken
  const lines = stdout.split(/\r?\n/)
  lines.forEach((raw, index) => {
    const line = raw.trim()
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined
      else text.push(raw)
      return
    }
    const match = V2.exec(line) ?? V1.exec(line)
    if (!match) {
      text.push(raw)
      return
    }
    const [, name, props = '', message = ''] = match
    /** @type {Record<string, string>} */
    const properties = {}
    for (const pair of props.split(',').filter(Boolean)) {
      const at = pair.indexOf('=')
      if (at > 0) properties[pair.slice(0, at).trim()] = unescape(pair.slice(at + 1))
    }
    if (name === 'stop-commands') {
      stopToken = message
      return
    }
    commands.push({ name, properties, message: unescape(message), line: index + 1 })
  })
  return { commands, text }
}

/**
 * Commands that foreign text started: `marker` is planted at the start of an injected command's
 * message and in its properties. A command of the action's own may quote foreign text inside
 * its message (an error that shows a CLI's last line); that is data, and not counted.
 * @param {string} stdout
 * @param {string} marker
 */
export function injectedCommands(stdout, marker) {
  return runnerCommands(stdout).commands.filter(
    (command) =>
      command.message.startsWith(marker) ||
      Object.values(command.properties).some((value) => value.includes(marker)),
  )
}
