// Runs a bundled action the way the GitHub runner does: a fresh `node dist/<name>/index.js`
// process with INPUT_* variables (action.yml defaults filled in), file commands
// (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_ENV, GITHUB_PATH, GITHUB_STATE), an event file
// and a GitHub API URL. Used by the process-level tests, the demo and the benchmark.
//
// The child's stdout and stderr are always piped and kept (never inherited), so a run prints
// nothing by itself: the demo streams them through `onOutput`, and inside jest each run's output
// goes to the test environment (jest.environment.js), which shows it only when the test fails.
import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import {
  createFileCommands,
  inputEnvironment as stepInputs,
  parseFileCommands,
  readFileCommands,
  runStepProcess,
} from '../../bin/lib/step-host.mjs'

export const repoRoot = new URL('../..', import.meta.url).pathname

/** Set by jest.environment.js on a test's global: takes output to show if the test fails. */
const TEST_OUTPUT = Symbol.for('flightdeck.test-output')

// What the runner gives a step and reads back (INPUT_* variables, file commands, the process)
// is the step host's (bin/lib/step-host.mjs), shared with the flightdeck CLI, which does the
// runner's job outside GitHub; this file adds what a test needs around it.
export { parseFileCommands }

/**
 * The INPUT_* variables the runner would set: every default of action.yml, then the given
 * inputs. Defaults that are expressions (`${{ github.token }}`) are resolved from `context`.
 * @param {string} action
 * @param {Record<string, string>} inputs
 * @param {Record<string, string>} context
 */
export function inputEnvironment(action, inputs, context = {}) {
  const spec = parse(readFileSync(join(repoRoot, 'actions', action, 'action.yml'), 'utf8'))
  const declared = spec.inputs ?? {}
  for (const name of Object.keys(inputs)) {
    if (!(name in declared)) throw new Error(`action ${action} has no input "${name}"`)
  }
  return stepInputs(declared, inputs, context)
}

/**
 * @typedef {object} RunOptions
 * @property {Record<string, string>} [inputs]
 * @property {Record<string, string | undefined>} [env] extra environment (PATH, tokens, API URLs)
 * @property {object} [event] the webhook payload written to GITHUB_EVENT_PATH
 * @property {string} [eventName]
 * @property {string} [apiUrl] GITHUB_API_URL, e.g. a local fake
 * @property {number} [timeoutMs] kill the action after this long
 * @property {(chunk: string) => void} [onOutput] live stdout and stderr
 * @property {string} [cwd]
 * @property {string} [entry] the bundle file under dist/<action>/ (default index.js; post/index.js for a post step)
 * @property {Record<string, string>} [state] values a main step saved (STATE_<name>), for a post step
 * @property {number} [cancelAfterMs] send SIGTERM after this long, as the runner does when a job is cancelled
 * @property {RegExp} [cancelOn] send SIGTERM once stdout matches this (a job cancelled at that point)
 * @property {NodeJS.Signals} [cancelSignal] what cancelOn sends: SIGTERM (the default) or SIGKILL (a runner that gave up waiting)
 */

/**
 * @typedef {object} RunResult
 * @property {number | null} exitCode
 * @property {string} stdout
 * @property {string} stderr
 * @property {Record<string, string>} outputs
 * @property {string} summary
 * @property {Record<string, string>} exportedEnv
 * @property {string[]} addedPath
 * @property {Record<string, string>} savedState what the step saved for its post step (GITHUB_STATE)
 * @property {number} startedAt epoch ms just before the process was spawned
 * @property {number} endedAt epoch ms when it exited
 * @property {number} durationMs
 * @property {string} workDir
 * @property {string[]} errors the messages of ::error lines
 */

/**
 * @param {string} action the folder name under actions/
 * @param {RunOptions} [options]
 * @returns {Promise<RunResult>}
 */
