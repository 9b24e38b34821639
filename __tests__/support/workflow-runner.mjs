// Runs a consumer workflow's flightdeck steps in order, the way the GitHub runner would, against
// whatever local stand-ins the caller wires in (fake CLIs, a fake GitHub API, a local app).
//
// - Jobs run in `needs` order; `if:` on jobs and steps is honoured (default `success()`), as are
//   `continue-on-error`, `failure()`, `always()`, job results and `needs.<job>.result`.
// - A step that uses a flightdeck action (`flightdeck-actions/flightdeck/actions/<name>@ref`,
//   `./actions/<name>`, or `./../__flightdeck__/actions/<name>` after the step that checks
//   flightdeck out at the workflow's commit: workflow-self-checkout.mjs) runs the committed bundle dist/<name>/index.js as a child process
//   (action-runner.mjs), then its post step at the end of the job when action.yml has one.
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
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, delimiter, join, relative } from 'node:path'
import { parse } from 'yaml'
import {
  repoRoot as defaultRepoRoot,
  parseFileCommands,
  runBundledAction,
} from './action-runner.mjs'
import {
  LONE_EXPRESSION,
  parseExpression,
  show,
  usesStatusFunction,
  WorkflowError,
} from './workflow-expressions.mjs'
import {
  calledJobWorkflow,
  checkCheckoutStep,
  flightdeckAction,
  isCheckoutStep,
  jobContext,
  notCheckedOutMessage,
  topLevelJobWorkflow,
} from './workflow-self-checkout.mjs'

export { parseExpression, WorkflowError }

const WORKFLOW_USES =
  /^(?:flightdeck-actions\/flightdeck\/\.github\/workflows\/|\.\/\.github\/workflows\/)([\w.-]+\.ya?ml)(?:@[\w./-]+)?$/

/** The SHA and repository action-runner.mjs gives every bundle, so contexts agree with it. */
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

// ---------------------------------------------------------------------------------------------
// Types

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
 * @property {(action: string, options: import('./action-runner.mjs').RunOptions) => Promise<import('./action-runner.mjs').RunResult>} [runAction]
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
 * Parses a workflow and checks it has jobs.
 * @param {string} text
 * @param {string} file
 */
export function parseWorkflow(text, file) {
  const workflow = parse(text)
  if (!isRecord(workflow) || !isRecord(workflow.jobs)) {
    throw new WorkflowError(`${file}: not a workflow (no jobs:)`)
  }
  return workflow
}

// ---------------------------------------------------------------------------------------------
// The run

/**
 * @typedef {object} Scope what one workflow (top level or reusable) runs with
 * @property {Record<string, unknown>} inputs
 * @property {Record<string, string>} secrets
 * @property {Set<string> | undefined} secretsDeclared a reusable workflow's declared secrets (undefined: the top level)
 * @property {string} prefix job id prefix in traces (`caller/`)
 * @property {import('./workflow-self-checkout.mjs').JobWorkflow} jobWorkflow what job.workflow_* says
 * @property {boolean} ownScripts whether its `run:` steps are flightdeck's own (a reusable
 *   workflow of this repo: they run) or the consumer's (stubbed)
 */

/**
 * @typedef {object} StepRecord what `steps.<key>` resolves to
 * @property {string} outcome
 * @property {string} conclusion
 * @property {Record<string, string>} outputs
 * @property {'flightdeck' | 'stubbed' | 'skipped'} kind
 * @property {string} [action]
 */

/**
 * @typedef {object} JobRecord what `needs.<job>` resolves to
 * @property {string} result
 * @property {Record<string, string | Unset>} outputs
 * @property {Set<string>} declared the outputs it declares
 */

/** An output that was never set: reading it in an input, env, script or condition is an error. */
class Unset {
  /** @param {string} reason */
  constructor(reason) {
    this.reason = reason
  }
}

class Run {
  /**
   * @param {RunWorkflowOptions} options
   * @param {Record<string, unknown>} github
   */
  constructor(options, github) {
    this.options = options
    this.github = github
    this.root = defaultRepoRoot
    this.workflowsDir = options.workflowsDir ?? join(defaultRepoRoot, '.github', 'workflows')
    this.runAction = options.runAction ?? runBundledAction
    /** @type {Map<string, Record<string, any>>} */
    this.actionSpecs = new Map()
    /** @type {Set<string>} */
    this.usedOverrides = new Set()
    // runner.temp: one folder for the run, so scripts that keep state there start clean.
    this.runner = {
      os: 'Linux',
      arch: 'X64',
      name: 'flightdeck-workflow-runner',
      temp: mkdtempSync(join(tmpdir(), 'flightdeck-runner-temp-')),
      tool_cache: String(options.env?.RUNNER_TOOL_CACHE ?? join(tmpdir(), 'tool-cache')),
    }
  }

  /** @param {string} name */
  actionSpec(name) {
    let spec = this.actionSpecs.get(name)
    if (!spec) {
      const path = join(this.root, 'actions', name, 'action.yml')
      if (!existsSync(path)) throw new WorkflowError(`there is no actions/${name}/action.yml`)
      spec = parse(readFileSync(path, 'utf8'))
      this.actionSpecs.set(name, /** @type {Record<string, any>} */ (spec))
    }
    return /** @type {Record<string, any>} */ (spec)
  }

