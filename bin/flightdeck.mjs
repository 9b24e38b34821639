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
// The pieces: bin/cli/action-yml.mjs reads action.yml (with `yaml`), bin/cli/args.mjs the flags,
// bin/cli/help.mjs the help, bin/cli/run-action.mjs runs the steps through the step host
// (bin/lib/step-host.mjs, shared with the tests' runners) and shows the log (bin/lib/step-log.mjs)
// and the summary (bin/cli/summary-text.mjs). `init` and `lint` (bin/init, bin/lint) are loaded
// only when those commands run. Nothing is imported from scripts/ or __tests__/, which are
// tooling of this repository rather than part of the product.
import { readFileSync, realpathSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { listActions, packageRoot, readAction } from './cli/action-yml.mjs'
import { closest, parseActionArgs } from './cli/args.mjs'
import { UsageError } from './cli/errors.mjs'
import { actionHelp, mainHelp } from './cli/help.mjs'
import { runActionCommand } from './cli/run-action.mjs'
import { withEnvironmentInputs } from './lib/private-run.mjs'
import { inert, paint } from './lib/step-log.mjs'

/** The exit code of a usage error (unknown action or flag, a flag without its value). */
const USAGE_ERROR = 2

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
  return runActionCommand(action, inputs, verbose)
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
