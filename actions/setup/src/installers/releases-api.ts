// Where setup asks which flyctl release is the latest. superfly/flyctl is a github.com
// repository, so only github.com's API knows it, and a job token is good only for the server
// that issued it.

export const PUBLIC_GITHUB_API = 'https://api.github.com'

export interface ReleasesApi {
  /** The REST root asked for /repos/superfly/flyctl/releases/latest. */
  url: string
  /** Sent only where it was issued: the run's own API on github.com. */
  token?: string
  /** Why this API and no token, for the log and errors (runs off github.com only). */
  note?: string
}

/** True for github.com itself; Enterprise Server and GHE.com tenants have hosts of their own. */
export function isGitHubDotCom(serverUrl: string): boolean {
  try {
    return new URL(serverUrl).host.toLowerCase() === 'github.com'
  } catch {
    return false
  }
}

/**
 * A run on github.com asks its own API (GITHUB_API_URL) with the job token (a higher rate
 * limit). A run on GitHub Enterprise Server or GHE.com asks api.github.com without any token:
 * its own API does not have superfly/flyctl, and its job token must not leave its server.
 */
export function flyctlReleasesApi(
  run: { serverUrl: string; apiUrl: string },
  token: string | undefined,
  publicApiUrl: string = PUBLIC_GITHUB_API,
): ReleasesApi {
  if (isGitHubDotCom(run.serverUrl)) return { url: run.apiUrl, token }
  const host = new URL(publicApiUrl).host
  return {
    url: publicApiUrl,
    note: `on ${host}, without a token (this run is on ${run.serverUrl}, whose job token is not sent to github.com)`,
  }
}