  /**
   * @param {Record<string, any>} workflow
   * @param {string} file
   * @param {Scope} scope
   * @returns {Promise<WorkflowTrace>}
   */
  async workflow(workflow, file, scope) {
    const jobs = /** @type {Record<string, any>} */ (workflow.jobs)
    const order = jobOrder(jobs, file)
    this.checkStatically(workflow, file)
    /** @type {WorkflowTrace} */
    const trace = { file, conclusion: 'success', jobs: [], steps: [], stubbed: [], emptyReads: [] }
    /** @type {Map<string, JobRecord>} */
    const done = new Map()
    for (const jobId of order) {
      const job = jobs[jobId]
      const where = `${file}: job ${jobId}`
      const needs = needsOf(job)
      /** @type {Record<string, JobRecord>} */
      const needsContext = {}
      for (const need of needs) needsContext[need] = /** @type {JobRecord} */ (done.get(need))
      const base = {
        where,
        // A job of a called workflow also has github.job_workflow_sha.
        github: scope.ownScripts
          ? { ...this.github, job_workflow_sha: scope.jobWorkflow.sha }
          : this.github,
        jobWorkflow: scope.jobWorkflow,
        runner: this.runner,
        inputs: scope.inputs,
        secrets: scope.secrets,
        secretsDeclared: scope.secretsDeclared,
        vars: this.options.vars ?? {},
        needs: needsContext,
        env: {},
        steps: {},
        status: jobStatus(needs.map((need) => needsContext[need]?.result ?? 'success')),
        emptyReads: trace.emptyReads,
      }
      base.env = evaluateMap(workflow.env, base, `${file}: env`)
      const runIt = condition(job.if, base, `${where}: if`)
      /** @type {JobTrace} */
      let jobTrace
      if (!runIt) {
        jobTrace = {
          id: scope.prefix + jobId,
          kind: typeof job.uses === 'string' ? 'workflow' : 'steps',
          result: 'skipped',
          outputs: {},
          steps: [],
        }
        done.set(jobId, { result: 'skipped', outputs: {}, declared: declaredJobOutputs(job, this) })
      } else if (typeof job.uses === 'string') {
        jobTrace = await this.reusableJob(jobId, job, base, scope, trace)
        done.set(jobId, {
          result: jobTrace.result,
          outputs: /** @type {any} */ (jobTrace).rawOutputs,
          declared: declaredJobOutputs(job, this),
        })
      } else {
        jobTrace = await this.stepsJob(jobId, job, base, scope, workflow, trace)
        done.set(jobId, {
          result: jobTrace.result,
          outputs: /** @type {any} */ (jobTrace).rawOutputs,
          declared: declaredJobOutputs(job, this),
        })
      }
      delete (/** @type {any} */ (jobTrace).rawOutputs)
      trace.jobs.push(jobTrace)
      if (jobTrace.result === 'failure') trace.conclusion = 'failure'
    }
    ;/** @type {any} */ (trace).jobRecords = done
    return trace
  }

  /**
   * A job with steps.
   * @param {string} jobId
   * @param {Record<string, any>} job
   * @param {Record<string, any>} base
   * @param {Scope} scope
   * @param {Record<string, any>} workflow
   * @param {WorkflowTrace} trace
   * @returns {Promise<JobTrace>}
   */
  async stepsJob(jobId, job, base, scope, workflow, trace) {
    const where = base.where
    if (job.strategy?.matrix !== undefined) {
      throw new WorkflowError(`${where}: strategy.matrix is not supported by the workflow runner`)
    }
    if (!Array.isArray(job.steps)) throw new WorkflowError(`${where}: has neither steps nor uses`)
    const traceId = scope.prefix + jobId
    /** @type {Record<string, string>} */
    const jobEnv = { ...base.env }
    Object.assign(jobEnv, evaluateMap(job.env, { ...base, env: jobEnv }, `${where}: env`))
    /** @type {Record<string, StepRecord>} */
    const steps = {}
    const ctx = { ...base, env: jobEnv, steps }
    /** @type {Record<string, string>} */
    const exported = {}
    /** @type {string[]} */
    const addedPath = []
    let failed = false
    let checkedOut = false
    /** @type {StepTrace[]} */
    const stepTraces = []
    /** @type {Array<() => Promise<void>>} */
    const posts = []
    const keys = stepKeys(job.steps, where)

    for (const [index, step] of job.steps.entries()) {
      const key = /** @type {string} */ (keys[index])
      const stepWhere = `${where}: step ${key}`
      const stepCtx = {
        ...ctx,
        status: failed ? 'failure' : 'success',
        env: { ...jobEnv, ...exported },
      }
      const uses = typeof step.uses === 'string' ? step.uses : undefined
      const action = flightdeckAction(uses)
      const actionName = action?.name
      /** @type {StepTrace} */
      const stepTrace = {
        job: traceId,
        key,
        ...(typeof step.id === 'string' ? { id: step.id } : {}),
        kind: 'skipped',
        ...(actionName ? { action: actionName } : {}),
        ...(uses ? { uses } : {}),
        outcome: 'skipped',
        conclusion: 'skipped',
        outputs: {},
      }
      stepTraces.push(stepTrace)
      trace.steps.push(stepTrace)
      if (!condition(step.if, stepCtx, `${stepWhere}: if`)) {
        steps[key] = { outcome: 'skipped', conclusion: 'skipped', outputs: {}, kind: 'skipped' }
        continue
      }
      const stepEnv = evaluateMap(step.env, stepCtx, `${stepWhere}: env`)
      const envCtx = { ...stepCtx, env: { ...stepCtx.env, ...stepEnv } }
      const withValues = evaluateMap(step.with, envCtx, `${stepWhere}: with`)
      let outcome = 'success'
      /** @type {Record<string, string>} */
      let outputs = {}
      if (action?.fromCheckout && !checkedOut) {
        throw new WorkflowError(notCheckedOutMessage(String(uses), stepWhere))
      }
      if (actionName) {
        const checked = this.checkActionInputs(actionName, withValues, stepWhere)
        const overridden = this.overridesFor(traceId, jobId, key, actionName, stepWhere)
        const inputs = { ...this.rewrite(checked), ...overridden }
        const env = {
          ...this.rewrite({ ...jobEnv, ...exported, ...stepEnv }),
          GITHUB_JOB: jobId,
          GITHUB_WORKFLOW: String(workflow.name ?? base.github.workflow),
        }
        const runOptions = this.runOptions(env, addedPath)
        const result = await this.runAction(actionName, { ...runOptions, inputs })
        outcome = result.exitCode === 0 ? 'success' : 'failure'
        outputs = result.outputs
        Object.assign(exported, result.exportedEnv)
        addedPath.unshift(...[...result.addedPath].reverse())
        Object.assign(stepTrace, {
          kind: 'flightdeck',
          inputs,
          ...(Object.keys(overridden).length ? { overridden: Object.keys(overridden) } : {}),
          env: this.rewrite(stepEnv),
          exitCode: result.exitCode,
          errors: result.errors,
          summary: result.summary,
          stdout: result.stdout,
        })
        const spec = this.actionSpec(actionName)
        if (typeof spec.runs?.post === 'string') {
          const postIf =
            typeof spec.runs['post-if'] === 'string' ? spec.runs['post-if'] : 'success()'
          const savedState = result.savedState
          // action.yml names the post bundle relative to actions/<name>/: ../../dist/<name>/post/index.js
          const postEntry = relative(
            join(this.root, 'dist', actionName),
            join(this.root, 'actions', actionName, spec.runs.post),
          )
          posts.unshift(async () => {
            const postCtx = { ...ctx, status: failed ? 'failure' : 'success' }
            /** @type {StepTrace} */
            const postTrace = {
              job: traceId,
              key: `post ${key}`,
              kind: 'skipped',
              action: actionName,
              outcome: 'skipped',
              conclusion: 'skipped',
              outputs: {},
            }
            stepTraces.push(postTrace)
            trace.steps.push(postTrace)
            if (!condition(postIf, postCtx, `${stepWhere}: post-if`)) return
            const post = await this.runAction(actionName, {
              ...runOptions,
              inputs,
              entry: postEntry,
              state: savedState,
            })
            const postOutcome = post.exitCode === 0 ? 'success' : 'failure'
            Object.assign(postTrace, {
              kind: 'flightdeck-post',
              inputs,
              outcome: postOutcome,
              conclusion: postOutcome,
              exitCode: post.exitCode,
              errors: post.errors,
              summary: post.summary,
              stdout: post.stdout,
            })
            if (postOutcome === 'failure') failed = true
          })
        }
      } else if (scope.ownScripts && isCheckoutStep(step)) {
        // Fetching flightdeck is GitHub's part; that the step asks for this job's commit is ours.
        const target = checkCheckoutStep(
          stepEnv,
          ctx.jobWorkflow,
          stepWhere,
          (message) => new WorkflowError(message),
        )
        checkedOut = true
        Object.assign(stepTrace, { kind: 'flightdeck-checkout', env: stepEnv, checkedOut: target })
      } else if (typeof step.run === 'string' && scope.ownScripts) {
        // A script of flightdeck's own reusable workflow is part of flightdeck: it runs.
        const script = interpolate(step.run, envCtx, `${stepWhere}: run`)
        if (step.shell !== undefined && step.shell !== 'bash') {
          throw new WorkflowError(`${stepWhere}: shell ${step.shell} is not supported (bash only)`)
        }
        const env = { ...jobEnv, ...exported, ...stepEnv }
        const result = await runScript(script, {
          ...this.runOptions(env, addedPath).env,
          RUNNER_TEMP: this.runner.temp,
        })
        outcome = result.exitCode === 0 ? 'success' : 'failure'
        outputs = result.outputs
        Object.assign(exported, result.exportedEnv)
        addedPath.unshift(...[...result.addedPath].reverse())
        Object.assign(stepTrace, {
          kind: 'flightdeck-run',
          run: script,
          env: stepEnv,
          exitCode: result.exitCode,
          errors: result.errors,
          stdout: result.stdout,
        })
      } else {
        // Not flightdeck's: recorded, not run. Its script's expressions are still evaluated.
        const script =
          typeof step.run === 'string'
            ? interpolate(step.run, envCtx, `${stepWhere}: run`)
            : undefined
        const stub = this.stubFor(traceId, jobId, key)
        outcome = stub.outcome ?? 'success'
        outputs = stub.outputs
        Object.assign(stepTrace, {
          kind: 'stubbed',
          ...(script !== undefined ? { run: script } : {}),
          ...(Object.keys(withValues).length ? { inputs: withValues } : {}),
          env: stepEnv,
        })
        trace.stubbed.push(`${traceId} › ${key}${uses ? ` (${uses})` : ''}`)
      }
      const continueOnError =
        step['continue-on-error'] !== undefined &&
        truthy(evaluateValue(step['continue-on-error'], envCtx, `${stepWhere}: continue-on-error`))
      const conclusion = outcome === 'failure' && continueOnError ? 'success' : outcome
      Object.assign(stepTrace, { outcome, conclusion, outputs })
      steps[key] = {
        outcome,
        conclusion,
        outputs,
        kind: stepTrace.kind === 'stubbed' ? 'stubbed' : 'flightdeck',
        ...(actionName ? { action: actionName } : {}),
      }
      if (conclusion === 'failure') failed = true
    }
    for (const post of posts) await post()

    // Job outputs are evaluated at the end; an unset one stays Unset until someone reads it.
    /** @type {Record<string, string | Unset>} */
    const rawOutputs = {}
    for (const [name, expression] of Object.entries(job.outputs ?? {})) {
      rawOutputs[name] = evaluateLenient(String(expression), ctx, `${where}: outputs.${name}`)
    }
    return /** @type {JobTrace} */ ({
      id: traceId,
      kind: 'steps',
      result: failed ? 'failure' : 'success',
      outputs: printable(rawOutputs),
      steps: stepTraces,
      rawOutputs,
    })
  }

