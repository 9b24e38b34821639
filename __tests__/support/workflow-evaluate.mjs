// Evaluating the workflow runner's expressions against a job's contexts: `if:` conditions,
// `${{ }}` in values and scripts, the functions GitHub offers and the context paths it resolves;
// strict, so a value the run was not given is an error instead of an empty string.
import {
  LONE_EXPRESSION,
  parseExpression,
  show,
  usesStatusFunction,
  WorkflowError,
} from './workflow-expressions.mjs'
import { jobContext } from './workflow-self-checkout.mjs'
import {
  compareValues,
  isRecord,
  looseEquals,
  printable,
  stepsObject,
  stringValues,
  toText,
  truthy,
  Unset,
  walk,
} from './workflow-values.mjs'

/** @typedef {import('./workflow-expressions.mjs').Expr} Expr */

/**
 * Whether an `if:` holds. Without a status function the condition is `success() && (…)`.
 * @param {unknown} raw
 * @param {Record<string, any>} ctx
 * @param {string} where
 */
export function condition(raw, ctx, where) {
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
export function evaluateMap(map, ctx, where) {
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
export function evaluateValue(value, ctx, where) {
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
export function evaluateLenient(value, ctx, where) {
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
export function interpolate(text, ctx, where) {
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
