// Runs a consumer workflow's flightdeck steps in order, the way the GitHub runner would, against
// whatever local stand-ins the caller wires in (fake CLIs, a fake GitHub API, a local app).
//
// - Jobs run in `needs` order; `if:` on jobs and steps is honoured (default `success()`), as are
//   `continue-on-error`, `failure()`, `always()`, job results and `needs.<job>.result`.
// - A step that uses a flightdeck action (`flightdeck-actions/flightdeck/actions/<name>@ref`,
//   `./actions/<name>`, or `./../__flightdeck__/actions/<name>` after the step that checks
//   flightdeck out at the workflow's commit: workflow-self-checkout.mjs) runs the committed bundle dist/<name>/index.js as a child process
//   (bundle-runner.mjs), then its post step at the end of the job when action.yml has one.
//   GITHUB_ENV and GITHUB_PATH written by a step reach the later steps of the job.
// - A job that uses a reusable workflow of this repo (`…/.github/workflows/<file>@ref` or
//   `./.github/workflows/<file>`) is expanded: its `with:` and `secrets:` are checked against
//   on.workflow_call and typed, its jobs run with `inputs.*` / `secrets.*` bound, and its
//   outputs come back to the caller as `needs.<job>.outputs.*`.
// - `run:` steps of flightdeck's own reusable workflows are flightdeck's code: they run (bash).
// - Every other step (`run:`, `actions/checkout`, …) is not executed: it is recorded as stubbed.
//   Its expressions (env, with, the script text) are still evaluated, so a wire it reads is
//   checked. Outputs of a stubbed step exist only when the caller gives them (`stubs`).
//
// The runner never passes silently over what it cannot do: an input the action or workflow does
// not declare, a required one left out, an output read that the step or job never sets, a
// context value the run was not given, an expression outside the supported subset: each throws
// a WorkflowError naming the file, the job, the step and the expression.
//
// The pieces: workflow-run.mjs (jobs, contexts, reusable workflows), workflow-steps.mjs (a job's
// steps), workflow-checks.mjs (wires checked before running), workflow-structure.mjs (the
// workflow's shape), workflow-evaluate.mjs and workflow-values.mjs (expressions and their
// values; parsed by workflow-expressions.mjs), workflow-self-checkout.mjs.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { WorkflowError } from './workflow-expressions.mjs'
import { topLevelJobWorkflow } from './workflow-self-checkout.mjs'
import { Run } from './workflow-run.mjs'
import { bindInputs, parseWorkflow, triggerNames } from './workflow-structure.mjs'
import { isRecord, stringValues } from './workflow-values.mjs'

export { parseExpression, WorkflowError } from './workflow-expressions.mjs'
export { parseWorkflow } from './workflow-structure.mjs'

/** The SHA and repository bundle-runner.mjs gives every bundle, so contexts agree with it. */
const DEFAULT_GITHUB = {
  repository: 'acme/shop',
  repository_owner: 'acme',
  sha: 'ffac537e6cbbf934b08745a378932722df287a53',
  ref: 'refs/heads/main',
  ref_name: 'main',
  head_ref: '',
  base_ref: '',
  actor: 'octocat',
  triggering_actor: 'octocat',
  workflow: 'deploy',
  run_id: '1658821493',
  run_number: '7',
  run_attempt: '1',
  server_url: 'https://github.com',
  api_url: 'https://api.github.com',
  graphql_url: 'https://api.github.com/graphql',
  token: 'ghs_harnessdefaulttoken000000000000000',
}

