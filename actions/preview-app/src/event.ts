import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** What preview-app needs of the pull request the run is about. All of it is foreign text. */
export interface PullRequestEvent {
  number: number
  branch: string
  headSha: string
  title: string
  closed: boolean
  merged: boolean
  /** The head branch lives in another repository: the run has no secrets and a read-only token. */
  fork: boolean
}

interface RawPullRequest {
  number?: unknown
  title?: unknown
  state?: unknown
  merged?: unknown
  head?: { ref?: unknown; sha?: unknown; repo?: { full_name?: unknown } | null }
  base?: { repo?: { full_name?: unknown } | null }
}

/** The pull request of a `pull_request` / `pull_request_target` event, or undefined. */
export function readPullRequestEvent(
  env: NodeJS.ProcessEnv = process.env,
): PullRequestEvent | undefined {
  const path = env.GITHUB_EVENT_PATH
  if (!path || !existsSync(path)) return undefined
  let event: { action?: unknown; pull_request?: RawPullRequest; number?: unknown }
  try {
    event = JSON.parse(readFileSync(path, 'utf8')) as typeof event
  } catch {
    return undefined
  }
  const pr = event.pull_request
  if (!pr || typeof pr.number !== 'number') return undefined
  const headRepo = typeof pr.head?.repo?.full_name === 'string' ? pr.head.repo.full_name : ''
  const baseRepo =
    typeof pr.base?.repo?.full_name === 'string'
      ? pr.base.repo.full_name
      : (env.GITHUB_REPOSITORY ?? '')
  return {
    number: pr.number,
    branch: typeof pr.head?.ref === 'string' ? pr.head.ref : '',
    headSha: typeof pr.head?.sha === 'string' ? pr.head.sha : (env.GITHUB_SHA ?? ''),
    title: typeof pr.title === 'string' ? pr.title : '',
    closed: event.action === 'closed' || pr.state === 'closed',
    merged: pr.merged === true,
    // A deleted fork has no head repo: treat it as a fork too.
    fork: headRepo === '' || headRepo.toLowerCase() !== baseRepo.toLowerCase(),
  }
}

/**
 * Whether the workspace has the pull request's head checked out: under `pull_request_target`
 * that runs the PR's code with this repository's secrets and a write token.
 */
export function workspaceHasHead(headSha: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const workspace = env.GITHUB_WORKSPACE
  if (!workspace || !headSha) return false
  try {
    const head = readFileSync(join(workspace, '.git', 'HEAD'), 'utf8').trim()
    return head === headSha
  } catch {
    return false
  }
}
