// One step run as the GitHub runner runs it, for everything in this repository that does so:
// the flightdeck CLI (bin/flightdeck.mjs), the tests' action runner and their workflow runner
// (__tests__/support). What the runner gives a step and reads back from it lives here once:
// inputs as INPUT_<NAME> variables with action.yml's defaults filled in, the file-command files
// (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH, GITHUB_STATE, GITHUB_STEP_SUMMARY) and reading them
// back, the process itself with its stdout and stderr, and when a post step runs and with what.
// How the log is shown to a person is bin/lib/step-log.mjs; each caller decides where output
// goes and how long a step may take.
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { delimiter, join } from 'node:path'

/** The files a step writes its commands to, by variable, and their names in its work folder. */
export const FILE_COMMANDS = {
  GITHUB_OUTPUT: 'output',
  GITHUB_STEP_SUMMARY: 'summary.md',
  GITHUB_ENV: 'env',
  GITHUB_PATH: 'path',
  GITHUB_STATE: 'state',
}

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

/** The variable the runner passes an input in: `INPUT_` and the name upper-cased, spaces as `_`. */
export const inputVariable = (/** @type {string} */ name) =>
  `INPUT_${name.replace(/ /g, '_').toUpperCase()}`

/**
 * The INPUT_* variables of a step: every input's action.yml default (an expression default such
 * as `${{ github.token }}` resolved from `context`, empty when it has no value there), then the
 * given inputs over them.
 * @param {Record<string, { default?: unknown }>} declared action.yml `inputs`
 * @param {Record<string, string>} given
 * @param {Record<string, string>} [context] values of the expressions defaults may use
 * @returns {Record<string, string>}
 */
export function inputEnvironment(declared, given, context = {}) {
  /** @type {Record<string, string>} */
  const env = {}
  for (const [name, spec] of Object.entries(declared)) {
    const fallback =
      spec?.default === undefined || spec.default === null ? '' : String(spec.default)
    env[inputVariable(name)] = fallback.replace(
      /\$\{\{\s*([^}]*?)\s*\}\}/g,
      (_, expression) => context[expression] ?? '',
    )
  }
  for (const [name, value] of Object.entries(given)) env[inputVariable(name)] = value
  return env
}

/**
 * Creates a step's empty file-command files in `workDir`.
 * @param {string} workDir
 * @param {Array<keyof typeof FILE_COMMANDS>} [names] the variables to create (default: all)
 * @returns {Record<string, string>} path by variable, to put in the step's environment
 */
export function createFileCommands(workDir, names) {
  const chosen =
    names ?? /** @type {Array<keyof typeof FILE_COMMANDS>} */ (Object.keys(FILE_COMMANDS))
  /** @type {Record<string, string>} */
  const files = {}
  for (const name of chosen) {
    files[name] = join(workDir, FILE_COMMANDS[name])
    writeFileSync(files[name], '')
  }
  return files
}

/**
 * @typedef {object} FileCommandResults
 * @property {Record<string, string>} outputs GITHUB_OUTPUT
 * @property {string} summary GITHUB_STEP_SUMMARY
 * @property {Record<string, string>} exportedEnv GITHUB_ENV, for the steps after it
 * @property {string[]} addedPath GITHUB_PATH, in the order written
 * @property {Record<string, string>} savedState GITHUB_STATE, for its post step
 */

/**
 * What a step wrote to its file commands (a file it was not given reads as empty).
 * @param {Record<string, string>} files from createFileCommands
 * @returns {FileCommandResults}
 */
export function readFileCommands(files) {
  const read = (/** @type {string} */ name) =>
    files[name] === undefined ? '' : readFileSync(/** @type {string} */ (files[name]), 'utf8')
  return {
    outputs: parseFileCommands(read('GITHUB_OUTPUT')),
    summary: read('GITHUB_STEP_SUMMARY'),
    exportedEnv: parseFileCommands(read('GITHUB_ENV')),
    addedPath: read('GITHUB_PATH').split(/\r?\n/).filter(Boolean),
    savedState: parseFileCommands(read('GITHUB_STATE')),
  }
}

/**
 * PATH with directories a step added: the last one added comes first, as on the runner.
 * @param {string[]} added in the order written
 * @param {string | undefined} path
 */
export function prependPath(added, path) {
  return [...[...added].reverse(), ...(path === undefined ? [] : [path])].join(delimiter)
}

/**
 * The environment of a post step: the main step's, with what it exported (GITHUB_ENV,
 * GITHUB_PATH), which applies to every later step, and its saved state as STATE_<name>.
 * @param {Record<string, string | undefined>} env the main step's environment
 * @param {Pick<FileCommandResults, 'exportedEnv' | 'addedPath' | 'savedState'>} main
 */
export function postStepEnvironment(env, main) {
  const postEnv = { ...env, ...main.exportedEnv }
  if (main.addedPath.length > 0) postEnv.PATH = prependPath(main.addedPath, env.PATH)
  for (const [name, value] of Object.entries(main.savedState)) postEnv[`STATE_${name}`] = value
  return postEnv
}

/**
 * Whether the post step runs, for the post-if conditions actions use.
 * @param {unknown} condition action.yml `runs.post-if` (default always())
 * @param {number | null} mainExitCode
 * @param {boolean} cancelled
 */
export function postStepRuns(condition, mainExitCode, cancelled) {
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

/**
 * @typedef {object} StepProcessOptions
 * @property {string} cwd
 * @property {Record<string, string | undefined>} env variables set to undefined are left out
 * @property {(chunk: string) => void} [onStdout]
 * @property {(chunk: string) => void} [onStderr]
 * @property {(child: import('node:child_process').ChildProcess) => void} [onSpawn] to signal it
 */

/**
 * Runs a step's process (`node <entry>` for an action, bash for a script) with its stdout and
 * stderr piped, never inherited, and waits for it to end.
 * @param {string} command
 * @param {string[]} args
 * @param {StepProcessOptions} options
 * @returns {Promise<{ code: number | null, signal: NodeJS.Signals | null }>}
 */
export async function runStepProcess(command, args, options) {
  const env = Object.fromEntries(
    Object.entries(options.env).filter(([, value]) => value !== undefined),
  )
  const child = spawn(command, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
  options.onSpawn?.(child)
  child.stdout.setEncoding('utf8').on('data', (chunk) => options.onStdout?.(chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk) => options.onStderr?.(chunk))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal }))
  })
}

/**
 * Calls `each` with every complete line of a stream of chunks (without its line break), and
 * with the unfinished rest when `end` is called.
 * @param {(line: string) => void} each
 */
export function lineSplitter(each) {
  let pending = ''
  return {
    /** @param {string} chunk */
    write(chunk) {
      pending += chunk
      const complete = pending.split('\n')
      pending = complete.pop() ?? ''
      for (const line of complete) each(line.replace(/\r$/, ''))
    },
    end() {
      if (pending) each(pending)
      pending = ''
    },
  }
}