/**
 * @typedef {object} RunWorkflowOptions
 * @property {string} [eventName] github.event_name (default: the first trigger in `on:`)
 * @property {Record<string, unknown>} [event] the webhook payload (github.event)
 * @property {Record<string, unknown>} [inputs] workflow_dispatch inputs (checked against `on.workflow_dispatch.inputs`)
 * @property {Record<string, string>} [secrets] the repository's secrets; reading any other is an error
 * @property {Record<string, string>} [vars] configuration variables; reading any other is an error
 * @property {Record<string, string>} [github] github context values to override (ref, sha, actor …)
 * @property {Record<string, string>} [stubs] outputs (and outcomes) of stubbed steps:
 *   `<job>.<step>.outputs.<name>` or `<step>.outputs.<name>`, and `<step>.outcome` = success|failure;
 *   a step is named by its id, else its name, else the first line of its `run:`
 * @property {Record<string, string>} [rewrite] text replaced in every flightdeck step's inputs and
 *   env before it runs: an example's URL → the local stand-in's URL
 * @property {Record<string, string>} [overrides] input values that replace what a flightdeck step
 *   passes, `<job>.<step>.<input>` or `<step>.<input>` (a short health timeout for a stand-in that
 *   is never healthy); each must match a step that runs, and shows in the trace as `overridden`
 * @property {Record<string, string | undefined>} [env] the runner machine's environment for every bundle (PATH, FAKE_CLI_STATE, RUNNER_TOOL_CACHE …)
 * @property {string} [apiUrl] GITHUB_API_URL for the bundles (a local fake)
 * @property {string} [workflowsDir] where reusable workflows are looked up (default: this repo's .github/workflows)
 * @property {number} [stepTimeoutMs] kill a bundle after this long (default 120 s)
 * @property {(action: string, options: import('./bundle-runner.mjs').RunOptions) => Promise<import('./bundle-runner.mjs').RunResult>} [runStepAction]
 *   runs one bundle (default runBundledAction)
 */

/**
 * @typedef {object} StepTrace
 * @property {string} job the job id (`caller/callee` inside a reusable workflow)
 * @property {string} key the step's id, else its name, else its first `run:` line or `uses:`
 * @property {string} [id]
 * @property {'flightdeck' | 'flightdeck-post' | 'flightdeck-run' | 'flightdeck-checkout' | 'stubbed' | 'skipped'} kind
 *   flightdeck-run: a `run:` step of flightdeck's own reusable workflow, run with bash;
 *   flightdeck-checkout: its step that checks flightdeck out (checked, not run)
 * @property {string} [action] the flightdeck action's name
 * @property {string} [uses]
 * @property {string} [run] the script, expressions substituted (stubbed `run:` steps)
 * @property {Record<string, string>} [inputs] what the step was given (after `rewrite` and `overrides`)
 * @property {string[]} [overridden] the inputs `overrides` replaced
 * @property {Record<string, string>} [env] the step's own `env:` (after `rewrite`)
 * @property {'success' | 'failure' | 'skipped'} outcome
 * @property {'success' | 'failure' | 'skipped'} conclusion
 * @property {Record<string, string>} outputs
 * @property {number | null} [exitCode]
 * @property {string[]} [errors] the ::error lines of a bundle
 * @property {string} [summary] what a bundle wrote to the job summary
 * @property {string} [stdout] a bundle's stdout
 */

/**
 * @typedef {object} JobTrace
 * @property {string} id
 * @property {'steps' | 'workflow'} kind
 * @property {string} [uses] the reusable workflow
 * @property {Record<string, unknown>} [with] what a reusable workflow was given (typed)
 * @property {'success' | 'failure' | 'skipped'} result
 * @property {Record<string, string>} outputs
 * @property {StepTrace[]} steps
 * @property {WorkflowTrace} [workflow] the expanded reusable workflow
 */

/**
 * @typedef {object} WorkflowTrace
 * @property {string} file
 * @property {'success' | 'failure'} conclusion
 * @property {JobTrace[]} jobs in the order they ran
 * @property {StepTrace[]} steps every step of every job, nested workflows included, in order
 * @property {string[]} stubbed `job › step` of every stubbed step (what the run did not execute)
 * @property {string[]} emptyReads outputs read from a failed or skipped step that never set them (empty, as on GitHub)
 */

