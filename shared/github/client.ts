import { getOctokit } from '@actions/github'
import { defaults as actionsDefaults } from '@actions/github/lib/utils'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck'
import { formatDuration, parseDuration } from '../durations.js'
import * as core from '../runner-protocol.js'
import { runContext } from './context.js'

export type GitHubClient = ReturnType<typeof getOctokit>

type Fetch = typeof globalThis.fetch

/**
 * GitHub stops processing a REST request after 10 seconds and answers with an error
 * ("Timeouts" in GitHub's REST API docs); 15s leaves room for the network. A request with no
 * answer by then will not get one worth waiting for.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000

/** @octokit/plugin-retry waits 1, 4 and 9 of these before its retries. */
export const DEFAULT_RETRY_WAIT_UNIT_MS = 1000

/** A rate limit that lifts sooner than this is waited out once; a longer one fails at once. */
export const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 20_000

/**
 * The time limit of one GitHub request: FLIGHTDECK_GITHUB_TIMEOUT (a duration such as `5s`)
 * for slow Enterprise Servers and for tests, else DEFAULT_REQUEST_TIMEOUT_MS.
 */
export function githubRequestTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const configured = env.FLIGHTDECK_GITHUB_TIMEOUT?.trim()
  const ms = configured ? parseDuration(configured) : undefined
  return ms !== undefined && ms > 0 ? ms : DEFAULT_REQUEST_TIMEOUT_MS
}

/** What a GitHub request that ran out of time throws (Octokit wraps it as a 500 RequestError). */
export class GitHubTimeoutError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TimeoutError'
  }
}

// Statuses whose responses carry no body; `new Response` refuses a body for them.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304])

function describeRequest(input: Parameters<Fetch>[0], init?: RequestInit): string {
  const url = typeof input === 'string' || input instanceof URL ? String(input) : input.url
  let path = url
  try {
    path = new URL(url).pathname
  } catch {
    // Not an absolute URL: show it as it came.
  }
  return `${init?.method ?? 'GET'} ${path}`
}

/**
 * `fetch` with a time limit on each request, answer body included: a GitHub that accepts the
 * connection and then never answers (or stalls half way through the body) cannot hang a step.
 * The caller's own signal still aborts as before.
 */
export function fetchWithTimeLimit(fetch: Fetch, timeoutMs: number): Fetch {
  return async (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs)
    const callerSignal = init?.signal ?? undefined
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout
    try {
      const response = await fetch(input, { ...init, signal })
      // Read the body here, under the same limit, instead of handing Octokit a stream it
      // would read with no limit.
      const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer()
      const buffered = new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: new Headers([...response.headers]),
      })
      Object.defineProperty(buffered, 'url', { value: response.url })
      return buffered
    } catch (err) {
      if (timeout.aborted && !callerSignal?.aborted) {
        throw new GitHubTimeoutError(
          `GitHub did not answer ${describeRequest(input, init)} within ${formatDuration(timeoutMs)}`,
        )
      }
      throw err
    }
  }
}

export interface GitHubClientOptions {
  /** REST API root; the run's (GITHUB_API_URL) when not given. */
  apiUrl?: string
  /** Time limit of each request, answer included. */
  requestTimeoutMs?: number
  /** Retries of server errors, network failures and timeouts (waits of 1s, 4s, 9s). */
  retries?: number
  /** The unit of those waits (1, 4 and 9 units); 1 s when not given. */
  retryWaitUnitMs?: number
  /** Rate limits are waited out once when they lift within this time. */
  maxRateLimitWaitMs?: number
  /** Least time between two writes; githubWriteSpacingMs() (1 s) when not given. */
  writeSpacingMs?: number
}

/**
 * GitHub asks for writes (POST, PATCH, PUT, DELETE; GraphQL mutations) at least a second apart
 * ("Best practices for using the REST API"). The throttling plugin spaces every POST so, GraphQL
 * queries included: a report reading 30 pages of deployments and commits would wait 30 s for
 * nothing. So the plugin's own write group is a pass-through and `spaceWrites` spaces the real
 * writes, with the same Bottleneck the plugin uses (one group for all clients, as the plugin's).
 */
export const DEFAULT_WRITE_SPACING_MS = 1000
const unspacedGroup = new Bottleneck.Group({ maxConcurrent: null, minTime: 0 })
/** One Bottleneck group per spacing in use (in a real run only the default's). */
const writeGroups = new Map<number, InstanceType<typeof Bottleneck.Group>>()

function writeGroup(spacingMs: number): InstanceType<typeof Bottleneck.Group> {
  let group = writeGroups.get(spacingMs)
  if (!group) {
    group = new Bottleneck.Group({ maxConcurrent: 1, minTime: spacingMs })
    writeGroups.set(spacingMs, group)
  }
  return group
}