  /**
   * A job that calls a reusable workflow of this repo.
   * @param {string} jobId
   * @param {Record<string, any>} job
   * @param {Record<string, any>} base
   * @param {Scope} scope
   * @param {WorkflowTrace} trace
   * @returns {Promise<JobTrace>}
   */
  async reusableJob(jobId, job, base, scope, trace) {
    const where = base.where
    const file = WORKFLOW_USES.exec(job.uses)?.[1]
    if (!file) {
      throw new WorkflowError(
        `${where}: uses ${job.uses}, which is not a workflow of this repository`,
      )
    }
    const { workflow, call } = this.reusableWorkflow(file, where)
    const given = evaluateMap(job.with, base, `${where}: with`)
    const inputs = bindInputs(`${where}: ${file}`, call.inputs ?? {}, given)
    const declaredSecrets = new Set(Object.keys(call.secrets ?? {}))
    /** @type {Record<string, string>} */
    let secrets
    if (job.secrets === 'inherit') {
      secrets = { ...scope.secrets }
    } else {
      secrets = evaluateMap(job.secrets, base, `${where}: secrets`)
      for (const name of Object.keys(secrets)) {
        if (!declaredSecrets.has(name)) {
          throw new WorkflowError(
            `${where}: ${file} has no secret "${name}" (it has ${[...declaredSecrets].join(', ') || 'none'})`,
          )
        }
      }
      for (const [name, def] of Object.entries(call.secrets ?? {})) {
        if (isRecord(def) && def.required && !(name in secrets)) {
          throw new WorkflowError(
            `${where}: ${file} requires secret "${name}", which is not passed`,
          )
        }
      }
      secrets.GITHUB_TOKEN = scope.secrets.GITHUB_TOKEN ?? String(this.github.token)
    }
    const inner = await this.workflow(workflow, file, {
      inputs,
      secrets,
      secretsDeclared: job.secrets === 'inherit' ? undefined : declaredSecrets,
      prefix: `${scope.prefix}${jobId}/`,
      ownScripts: true,
      jobWorkflow: calledJobWorkflow(job.uses, file, scope.jobWorkflow),
    })
    trace.steps.push(...inner.steps)
    trace.stubbed.push(...inner.stubbed)
    trace.emptyReads.push(...inner.emptyReads)
    /** @type {Map<string, JobRecord>} */
    const innerJobs = /** @type {any} */ (inner).jobRecords
    delete (/** @type {any} */ (inner).jobRecords)
    /** @type {Record<string, string | Unset>} */
    const rawOutputs = {}
    const jobsContext = Object.fromEntries(innerJobs)
    for (const [name, def] of Object.entries(call.outputs ?? {})) {
      const expression = isRecord(def) ? String(def.value ?? '') : ''
      rawOutputs[name] = evaluateLenient(
        expression,
        { ...base, jobs: jobsContext, inputs, secrets, needs: {} },
        `${file}: on.workflow_call.outputs.${name}`,
      )
    }
    return /** @type {JobTrace} */ ({
      id: scope.prefix + jobId,
      kind: 'workflow',
      uses: job.uses,
      with: inputs,
      result: inner.conclusion,
      outputs: printable(rawOutputs),
      steps: [],
      workflow: inner,
      rawOutputs,
    })
  }

