// One comment per pull request (or commit) and purpose, found again by a hidden marker and
// updated in place: a PR gets one flightdeck comment that changes with each push, never a new
// one per push. Used by preview-app and by notify's GitHub channel.
import type { GitHubClient } from './client.js'
import type { RunContext } from './context.js'

/** Where the comment lives: a pull request (or issue) conversation, or a commit. */
export type CommentTarget = { kind: 'issue'; number: number } | { kind: 'commit'; sha: string }

export interface StickyComment {
  id: number
  url: string
  /** Whether this call created it (false: an existing one was updated). */
  created: boolean
}

export interface UpsertOptions {
  /**
   * The comment's id from an earlier run (kept e.g. in a Deployment payload): tried first, one
   * request instead of reading the whole conversation.
   */
  knownId?: number
}

// GitHub's limit on a comment body is 65536 characters.
const MAX_BODY = 65_000
const PER_PAGE = 100

/**
 * The hidden line that marks flightdeck's comment for `key` (e.g. `preview:web-pr-12`). Only
 * letters, digits and `:._/-` survive, so the marker cannot close the HTML comment early.
 */
export function stickyMarker(key: string): string {
  return `<!-- flightdeck:${key.replace(/[^A-Za-z0-9:._/-]/g, '_')} -->`
}

function withMarker(marker: string, body: string): string {
  const text = `${marker}\n${body}`
  return text.length <= MAX_BODY ? text : `${text.slice(0, MAX_BODY - 20)}\n\n…(cut)`
}

/** Ours when the marker is the first line: a reply that quotes it (`> <!-- ... -->`) is not. */
function hasMarker(body: string | null | undefined, marker: string): boolean {
  return (body ?? '').split(/\r?\n/, 1)[0] === marker
}

async function findByMarker(
  client: GitHubClient,
  context: RunContext,
  target: CommentTarget,
  marker: string,
): Promise<number | undefined> {
  const { owner, repo } = context
  // Newest pages last: read every page (100 a request), so a PR with 250 comments is 3 calls.
  const pages =
    target.kind === 'issue'
      ? client.paginate.iterator(client.rest.issues.listComments, {
          owner,
          repo,
          issue_number: target.number,
          per_page: PER_PAGE,
        })
      : client.paginate.iterator(client.rest.repos.listCommentsForCommit, {
          owner,
          repo,
          commit_sha: target.sha,
          per_page: PER_PAGE,
        })
  // The oldest match by an app (github-actions[bot] is the job token's author) wins: it is the
  // one people have seen and linked to. A person's comment that starts with the marker (pasted,
  // or planted) is taken only when no app wrote one, and if the token may not edit it, a new
  // comment is made instead (see upsertStickyComment).
  let byPerson: number | undefined
  for await (const page of pages) {
    for (const comment of page.data) {
      if (!hasMarker(comment.body, marker)) continue
      if (comment.user?.type === 'Bot') return comment.id
      byPerson ??= comment.id
    }
  }
  return byPerson
}

async function update(
  client: GitHubClient,
  context: RunContext,
  target: CommentTarget,
  id: number,
  body: string,
): Promise<StickyComment> {
  const { owner, repo } = context
  const { data } =
    target.kind === 'issue'
      ? await client.rest.issues.updateComment({ owner, repo, comment_id: id, body })
      : await client.rest.repos.updateCommitComment({ owner, repo, comment_id: id, body })
  return { id: data.id, url: data.html_url, created: false }
}

function isNotFound(err: unknown): boolean {
  return (err as { status?: number } | undefined)?.status === 404
}

/** GitHub's answer when the token may not edit a comment: someone else wrote it. */
function isForbidden(err: unknown): boolean {
  return (err as { status?: number } | undefined)?.status === 403
}

/**
 * Creates the comment marked `marker` on `target`, or updates the one already there: with a
 * known id that still exists, one request; otherwise the conversation is read page by page
 * (100 comments each) until the marker is found.
 */
export async function upsertStickyComment(
  client: GitHubClient,
  context: RunContext,
  target: CommentTarget,
  marker: string,
  body: string,
  options: UpsertOptions = {},
): Promise<StickyComment> {
  const text = withMarker(marker, body)
  if (options.knownId !== undefined) {
    try {
      return await update(client, context, target, options.knownId, text)
    } catch (err) {
      // Deleted by someone since: look for another, or start again.
      if (!isNotFound(err) && !isForbidden(err)) throw err
    }
  }
  const existing = await findByMarker(client, context, target, marker)
  if (existing !== undefined && existing !== options.knownId) {
    try {
      return await update(client, context, target, existing, text)
    } catch (err) {
      // A person's comment carrying the marker: leave it, and write ours.
      if (!isForbidden(err)) throw err
    }
  }
  const { owner, repo } = context
  const { data } =
    target.kind === 'issue'
      ? await client.rest.issues.createComment({
          owner,
          repo,
          issue_number: target.number,
          body: text,
        })
      : await client.rest.repos.createCommitComment({
          owner,
          repo,
          commit_sha: target.sha,
          body: text,
        })
  return { id: data.id, url: data.html_url, created: true }
}
