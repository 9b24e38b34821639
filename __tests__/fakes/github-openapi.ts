// GitHub's REST description (@octokit/openapi) as a request checker for the fake GitHub API:
// a request GitHub would refuse (no such endpoint, a missing or mistyped path parameter, an
// unknown query parameter or body key, a missing required key, a value outside an enum) is
// reported, so a test cannot pass against a fake that accepts what GitHub would not.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

interface Schema {
  $ref?: string
  type?: string
  enum?: unknown[]
  nullable?: boolean
  properties?: Record<string, Schema>
  required?: string[]
  additionalProperties?: boolean | Schema
  items?: Schema
  oneOf?: Schema[]
  anyOf?: Schema[]
  allOf?: Schema[]
  maxLength?: number
}

interface Parameter {
  $ref?: string
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema?: Schema
}

interface Operation {
  operationId: string
  parameters?: Parameter[]
  requestBody?: { $ref?: string; required?: boolean; content?: Record<string, { schema?: Schema }> }
}

interface OpenApi {
  paths: Record<string, Record<string, Operation | Parameter[]>>
  components: Record<string, Record<string, unknown>>
}

interface Route {
  template: string
  pattern: RegExp
  /** Literal segments: `/repos/{owner}/{repo}/deployments` beats `/repos/{owner}/{repo}/{x}`. */
  literals: number
  operations: Record<string, Operation | Parameter[]>
}

let loaded: { spec: OpenApi; routes: Route[] } | undefined

// Loaded once per test file on first use: the description is 13 MB of JSON.
function openApi(): { spec: OpenApi; routes: Route[] } {
  if (loaded) return loaded
  const file = createRequire(import.meta.url).resolve(
    '@octokit/openapi/generated/api.github.com.json',
  )
  const spec = JSON.parse(readFileSync(file, 'utf8')) as OpenApi
  const routes = Object.entries(spec.paths).map(([template, operations]) => {
    const segments = template.split('/').slice(1)
    const pattern = new RegExp(
      `^/${segments
        .map((segment) =>
          segment.replace(/\{[^}]+\}|[^{}]+/g, (part) =>
            part.startsWith('{') ? '([^/]+)' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'),
          ),
        )
        .join('/')}$`,
    )
    return {
      template,
      pattern,
      literals: segments.filter((segment) => !segment.includes('{')).length,
      operations,
    }
  })
  loaded = { spec, routes }
  return loaded
}

/**
 * Loads the description now, when the fake starts: on a busy machine parsing it can take
 * seconds, which must not count against the time limit of the first request a test sends.
 */
export function preloadOpenApi(): void {
  openApi()
}