  /** @param {string} file @param {string} where */
  reusableWorkflow(file, where) {
    const path = join(this.workflowsDir, file)
    if (!existsSync(path))
      throw new WorkflowError(`${where}: there is no .github/workflows/${file}`)
    const workflow = parseWorkflow(readFileSync(path, 'utf8'), file)
    const call = isRecord(workflow.on) ? workflow.on.workflow_call : undefined
    if (call === undefined || !(isRecord(call) || call === null)) {
      throw new WorkflowError(`${where}: .github/workflows/${file} has no on.workflow_call`)
    }
    return { workflow, call: /** @type {Record<string, any>} */ (call ?? {}) }
  }

  /**
   * The inputs a flightdeck step passes, checked against action.yml.
   * @param {string} action
   * @param {Record<string, string>} given
   * @param {string} where
   */
  checkActionInputs(action, given, where) {
    const declared = this.actionSpec(action).inputs ?? {}
    for (const name of Object.keys(given)) {
      if (!(name in declared)) {
        throw new WorkflowError(
          `${where}: actions/${action} has no input "${name}" (it has ${Object.keys(declared).join(', ')})`,
        )
      }
    }
    for (const [name, def] of Object.entries(declared)) {
      if (isRecord(def) && def.required && def.default === undefined && !(name in given)) {
        throw new WorkflowError(`${where}: actions/${action} requires input "${name}"`)
      }
    }
    return given
  }

