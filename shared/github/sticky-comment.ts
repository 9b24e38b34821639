// One comment per pull request (or commit) and purpose, found again by a hidden marker and
// updated in place: a PR gets one flightdeck comment that changes with each push, never a new
// one per push. Used by preview-app and by notify's GitHub channel.
import type { GitHubClient } from './client.js'
import type { RunContext } from './context.js'
import { publishableText } from './redact.js'

/** Where the comment lives: a pull request (or issue) conversation, or a commit. */
export type CommentTarget = { kind: 'issue'; number: number } | { kind: 'commit'; sha: string }

export interface StickyComment {
  id: number
  url: string
  /** Whether this call created it (false: an existing one was updated). */
  created: boolean
  /** The login GitHub says wrote it: the token's account, for the next write of the run. */
  author?: string
}

export interface UpsertOptions {
  /**
   * The comment's id from an earlier run (kept e.g. in a Deployment payload): read first, and
   * updated only when it is still ours, instead of reading the whole conversation.
   */
  knownId?: number
  /**
   * The login the token writes as (`github-actions[bot]` for the job token), when an earlier
   * write of this run told it: saves asking GitHub who the token is.
   */
  author?: string
  /** Ends every request at once when aborted (a time limit on the whole comment). */
  signal?: AbortSignal
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

/**
 * The body as it may be published: everyone with read access sees a comment, and nothing masks
 * what an API stores, so it goes through the log's redaction (every registered secret) and
 * loses URL credentials, as a Deployment description does.
 */
function withMarker(marker: string, body: string): string {
  const text = `${marker}\n${publishableText(body)}`
  return text.length <= MAX_BODY ? text : `${text.slice(0, MAX_BODY - 20)}\n\n…(cut)`
}

/** Ours when the marker is the first line: a reply that quotes it (`> <!-- ... -->`) is not. */
function hasMarker(body: string | null | undefined, marker: string): boolean {
  return (body ?? '').split(/\r?\n/, 1)[0] === marker
}

interface CommentAuthor {
  login?: string
  type?: string
}

/**
 * Whether `user` is the account the token writes as. GitHub lets the job token edit ANY comment
 * in the repository, so the marker alone proves nothing: a person can paste it. An app's token
 * (the job token is the GitHub Actions app) writes as `<slug>[bot]`, of type Bot; a personal
 * token writes as its owner. A person's comment is never the job token's.
 */
export function writtenBy(user: CommentAuthor | null | undefined, author: string): boolean {
  if (!user?.login) return false
  if (user.login.toLowerCase() !== author.toLowerCase()) return false
  return author.endsWith('[bot]') ? user.type === 'Bot' : user.type !== 'Bot'
}

/**
 * The login the token writes as: GraphQL's `viewer`, which answers for the job token, app
 * installation tokens and personal tokens alike (REST `GET /user` refuses app tokens).
 */
export async function tokenLogin(client: GitHubClient, signal?: AbortSignal): Promise<string> {
  const answer = await client.graphql<{ viewer?: { login?: unknown } }>(
    'query flightdeckViewer { viewer { login } }',
    { request: { signal } },
  )
  const login = answer.viewer?.login
  if (typeof login !== 'string' || login === '') {
    throw new Error('GitHub did not say which account the token writes as (viewer.login)')
  }
  return login
}

async function findOurs(
  client: GitHubClient,
  context: RunContext,
  target: CommentTarget,
  marker: string,
  author: string,
  signal: AbortSignal | undefined,
): Promise<number | undefined> {
  const { owner, repo } = context
  const request = { signal }
  // Newest pages last: read every page (100 a request), so a PR with 250 comments is 3 calls.
  const pages =
    target.kind === 'issue'
      ? client.paginate.iterator(client.rest.issues.listComments, {
          owner,
          repo,
          issue_number: target.number,
          per_page: PER_PAGE,
          request,
        })
      : client.paginate.iterator(client.rest.repos.listCommentsForCommit, {
          owner,
          repo,
          commit_sha: target.sha,
          per_page: PER_PAGE,
          request,
        })
  // The oldest one the token's own account wrote wins: it is the one people have seen and
  // linked to. Anyone else's comment that starts with the marker (pasted, or planted to be
  // taken over) is left alone.
  for await (const page of pages) {
    for (const comment of page.data) {
      if (hasMarker(comment.body, marker) && writtenBy(comment.user, author)) return comment.id
    }
  }
  return undefined
}

/** Whether the comment `id` is still there, carries the marker and was written by `author`. */
async function stillOurs(
  client: GitHubClient,
  context: RunContext,
  target: CommentTarget,
  id: number,
  marker: string,
  author: string,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  const { owner, repo } = context
  try {
    const { data } =
      target.kind === 'issue'
        ? await client.rest.issues.getComment({ owner, repo, comment_id: id, request: { signal } })
        : await client.rest.repos.getCommitComment({
            owner,
            repo,
            comment_id: id,
            request: { signal },
          })
    return hasMarker(data.body, marker) && writtenBy(data.user, author)
  } catch (err) {
    // Deleted by someone since: look for another, or start again.
    if (isNotFound(err)) return false
    throw err
  }
}

async function update(
  client: GitHubClient,
  context: RunContext,
  target: CommentTarget,
  id: number,
  body: string,
  signal: AbortSignal | undefined,
): Promise<StickyComment> {
  const { owner, repo } = context
  const request = { signal }
  const { data } =
    target.kind === 'issue'
      ? await client.rest.issues.updateComment({ owner, repo, comment_id: id, body, request })
      : await client.rest.repos.updateCommitComment({ owner, repo, comment_id: id, body, request })
  return { id: data.id, url: data.html_url, created: false, author: data.user?.login }
}

function isNotFound(err: unknown): boolean {
  return (err as { status?: number } | undefined)?.status === 404
}

/**
 * Creates the comment marked `marker` on `target`, or updates the token's own one already
 * there: a known id is read and updated only when it is still the token's own and marked;
 * otherwise the conversation is read page by page (100 comments each) for it. A comment anyone
 * else wrote is never edited, whatever it says.
 */
export async function upsertStickyComment(
  client: GitHubClient,
  context: RunContext,
  target: CommentTarget,
  marker: string,
  body: string,
  options: UpsertOptions = {},
): Promise<StickyComment> {
  const { signal } = options
  const text = withMarker(marker, body)
  const author = options.author ?? (await tokenLogin(client, signal))
  if (
    options.knownId !== undefined &&
    (await stillOurs(client, context, target, options.knownId, marker, author, signal))
  ) {
    return update(client, context, target, options.knownId, text, signal)
  }
  const existing = await findOurs(client, context, target, marker, author, signal)
  if (existing !== undefined) return update(client, context, target, existing, text, signal)
  const { owner, repo } = context
  const request = { signal }
  const { data } =
    target.kind === 'issue'
      ? await client.rest.issues.createComment({
          owner,
          repo,
          issue_number: target.number,
          body: text,
          request,
        })
      : await client.rest.repos.createCommitComment({
          owner,
          repo,
          commit_sha: target.sha,
          body: text,
          request,
        })
  return { id: data.id, url: data.html_url, created: true, author: data.user?.login }
}