function resolve<T extends { $ref?: string }>(value: T): T {
  let current: T = value
  for (let hops = 0; current.$ref && hops < 20; hops++) {
    const pointer = current.$ref.replace(/^#\//, '').split('/')
    let target: unknown = openApi().spec
    for (const key of pointer) target = (target as Record<string, unknown>)[key]
    current = target as T
  }
  return current
}

function typeProblem(schema: Schema, value: unknown, at: string): string | undefined {
  const type = schema.type ?? (schema.properties ? 'object' : undefined)
  if (type === undefined) return undefined
  const ok =
    type === 'string'
      ? typeof value === 'string'
      : type === 'integer'
        ? Number.isInteger(value)
        : type === 'number'
          ? typeof value === 'number'
          : type === 'boolean'
            ? typeof value === 'boolean'
            : type === 'array'
              ? Array.isArray(value)
              : type === 'object'
                ? value !== null && typeof value === 'object' && !Array.isArray(value)
                : true
  return ok ? undefined : `${at} is ${JSON.stringify(value)}, not of type ${type}`
}

/** What about `value` the schema refuses; empty when it is accepted. */
function schemaProblems(raw: Schema, value: unknown, at: string): string[] {
  const schema = resolve(raw)
  if (value === null) return schema.nullable ? [] : [`${at} is null, which is not allowed`]
  if (schema.allOf) return schema.allOf.flatMap((part) => schemaProblems(part, value, at))
  const alternatives = schema.oneOf ?? schema.anyOf
  if (alternatives) {
    const verdicts = alternatives.map((part) => schemaProblems(part, value, at))
    return verdicts.some((problems) => problems.length === 0)
      ? []
      : [`${at} matches none of its allowed forms (${verdicts.map((p) => p[0]).join(' / ')})`]
  }
  const typeError = typeProblem(schema, value, at)
  if (typeError) return [typeError]
  if (schema.enum && !schema.enum.includes(value)) {
    return [`${at} is ${JSON.stringify(value)}, not one of ${schema.enum.join(', ')}`]
  }
  if (typeof value === 'string' && schema.maxLength !== undefined) {
    if (value.length > schema.maxLength) {
      return [`${at} is ${value.length} characters long, over ${schema.maxLength}`]
    }
  }
  if (Array.isArray(value) && schema.items) {
    const items = schema.items
    return value.flatMap((item, index) => schemaProblems(items, item, `${at}[${index}]`))
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>
    const problems: string[] = []
    for (const key of schema.required ?? []) {
      if (!(key in record)) problems.push(`${at}.${key} is required`)
    }
    for (const [key, item] of Object.entries(record)) {
      const property = schema.properties?.[key]
      if (property) problems.push(...schemaProblems(property, item, `${at}.${key}`))
      else if (typeof schema.additionalProperties === 'object') {
        problems.push(...schemaProblems(schema.additionalProperties, item, `${at}.${key}`))
      } else if (schema.properties && schema.additionalProperties !== true) {
        problems.push(`${at}.${key} is not a known key`)
      }
    }
    return problems
  }
  return []
}

/** A query or path value (always text on the wire) against its parameter's schema. */
function parameterProblems(parameter: Parameter, text: string): string[] {
  const schema = resolve(parameter.schema ?? {})
  const at = `${parameter.in} parameter ${parameter.name}`
  const value =
    schema.type === 'integer' || schema.type === 'number'
      ? /^-?\d+(\.\d+)?$/.test(text)
        ? Number(text)
        : text
      : schema.type === 'boolean'
        ? text === 'true'
          ? true
          : text === 'false'
            ? false
            : text
        : text
  return schemaProblems(schema, value, at)
}

export interface RestCheck {
  /** The matched route, e.g. `POST /repos/{owner}/{repo}/deployments`; undefined: none. */
  route?: string
  operationId?: string
  /** Why GitHub would refuse the request; empty when it would accept it. */
  problems: string[]
  /** 404 for a route GitHub does not have, 422 for a request it would refuse. */
  status?: 404 | 422
}

// Deployment and deployment status descriptions: a limit GitHub's description only states in
// prose.
const DESCRIPTION_LIMIT = 140

/** Checks a REST request against GitHub's REST description. */
export function checkRestRequest(method: string, target: string, body: unknown): RestCheck {
  const url = new URL(target, 'http://fake')
  const verb = method.toLowerCase()
  const candidates = openApi()
    .routes.filter((route) => route.pattern.test(url.pathname))
    .sort((a, b) => b.literals - a.literals)
  const route = candidates.find((candidate) => candidate.operations[verb])
  if (!route) {
    return {
      problems: [`GitHub has no ${method} ${url.pathname}`],
      status: 404,
    }
  }
  const operation = route.operations[verb] as Operation
  const shared = (route.operations.parameters as Parameter[] | undefined) ?? []
  const parameters = [...shared, ...(operation.parameters ?? [])].map((p) => resolve(p))
  const problems: string[] = []

  const names = [...route.template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string)
  const values = (route.pattern.exec(url.pathname) ?? []).slice(1)
  names.forEach((name, index) => {
    const parameter = parameters.find((p) => p.in === 'path' && p.name === name)
    const text = decodeURIComponent(values[index] ?? '')
    if (!text) problems.push(`path parameter ${name} is empty`)
    else if (parameter) problems.push(...parameterProblems(parameter, text))
  })

  const query = [...url.searchParams.entries()]
  for (const [name, text] of query) {
    const parameter = parameters.find((p) => p.in === 'query' && p.name === name)
    if (!parameter) problems.push(`query parameter ${name} is not a known parameter`)
    else problems.push(...parameterProblems(parameter, text))
  }
  for (const parameter of parameters.filter((p) => p.in === 'query' && p.required)) {
    if (!url.searchParams.has(parameter.name)) {
      problems.push(`query parameter ${parameter.name} is required`)
    }
  }

  const requestBody = operation.requestBody ? resolve(operation.requestBody) : undefined
  const schema = requestBody?.content?.['application/json']?.schema
  if (body === undefined) {
    if (requestBody?.required) problems.push('the request needs a JSON body')
  } else if (!schema) {
    problems.push(`${method} ${route.template} takes no body`)
  } else {
    problems.push(...schemaProblems(schema, body, 'body'))
    const description = (body as { description?: unknown }).description
    if (
      route.template.includes('/deployments') &&
      typeof description === 'string' &&
      Array.from(description).length > DESCRIPTION_LIMIT
    ) {
      problems.push(`body.description is over GitHub's limit of ${DESCRIPTION_LIMIT} characters`)
    }
  }
  return {
    route: `${method} ${route.template}`,
    operationId: operation.operationId,
    problems,
    status: problems.length > 0 ? 422 : undefined,
  }
}