  /**
   * Statically, before anything runs: every flightdeck step's `with:` names inputs its action
   * declares, and every `steps.<id>.outputs.<name>` read in a job names a step of that job and,
   * for a flightdeck step, an output its action.yml declares; every `needs.<job>.outputs.<name>`
   * names a job in `needs` that declares it. So a wire on a path this run does not take is
   * checked too.
   * @param {Record<string, any>} workflow
   * @param {string} file
   */
  checkStatically(workflow, file) {
    for (const [jobId, job] of Object.entries(/** @type {Record<string, any>} */ (workflow.jobs))) {
      const where = `${file}: job ${jobId}`
      const needs = needsOf(job)
      for (const [, expression] of expressionsIn(job)) {
        for (const match of expression.matchAll(/\bneeds\.([\w-]+)\.outputs\.([\w-]+)/g)) {
          const [, need, output] = /** @type {[string, string, string]} */ (match)
          if (!needs.includes(need)) {
            throw new WorkflowError(
              `${where}: reads needs.${need}, but ${need} is not in its needs`,
            )
          }
          const declared = declaredJobOutputs(workflow.jobs[need], this)
          if (!declared.has(output)) {
            throw new WorkflowError(
              `${where}: reads needs.${need}.outputs.${output}, an output job ${need} never sets (it has ${[...declared].join(', ') || 'none'})`,
            )
          }
        }
      }
      if (typeof job.uses === 'string') {
        this.checkReusableCall(job, where)
        continue
      }
      if (!Array.isArray(job.steps)) continue
      const keys = stepKeys(job.steps, where)
      /** @type {Map<string, string | undefined>} */
      const actionOf = new Map()
      job.steps.forEach((/** @type {any} */ step, /** @type {number} */ index) => {
        const action = flightdeckAction(step.uses)?.name
        actionOf.set(/** @type {string} */ (keys[index]), action)
        if (action && isRecord(step.with)) {
          const declared = this.actionSpec(action).inputs ?? {}
          for (const name of Object.keys(step.with)) {
            if (!(name in declared)) {
              throw new WorkflowError(
                `${where}: step ${keys[index]}: actions/${action} has no input "${name}" (it has ${Object.keys(declared).join(', ')})`,
              )
            }
          }
        }
      })
      for (const [place, expression] of [
        ...expressionsIn(job.steps),
        ...expressionsIn(job.outputs ?? {}),
      ]) {
        for (const match of expression.matchAll(/\bsteps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
          const [, stepId, output] = /** @type {[string, string, string]} */ (match)
          if (!actionOf.has(stepId)) {
            throw new WorkflowError(
              `${where}: ${place} reads steps.${stepId}, a step the job does not have`,
            )
          }
          const action = actionOf.get(stepId)
          if (action) {
            const declared = this.actionSpec(action).outputs ?? {}
            if (!(output in declared)) {
              throw new WorkflowError(
                `${where}: ${place} reads steps.${stepId}.outputs.${output}, an output actions/${action} never sets (it has ${Object.keys(declared).join(', ')})`,
              )
            }
          }
        }
      }
    }
  }

  /**
   * The names a reusable-workflow job passes in `with:` and `secrets:`, against on.workflow_call
   * (the values are typed and checked again when the job runs).
   * @param {Record<string, any>} job
   * @param {string} where
   */
  checkReusableCall(job, where) {
    const file = WORKFLOW_USES.exec(job.uses)?.[1]
    if (!file) {
      throw new WorkflowError(
        `${where}: uses ${job.uses}, which is not a workflow of this repository`,
      )
    }
    const { call } = this.reusableWorkflow(file, where)
    const inputs = Object.keys(call.inputs ?? {})
    for (const name of Object.keys(isRecord(job.with) ? job.with : {})) {
      if (!inputs.includes(name)) {
        throw new WorkflowError(
          `${where}: ${file} has no input "${name}" (it has ${inputs.join(', ') || 'none'})`,
        )
      }
    }
    const secrets = Object.keys(call.secrets ?? {})
    if (isRecord(job.secrets)) {
      for (const name of Object.keys(job.secrets)) {
        if (!secrets.includes(name)) {
          throw new WorkflowError(
            `${where}: ${file} has no secret "${name}" (it has ${secrets.join(', ') || 'none'})`,
          )
        }
      }
    }
  }

  /**
   * The `overrides` for one flightdeck step's inputs (each is used once; unused ones are an error
   * at the end of the run).
   * @param {string} traceId
   * @param {string} jobId
   * @param {string} key
   * @param {string} action
   * @param {string} where
   */
  overridesFor(traceId, jobId, key, action, where) {
    /** @type {Record<string, string>} */
    const values = {}
    const declared = this.actionSpec(action).inputs ?? {}
    for (const [name, value] of Object.entries(this.options.overrides ?? {})) {
      for (const prefix of [`${traceId}.${key}.`, `${jobId}.${key}.`, `${key}.`]) {
        if (!name.startsWith(prefix)) continue
        const input = name.slice(prefix.length)
        if (!(input in declared)) {
          throw new WorkflowError(
            `${where}: override ${name}: actions/${action} has no input ${input}`,
          )
        }
        values[input] = value
        this.usedOverrides.add(name)
        break
      }
    }
    return values
  }

  /**
   * Stub outputs and outcome of a non-flightdeck step, from options.stubs only.
   * @param {string} traceId
   * @param {string} jobId
   * @param {string} key
   */
  stubFor(traceId, jobId, key) {
    /** @type {Record<string, string>} */
    const outputs = {}
    /** @type {string | undefined} */
    let outcome
    for (const [name, value] of Object.entries(this.options.stubs ?? {})) {
      for (const prefix of [`${traceId}.${key}.`, `${jobId}.${key}.`, `${key}.`]) {
        if (!name.startsWith(prefix)) continue
        const rest = name.slice(prefix.length)
        if (rest.startsWith('outputs.')) outputs[rest.slice('outputs.'.length)] = value
        else if (rest === 'outcome') {
          if (value !== 'success' && value !== 'failure') {
            throw new WorkflowError(`stub ${name} must be success or failure, not ${value}`)
          }
          outcome = value
        }
        break
      }
    }
    return { outputs, outcome }
  }

  /**
   * The stand-in rewrites applied to values handed to a bundle.
   * @param {Record<string, string>} values
   */
  rewrite(values) {
    const map = Object.entries(this.options.rewrite ?? {})
    if (map.length === 0) return values
    return Object.fromEntries(
      Object.entries(values).map(([name, value]) => [
        name,
        map.reduce((text, [from, to]) => text.replaceAll(from, to), value),
      ]),
    )
  }

  /**
   * @param {Record<string, string>} env
   * @param {string[]} addedPath
   */
  runOptions(env, addedPath) {
    const machine = { ...this.options.env }
    const path = [...addedPath, machine.PATH ?? process.env.PATH ?? ''].join(delimiter)
    /** @type {Record<string, unknown>} */
    const event = /** @type {any} */ (this.github.event)
    return {
      env: { ...machine, ...env, PATH: path, GITHUB_TOKEN: String(this.github.token) },
      event,
      eventName: String(this.github.event_name),
      ...(this.options.apiUrl ? { apiUrl: this.options.apiUrl } : {}),
      timeoutMs: this.options.stepTimeoutMs ?? 120_000,
    }
  }
}

/**
 * Runs a `run:` script as the runner does (`bash --noprofile --norc -eo pipefail`), with the
 * file commands of a step.
 * @param {string} script
 * @param {Record<string, string | undefined>} env
 */
async function runScript(script, env) {
  const workDir = mkdtempSync(join(tmpdir(), 'flightdeck-run-'))
  const files = {
    GITHUB_OUTPUT: join(workDir, 'output'),
    GITHUB_ENV: join(workDir, 'env'),
    GITHUB_PATH: join(workDir, 'path'),
    GITHUB_STEP_SUMMARY: join(workDir, 'summary.md'),
  }
  for (const file of Object.values(files)) writeFileSync(file, '')
  const scriptPath = join(workDir, 'script.sh')
  writeFileSync(scriptPath, script)
  const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', scriptPath], {
    cwd: workDir,
    env: Object.fromEntries(
      Object.entries({ ...env, ...files }).filter(([, value]) => value !== undefined),
    ),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stdout += chunk))
  /** @type {number | null} */
  const exitCode = await new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', resolve)
  })
  const read = (/** @type {string} */ file) => readFileSync(file, 'utf8')
  return {
    exitCode,
    stdout,
    outputs: parseFileCommands(read(files.GITHUB_OUTPUT)),
    exportedEnv: parseFileCommands(read(files.GITHUB_ENV)),
    addedPath: read(files.GITHUB_PATH).split('\n').filter(Boolean),
    errors: stdout
      .split('\n')
      .filter((line) => line.startsWith('::error'))
      .map((line) => line.replace(/^::error[^:]*::/, '')),
  }
}

// ---------------------------------------------------------------------------------------------
// Workflow structure

/** @param {unknown} on */
function triggerNames(on) {
  if (typeof on === 'string') return [on]
  if (Array.isArray(on)) return on.map(String)
  if (isRecord(on)) return Object.keys(on)
  return []
}

/** @param {Record<string, any>} job @returns {string[]} */
function needsOf(job) {
  if (job.needs === undefined) return []
  return (Array.isArray(job.needs) ? job.needs : [job.needs]).map(String)
}

/**
 * Job ids in an order that respects `needs` (file order among the ready ones).
 * @param {Record<string, any>} jobs
 * @param {string} file
 */
function jobOrder(jobs, file) {
  /** @type {string[]} */
  const order = []
  const pending = Object.keys(jobs)
  while (pending.length > 0) {
    const ready = pending.find((id) => needsOf(jobs[id]).every((need) => order.includes(need)))
    if (!ready) {
      const missing = pending.flatMap((id) =>
        needsOf(jobs[id])
          .filter((need) => !(need in jobs))
          .map((need) => `${id} needs ${need}, which does not exist`),
      )
      throw new WorkflowError(
        `${file}: ${missing.join('; ') || `the needs of ${pending.join(', ')} form a cycle`}`,
      )
    }
    order.push(ready)
    pending.splice(pending.indexOf(ready), 1)
  }
  return order
}

/**
 * The names `steps.<name>` can use, one per step: id, else name, else first `run:` line or uses.
 * @param {any[]} steps
 * @param {string} where
 */
