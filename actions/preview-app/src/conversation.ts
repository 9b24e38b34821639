// The pull request's side of a preview on GitHub: the last preview Deployment (which keeps the
// comment's id) and the one sticky comment, written within a time limit. The comment is for
// reviewers; a GitHub that does not answer it must not hold the deploy: each write has a limit,
// its requests end when it runs out, and after one such write the run writes no more.
import { formatDuration } from '../../../shared/durations.js'
import { errorMessage } from '../../../shared/errors.js'
import type { GitHubClient } from '../../../shared/github/client.js'
import type { RunContext } from '../../../shared/github/context.js'
import * as core from '../../../shared/runner-protocol.js'
import { commentBody, type PreviewState } from './comment.js'
import type { PreviewInputs } from './inputs.js'
import { environmentOf } from './platform.js'

/** The newest Deployment of the PR's environment and the comment id kept in its payload. */
export async function lastPreviewDeployment(
  client: GitHubClient,
  context: RunContext,
  pr: number,
): Promise<{ id: number; commentId?: number } | undefined> {
  const { latestDeployment } = await import('../../../shared/github/deployments.js')
  const latest = await latestDeployment(client, context, environmentOf(pr))
  if (!latest) return undefined
  const { flightdeck } = latest.payload as { flightdeck?: { commentId?: unknown } }
  const commentId = flightdeck?.commentId
  return { id: latest.id, commentId: typeof commentId === 'number' ? commentId : undefined }
}

/**
 * The time one comment write may take: a write is at most three requests (who the token is,
 * read, write), so twice one request's limit (FLIGHTDECK_GITHUB_TIMEOUT, 15s by default).
 */
export function commentTimeLimitMs(requestTimeoutMs: number): number {
  return 2 * requestTimeoutMs
}

/** The preview's sticky comment on its pull request, written within a time limit. */
export class PreviewComments {
  private author?: string
  private gaveUp = false
  private writer?: Promise<{ client: GitHubClient; limitMs: number }>

  /** No comments without a github-token, or with comment: false. */
  constructor(
    private readonly token: string | undefined,
    private readonly inputs: Pick<PreviewInputs, 'comment' | 'comment-header'>,
    private readonly context: RunContext,
  ) {}

  // Loaded on the first write only (Octokit is heavy), with its own client: one retry, no
  // long wait for a rate limit.
  private async load(token: string): Promise<{ client: GitHubClient; limitMs: number }> {
    const { githubClient, githubRequestTimeoutMs } =
      await import('../../../shared/github/client.js')
    const limitMs = commentTimeLimitMs(githubRequestTimeoutMs())
    return {
      client: githubClient(token, { retries: 1, maxRateLimitWaitMs: limitMs / 2 }),
      limitMs,
    }
  }

  /**
   * Writes the comment for `state` (updating `knownId` when it is still ours) and returns its
   * id; on failure, a warning and `knownId`. Never takes longer than the limit.
   */
  async write(state: PreviewState, knownId: number | undefined): Promise<number | undefined> {
    if (!this.token || !this.inputs.comment) return undefined
    if (this.gaveUp) return knownId
    this.writer ??= this.load(this.token)
    const { client, limitMs } = await this.writer
    const { stickyMarker, upsertStickyComment } =
      await import('../../../shared/github/sticky-comment.js')
    const deadline = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        deadline.abort()
        reject(new Error(`GitHub did not finish it within ${formatDuration(limitMs)}`))
      }, limitMs)
    })
    const work = upsertStickyComment(
      client,
      this.context,
      { kind: 'issue', number: state.pr },
      stickyMarker(`preview:${state.app}`),
      commentBody(state, this.inputs['comment-header']),
      { knownId, author: this.author, signal: deadline.signal },
    )
    // Past the limit the work is abandoned: its late failure is nobody's business.
    work.catch(() => undefined)
    try {
      const comment = await Promise.race([work, timedOut])
      this.author = comment.author ?? this.author
      core.info(`${comment.created ? 'Posted' : 'Updated'} the preview comment: ${comment.url}`)
      return comment.id
    } catch (err) {
      // A GitHub that let one write run out of time is not asked again in this run.
      if (deadline.signal.aborted) this.gaveUp = true
      core.warning(
        `Could not write the preview comment: ${errorMessage(err)}${this.gaveUp ? '; the run goes on without it' : ''}`,
        { title: 'preview-app: comment not written' },
      )
      return knownId
    } finally {
      clearTimeout(timer)
    }
  }
}
