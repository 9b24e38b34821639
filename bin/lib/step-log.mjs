// A step's log as a person should read it, and text this program prints made safe to print
// inside a runner: the workflow commands in an action's stdout turned into what they display,
// values registered with ::add-mask:: replaced by ***, and re-printed text kept from being
// read as commands. Used by the CLI; the step itself is run by step-host.mjs.

/** Values registered with ::add-mask::, replaced by *** in everything shown. */
export class Masker {
  /** @type {string[]} longest first, so a secret containing another is masked whole */
  #secrets = []

  /** @param {string} value */
  add(value) {
    // The runner masks each line of a multi-line secret on its own.
    for (const line of value.split(/\r?\n/)) {
      if (line.trim() === '' || this.#secrets.includes(line)) continue
      this.#secrets.push(line)
      this.#secrets.sort((a, b) => b.length - a.length)
    }
  }

  /** @param {string} text */
  mask(text) {
    let masked = text
    for (const secret of this.#secrets) masked = masked.split(secret).join('***')
    return masked
  }
}

// Run inside a GitHub step, this program's own output is read by the runner, which carries out
// `::cmd::` at a line's start (after .NET white space, U+0085 included) and `##[cmd]` anywhere
// in a line (actions/runner ActionCommand.cs). What it re-prints of the action's log, summary
// and outputs is wrapped, when any line could be read so, in a stop-commands pair with a token
// the text does not hold (the check as shared/runner-protocol.ts's safeLogText, which this program does
// not import: it runs without the build).
const COULD_BE_COMMAND = /^[\s\u0085]*::|##\[/m

/** @param {string} text @returns {string} text the runner prints without carrying out */
export function inert(text) {
  if (!COULD_BE_COMMAND.test(text)) return text
  const upper = text.toUpperCase()
  let token = `flightdeck-${globalThis.crypto.randomUUID()}`
  while (upper.includes(token.toUpperCase())) token = `flightdeck-${globalThis.crypto.randomUUID()}`
  return `::stop-commands::${token}\n${text}\n::${token}::`
}

const V2_COMMAND = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/
const V1_COMMAND = /^##\[([A-Za-z-]+)(?: ([^\]]*))?\](.*)$/

function unescapeCommand(text) {
  return text
    .replace(/%0D/gi, '\r')
    .replace(/%0A/gi, '\n')
    .replace(/%3A/gi, ':')
    .replace(/%2C/gi, ',')
    .replace(/%25/g, '%')
}

export const useColor = () => Boolean(process.stderr.isTTY) && !process.env.NO_COLOR
export const paint = (code, text) => (useColor() ? `\u001b[${code}m${text}\u001b[0m` : text)

/**
 * Turns an action's stdout, line by line, into what a person should read: annotations as
 * `error: …` / `warning: …` / `notice: …`, groups as headings with their lines indented,
 * ::add-mask:: carried out and hidden, ::debug:: hidden unless verbose, the other commands
 * (state, outputs, echo) hidden. `::stop-commands::` is honoured as the runner does.
 */
export class LogTranslator {
  #masker
  #verbose
  #inGroup = false
  /** @type {string | undefined} */
  #stopToken

  /** @param {Masker} masker @param {{ verbose?: boolean }} [options] */
  constructor(masker, options = {}) {
    this.#masker = masker
    this.#verbose = Boolean(options.verbose)
  }

  /**
   * @param {string} raw one line of stdout, without its newline
   * @returns {string | undefined} the text to show, or nothing
   */
  line(raw) {
    const indent = this.#inGroup ? '  ' : ''
    const text = raw.trim()
    if (this.#stopToken !== undefined) {
      if (text === `::${this.#stopToken}::`) this.#stopToken = undefined
      else return indent + this.#masker.mask(raw)
      return undefined
    }
    const command = V2_COMMAND.exec(text) ?? V1_COMMAND.exec(text)
    if (!command) return indent + this.#masker.mask(raw)
    const [, name = '', props = '', rawMessage = ''] = command
    const message = unescapeCommand(rawMessage)
    /** @type {Record<string, string>} */
    const properties = {}
    for (const pair of props.split(',').filter(Boolean)) {
      const at = pair.indexOf('=')
      if (at > 0) properties[pair.slice(0, at).trim()] = unescapeCommand(pair.slice(at + 1))
    }
    const shown = (label, color) => {
      const where = properties.file
        ? `${properties.file}${properties.line ? `:${properties.line}` : ''}: `
        : ''
      const body = this.#masker.mask(message || properties.title || '')
      const continued = body.replace(/\n/g, `\n${indent}  `)
      return `${indent}${paint(color, `${label}:`)} ${where}${continued}`
    }
    switch (name) {
      case 'add-mask':
        this.#masker.add(message)
        return undefined
      case 'error':
        return shown('error', '1;31')
      case 'warning':
        return shown('warning', '1;33')
      case 'notice':
        return shown('notice', '1;36')
      case 'debug':
        return this.#verbose ? shown('debug', '2') : undefined
      case 'group':
        this.#inGroup = true
        return paint('1', `▸ ${this.#masker.mask(message)}`)
      case 'endgroup':
        this.#inGroup = false
        return undefined
      case 'stop-commands':
        this.#stopToken = message
        return undefined
      case 'set-output':
      case 'save-state':
      case 'echo':
      case 'add-path':
      case 'set-env':
        return undefined
      default:
        return indent + this.#masker.mask(raw)
    }
  }
}
