/** What the runner tells every action about the run, read in one place. */
export interface RunContext {
  owner: string
  repo: string
  sha: string
  ref: string
  serverUrl: string
  apiUrl: string
  runUrl: string
  actor: string
}

export function runContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com'
  return {
    owner,
    repo,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    serverUrl,
    // The runner sets GITHUB_API_URL on github.com and on Enterprise Server alike.
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID ?? ''}`,
    actor: env.GITHUB_ACTOR ?? '',
  }
}
