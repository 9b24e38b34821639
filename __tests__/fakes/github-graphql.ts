// The GraphQL half of the fake GitHub API: each query is checked with @octokit/graphql-schema's
// `validate` (GitHub's schema), then executed against that same schema with resolvers over the
// fake's state, so the answer has exactly the shape GitHub would give and variables are
// coerced as GitHub would coerce them.
import { schema as githubSchemaFiles, validate } from '@octokit/graphql-schema'
import {
  buildClientSchema,
  execute,
  parse,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql'
import { commitObject, type FakeCommit } from './github-graphql-commits.js'

let schema: GraphQLSchema | undefined

// Built once per test file, on the first GraphQL request.
function githubSchema(): GraphQLSchema {
  schema ??= buildClientSchema(githubSchemaFiles.json as IntrospectionQuery)
  return schema
}

/** A deployment as the fake keeps it: newest status first. */
export interface FakeDeployment {
  id: number
  environment: string
  /** `createdAt` (ISO 8601) defaults to the deployment's. */
  statuses: Array<{
    state: string
    description?: string
    environment_url?: string
    createdAt?: string
  }>
  ref?: string
  task?: string
  description?: string
  transient?: boolean
  production?: boolean
  createdAt?: string
  payload?: unknown
  /** The commit deployed (GraphQL `commitOid`). */
  sha?: string
}

export interface GraphqlAnswer {
  /** Why GitHub would refuse the query; empty when it would run it. */
  problems: string[]
  body: { data?: unknown; errors?: Array<{ message: string }> }
}

/** GraphQL's DeploymentState, derived from the newest status as GitHub derives it. */
export function deploymentState(deployment: FakeDeployment): string {
  const latest = deployment.statuses[0]?.state
  if (!latest) return 'PENDING'
  if (latest === 'success') return 'ACTIVE'
  if (latest === 'inactive') return deployment.transient ? 'DESTROYED' : 'INACTIVE'
  return latest.toUpperCase()
}

// GitHub's connection limit: `first`/`last` up to 100, and one of them is required.
const MAX_PAGE = 100

type PageArgs = { first?: number | null; last?: number | null; after?: string | null }

// Cursors are opaque to clients; the fake's carry the item's position in the whole list.
const cursorAt = (index: number) => `cursor:${index}`

function afterIndex(after: string | null | undefined): number {
  if (after === undefined || after === null) return 0
  const match = /^cursor:(\d+)$/.exec(after)
  if (!match) throw new Error(`\`${after}\` does not appear to be a valid cursor.`)
  return Number(match[1]) + 1
}

function page<T>(items: T[], args: PageArgs): T[] {
  const { first, last } = args
  if ((first === undefined || first === null) && (last === undefined || last === null)) {
    throw new Error(
      'You must provide a `first` or `last` value to properly paginate the connection.',
    )
  }
  for (const [name, value] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (typeof value === 'number' && (value < 0 || value > MAX_PAGE)) {
      throw new Error(
        `Requesting ${value} records on the connection exceeds the \`${name}\` limit of ${MAX_PAGE} records.`,
      )
    }
  }
  if (typeof first === 'number') return items.slice(0, first)
  return typeof last === 'number' ? items.slice(Math.max(0, items.length - last)) : items
}

function connection<T>(items: T[], args: PageArgs) {
  const offset = afterIndex(args.after)
  const rest = items.slice(offset)
  const nodes = page(rest, args)
  const start = offset + (rest.length - nodes.length) * (typeof args.first === 'number' ? 0 : 1)
  return {
    nodes,
    edges: nodes.map((node, index) => ({ node, cursor: cursorAt(start + index) })),
    totalCount: items.length,
    pageInfo: {
      hasNextPage: start + nodes.length < items.length,
      hasPreviousPage: start > 0,
      startCursor: nodes.length > 0 ? cursorAt(start) : null,
      endCursor: nodes.length > 0 ? cursorAt(start + nodes.length - 1) : null,
    },
  }
}

function deploymentNode(deployment: FakeDeployment) {
  const createdAt =
    deployment.createdAt ??
    new Date(Date.UTC(2025, 0, 1, 0, 0, deployment.id % 86_400)).toISOString()
  const status = (entry: FakeDeployment['statuses'][number], index: number) => ({
    id: `DES_${deployment.id}_${index}`,
    state: entry.state.toUpperCase(),
    description: entry.description ?? null,
    environmentUrl: entry.environment_url ?? null,
    createdAt: entry.createdAt ?? createdAt,
    updatedAt: entry.createdAt ?? createdAt,
  })
  return {
    id: `DE_${deployment.id}`,
    databaseId: deployment.id,
    environment: deployment.environment,
    latestEnvironment: deployment.environment,
    originalEnvironment: deployment.environment,
    state: deploymentState(deployment),
    description: deployment.description ?? null,
    task: deployment.task ?? 'deploy',
    // GitHub's GraphQL gives the payload as its JSON text.
    payload: JSON.stringify(deployment.payload ?? {}),
    commitOid: deployment.sha ?? 'ffac537e6cbbf934b08745a378932722df287a53',
    createdAt,
    updatedAt: createdAt,
    latestStatus: deployment.statuses[0] ? status(deployment.statuses[0], 0) : null,
    statuses: (args: PageArgs) => connection(deployment.statuses.map(status), args),
  }
}

/**
 * Answers a GraphQL request from the fake's deployments (newest first), or says why GitHub
 * would refuse it. Only what the deployments flow reads is backed by state; any other field
 * resolves to null, which a query for it shows soon enough.
 */
export function answerGraphql(
  request: { query?: unknown; variables?: unknown; operationName?: unknown },
  deployments: readonly FakeDeployment[],
  viewer = 'github-actions[bot]',
  commits: ReadonlyMap<string, FakeCommit> = new Map(),
): GraphqlAnswer {
  if (typeof request.query !== 'string') {
    const message = 'A query attribute must be specified and must be a string.'
    return { problems: [message], body: { errors: [{ message }] } }
  }
  let invalid: ReadonlyArray<{ message: string }>
  try {
    invalid = validate(request.query)
  } catch (err) {
    invalid = [{ message: err instanceof Error ? err.message : String(err) }]
  }
  if (invalid.length > 0) {
    const errors = invalid.map((error) => ({ message: error.message }))
    return { problems: errors.map((error) => error.message), body: { errors } }
  }
  const rootValue = {
    // The token's own account: for an app's installation token (the job token included),
    // the app's bot, `<slug>[bot]`.
    viewer: () => ({ login: viewer }),
    repository: () => ({
      object: (args: { oid?: string | null; expression?: string | null }) =>
        args.oid ? commitObject(commits, args.oid, connection) : null,
      deployments: (
        args: PageArgs & {
          environments?: string[] | null
          orderBy?: { field: string; direction: string } | null
        },
      ) => {
        const chosen = deployments.filter(
          (deployment) => !args.environments || args.environments.includes(deployment.environment),
        )
        // The fake keeps newest first; GitHub's default order is oldest first.
        const newestFirst = args.orderBy?.direction === 'DESC'
        const ordered = newestFirst ? [...chosen] : [...chosen].reverse()
        return connection(ordered.map(deploymentNode), args)
      },
    }),
  }
  const result = execute({
    schema: githubSchema(),
    document: parse(request.query),
    rootValue,
    variableValues: (request.variables ?? {}) as Record<string, unknown>,
    operationName: typeof request.operationName === 'string' ? request.operationName : undefined,
  }) as { data?: unknown; errors?: ReadonlyArray<{ message: string }> }
  const errors = (result.errors ?? []).map((error) => ({ message: error.message }))
  return {
    problems: errors.map((error) => error.message),
    body: errors.length > 0 ? { data: result.data ?? null, errors } : { data: result.data },
  }
}
