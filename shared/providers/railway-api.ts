// Railway's GraphQL API (backboard): which credential a token is and how it travels, and one
// bounded request that reads GraphQL errors from a 200 answer.
import { maskSecret } from '../secrets.js'
import { ApiError, requestJson } from './api.js'
import type { ProviderConfig } from './types.js'

export const RAILWAY_API_URL = 'https://backboard.railway.com/graphql/v2'

/**
 * A project token (RAILWAY_TOKEN) is scoped to one project and environment and travels in a
 * header of its own; an account or workspace token (RAILWAY_API_TOKEN) is a Bearer token.
 */
type CredentialKind = 'project' | 'account'

export interface RailwayCredential {
  token: string
  kind: CredentialKind
}

/**
 * The `token` input counts as a project token, since that is what Railway recommends for CI;
 * an account or workspace token is taken from RAILWAY_API_TOKEN.
 */
export function railwayCredential(config: ProviderConfig): RailwayCredential {
  const found: RailwayCredential | undefined = config.token
    ? { token: config.token, kind: 'project' }
    : process.env.RAILWAY_TOKEN
      ? { token: process.env.RAILWAY_TOKEN, kind: 'project' }
      : process.env.RAILWAY_API_TOKEN
        ? { token: process.env.RAILWAY_API_TOKEN, kind: 'account' }
        : undefined
  if (!found) {
    throw new Error(
      'provider `railway` needs a token: set the `token` input or RAILWAY_TOKEN to a project token, or RAILWAY_API_TOKEN to an account or workspace token',
    )
  }
  maskSecret(found.token)
  return found
}

/** The CLI reads the same two variables; only the chosen one reaches it. */
export function cliEnv(credential: RailwayCredential): Record<string, string | undefined> {
  return credential.kind === 'project'
    ? { RAILWAY_TOKEN: credential.token, RAILWAY_API_TOKEN: undefined }
    : { RAILWAY_API_TOKEN: credential.token, RAILWAY_TOKEN: undefined }
}

export function authHeaders(credential: RailwayCredential): Record<string, string> {
  return credential.kind === 'project'
    ? { 'Project-Access-Token': credential.token }
    : { Authorization: `Bearer ${credential.token}` }
}

interface GraphqlAnswer<T> {
  data?: T | null
  errors?: Array<{ message?: unknown }>
}

/** Railway answers GraphQL errors with HTTP 200, so they are looked for in the body. */
export async function graphql<T>(
  config: ProviderConfig,
  operation: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const credential = railwayCredential(config)
  const answer = await requestJson<GraphqlAnswer<T> | undefined>({
    method: 'POST',
    url: config.apiUrl ?? RAILWAY_API_URL,
    headers: authHeaders(credential),
    body: { query, variables },
    timeoutMs: config.timeoutMs,
    service: 'Railway API',
  })
  if (!answer || typeof answer !== 'object') {
    throw new ApiError(`Railway API ${operation} answered without a GraphQL response body`)
  }
  if (Array.isArray(answer.errors) && answer.errors.length > 0) {
    const messages = answer.errors.map((error) =>
      typeof error?.message === 'string' ? error.message : JSON.stringify(error),
    )
    const text = messages.join('; ')
    throw new ApiError(`Railway API ${operation} failed: ${text}${authHint(text, credential)}`)
  }
  if (!answer.data) {
    throw new ApiError(`Railway API ${operation} answered with no data and no error`)
  }
  return answer.data
}

function authHint(message: string, credential: RailwayCredential): string {
  if (!/not authori[sz]ed/i.test(message)) return ''
  return credential.kind === 'project'
    ? ' (the token was sent as a project token: check that it belongs to this project and environment, or pass an account or workspace token through RAILWAY_API_TOKEN)'
    : ' (the token was sent as an account or workspace token: check that it can see this project)'
}

/** Railway lists deployments and variables per environment, and cannot guess which one. */
export function requireEnvironmentId(config: ProviderConfig, purpose: string): string {
  const value = config.settings['environment-id']
  if (!value) {
    throw new Error(
      `provider \`railway\` needs the \`environment-id\` input to ${purpose} (the Railway environment's id, shown in the dashboard's environment settings)`,
    )
  }
  return value
}