export async function runBundledAction(action, options = {}) {
  const bundle = join(repoRoot, 'dist', action, options.entry ?? 'index.js')
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run bundle`)
  const workDir = mkdtempSync(join(tmpdir(), `flightdeck-${action}-`))
  const files = createFileCommands(workDir)
  const eventPath = join(workDir, 'event.json')
  writeFileSync(eventPath, JSON.stringify(options.event ?? {}))
  for (const dir of ['temp', 'tool-cache', 'workspace']) mkdirSync(join(workDir, dir))

  const token = options.env?.GITHUB_TOKEN ?? 'ghs_harnessdefaulttoken000000000000000'
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    // The suite's (jest.config.js) test-only knob: the fake GitHub needs no write spacing.
    FLIGHTDECK_GITHUB_WRITE_SPACING: process.env.FLIGHTDECK_GITHUB_WRITE_SPACING,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_EVENT_NAME: options.eventName ?? 'push',
    GITHUB_SHA: 'ffac537e6cbbf934b08745a378932722df287a53',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_WORKFLOW: 'deploy',
    GITHUB_RUN_ID: '1658821493',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_JOB: 'deploy',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: options.apiUrl ?? 'http://127.0.0.1:9/unreachable-api',
    GITHUB_GRAPHQL_URL: `${options.apiUrl ?? 'http://127.0.0.1:9/unreachable-api'}/graphql`,
    GITHUB_WORKSPACE: join(workDir, 'workspace'),
    RUNNER_TEMP: join(workDir, 'temp'),
    RUNNER_TOOL_CACHE: join(workDir, 'tool-cache'),
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    ...files,
    GITHUB_EVENT_PATH: eventPath,
    ...inputEnvironment(action, options.inputs ?? {}, { 'github.token': token }),
    ...Object.fromEntries(
      Object.entries(options.state ?? {}).map(([name, value]) => [`STATE_${name}`, value]),
    ),
    ...options.env,
  }
  const startedAt = Date.now()
  // Inside jest: the run's output, live, for the test environment to show if the test fails.
  /** @type {((text: string) => void) | undefined} */
  const testOutput = globalThis[TEST_OUTPUT]
  testOutput?.(`── node dist/${action}/index.js, inputs ${JSON.stringify(options.inputs ?? {})}\n`)
  let lineOpen = false
  const toTest = (chunk) => {
    testOutput?.(chunk)
    lineOpen = !chunk.endsWith('\n')
  }
  let stdout = ''
  let stderr = ''
  let cancelled = false
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child
  // Past the time limit: SIGTERM first, as the runner does, so the action stops the commands it
  // started (they run in process groups of their own); SIGKILL if it does not end.
  let killTimer
  const timer = options.timeoutMs
    ? setTimeout(() => {
        child?.kill('SIGTERM')
        killTimer = setTimeout(() => child?.kill('SIGKILL'), 2000)
      }, options.timeoutMs)
    : undefined
  const cancel = options.cancelAfterMs
    ? setTimeout(() => child?.kill('SIGTERM'), options.cancelAfterMs)
    : undefined
  /** @type {number | null} */
  let exitCode
  try {
    ;({ code: exitCode } = await runStepProcess(process.execPath, [bundle], {
      cwd: options.cwd ?? env.GITHUB_WORKSPACE ?? workDir,
      env,
      onSpawn: (spawned) => (child = spawned),
      onStdout: (chunk) => {
        stdout += chunk
        if (options.cancelOn && !cancelled && options.cancelOn.test(stdout)) {
          cancelled = true
          child?.kill(options.cancelSignal ?? 'SIGTERM')
        }
        toTest(chunk)
        options.onOutput?.(chunk)
      },
      onStderr: (chunk) => {
        stderr += chunk
        toTest(chunk)
        options.onOutput?.(chunk)
      },
    }))
  } finally {
    clearTimeout(timer)
    clearTimeout(cancel)
  }
  const endedAt = Date.now()
  clearTimeout(killTimer)
  toTest(`${lineOpen ? '\n' : ''}── exit ${exitCode ?? 'killed'} after ${endedAt - startedAt} ms\n`)

  const written = readFileCommands(files)
  return {
    exitCode,
    stdout,
    stderr,
    outputs: written.outputs,
    summary: written.summary,
    exportedEnv: written.exportedEnv,
    addedPath: written.addedPath,
    savedState: written.savedState,
    startedAt,
    endedAt,
    durationMs: endedAt - startedAt,
    workDir,
    errors: stdout
      .split('\n')
      .filter((line) => line.startsWith('::error'))
      .map((line) => line.replace(/^::error[^:]*::/, '')),
  }
}

/**
 * Everywhere a planted secret shows up in what a user could see: the log (the runner's own
 * `::add-mask::` commands aside, which it consumes), the summary, outputs, exported variables.
 * @param {RunResult} result
 * @param {string} secret
 * @returns {string[]} the places it leaked to
 */
export function secretLeaks(result, secret) {
  const visibleLog = (text) =>
    text
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n')
  const places = {
    stdout: visibleLog(result.stdout),
    stderr: visibleLog(result.stderr),
    summary: result.summary,
    outputs: JSON.stringify(result.outputs),
    env: JSON.stringify(result.exportedEnv),
  }
  return Object.entries(places)
    .filter(([, text]) => text.includes(secret))
    .map(([place]) => place)
}