function stepKeys(steps, where) {
  return steps.map((step, index) => {
    if (!isRecord(step)) throw new WorkflowError(`${where}: step ${index + 1} is not a mapping`)
    if (typeof step.id === 'string') return step.id
    if (typeof step.name === 'string') return step.name
    if (typeof step.run === 'string') return step.run.split('\n')[0]?.trim() ?? `#${index + 1}`
    if (typeof step.uses === 'string') return step.uses
    throw new WorkflowError(`${where}: step ${index + 1} has neither run nor uses`)
  })
}

/**
 * The outputs a job sets: its `outputs:` keys, or a reusable workflow's on.workflow_call.outputs.
 * @param {Record<string, any> | undefined} job
 * @param {Run} run
 */
function declaredJobOutputs(job, run) {
  if (!job) return new Set()
  if (typeof job.uses === 'string') {
    const file = WORKFLOW_USES.exec(job.uses)?.[1]
    if (!file) return new Set()
    return new Set(Object.keys(run.reusableWorkflow(file, job.uses).call.outputs ?? {}))
  }
  return new Set(Object.keys(job.outputs ?? {}))
}

/**
 * Every string in a value that holds an expression, with where it is: `${{ … }}` texts and `if:`.
 * @param {unknown} value
 * @param {string} [skip] a key not to descend into
 * @param {string} [place]
 * @returns {Array<[string, string]>}
 */
function expressionsIn(value, skip, place = '') {
  if (typeof value === 'string') return value.includes('${{') ? [[place, value]] : []
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => expressionsIn(item, undefined, `${place}[${index}]`))
  }
  if (!isRecord(value)) return []
  return Object.entries(value).flatMap(([key, item]) => {
    if (key === skip) return []
    if (key === 'if' && typeof item === 'string') return [[`${place}.if`, item]]
    return expressionsIn(item, undefined, place ? `${place}.${key}` : key)
  })
}

/**
 * Types and checks the inputs a workflow (dispatch or reusable) is given against its declared
 * inputs: an unknown name or a missing required one is an error; defaults fill the rest.
 * @param {string} where
 * @param {Record<string, any>} declared
 * @param {Record<string, unknown>} given
 */
function bindInputs(where, declared, given) {
  /** @type {Record<string, unknown>} */
  const inputs = {}
  for (const name of Object.keys(given)) {
    if (!(name in declared)) {
      throw new WorkflowError(
        `${where} has no input "${name}" (it has ${Object.keys(declared).join(', ') || 'none'})`,
      )
    }
  }
  for (const [name, rawDef] of Object.entries(declared)) {
    const def = isRecord(rawDef) ? rawDef : {}
    const type = typeof def.type === 'string' ? def.type : 'string'
    if (!(name in given)) {
      if (def.required && def.default === undefined) {
        throw new WorkflowError(`${where} requires input "${name}", which is not given`)
      }
      inputs[name] = typed(
        def.default ?? (type === 'boolean' ? false : type === 'number' ? 0 : ''),
        type,
        `${where}: input ${name}`,
      )
      continue
    }
    inputs[name] = typed(given[name], type, `${where}: input ${name}`)
  }
  return inputs
}

/**
 * @param {unknown} value
 * @param {string} type
 * @param {string} where
 */
function typed(value, type, where) {
  if (type === 'boolean') {
    if (typeof value === 'boolean') return value
    if (value === 'true' || value === 'false') return value === 'true'
    throw new WorkflowError(`${where} is a boolean; ${JSON.stringify(value)} is not`)
  }
  if (type === 'number') {
    const number = typeof value === 'number' ? value : Number(value)
    if (value === '' || Number.isNaN(number)) {
      throw new WorkflowError(`${where} is a number; ${JSON.stringify(value)} is not`)
    }
    return number
  }
  if (type === 'choice' || type === 'string' || type === 'environment') return toText(value)
  throw new WorkflowError(`${where}: input type ${type} is not supported`)
}

// ---------------------------------------------------------------------------------------------
// Expressions

/**
 * success/failure of the job so far, from the results of the jobs it needs.
 * @param {string[]} results
 */
function jobStatus(results) {
  if (results.includes('failure')) return 'failure'
  if (results.includes('skipped')) return 'skipped-needs'
  return 'success'
}

/**
 * Whether an `if:` holds. Without a status function the condition is `success() && (…)`.
 * @param {unknown} raw
 * @param {Record<string, any>} ctx
 * @param {string} where
 */
function condition(raw, ctx, where) {
  if (raw === undefined || raw === null) return ctx.status === 'success'
  if (typeof raw === 'boolean') return raw && ctx.status === 'success'
  let text = String(raw).trim()
  const whole = /^\$\{\{([\s\S]*)\}\}$/.exec(text)
  if (whole && !whole[1]?.includes('}}')) text = (whole[1] ?? '').trim()
  else if (text.includes('${{')) text = `'${interpolate(text, ctx, where).replace(/'/g, "''")}'`
  const ast = parseExpression(text, where)
  const withStatus = usesStatusFunction(ast)
    ? ast
    : { type: 'and', left: { type: 'call', name: 'success', args: [] }, right: ast }
  return truthy(strict(evaluate(withStatus, ctx, where), where, text))
}

/**
 * Evaluates a mapping whose values may hold `${{ … }}`, to strings.
 * @param {unknown} map
 * @param {Record<string, any>} ctx
 * @param {string} where
 * @returns {Record<string, string>}
 */
function evaluateMap(map, ctx, where) {
  if (map === undefined || map === null) return {}
  if (typeof map === 'string') {
    const value = evaluateValue(map, ctx, where)
    if (!isRecord(value)) throw new WorkflowError(`${where}: ${map} is not a mapping`)
    return stringValues(value)
  }
  if (!isRecord(map)) throw new WorkflowError(`${where} is not a mapping`)
  return Object.fromEntries(
    Object.entries(map).map(([name, value]) => [
      name,
      toText(evaluateValue(value, ctx, `${where}.${name}`)),
    ]),
  )
}

/**
 * A YAML value with expressions evaluated: a lone `${{ x }}` keeps x's type; text around
 * expressions makes a string.
 * @param {unknown} value
 * @param {Record<string, any>} ctx
 * @param {string} where
 */
function evaluateValue(value, ctx, where) {
  if (typeof value !== 'string') return value
  const whole = LONE_EXPRESSION.exec(value)
  if (whole) {
    const text = (whole[1] ?? '').trim()
    return strict(evaluate(parseExpression(text, where), ctx, where), where, text)
  }
  return interpolate(value, ctx, where)
}

