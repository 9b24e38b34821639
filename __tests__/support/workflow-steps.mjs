// One job with steps, run by the workflow runner: flightdeck steps through the tests' action runner
// (and their post steps at the end of the job), flightdeck's own `run:` scripts with bash through
// the step host, every other step recorded as stubbed.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { WorkflowError } from './workflow-expressions.mjs'
import {
  checkCheckoutStep,
  flightdeckAction,
  isCheckoutStep,
  notCheckedOutMessage,
} from './workflow-self-checkout.mjs'
import { createFileCommands, readFileCommands, runStepProcess } from '../../bin/lib/step-host.mjs'
import {
  condition,
  evaluateLenient,
  evaluateMap,
  evaluateValue,
  interpolate,
} from './workflow-evaluate.mjs'
import { stepKeys } from './workflow-structure.mjs'
import { printable, truthy } from './workflow-values.mjs'

/**
 * @param {import('./workflow-run.mjs').Run} run
 * A job with steps.
 * @param {string} jobId
 * @param {Record<string, any>} job
 * @param {Record<string, any>} base
 * @param {Scope} scope
 * @param {Record<string, any>} workflow
 * @param {WorkflowTrace} trace
 * @returns {Promise<JobTrace>}
 */
export async function runStepsJob(run, jobId, job, base, scope, workflow, trace) {
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
      const checked = run.checkActionInputs(actionName, withValues, stepWhere)
      const overridden = run.overridesFor(traceId, jobId, key, actionName, stepWhere)
      const inputs = { ...run.rewrite(checked), ...overridden }
      const env = {
        ...run.rewrite({ ...jobEnv, ...exported, ...stepEnv }),
        GITHUB_JOB: jobId,
        GITHUB_WORKFLOW: String(workflow.name ?? base.github.workflow),
      }
      const runOptions = run.runOptions(env, addedPath)
      const result = await run.runStepAction(actionName, { ...runOptions, inputs })
      outcome = result.exitCode === 0 ? 'success' : 'failure'
      outputs = result.outputs
      Object.assign(exported, result.exportedEnv)
      addedPath.unshift(...[...result.addedPath].reverse())
      Object.assign(stepTrace, {
        kind: 'flightdeck',
        inputs,
        ...(Object.keys(overridden).length ? { overridden: Object.keys(overridden) } : {}),
        env: run.rewrite(stepEnv),
        exitCode: result.exitCode,
        errors: result.errors,
        summary: result.summary,
        stdout: result.stdout,
      })
      const spec = run.actionSpec(actionName)
      if (typeof spec.runs?.post === 'string') {
        const postIf = typeof spec.runs['post-if'] === 'string' ? spec.runs['post-if'] : 'success()'
        const savedState = result.savedState
        // action.yml names the post bundle relative to actions/<name>/: ../../dist/<name>/post/index.js
        const postEntry = relative(
          join(run.root, 'dist', actionName),
          join(run.root, 'actions', actionName, spec.runs.post),
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
          const post = await run.runStepAction(actionName, {
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
        ...run.runOptions(env, addedPath).env,
        RUNNER_TEMP: run.runner.temp,
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
      const stub = run.stubFor(traceId, jobId, key)
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
 * Runs a `run:` script as the runner does (`bash --noprofile --norc -eo pipefail`), with the
 * file commands of a step, through the step host.
 * @param {string} script
 * @param {Record<string, string | undefined>} env
 */
async function runScript(script, env) {
  const workDir = mkdtempSync(join(tmpdir(), 'flightdeck-run-'))
  const files = createFileCommands(workDir, [
    'GITHUB_OUTPUT',
    'GITHUB_ENV',
    'GITHUB_PATH',
    'GITHUB_STEP_SUMMARY',
  ])
  const scriptPath = join(workDir, 'script.sh')
  writeFileSync(scriptPath, script)
  let stdout = ''
  const { code: exitCode } = await runStepProcess(
    'bash',
    ['--noprofile', '--norc', '-eo', 'pipefail', scriptPath],
    {
      cwd: workDir,
      env: { ...env, ...files },
      onStdout: (chunk) => (stdout += chunk),
      onStderr: (chunk) => (stdout += chunk),
    },
  )
  const written = readFileCommands(files)
  return {
    exitCode,
    stdout,
    outputs: written.outputs,
    exportedEnv: written.exportedEnv,
    addedPath: written.addedPath,
    errors: stdout
      .split('\n')
      .filter((line) => line.startsWith('::error'))
      .map((line) => line.replace(/^::error[^:]*::/, '')),
  }
}
