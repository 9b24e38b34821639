// One run of a workflow: jobs in order with their contexts, reusable workflows expanded with
// their inputs, secrets and outputs, and the caller's overrides, stubs and rewrites. A job's
// steps are workflow-steps.mjs; the checks before running are workflow-checks.mjs.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { parse } from 'yaml'
import { WorkflowError } from './workflow-expressions.mjs'
import { calledJobWorkflow } from './workflow-self-checkout.mjs'
import { repoRoot as defaultRepoRoot, runBundledAction } from './bundle-runner.mjs'
import { checkActionInputs, checkReusableCall, checkStatically } from './workflow-checks.mjs'
import { condition, evaluateLenient, evaluateMap } from './workflow-evaluate.mjs'
import { runStepsJob } from './workflow-steps.mjs'
import {
  bindInputs,
  declaredJobOutputs,
  jobOrder,
  jobStatus,
  needsOf,
  parseWorkflow,
  WORKFLOW_USES,
} from './workflow-structure.mjs'
import { isRecord, printable } from './workflow-values.mjs'

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

export class Run {
  /**
   * @param {RunWorkflowOptions} options
   * @param {Record<string, unknown>} github
   */
  constructor(options, github) {
    this.options = options
    this.github = github
    this.root = defaultRepoRoot
    this.workflowsDir = options.workflowsDir ?? join(defaultRepoRoot, '.github', 'workflows')
    this.runStepAction = options.runStepAction ?? runBundledAction
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

  /** A job with steps: workflow-steps.mjs. */
  stepsJob(jobId, job, base, scope, workflow, trace) {
    return runStepsJob(this, jobId, job, base, scope, workflow, trace)
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

  /** The inputs a flightdeck step passes, checked against action.yml: workflow-checks.mjs. */
  checkActionInputs(action, given, where) {
    return checkActionInputs(this, action, given, where)
  }

  /** Every wire checked before anything runs: workflow-checks.mjs. */
  checkStatically(workflow, file) {
    return checkStatically(this, workflow, file)
  }

  /** A reusable-workflow job's `with:` and `secrets:` names: workflow-checks.mjs. */
  checkReusableCall(job, where) {
    return checkReusableCall(this, job, where)
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
