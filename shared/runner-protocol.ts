// The GitHub runner's protocol, as flightdeck speaks it: inputs from INPUT_* variables, log
// lines, annotations, masks and groups as workflow commands on stdout, and outputs, state,
// environment and PATH through the runner's command files.
//
// Why not `@actions/core`: version 3 imports undici at load time for its OIDC client
// (`getIDToken`, which flightdeck never calls), which costs every step ~90 ms of start-up, and
// it has no way to print text that came from outside without the runner reading a line of it
// as a command. This module writes exactly what `@actions/core` writes (the format is checked
// against it in __tests__/shared/runner-protocol.test.ts), and every log line goes through
// `safeLogText`, so text from branch names, CLI output or API bodies is always data.
// Random tokens come from the global Web Crypto object, which Node loads only when first used:
// a step that fails on its inputs never pays for the crypto modules.
import { appendFileSync } from 'node:fs'
import { EOL } from 'node:os'
import { redact, registerSecret } from './secret-registry.js'

export interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
  endLine?: number
  startColumn?: number
  endColumn?: number
}

/** Escapes a command's message as the runner unescapes it (`@actions/core`'s escapeData). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escapes a command property's value (`@actions/core`'s escapeProperty). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

// Every value registered with setSecret goes to the one secret registry. The runner masks them
// in the log; flightdeck also takes them out of everything else it writes (outputs, the job
// summary, annotations), which the runner does not mask, and out of logs when no runner is there
// to mask (local runs).
export { redact, registeredSecrets } from './secret-registry.js'

function issueCommand(
  command: string,
  properties: Record<string, string | number | undefined>,
  message: string,
): void {
  const props = Object.entries(properties)
    .filter(
      (entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '',
    )
    .map(([key, value]) => `${key}=${escapeProperty(redact(String(value)))}`)
    .join(',')
  const data = command === 'add-mask' ? message : redact(message)
  writeLog(`::${command}${props ? ` ${props}` : ''}::${escapeData(data)}${EOL}`)
}

// What the runner would read as a command (actions/runner, ActionCommand.cs): `::name ...::`
// at the start of a line after .NET's TrimStart, whose white space adds U+0085 (NEXT LINE) to
// JavaScript's `\s` (which also holds U+FEFF, which .NET does not trim: guarding more is
// harmless), and the older `##[name ...]` ANYWHERE in a line (`IndexOf("##[")`). Lines end at
// CR, LF or CRLF for the runner; `^` with the `m` flag starts one after each of them (and after
// U+2028/U+2029, again more than needed). Whether the name is a registered command is not
// asked: the list grows with runner versions, and wrapping a harmless line costs nothing.
const COMMAND_LINE = /^[\s\u0085]*::|##\[/m

/** Whether the runner could read any line of `text` as a workflow command. */
export function couldBeCommand(text: string): boolean {
  return COMMAND_LINE.test(text)
}

/**
 * Text from outside (user input, CLI output, API bodies) made safe to print: when any line of
 * it could be read as a workflow command, the whole block is wrapped in a
 * `::stop-commands::<token>` ... `::<token>::` pair with a token the text cannot contain, so
 * the runner prints it as it is and runs none of it. Other text is returned unchanged.
 * The runner compares the token without regard to case (and ends the pause on `##[<token>]`
 * anywhere in a line too), so the text is searched for it the same way.
 */
export function safeLogText(text: string): string {
  if (!couldBeCommand(text)) return text
  const upper = text.toUpperCase()
  let token = `flightdeck-${globalThis.crypto.randomUUID()}`
  while (upper.includes(token.toUpperCase())) {
    token = `flightdeck-${globalThis.crypto.randomUUID()}`
  }
  return `::stop-commands::${token}${EOL}${text}${EOL}::${token}::`
}

// A write the log pipe could not take at once is queued in memory until the pipe drains. Code
// that prints without end (a CLI's output) waits for `logDrained()` before printing more, so a
// CLI that prints faster than the runner reads is slowed down rather than filling memory.
let drained: Promise<void> | undefined

function writeLog(text: string): void {
  if (process.stdout.write(text) || drained) return
  drained = new Promise((resolve) => {
    process.stdout.once('drain', () => {
      drained = undefined
      resolve()
    })
  })
}