/**
 * The least time between two writes: FLIGHTDECK_GITHUB_WRITE_SPACING (a duration; `0s` turns
 * spacing off) for test runs against a fake GitHub, which has no such limit and would make
 * every bundle run wait a second per write, else DEFAULT_WRITE_SPACING_MS.
 */
export function githubWriteSpacingMs(env: NodeJS.ProcessEnv = process.env): number {
  const configured = env.FLIGHTDECK_GITHUB_WRITE_SPACING?.trim()
  const ms = configured ? parseDuration(configured) : undefined
  return ms !== undefined ? ms : DEFAULT_WRITE_SPACING_MS
}

interface RequestOptions {
  method?: string
  url?: string
  query?: unknown
}

/** A GraphQL document whose (first) operation is a query: a read, however it is sent. */
export function isGraphqlRead(query: unknown): boolean {
  if (typeof query !== 'string') return false
  // Comments and white space may come first; `{ … }` alone is a query too.
  const start = query.replace(/^(?:\s+|#[^\n]*\n?)+/, '')
  return start.startsWith('{') || /^query\b/.test(start)
}

/** Is this request a write GitHub wants spaced? */
export function isWriteRequest(options: RequestOptions): boolean {
  const method = (options.method ?? 'GET').toUpperCase()
  if (method === 'GET' || method === 'HEAD') return false
  const path = new URL(options.url ?? '/', 'http://github.test').pathname
  if (/\/graphql$/.test(path)) return !isGraphqlRead(options.query)
  return true
}

/** Octokit plugin: every write waits for its turn, `spacingMs` after the previous one. */
function spaceWrites(spacingMs: number) {
  return (octokit: { hook: GitHubClient['hook'] }): void => {
    octokit.hook.wrap('request', async (request, options) => {
      if (spacingMs > 0 && isWriteRequest(options as RequestOptions)) {
        await writeGroup(spacingMs)
          .key('flightdeck')
          .schedule(() => Promise.resolve())
      }
      return request(options)
    })
  }
}

interface ThrottledRequest {
  method?: string
  url?: string
  request?: { signal?: AbortSignal | null }
}

/**
 * An Octokit for the run's API (GitHub Enterprise Server and local fakes included) that
 * retries server errors, network failures and timeouts a few times, waits out short rate
 * limits (secondary ones included) once, and gives every request a time limit.
 */
export function githubClient(token: string, options: GitHubClientOptions = {}): GitHubClient {
  const requestTimeoutMs = options.requestTimeoutMs ?? githubRequestTimeoutMs()
  const maxWaitMs = options.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS
  const writeSpacingMs = options.writeSpacingMs ?? githubWriteSpacingMs()
  // @actions/github's defaults carry a fetch that honours the runner's proxy settings
  // (HTTPS_PROXY, NO_PROXY); Octokit replaces `request` as a whole, so keep it explicitly.
  const proxyFetch = (actionsDefaults.request?.fetch as Fetch | undefined) ?? globalThis.fetch
  const waitOutRateLimit =
    (kind: string) =>
    (
      retryAfterSeconds: number,
      request: ThrottledRequest,
      _octokit: unknown,
      retryCount: number,
    ) => {
      const what = `${request.method ?? 'GET'} ${request.url ?? ''}`
      const waitMs = retryAfterSeconds * 1000
      if (retryCount >= 1 || waitMs > maxWaitMs || request.request?.signal?.aborted) {
        core.info(
          `GitHub's ${kind} refused ${what}; it lifts in ${formatDuration(waitMs)}, longer than flightdeck waits (${formatDuration(maxWaitMs)}, once).`,
        )
        return false
      }
      core.info(`GitHub's ${kind}: waiting ${formatDuration(waitMs)} to retry ${what}.`)
      return true
    }
  return getOctokit(
    token,
    {
      baseUrl: options.apiUrl ?? runContext().apiUrl,
      request: {
        fetch: fetchWithTimeLimit(proxyFetch, requestTimeoutMs),
        agent: actionsDefaults.request?.agent,
        retries: options.retries ?? 3,
      },
      retry: { retryAfterBaseValue: options.retryWaitUnitMs ?? DEFAULT_RETRY_WAIT_UNIT_MS },
      throttle: {
        // Writes are spaced by spaceWrites, which knows a GraphQL query from a mutation.
        write: unspacedGroup,
        onRateLimit: waitOutRateLimit('rate limit'),
        onSecondaryRateLimit: waitOutRateLimit('secondary rate limit'),
      },
      // Octokit's own notices (deprecations, plugin trouble) go through the runner protocol,
      // not to stderr.
      log: {
        debug: (message: string) => core.debug(message),
        info: (message: string) => core.debug(message),
        warn: (message: string) => core.warning(message),
        error: (message: string) => core.warning(message),
      },
    },
    retry,
    throttling,
    spaceWrites(writeSpacingMs),
  )
}
