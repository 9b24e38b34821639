// What the workflow runner checks before a step or a run: a flightdeck step's inputs against its
// action.yml, every `steps.*.outputs` and `needs.*.outputs` read against what is declared, and a
// reusable workflow's `with:` and `secrets:` against on.workflow_call.
import { WorkflowError } from './workflow-expressions.mjs'
import { flightdeckAction } from './workflow-self-checkout.mjs'
import {
  declaredJobOutputs,
  expressionsIn,
  needsOf,
  stepKeys,
  WORKFLOW_USES,
} from './workflow-structure.mjs'
import { isRecord } from './workflow-values.mjs'

/**
 * @param {import('./workflow-run.mjs').Run} run
 * The inputs a flightdeck step passes, checked against action.yml.
 * @param {string} action
 * @param {Record<string, string>} given
 * @param {string} where
 */
export function checkActionInputs(run, action, given, where) {
  const declared = run.actionSpec(action).inputs ?? {}
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
 * @param {import('./workflow-run.mjs').Run} run
 * Statically, before anything runs: every flightdeck step's `with:` names inputs its action
 * declares, and every `steps.<id>.outputs.<name>` read in a job names a step of that job and,
 * for a flightdeck step, an output its action.yml declares; every `needs.<job>.outputs.<name>`
 * names a job in `needs` that declares it. So a wire on a path this run does not take is
 * checked too.
 * @param {Record<string, any>} workflow
 * @param {string} file
 */
export function checkStatically(run, workflow, file) {
  for (const [jobId, job] of Object.entries(/** @type {Record<string, any>} */ (workflow.jobs))) {
    const where = `${file}: job ${jobId}`
    const needs = needsOf(job)
    for (const [, expression] of expressionsIn(job)) {
      for (const match of expression.matchAll(/\bneeds\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        const [, need, output] = /** @type {[string, string, string]} */ (match)
        if (!needs.includes(need)) {
          throw new WorkflowError(`${where}: reads needs.${need}, but ${need} is not in its needs`)
        }
        const declared = declaredJobOutputs(workflow.jobs[need], run)
        if (!declared.has(output)) {
          throw new WorkflowError(
            `${where}: reads needs.${need}.outputs.${output}, an output job ${need} never sets (it has ${[...declared].join(', ') || 'none'})`,
          )
        }
      }
    }
    if (typeof job.uses === 'string') {
      run.checkReusableCall(job, where)
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
        const declared = run.actionSpec(action).inputs ?? {}
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
          const declared = run.actionSpec(action).outputs ?? {}
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
 * @param {import('./workflow-run.mjs').Run} run
 * The names a reusable-workflow job passes in `with:` and `secrets:`, against on.workflow_call
 * (the values are typed and checked again when the job runs).
 * @param {Record<string, any>} job
 * @param {string} where
 */
export function checkReusableCall(run, job, where) {
  const file = WORKFLOW_USES.exec(job.uses)?.[1]
  if (!file) {
    throw new WorkflowError(
      `${where}: uses ${job.uses}, which is not a workflow of this repository`,
    )
  }
  const { call } = run.reusableWorkflow(file, where)
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