/**
 * Job and workflow outputs: a lone reference to an unset output stays Unset (an error only once
 * read); anything else evaluates as usual.
 * @param {string} value
 * @param {Record<string, any>} ctx
 * @param {string} where
 * @returns {string | Unset}
 */
function evaluateLenient(value, ctx, where) {
  const whole = LONE_EXPRESSION.exec(value)
  if (whole) {
    const text = (whole[1] ?? '').trim()
    const result = evaluate(parseExpression(text, where), ctx, where)
    if (result instanceof Unset) return result
    return toText(result)
  }
  return interpolate(value, ctx, where)
}

/**
 * @param {string} text
 * @param {Record<string, any>} ctx
 * @param {string} where
 */
function interpolate(text, ctx, where) {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, inner) => {
    const expression = String(inner).trim()
    return toText(
      strict(evaluate(parseExpression(expression, where), ctx, where), where, expression),
    )
  })
}

/**
 * An Unset that reaches a value someone uses is the "unset output wired" error.
 * @param {unknown} value
 * @param {string} where
 * @param {string} expression
 */
function strict(value, where, expression) {
  if (value instanceof Unset) {
    throw new WorkflowError(`${where}: unset output wired: \${{ ${expression} }}: ${value.reason}`)
  }
  return value
}

/** @typedef {import('./workflow-expressions.mjs').Expr} Expr */

/**
 * @param {Expr} ast
 * @param {Record<string, any>} ctx
 * @param {string} where
 * @returns {unknown}
 */
function evaluate(ast, ctx, where) {
  switch (ast.type) {
    case 'literal':
      return ast.value
    case 'not':
      return !truthy(strict(evaluate(ast.operand, ctx, where), where, show(ast.operand)))
    case 'and': {
      const left = strict(evaluate(ast.left, ctx, where), where, show(ast.left))
      return truthy(left) ? strict(evaluate(ast.right, ctx, where), where, show(ast.right)) : left
    }
    case 'or': {
      const left = strict(evaluate(ast.left, ctx, where), where, show(ast.left))
      return truthy(left) ? left : strict(evaluate(ast.right, ctx, where), where, show(ast.right))
    }
    case 'compare': {
      const left = strict(evaluate(ast.left, ctx, where), where, show(ast.left))
      const right = strict(evaluate(ast.right, ctx, where), where, show(ast.right))
      return compareValues(ast.op, left, right)
    }
    case 'call':
      return callFunction(ast.name, ast.args, ctx, where)
    case 'member': {
      // fromJSON(...).name: a property a value does not have is null, as on GitHub.
      /** @type {unknown} */
      let value = strict(evaluate(ast.object, ctx, where), where, show(ast.object))
      for (const key of ast.keys) {
        const name = toText(strict(evaluate(key, ctx, where), where, show(key)))
        value = isRecord(value) ? (value[name] ?? null) : null
      }
      return value
    }
    case 'path': {
      const keys = ast.keys.map((key) =>
        toText(strict(evaluate(key, ctx, where), where, show(key))),
      )
      return resolvePath(ast.root, keys, ctx, where)
    }
    default:
      throw new WorkflowError(`${where}: unsupported expression`)
  }
}

/**
 * @param {string} name
 * @param {Expr[]} args
 * @param {Record<string, any>} ctx
 * @param {string} where
 */
function callFunction(name, args, ctx, where) {
  const values = () => args.map((arg) => strict(evaluate(arg, ctx, where), where, show(arg)))
  const status = ctx.status
  switch (name) {
    case 'success':
      return status === 'success'
    case 'failure':
      return status === 'failure'
    case 'always':
      return true
    case 'cancelled':
      return false
    case 'contains': {
      const [haystack, needle] = values()
      if (Array.isArray(haystack)) return haystack.some((item) => looseEquals(item, needle))
      return toText(haystack).toLowerCase().includes(toText(needle).toLowerCase())
    }
    case 'startswith': {
      const [text, prefix] = values()
      return toText(text).toLowerCase().startsWith(toText(prefix).toLowerCase())
    }
    case 'endswith': {
      const [text, suffix] = values()
      return toText(text).toLowerCase().endsWith(toText(suffix).toLowerCase())
    }
    case 'format': {
      const [pattern, ...rest] = values()
      return toText(pattern).replace(/\{\{|\}\}|\{(\d+)\}/g, (match, index) => {
        if (match === '{{') return '{'
        if (match === '}}') return '}'
        if (Number(index) >= rest.length)
          throw new WorkflowError(`${where}: format() has no argument {${index}}`)
        return toText(rest[Number(index)])
      })
    }
    case 'join': {
      const [list, separator] = values()
      return Array.isArray(list)
        ? list.map(toText).join(separator === undefined ? ',' : toText(separator))
        : toText(list)
    }
    case 'tojson':
      return JSON.stringify(values()[0] ?? null, null, 2)
    case 'fromjson': {
      const text = toText(values()[0])
      try {
        return JSON.parse(text)
      } catch {
        throw new WorkflowError(
          `${where}: fromJSON() was given text that is not JSON: ${text.slice(0, 80)}`,
        )
      }
    }
    default:
      throw new WorkflowError(
        `${where}: function ${name}() is not supported by the workflow runner`,
      )
  }
}

/**
 * Resolves `root.key.key…` in the contexts, strictly: what the run does not have is an error,
 * except inside github.event (a payload has optional fields), where it is null as on GitHub.
 * @param {string} root
 * @param {string[]} keys
 * @param {Record<string, any>} ctx
 * @param {string} where
 */