// ---------------------------------------------------------------------------------------------
// Entry points

/**
 * Runs a workflow file.
 * @param {string} path
 * @param {RunWorkflowOptions} [options]
 * @returns {Promise<WorkflowTrace>}
 */
export async function runWorkflowFile(path, options = {}) {
  return runWorkflow(readFileSync(path, 'utf8'), basename(path), options)
}

/**
 * Runs a workflow given as YAML text (or already parsed).
 * @param {string | Record<string, unknown>} source
 * @param {string} file the name used in traces and errors
 * @param {RunWorkflowOptions} [options]
 * @returns {Promise<WorkflowTrace>}
 */
export async function runWorkflow(source, file, options = {}) {
  const workflow = typeof source === 'string' ? parseWorkflow(source, file) : source
  const triggers = triggerNames(workflow.on)
  const eventName = options.eventName ?? triggers[0] ?? 'push'
  if (!triggers.includes(eventName)) {
    throw new WorkflowError(`${file}: it does not run on ${eventName} (on: ${triggers.join(', ')})`)
  }
  const github = {
    ...DEFAULT_GITHUB,
    ...options.github,
    event_name: eventName,
    event: options.event ?? {},
  }
  const run = new Run(options, github)
  const dispatch = isRecord(workflow.on) ? workflow.on.workflow_dispatch : undefined
  const dispatchSpec = isRecord(dispatch) && isRecord(dispatch.inputs) ? dispatch.inputs : {}
  /** @type {Record<string, unknown>} */
  let inputs
  if (eventName === 'workflow_dispatch') {
    inputs = bindInputs(`${file}: workflow_dispatch`, dispatchSpec, options.inputs ?? {})
  } else {
    if (options.inputs && Object.keys(options.inputs).length) {
      throw new WorkflowError(`${file}: inputs are given but ${eventName} has none`)
    }
    // On other events the inputs a workflow_dispatch declares read as null, as on GitHub.
    inputs = Object.fromEntries(Object.keys(dispatchSpec).map((name) => [name, null]))
  }
  if (eventName === 'workflow_dispatch') {
    github.event = { ...github.event, inputs: stringValues(inputs) }
  }
  const secrets = { GITHUB_TOKEN: github.token, ...options.secrets }
  const trace = await run.workflow(workflow, file, {
    inputs,
    secrets,
    secretsDeclared: undefined,
    prefix: '',
    ownScripts: false,
    jobWorkflow: topLevelJobWorkflow(github, file),
  })
  const unused = Object.keys(options.overrides ?? {}).filter((name) => !run.usedOverrides.has(name))
  if (unused.length > 0) {
    throw new WorkflowError(`${file}: overrides ${unused.join(', ')} matched no step that ran`)
  }
  return trace
}

/**
 * A readable account of a run, one line per step: for test output and the report.
 * @param {WorkflowTrace} trace
 */
export function describeTrace(trace) {
  const lines = [`${trace.file}: ${trace.conclusion}`]
  const walkJobs = (/** @type {WorkflowTrace} */ workflow, /** @type {string} */ indent) => {
    for (const job of workflow.jobs) {
      lines.push(
        `${indent}job ${job.id} (${job.kind === 'workflow' ? job.uses : 'steps'}): ${job.result}`,
      )
      for (const step of job.steps) {
        const what = step.action ? `actions/${step.action}` : (step.uses ?? 'run')
        lines.push(`${indent}  ${step.kind.padEnd(15)} ${step.key} [${what}] ${step.outcome}`)
      }
      if (job.workflow) walkJobs(job.workflow, `${indent}  `)
      if (Object.keys(job.outputs).length)
        lines.push(`${indent}  outputs ${JSON.stringify(job.outputs)}`)
    }
  }
  walkJobs(trace, '  ')
  return lines.join('\n')
}
