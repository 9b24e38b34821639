import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { runContext } from './context.js'

export type GitHubClient = ReturnType<typeof getOctokit>

/**
 * An Octokit for the run's API (GitHub Enterprise Server and local fakes included) that
 * retries server errors and network failures a few times.
 */
export function githubClient(token: string, retries = 3): GitHubClient {
  return getOctokit(
    token,
    { baseUrl: runContext().apiUrl, request: { retries, retryAfter: 1 } },
    retry,
  )
}