function resolvePath(root, keys, ctx, where) {
  const path = [root, ...keys].join('.')
  const missing = (/** @type {string} */ why) => {
    throw new WorkflowError(`${where}: \${{ ${path} }}: ${why}`)
  }
  switch (root) {
    case 'steps': {
      if (keys.length === 0) return stepsObject(ctx.steps)
      const [stepId, field, output] = /** @type {[string, string?, string?]} */ (keys)
      const step = /** @type {StepRecord | undefined} */ (ctx.steps?.[stepId])
      if (!step) return missing(`no step ${stepId} has run before this point of the job`)
      if (field === undefined) return stepsObject({ [stepId]: step })[stepId]
      if (field === 'outcome' || field === 'conclusion') return step[field]
      if (field !== 'outputs')
        return missing(`steps have outcome, conclusion and outputs, not ${field}`)
      if (output === undefined) return { ...step.outputs }
      if (output in step.outputs) return step.outputs[output]
      if (step.kind === 'stubbed') {
        return new Unset(
          `step ${stepId} is stubbed (not flightdeck's) and the run gives no stub value for ${stepId}.outputs.${output}`,
        )
      }
      if (step.outcome === 'success') {
        return new Unset(
          `step ${stepId}${step.action ? ` (actions/${step.action})` : ''} succeeded without setting ${output}`,
        )
      }
      // A failed or skipped step's output is empty on GitHub; listed, not silent.
      ctx.emptyReads?.push(`${where}: steps.${stepId}.outputs.${output} (step ${step.outcome})`)
      return ''
    }
    case 'needs':
    case 'jobs': {
      const jobs = root === 'needs' ? ctx.needs : ctx.jobs
      if (!jobs) return missing(`there is no ${root} context here`)
      const [jobId, field, output] = /** @type {[string?, string?, string?]} */ (keys)
      if (jobId === undefined) return missing(`read a job of ${root}, not the whole context`)
      const job = /** @type {JobRecord | undefined} */ (jobs[jobId])
      if (!job)
        return missing(
          `job ${jobId} is not in ${root === 'needs' ? 'the needs of this job' : 'this workflow'}`,
        )
      if (field === 'result') return job.result
      if (field !== 'outputs') return missing(`jobs have result and outputs, not ${field}`)
      if (output === undefined) return printable(job.outputs)
      if (!job.declared.has(output) && !(output in job.outputs)) {
        return missing(`job ${jobId} never sets output ${output}`)
      }
      const value = job.outputs[output]
      if (value === undefined || value instanceof Unset) {
        if (job.result === 'success') {
          return new Unset(
            `job ${jobId} succeeded without setting output ${output}${value ? `: ${value.reason}` : ''}`,
          )
        }
        ctx.emptyReads?.push(`${where}: ${root}.${jobId}.outputs.${output} (job ${job.result})`)
        return ''
      }
      return value
    }
    case 'job':
      return walk(jobContext(ctx.status, ctx.jobWorkflow), keys, missing)
    case 'runner':
      return walk(ctx.runner, keys, missing)
    case 'github': {
      if (keys[0] === 'event') {
        /** @type {unknown} */
        let value = ctx.github.event
        for (const key of keys.slice(1)) value = isRecord(value) ? (value[key] ?? null) : null
        return keys.length === 1 ? ctx.github.event : value
      }
      return walk(ctx.github, keys, missing)
    }
    case 'inputs':
      if (keys.length === 0) return { ...ctx.inputs }
      if (!(String(keys[0]) in ctx.inputs))
        return missing(`the workflow declares no input ${keys[0]}`)
      return ctx.inputs[String(keys[0])]
    case 'secrets': {
      if (keys.length === 0) return missing('read one secret, not the whole context')
      const name = String(keys[0])
      if (name in ctx.secrets) return ctx.secrets[name]
      if (ctx.secretsDeclared?.has(name)) return ''
      if (ctx.secretsDeclared) return missing(`the reusable workflow declares no secret ${name}`)
      return missing(`the run gives no secret ${name}; add it to the stand-in setup`)
    }
    case 'vars': {
      const name = String(keys[0])
      if (name in (ctx.vars ?? {})) return ctx.vars[name]
      return missing(
        `the run gives no configuration variable ${name}; add it to the stand-in setup`,
      )
    }
    case 'env': {
      if (keys.length === 0) return { ...ctx.env }
      const name = String(keys[0])
      if (name in ctx.env) return ctx.env[name]
      return missing(`${name} is not set in the workflow, job or step env`)
    }
    default:
      return missing(`the workflow runner does not support the ${root} context`)
  }
}

/** @param {Record<string, StepRecord>} steps */
function stepsObject(steps) {
  return Object.fromEntries(
    Object.entries(steps ?? {}).map(([id, step]) => [
      id,
      { outcome: step.outcome, conclusion: step.conclusion, outputs: { ...step.outputs } },
    ]),
  )
}

/**
 * @param {unknown} value
 * @param {string[]} keys
 * @param {(why: string) => never} missing
 */
function walk(value, keys, missing) {
  let current = value
  for (const key of keys) {
    if (!isRecord(current) || !(key in current)) return missing(`the run has no ${key} there`)
    current = current[key]
  }
  return current
}

/**
 * GitHub's comparison: strings case-insensitively, other mixed types as numbers.
 * @param {string} op
 * @param {unknown} left
 * @param {unknown} right
 */
function compareValues(op, left, right) {
  if (op === '==') return looseEquals(left, right)
  if (op === '!=') return !looseEquals(left, right)
  let a = left
  let b = right
  if (typeof a === 'string' && typeof b === 'string') {
    a = a.toLowerCase()
    b = b.toLowerCase()
  } else {
    a = toNumber(a)
    b = toNumber(b)
  }
  const x = /** @type {any} */ (a)
  const y = /** @type {any} */ (b)
  switch (op) {
    case '<':
      return x < y
    case '<=':
      return x <= y
    case '>':
      return x > y
    default:
      return x >= y
  }
}

/** @param {unknown} left @param {unknown} right */
function looseEquals(left, right) {
  if (typeof left === 'string' && typeof right === 'string')
    return left.toLowerCase() === right.toLowerCase()
  if (typeof left === typeof right && (isRecord(left) || Array.isArray(left))) return left === right
  if (left === null && right === null) return true
  return toNumber(left) === toNumber(right)
}

/** @param {unknown} value */
function toNumber(value) {
  if (value === null) return 0
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'number') return value
  if (typeof value === 'string') return value.trim() === '' ? 0 : Number(value)
  return Number.NaN
}

/** @param {unknown} value */
function truthy(value) {
  if (value === null || value === undefined || value === false || value === '') return false
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value)
  return true
}

/** @param {unknown} value @returns {string} */
function toText(value) {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'boolean' || typeof value === 'number') return String(value)
  return JSON.stringify(value, null, 2)
}

/** @param {Record<string, unknown>} values @returns {Record<string, string>} */
function stringValues(values) {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, toText(value)]))
}

/** Job outputs for the trace: unset ones are left out. @param {Record<string, string | Unset>} outputs */
function printable(outputs) {
  /** @type {Record<string, string>} */
  const shown = {}
  for (const [name, value] of Object.entries(outputs)) {
    if (!(value instanceof Unset)) shown[name] = value
  }
  return shown
}

/** @param {unknown} value @returns {value is Record<string, any>} */
function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
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
