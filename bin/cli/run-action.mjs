// Runs one action for `flightdeck <action>`: its main step, then its post step, through the
// step host (bin/lib/step-host.mjs), with this machine standing in for the runner; then shows
// the summary, what it exported and its outputs.
//
// Where things go: the log, the summary and notes go to stderr; the outputs, one `name=value`
// line each, are the only thing on stdout.
import { existsSync, fstatSync, mkdtempSync, rmSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { isCredentialInput, privateTempDir, withoutEnvInputs } from '../lib/private-run.mjs'
import {
  createFileCommands,
  inputEnvironment,
  lineSplitter,
  postStepEnvironment,
  postStepRuns,
  readFileCommands,
  runStepProcess,
} from '../lib/step-host.mjs'
import { inert, LogTranslator, Masker, paint } from '../lib/step-log.mjs'
import { UsageError } from './errors.mjs'
import { summaryText } from './summary-text.mjs'

/** @typedef {import('./action-yml.mjs').ActionSpec} ActionSpec */

/** Outputs as `name=value`, or `name<<EOF` ... `EOF` for a value of several lines. */
export function formatOutput(name, value) {
  if (!/[\r\n]/.test(value)) return `${name}=${value}`
  let end = 'EOF'
  for (let n = 1; value.split(/\r?\n/).includes(end); n++) end = `EOF${n}`
  return `${name}<<${end}\n${value}\n${end}`
}

function stdoutIsFile() {
  try {
    return fstatSync(1).isFile()
  } catch {
    return false
  }
}

/**
 * The environment of the action's process: the user's own (tokens, PATH, and the GITHUB_*
 * context of a CI that sets it), minus what belongs to another step (INPUT_*, STATE_*, file
 * commands), plus local stand-ins for what a runner always sets, and the inputs.
 * @param {ActionSpec} action
 * @param {Record<string, string>} inputs
 * @param {boolean} verbose
 * @param {Masker} masker
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
  Object.assign(env, inputEnvironment(action.inputs, inputs, { 'github.token': token }))
  for (const [name, value] of Object.entries(inputs)) {
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
 * Runs one step (main or post) as a child process with fresh file-command files; its log goes
 * to stderr as a person should read it.
 * @param {string} entry
 * @param {Record<string, string | undefined>} env
 * @param {LogTranslator} translator
 * @param {Masker} masker
 * @param {{ child?: import('node:child_process').ChildProcess }} control
 */
async function runStep(entry, env, translator, masker, control) {
  const workDir = mkdtempSync(join(tmpdir(), 'flightdeck-cli-'))
  try {
    const files = createFileCommands(workDir)
    const stdout = lineSplitter((line) => {
      const shown = translator.line(line)
      if (shown !== undefined) process.stderr.write(`${inert(shown)}\n`)
    })
    const stderr = lineSplitter((line) => process.stderr.write(`${inert(masker.mask(line))}\n`))
    const { code, signal } = await runStepProcess(process.execPath, [entry], {
      // Where the user started it (a runner would use the workspace, which is the same place in
      // a CI checkout; an outer CI's GITHUB_WORKSPACE may not even exist on this machine).
      cwd: process.cwd(),
      env: { ...env, ...files },
      onStdout: stdout.write,
      onStderr: stderr.write,
      onSpawn: (child) => (control.child = child),
    })
    stdout.end()
    stderr.end()
    control.child = undefined
    const exitCode = code ?? 128 + (signal === 'SIGKILL' ? 9 : signal === 'SIGINT' ? 2 : 15)
    return { exitCode, ...readFileCommands(files) }
  } finally {
    rmSync(workDir, { recursive: true, force: true })
  }
}

/**
 * @param {ActionSpec} action
 * @param {Record<string, string>} inputs
 * @param {boolean} verbose
 * @returns {Promise<number>} the exit code
 */
export async function runActionCommand(action, inputs, verbose) {
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
      const postEnv = postStepEnvironment(env, result)
      const post = await runStep(postEntry, postEnv, translator, masker, control)
      summaries.push(post.summary)
      if (exitCode === 0) exitCode = post.exitCode
    }
    showResults(action, result, summaries, masker)
    return exitCode
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

/**
 * The summary and exports to stderr, the outputs to stdout.
 * @param {ActionSpec} action
 * @param {import('../lib/step-host.mjs').FileCommandResults} result the main step's
 * @param {string[]} summaries
 * @param {Masker} masker
 */
function showResults(action, result, summaries, masker) {
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
}