/** Resolves when the log has taken what was written; undefined when nothing is queued. */
export function logDrained(): Promise<void> | undefined {
  return drained
}

/** A log line. Safe for any text: nothing in it can become a runner command. */
export function info(message: string): void {
  writeLog(`${safeLogText(redact(message))}${EOL}`)
}

export function debug(message: string): void {
  issueCommand('debug', {}, message)
}

function annotation(kind: string, message: string, properties: AnnotationProperties = {}): void {
  issueCommand(
    kind,
    {
      title: properties.title,
      file: properties.file,
      line: properties.startLine,
      endLine: properties.endLine,
      col: properties.startColumn,
      endColumn: properties.endColumn,
    },
    message,
  )
}

export function notice(message: string, properties?: AnnotationProperties): void {
  annotation('notice', message, properties)
}

export function warning(message: string, properties?: AnnotationProperties): void {
  annotation('warning', message, properties)
}

export function error(message: string, properties?: AnnotationProperties): void {
  annotation('error', message, properties)
}

/** Fails the step with one error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

/** Registers a value with the runner so it is redacted from every later log line. */
export function setSecret(value: string): void {
  if (value === '') return
  registerSecret(value)
  issueCommand('add-mask', {}, value)
}

/**
 * Opens a log group. Its name is one line: the runner writes it to the log as `##[group]name`
 * after unescaping, so a line break in it would start a line of the log's own markup.
 */
export function startGroup(name: string): void {
  issueCommand('group', {}, name.replace(/[\r\n]+/g, ' '))
}

export function endGroup(): void {
  issueCommand('endgroup', {}, '')
}

/** Runs `fn` inside a collapsible log group that closes however `fn` ends. */
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  startGroup(name)
  try {
    return await fn()
  } finally {
    endGroup()
  }
}

export function isDebug(): boolean {
  return process.env.RUNNER_DEBUG === '1'
}

/** An input's value as the runner passes it (INPUT_<NAME>), trimmed; '' when not set. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** `name<<delimiter` blocks, as the runner reads its command files. */
function keyValueBlock(key: string, value: string): string {
  const delimiter = `ghadelimiter_${globalThis.crypto.randomUUID()}`
  if (key.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`could not write ${key}: its value contains the delimiter`)
  }
  return `${key}<<${delimiter}${EOL}${value}${EOL}${delimiter}`
}

function appendCommandFile(variable: string, line: string): boolean {
  const path = process.env[variable]
  if (!path) return false
  appendFileSync(path, `${line}${EOL}`, 'utf8')
  return true
}

/** Sets a step output; registered secrets in it become `***`. */
export function setOutput(name: string, rawValue: string): void {
  const value = redact(rawValue)
  if (appendCommandFile('GITHUB_OUTPUT', keyValueBlock(name, value))) return
  // Outside a runner (a terminal, local-action), show the output where a person can see it.
  writeLog(EOL)
  issueCommand('set-output', { name }, value)
}

/** Sets an environment variable for this step and the job's later steps. */
export function exportVariable(name: string, value: string): void {
  process.env[name] = value
  if (appendCommandFile('GITHUB_ENV', keyValueBlock(name, value))) return
  issueCommand('set-env', { name }, value)
}

/** Puts a directory first on PATH for this step and the job's later steps. */
export function addPath(directory: string): void {
  if (!appendCommandFile('GITHUB_PATH', directory)) issueCommand('add-path', {}, directory)
  process.env.PATH = `${directory}${process.platform === 'win32' ? ';' : ':'}${process.env.PATH ?? ''}`
}

/** Keeps a value for this action's `post:` step. */
export function saveState(name: string, value: string): void {
  if (appendCommandFile('GITHUB_STATE', keyValueBlock(name, value))) return
  issueCommand('save-state', { name }, value)
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? ''
}

/** Appends Markdown to the job summary; false where the runner gives no summary file. */
export function appendSummaryFile(markdown: string): boolean {
  return appendCommandFile('GITHUB_STEP_SUMMARY', redact(markdown).replace(/\r?\n$/, ''))
}
