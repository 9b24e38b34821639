/** What the runner tells every action about the run, read in one place. */
export interface RunContext {
  owner: string
  repo: string
  sha: string
  ref: string
  serverUrl: string
  /** REST API root: `https://api.github.com`, or `https://HOST/api/v3` on Enterprise Server. */
  apiUrl: string
  /** GraphQL endpoint: `https://api.github.com/graphql`, or `https://HOST/api/graphql`. */
  graphqlUrl: string
  runUrl: string
  actor: string
}

/**
 * The REST API root when the runner did not say (a terminal, local-action): github.com's API
 * for github.com, `/api/v3` under the server for Enterprise Server.
 */
function defaultApiUrl(serverUrl: string): string {
  if (/^https?:\/\/github\.com\/?$/i.test(serverUrl)) return 'https://api.github.com'
  return `${serverUrl.replace(/\/+$/, '')}/api/v3`
}

/** The GraphQL endpoint next to a REST API root, as GitHub lays them out. */
export function graphqlUrlFor(apiUrl: string): string {
  const root = apiUrl.replace(/\/+$/, '')
  // Enterprise Server serves REST under /api/v3 and GraphQL under /api/graphql.
  return /\/api\/v3$/.test(root) ? root.replace(/\/api\/v3$/, '/api/graphql') : `${root}/graphql`
}

export function runContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com'
  // The runner sets GITHUB_API_URL and GITHUB_GRAPHQL_URL on github.com and on Enterprise
  // Server alike; an empty value counts as unset.
  const apiUrl = env.GITHUB_API_URL || defaultApiUrl(serverUrl)
  return {
    owner,
    repo,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    serverUrl,
    apiUrl,
    graphqlUrl: env.GITHUB_GRAPHQL_URL || graphqlUrlFor(apiUrl),
    runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID ?? ''}`,
    actor: env.GITHUB_ACTOR ?? '',
  }
}
