#!/usr/bin/env node
// flightdeck: run any flightdeck action outside GitHub Actions (a terminal, another CI).
//
//   flightdeck health-check --url https://my-app.fly.dev/health --timeout 2m
//
// It runs the action's committed bundle (the `runs.main` of its action.yml) as a child process
// the way the GitHub runner does: inputs as INPUT_<NAME> variables with the action.yml defaults
// filled in, temporary files for GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_ENV, GITHUB_PATH and
// GITHUB_STATE, and the post step (`runs.post`) afterwards with the state the main step saved.
// The step log is shown as the runner would show it (workflow commands carried out, masked
// values replaced by ***), then the outputs, then the job summary as plain text.
//
// Where things go: the log, the summary and notes go to stderr; the outputs, one `name=value`
// line each (`name<<EOF` ... `EOF` for a multi-line value, as in the runner's GITHUB_OUTPUT
// file), are the only thing on stdout, so `flightdeck ... > outputs.txt` keeps just them.
// The exit code is the action's (2 for a usage error of the CLI itself).
//
// Running an action stays self-contained: the action.yml files are plain metadata (nested
// mappings of quoted or plain scalars), so the small reader below is enough and no parser is
// loaded on that path; a test reads every action.yml with it and with `yaml` and expects the same
// result. `init` and `lint` (bin/init, bin/lint) need real TOML and YAML parsers, runtime
// dependencies loaded only when those commands run. Nothing is imported from scripts/, which is
// tooling of this repository rather than part of the product.
import { spawn } from 'node:child_process'
import {
  existsSync,
  fstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { delimiter, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  isCredentialInput,
  PRIVATE_RUN_HELP,
  privateTempDir,
  withEnvironmentInputs,
  withoutEnvInputs,
} from './lib/private-run.mjs'

const packageRoot = fileURLToPath(new URL('..', import.meta.url))

/** The exit code of a usage error (unknown action or flag, a flag without its value). */
const USAGE_ERROR = 2

class UsageError extends Error {}

// ── action.yml ────────────────────────────────────────────────────────────────────────────────

/**
 * Reads the YAML subset our action.yml files use: nested block mappings, single- or
 * double-quoted or plain scalars, `|` and `>` block scalars, comments. Anything else (flow
 * collections, sequences, anchors) is refused with the line, rather than misread.
 * @param {string} text
 * @returns {Record<string, unknown>}
 */
export function readYamlMapping(text) {
  const lines = text.split(/\r?\n/)
  /** @type {Record<string, unknown>} */
  const root = {}
  /** @type {Array<{ indent: number, node: Record<string, unknown> }>} */
  const stack = [{ indent: -1, node: root }]
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (/^\s*(#.*)?$/.test(line)) continue
    const indent = line.length - line.trimStart().length
    const entry = /^([^\s#'"][^:]*?|'[^']*'|"[^"]*"):(?:\s+(.*))?$/.exec(line.trim())
    if (!entry) throw new Error(`unsupported YAML on line ${i + 1}: ${line.trim()}`)
    while (stack.length > 1 && indent <= (stack.at(-1)?.indent ?? -1)) stack.pop()
    const parent = stack.at(-1)?.node ?? root
    const key = unquote(entry[1] ?? '', i)
    const rest = stripComment(entry[2] ?? '')
    if (rest === '') {
      /** @type {Record<string, unknown>} */
      const child = {}
      parent[key] = child
      stack.push({ indent, node: child })
    } else if (/^[|>][-+]?$/.test(rest)) {
      const body = []
      let blockIndent = -1
      while (i + 1 < lines.length) {
        const next = lines[i + 1] ?? ''
        const nextIndent = next.length - next.trimStart().length
        if (next.trim() !== '' && nextIndent <= indent) break
        if (blockIndent < 0 && next.trim() !== '') blockIndent = nextIndent
        body.push(next.slice(Math.max(blockIndent, 0)))
        i++
      }
      while (body.length > 0 && body.at(-1)?.trim() === '') body.pop()
      const chomp = rest.slice(1)
      const joined = rest.startsWith('|') ? body.join('\n') : body.join(' ').replace(/ {2,}/g, ' ')
      parent[key] = chomp === '-' ? joined : `${joined}\n`
    } else {
      parent[key] = scalar(rest, i)
    }
  }
  return root
}

/** @param {string} value */
function stripComment(value) {
  if (value.startsWith("'") || value.startsWith('"')) return value.trim()
  return value.replace(/\s+#.*$/, '').trim()
}

/** @param {string} text @param {number} index */
function unquote(text, index) {
  if (text.startsWith("'")) {
    if (!/^'(?:[^']|'')*'$/.test(text)) throw new Error(`unclosed quote on line ${index + 1}`)
    return text.slice(1, -1).replace(/''/g, "'")
  }
  if (text.startsWith('"')) return JSON.parse(text)
  return text
}

/** @param {string} text @param {number} index */
function scalar(text, index) {
  if (text.startsWith("'") || text.startsWith('"')) return unquote(text, index)
  if (/^[[{&*!|>@`-]/.test(text) && !/^-?\d/.test(text)) {
    throw new Error(`unsupported YAML value on line ${index + 1}: ${text}`)
  }
  if (text === 'true' || text === 'false') return text === 'true'
  if (text === 'null' || text === '~') return null
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text)
  return text
}

/**
 * @typedef {object} InputSpec
 * @property {string} [description]
 * @property {boolean} [required]
 * @property {string} [default]
 * @property {string} [deprecationMessage]
 */

/**
 * @typedef {object} ActionSpec
 * @property {string} name the folder under actions/
 * @property {string} dir
 * @property {string} [title] action.yml `name`
 * @property {string} description
 * @property {Record<string, InputSpec>} inputs
 * @property {Record<string, { description?: string }>} outputs
 * @property {{ using?: string, main?: string, post?: string, 'post-if'?: string }} runs
 */

/** @returns {string[]} the actions, by folder name */
export function listActions(root = packageRoot) {
  const dir = join(root, 'actions')
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'action.yml')))
    .sort()
}

/** @returns {ActionSpec} */
export function readAction(name, root = packageRoot) {
  const dir = join(root, 'actions', name)
  const spec = readYamlMapping(readFileSync(join(dir, 'action.yml'), 'utf8'))
  const asRecord = (value) => (value && typeof value === 'object' ? value : {})
  return {
    name,
    dir,
    title: typeof spec.name === 'string' ? spec.name : undefined,
    description: String(spec.description ?? ''),
    inputs: asRecord(spec.inputs),
    outputs: asRecord(spec.outputs),
    runs: asRecord(spec.runs),
  }
}

/** True for an input whose default says it takes true or false. */
function isBooleanInput(spec) {
  return spec.default === 'true' || spec.default === 'false'
}

// ── command line ──────────────────────────────────────────────────────────────────────────────

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
function closest(word, candidates) {
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

// ── help ──────────────────────────────────────────────────────────────────────────────────────

function wrap(text, width, indent) {
  const lines = []
  let line = ''
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(indent + line)
  return lines.join('\n')
}

const terminalWidth = () => Math.min(Math.max(process.stdout.columns || 100, 60), 120)

function mainHelp(root = packageRoot) {
  const width = terminalWidth()
  const actions = listActions(root).map((name) => readAction(name, root))
  const pad = Math.max(...actions.map((a) => a.name.length), 6) + 3
  return [
    'flightdeck: run a flightdeck action outside GitHub Actions (a terminal, another CI)',
    '',
    'usage:',
    '  flightdeck <action> --<input> <value> ...   run an action with these inputs',
    "  flightdeck <action> --help                  the action's inputs and outputs",
    "  flightdeck init [--help]                    write this repository's deploy workflows",
    '  flightdeck lint [paths] [--help]            find what flightdeck fixes in your workflows',
    '  flightdeck --help                           this help',
    '',
    'actions:',
    ...actions.map((action) =>
      wrap(action.description, width, ' '.repeat(pad + 2)).replace(
        /^ +/,
        `  ${action.name.padEnd(pad)}`,
      ),
    ),
    '',
    'inputs:',
    '  --name value or --name=value; repeat a flag for a multi-line input (one line each);',
    '  --name alone for a true/false input means true, --no-name means false.',
    '  Defaults come from action.yml; ${{ github.token }} is GITHUB_TOKEN or GH_TOKEN.',
    ...PRIVATE_RUN_HELP.inputs,
    '',
    'options:',
    "  --verbose   also show the action's debug lines",
    '',
    'The log and the job summary go to stderr; the outputs go to stdout, one name=value line',
    "each (name<<EOF ... EOF for a multi-line value). The exit code is the action's.",
    'GITHUB_* variables already set (another CI) are passed on to the action.',
    ...PRIVATE_RUN_HELP.temp,
    '',
  ].join('\n')
}

function actionHelp(action) {
  const width = terminalWidth()
  const inputs = Object.entries(action.inputs)
  const required = inputs.filter(([, spec]) => spec.required).map(([name]) => `--${name} <value>`)
  const lines = [
    `flightdeck ${action.name}`,
    '',
    wrap(action.description, width, ''),
    '',
    'usage:',
    `  flightdeck ${action.name} ${[...required, '[--<input> <value> ...]'].join(' ')}`,
    '',
    'inputs:',
  ]
  for (const [name, spec] of inputs) {
    const facts = []
    if (spec.required) facts.push('required')
    if (spec.default !== undefined && spec.default !== '') facts.push(`default: ${spec.default}`)
    if (isBooleanInput(spec)) facts.push('true/false')
    lines.push(`  --${name}${facts.length ? `  (${facts.join(', ')})` : ''}`)
    if (spec.description) lines.push(wrap(spec.description, width, '      '))
    if (spec.deprecationMessage)
      lines.push(wrap(`deprecated: ${spec.deprecationMessage}`, width, '      '))
  }
  lines.push('', 'outputs (printed as name=value):')
  for (const [name, spec] of Object.entries(action.outputs)) {
    lines.push(`  ${name}`)
    if (spec.description) lines.push(wrap(spec.description, width, '      '))
  }
  lines.push('')
  return lines.join('\n')
}

// ── the runner's protocol ─────────────────────────────────────────────────────────────────────

/**
 * Parses a file-command file: `name=value` lines and `name<<DELIMITER` ... `DELIMITER` blocks.
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseFileCommands(text) {
  /** @type {Record<string, string>} */
  const values = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name = '', end] = heredoc
      const body = []
      for (i++; i < lines.length && lines[i] !== end; i++) body.push(lines[i])
      values[name] = body.join('\n')
    } else if (line.includes('=')) {
      const at = line.indexOf('=')
      values[line.slice(0, at)] = line.slice(at + 1)
    }
  }
  return values
}

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
// the text does not hold (the check as shared/runner.ts's safeLogText, which this program does
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

function stdoutIsFile() {
  try {
    return fstatSync(1).isFile()
  } catch {
    return false
  }
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

const useColor = () => Boolean(process.stderr.isTTY) && !process.env.NO_COLOR
const paint = (code, text) => (useColor() ? `\u001b[${code}m${text}\u001b[0m` : text)

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

// ── the job summary as text ───────────────────────────────────────────────────────────────────

/** Display width in a terminal: emoji and other wide characters take two columns. */
function displayWidth(text) {
  let width = 0
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    if (code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0x300 && code < 0x370))
      continue
    const wide =
      code >= 0x1f000 ||
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xff00 && code <= 0xff60) ||
      [
        0x231a, 0x231b, 0x23f0, 0x23f3, 0x2705, 0x270a, 0x270b, 0x2728, 0x274c, 0x274e, 0x2753,
        0x2754, 0x2755, 0x2757, 0x2b50, 0x2b55, 0x26a1, 0x26aa, 0x26ab, 0x26bd, 0x26d4, 0x2614,
        0x2615,
      ].includes(code)
    width += wide ? 2 : 1
  }
  return width
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" }

/** Markdown inline text as plain text: no code ticks, emphasis, escapes, tags or entities. */
function inlineText(markdown) {
  // Code spans keep their content as it is; escapes and emphasis are read only outside them.
  return markdown
    .split(/(`+)([\s\S]*?)\1/)
    .map((part, index) => {
      if (index % 3 === 1) return ''
      if (index % 3 === 2) return part.replace(/\\\|/g, '|')
      return part
        .replace(/<br\s*\/?>/gi, ' ')
        .replace(/<summary>([\s\S]*?)<\/summary>/gi, '$1:')
        .replace(/<\/?[A-Za-z][^>]*>/g, '')
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g, (_, label, url) =>
          label === url ? url : `${label} (${url})`,
        )
        .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
        .replace(/\\([!-/:-@[-`{-~])/g, '$1')
        .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name) => ENTITIES[name] ?? '')
    })
    .join('')
}

/** Splits a Markdown table row on its unescaped pipes. */
function tableCells(row) {
  const cells = row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
  return cells.map((cell) => cell.trim())
}

/**
 * The job summary (GitHub-flavoured Markdown with some HTML) as text for a terminal: headings
 * underlined, tables as aligned columns, <details> as a labelled section, comments, tags,
 * emphasis and escapes gone.
 * @param {string} markdown
 */
export function summaryText(markdown) {
  const lines = markdown.replace(/<!--[\s\S]*?-->/g, '').split(/\r?\n/)
  /** @type {string[]} */
  const out = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (/^\s*\|/.test(line)) {
      const rows = []
      for (; i < lines.length && /^\s*\|/.test(lines[i] ?? ''); i++) rows.push(lines[i] ?? '')
      i--
      out.push(...table(rows))
      continue
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line)
    if (heading) {
      const text = inlineText(heading[2] ?? '')
      out.push(paint('1', text), '─'.repeat(Math.min(displayWidth(text), 100)))
      continue
    }
    if (/^\s*<\/?details[^>]*>\s*$/i.test(line)) continue
    out.push(inlineText(line).replace(/\s+$/, ''))
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

function table(rows) {
  const separator = /^:?-{1,}:?$/
  const body = rows
    .map(tableCells)
    .filter((cells) => !cells.every((cell) => separator.test(cell)))
    .map((cells) => cells.map(inlineText))
  const columns = Math.max(...body.map((cells) => cells.length))
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(...body.map((cells) => displayWidth(cells[c] ?? ''))),
  )
  const format = (cells) =>
    cells
      .map((cell, c) => cell + ' '.repeat(Math.max((widths[c] ?? 0) - displayWidth(cell), 0)))
      .join('  ')
      .replace(/\s+$/, '')
  const [header, ...rest] = body
  if (!header) return []
  const hasHeaderRow =
    rows.length > 1 && tableCells(rows[1] ?? '').every((cell) => separator.test(cell))
  if (!hasHeaderRow) return body.map(format)
  return [
    paint('1', format(header)),
    widths.map((width) => '─'.repeat(width)).join('  '),
    ...rest.map(format),
  ]
}

// ── running ───────────────────────────────────────────────────────────────────────────────────

/** Outputs as `name=value`, or `name<<EOF` ... `EOF` for a value of several lines. */
export function formatOutput(name, value) {
  if (!/[\r\n]/.test(value)) return `${name}=${value}`
  let end = 'EOF'
  for (let n = 1; value.split(/\r?\n/).includes(end); n++) end = `EOF${n}`
  return `${name}<<${end}\n${value}\n${end}`
}

const inputVariable = (name) => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`

/**
 * The environment of the action's process: the user's own (tokens, PATH, and the GITHUB_*
 * context of a CI that sets it), minus what belongs to another step (INPUT_*, STATE_*, file
 * commands), plus local stand-ins for what a runner always sets, and the inputs.
 */
function actionEnvironment(action, inputs, verbose, masker) {
  /** @type {Record<string, string | undefined>} */
  const env = { ...process.env }
  for (const key of Object.keys(env)) {
    if (/^(INPUT|STATE)_/.test(key)) delete env[key]
  }
  withoutEnvInputs(env)
  const token = process.env.GITHUB_TOKEN || process.env.GH_TOKEN || ''
  if (token) masker.add(token)
  for (const [name, spec] of Object.entries(action.inputs)) {
    const fallback = spec.default === undefined || spec.default === null ? '' : String(spec.default)
    env[inputVariable(name)] = fallback.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression) =>
      expression === 'github.token' ? token : '',
    )
  }
  for (const [name, value] of Object.entries(inputs)) {
    env[inputVariable(name)] = value
    if (isCredentialInput(name)) masker.add(value)
  }
  env.GITHUB_WORKSPACE ||= process.cwd()
  // Outside a runner, a folder of this run's own (0700), kept so a path an action reports
  // (gated-deploy's record) is still there after the run; never the shared temp dir itself.
  env.RUNNER_TEMP ||= privateTempDir()
  // A cache that outlives the run, so setup does not download the same CLI twice.
  env.RUNNER_TOOL_CACHE ||= join(homedir(), '.cache', 'flightdeck', 'tool-cache')
  env.RUNNER_OS ||= { linux: 'Linux', darwin: 'macOS', win32: 'Windows' }[process.platform]
  env.RUNNER_ARCH ||= { x64: 'X64', arm64: 'ARM64', arm: 'ARM', ia32: 'X86' }[process.arch]
  if (env.GITHUB_REPOSITORY) {
    env.GITHUB_SERVER_URL ||= 'https://github.com'
    env.GITHUB_API_URL ||= 'https://api.github.com'
    env.GITHUB_GRAPHQL_URL ||= `${env.GITHUB_API_URL}/graphql`
  }
  if (verbose) env.RUNNER_DEBUG = '1'
  return env
}

/**
 * Runs one step (main or post) as a child process with fresh file-command files.
 * @returns {Promise<{ exitCode: number, outputs: Record<string, string>, summary: string,
 *   exportedEnv: Record<string, string>, addedPath: string[], state: Record<string, string> }>}
 */
async function runStep(entry, env, translator, masker, control) {
  const workDir = mkdtempSync(join(tmpdir(), 'flightdeck-cli-'))
  const files = {
    GITHUB_OUTPUT: join(workDir, 'output'),
    GITHUB_STEP_SUMMARY: join(workDir, 'summary.md'),
    GITHUB_ENV: join(workDir, 'env'),
    GITHUB_PATH: join(workDir, 'path'),
    GITHUB_STATE: join(workDir, 'state'),
  }
  for (const file of Object.values(files)) writeFileSync(file, '')
  try {
    const child = spawn(process.execPath, [entry], {
      // Where the user started it (a runner would use the workspace, which is the same place in
      // a CI checkout; an outer CI's GITHUB_WORKSPACE may not even exist on this machine).
      cwd: process.cwd(),
      env: { ...env, ...files },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    control.child = child
    const lines = (stream, each) => {
      let pending = ''
      stream.setEncoding('utf8')
      stream.on('data', (chunk) => {
        pending += chunk
        const complete = pending.split('\n')
        pending = complete.pop() ?? ''
        for (const line of complete) each(line.replace(/\r$/, ''))
      })
      stream.on('end', () => {
        if (pending) each(pending)
      })
    }
    lines(child.stdout, (line) => {
      const shown = translator.line(line)
      if (shown !== undefined) process.stderr.write(`${inert(shown)}\n`)
    })
    lines(child.stderr, (line) => process.stderr.write(`${inert(masker.mask(line))}\n`))
    /** @type {number} */
    const exitCode = await new Promise((resolveExit, reject) => {
      child.on('error', reject)
      child.on('close', (code, signal) =>
        resolveExit(code ?? 128 + (signal === 'SIGKILL' ? 9 : signal === 'SIGINT' ? 2 : 15)),
      )
    })
    control.child = undefined
    const read = (file) => readFileSync(file, 'utf8')
    return {
      exitCode,
      outputs: parseFileCommands(read(files.GITHUB_OUTPUT)),
      summary: read(files.GITHUB_STEP_SUMMARY),
      exportedEnv: parseFileCommands(read(files.GITHUB_ENV)),
      addedPath: read(files.GITHUB_PATH).split(/\r?\n/).filter(Boolean),
      state: parseFileCommands(read(files.GITHUB_STATE)),
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true })
  }
}

/** Whether the post step runs, for the post-if conditions actions use. */
function postStepRuns(condition, mainExitCode, cancelled) {
  const expression = String(condition ?? 'always()')
    .replace(/^\$\{\{\s*|\s*\}\}$/g, '')
    .trim()
  if (expression === 'always()') return true
  if (expression === 'failure()') return mainExitCode !== 0 && !cancelled
  if (expression === 'cancelled()') return cancelled
  if (expression === 'success()' || expression === '') return mainExitCode === 0 && !cancelled
  // Something richer than the status functions: run it, as the safer choice for cleanup.
  return true
}

async function runAction(action, inputs, verbose) {
  const main = action.runs.main
  if (!main) throw new UsageError(`${action.name} has no runs.main in its action.yml`)
  const entry = resolve(action.dir, main)
  if (!existsSync(entry)) {
    throw new Error(`${entry} is missing: the action's bundle was not built (npm run bundle)`)
  }
  const masker = new Masker()
  const env = actionEnvironment(action, inputs, verbose, masker)
  const translator = new LogTranslator(masker, { verbose })

  // Ctrl-C or a CI's cancel: the step is told with SIGTERM, as the runner cancels a job, and
  // gets to wind down (and its post step runs); a second signal kills it.
  /** @type {{ child?: import('node:child_process').ChildProcess }} */
  const control = {}
  let cancelled = false
  const onSignal = () => {
    if (cancelled) control.child?.kill('SIGKILL')
    else control.child?.kill('SIGTERM')
    cancelled = true
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)

  try {
    const result = await runStep(entry, env, translator, masker, control)
    let exitCode = result.exitCode
    const summaries = [result.summary]
    if (action.runs.post && postStepRuns(action.runs['post-if'], result.exitCode, cancelled)) {
      const postEntry = resolve(action.dir, action.runs.post)
      // What the main step exported (GITHUB_ENV, GITHUB_PATH) applies to the steps after it,
      // the post step included; its saved state comes as STATE_<name>.
      const postEnv = { ...env, ...result.exportedEnv }
      if (result.addedPath.length > 0) {
        postEnv.PATH = [...[...result.addedPath].reverse(), env.PATH].join(delimiter)
      }
      for (const [name, value] of Object.entries(result.state)) postEnv[`STATE_${name}`] = value
      const post = await runStep(postEntry, postEnv, translator, masker, control)
      summaries.push(post.summary)
      if (exitCode === 0) exitCode = post.exitCode
    }

    const summary = summaries.filter((text) => text.trim() !== '').join('\n')
    if (summary) {
      process.stderr.write(
        `\n${paint('2', '── summary')}\n${inert(masker.mask(summaryText(summary)))}\n`,
      )
    }
    const exported = Object.keys(result.exportedEnv)
    if (exported.length > 0 || result.addedPath.length > 0) {
      process.stderr.write(`\n${paint('2', '── for the steps after it')}\n`)
      if (exported.length > 0) process.stderr.write(`exported: ${exported.join(', ')}\n`)
      for (const dir of result.addedPath)
        process.stderr.write(`${inert(`added to PATH: ${masker.mask(dir)}`)}\n`)
    }
    const declared = Object.keys(action.outputs)
    const names = [
      ...declared.filter((name) => name in result.outputs),
      ...Object.keys(result.outputs).filter((name) => !declared.includes(name)),
    ]
    if (names.length > 0) {
      process.stderr.write(`\n${paint('2', '── outputs')}\n`)
      const text = names.map((name) => formatOutput(name, result.outputs[name] ?? '')).join('\n')
      // Redirected to a file (`> outputs.txt`, `>> "$GITHUB_OUTPUT"`), no runner reads it as
      // log, and a stop-commands line would not be `name=value`: the outputs go as they are.
      const masked = masker.mask(text)
      process.stdout.write(`${stdoutIsFile() ? masked : inert(masked)}\n`)
    }
    return exitCode
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

/** @param {string[]} argv the arguments after `flightdeck` */
export async function main(argv, root = packageRoot) {
  const [first, ...rest] = argv
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const text = mainHelp(root)
    if (first === undefined) {
      process.stderr.write(text)
      return USAGE_ERROR
    }
    process.stdout.write(text)
    return 0
  }
  if (first === '--version') {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    process.stdout.write(`${pkg.version}\n`)
    return 0
  }
  // Commands that are not actions: they live in their own modules, loaded only when asked for.
  if (first === 'init') return (await import('./init/command.mjs')).runInit(rest)
  if (first === 'lint') return (await import('./lint/command.mjs')).runLint(rest)
  const actions = listActions(root)
  if (!actions.includes(first)) {
    const close = first.startsWith('-') ? undefined : closest(first, actions)
    const what = first.startsWith('-') ? `unknown option "${first}"` : `unknown action "${first}"`
    throw new UsageError(
      `${what}; ${close ? `did you mean ${close}? ` : ''}actions: ${actions.join(', ')}`,
    )
  }
  const action = readAction(first, root)
  const { inputs: flags, help, verbose } = parseActionArgs(action, rest)
  if (help) {
    process.stdout.write(actionHelp(action))
    return 0
  }
  const { inputs, notes } = withEnvironmentInputs(action, flags)
  for (const note of notes) process.stderr.write(`${paint('1;33', 'note:')} ${note}\n`)
  const missing = Object.entries(action.inputs)
    .filter(([name, spec]) => spec.required && !(inputs[name] ?? '').trim())
    .map(([name]) => `--${name}`)
  if (missing.length > 0) {
    throw new UsageError(
      `${action.name} needs ${missing.join(', ')} (see flightdeck ${action.name} --help)`,
    )
  }
  return runAction(action, inputs, verbose)
}

/** True when this file is the program being run (directly or through npm's bin link). */
function invokedDirectly() {
  if (!process.argv[1]) return false
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (invokedDirectly()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (error) => {
      process.stderr.write(
        `${inert(`${paint('1;31', 'error:')} ${error instanceof Error ? error.message : String(error)}`)}\n`,
      )
      process.exitCode = error instanceof UsageError ? USAGE_ERROR : 1
    },
  )
}
