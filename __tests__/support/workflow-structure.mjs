// The shape of a workflow as the workflow runner reads it: triggers, jobs in `needs` order, step
// keys, declared job outputs, the expressions a value holds, and typed `workflow_call` /
// `workflow_dispatch` inputs.
import { parse } from 'yaml'
import { WorkflowError } from './workflow-expressions.mjs'
import { isRecord, toText } from './workflow-values.mjs'

export const WORKFLOW_USES =
  /^(?:flightdeck-actions\/flightdeck\/\.github\/workflows\/|\.\/\.github\/workflows\/)([\w.-]+\.ya?ml)(?:@[\w./-]+)?$/

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

/** @param {unknown} on */
export function triggerNames(on) {
  if (typeof on === 'string') return [on]
  if (Array.isArray(on)) return on.map(String)
  if (isRecord(on)) return Object.keys(on)
  return []
}

/** @param {Record<string, any>} job @returns {string[]} */
export function needsOf(job) {
  if (job.needs === undefined) return []
  return (Array.isArray(job.needs) ? job.needs : [job.needs]).map(String)
}

/**
 * Job ids in an order that respects `needs` (file order among the ready ones).
 * @param {Record<string, any>} jobs
 * @param {string} file
 */
export function jobOrder(jobs, file) {
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
export function stepKeys(steps, where) {
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
export function declaredJobOutputs(job, run) {
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
export function expressionsIn(value, skip, place = '') {
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
export function bindInputs(where, declared, given) {
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

/**
 * success/failure of the job so far, from the results of the jobs it needs.
 * @param {string[]} results
 */
export function jobStatus(results) {
  if (results.includes('failure')) return 'failure'
  if (results.includes('skipped')) return 'skipped-needs'
  return 'success'
}
