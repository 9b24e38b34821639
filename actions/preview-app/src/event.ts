// What the workspace holds next to the pull request the run is about. The event file itself
// is read by shared/github/event.ts, for preview-app as for every action.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { PullRequestEvent } from '../../../shared/github/event.js'

export { readPullRequestEvent, type PullRequestEvent } from '../../../shared/github/event.js'

/** The `.git` directory of a checkout: a folder, or a file naming it (`gitdir: ...`). */
function gitDirectory(workspace: string): string | undefined {
  const dotGit = join(workspace, '.git')
  try {
    if (statSync(dotGit).isDirectory()) return dotGit
    const pointer = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim()
    return pointer ? resolve(workspace, pointer) : undefined
  } catch {
    return undefined
  }
}

/** A ref's commit, from its loose file or from packed-refs. */
function resolveRef(gitDir: string, ref: string): string | undefined {
  if (!/^refs\/[^\0]+$/.test(ref) || ref.includes('..')) return undefined
  try {
    return readFileSync(join(gitDir, ref), 'utf8').trim()
  } catch {
    // Packed: `<sha> <ref>` lines.
  }
  try {
    for (const line of readFileSync(join(gitDir, 'packed-refs'), 'utf8').split('\n')) {
      const [sha, name] = line.trim().split(' ')
      if (name === ref && sha) return sha
    }
  } catch {
    return undefined
  }
  return undefined
}

/**
 * What the workspace has checked out: `none` without a git checkout, else the commit its HEAD
 * names (`unknown` when HEAD cannot be read as one).
 */
export function workspaceHead(
  env: NodeJS.ProcessEnv = process.env,
): { kind: 'none' } | { kind: 'commit'; sha: string } | { kind: 'unknown' } {
  const workspace = env.GITHUB_WORKSPACE
  if (!workspace) return { kind: 'none' }
  if (!existsSync(join(workspace, '.git'))) return { kind: 'none' }
  const gitDir = gitDirectory(workspace)
  if (!gitDir) return { kind: 'unknown' }
  let head: string
  try {
    head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim()
  } catch {
    return { kind: 'unknown' }
  }
  const ref = /^ref:\s*(\S+)$/.exec(head)?.[1]
  const sha = ref ? resolveRef(gitDir, ref) : head
  return sha && /^[0-9a-f]{40,64}$/i.test(sha) ? { kind: 'commit', sha } : { kind: 'unknown' }
}

/**
 * Whether the workspace has the pull request's head checked out: under `pull_request_target`
 * that runs the PR's code with this repository's secrets and a write token.
 */
export function workspaceHasHead(headSha: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const head = workspaceHead(env)
  return headSha !== '' && head.kind === 'commit' && head.sha === headSha
}

/**
 * Whether the workspace may hold a fork's code: a checkout of anything but the base (the
 * event's base commit, or GITHUB_SHA, which `pull_request_target` sets to the base branch's
 * newest commit). `refs/pull/N/merge` and the head both count; so does a HEAD that cannot be
 * read. No checkout at all (a prebuilt `image`) holds none.
 */
export function workspaceMayHoldPrCode(
  pr: PullRequestEvent,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  const head = workspaceHead(env)
  if (head.kind === 'none') return false
  if (head.kind === 'unknown') return true
  return head.sha !== pr.baseSha && head.sha !== env.GITHUB_SHA
}
