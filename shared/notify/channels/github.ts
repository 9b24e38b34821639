// GitHub: one comment on the pull request (or on the commit when the run has no pull request),
// per environment, updated in place by every later notification (shared/github/sticky-comment).
// Foreign text is escaped Markdown or a code span: no @mention, #reference, link or HTML in a
// commit message comes alive.
import { boolean, secret, withDefault } from '../../inputs.js'
import { defineChannel, retryLog, type Delivery, type SendContext } from '../channel.js'
import { messageFacts, type Fact, type NotifyMessage } from '../message.js'
import { oneLine } from '../../text.js'
import { DeliveryError, sendWithRetries, withinTime } from '../retry.js'
import { code, escapeMarkdown, markdownTable, type Cell } from '../../summary.js'

/** A URL inside `[text](url)`: no space or parenthesis may end it early. */
function markdownUrl(url: string): string {
  return url.replace(/[()\s<>]/g, (char) => encodeURIComponent(char))
}

/** Several lines of escaped text in one table cell. */
function lines(text: string): Cell {
  return {
    markdown: text
      .split(/\r?\n/)
      .map((line) => escapeMarkdown(line.trim()))
      .join('<br>'),
  }
}

function cell(fact: Fact): Cell {
  if (fact.url)
    return { markdown: `[${escapeMarkdown(oneLine(fact.value))}](${markdownUrl(fact.url)})` }
  if (fact.code) return code(fact.value)
  return fact.long ? lines(fact.value) : fact.value
}

/** The comment's Markdown (the sticky marker is added by upsertStickyComment). */
export function commentMarkdown(message: NotifyMessage): string {
  const parts = [`### ${message.style.emoji} ${escapeMarkdown(message.title)}`]
  if (message.text) {
    parts.push(
      message.text
        .split(/\r?\n/)
        .map((line) => escapeMarkdown(line.trim()))
        .join('  \n'),
    )
  }
  parts.push(
    markdownTable(
      ['', ''],
      messageFacts(message).map((fact) => [fact.label, cell(fact)]),
    ),
  )
  parts.push(`<sub>Sent by flightdeck notify at ${message.timestamp}</sub>`)
  return `${parts.join('\n\n')}\n`
}

function classify(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err
  const status = (err as { status?: number } | undefined)?.status
  const text = err instanceof Error ? err.message : String(err)
  if (status === undefined || status >= 500 || status === 429) {
    return new DeliveryError(`GitHub: ${oneLine(text)}`, true)
  }
  const hint =
    status === 403 || status === 404
      ? ' (the token needs pull-requests: write for a PR comment, contents: write for a commit comment)'
      : ''
  return new DeliveryError(`GitHub answered ${status}: ${oneLine(text)}${hint}`, false)
}

export async function sendGitHub(
  config: { token: string },
  context: SendContext,
): Promise<Delivery> {
  const { message } = context
  const { githubClient } = await import('../../github/client.js')
  const { runContext } = await import('../../github/context.js')
  const { stickyMarker, upsertStickyComment } = await import('../../github/sticky-comment.js')
  const run = runContext()
  const target = message.pullRequest
    ? ({ kind: 'issue', number: message.pullRequest.number } as const)
    : message.sha
      ? ({ kind: 'commit', sha: message.sha } as const)
      : undefined
  if (!target) {
    throw new DeliveryError('GitHub: the run has neither a pull request nor a commit', false)
  }
  const marker = stickyMarker(`notify:${message.environment ?? 'default'}`)
  const body = commentMarkdown(message)
  const { value, attempts } = await sendWithRetries(
    context.policy,
    async (timeoutMs) => {
      // Retries are this policy's business: the client makes one try per request.
      const client = githubClient(config.token, {
        requestTimeoutMs: timeoutMs,
        retries: 0,
        maxRateLimitWaitMs: 0,
      })
      try {
        return await withinTime(
          // The signal ends the requests themselves when the attempt runs out of time.
          upsertStickyComment(client, run, target, marker, body, {
            signal: AbortSignal.timeout(timeoutMs),
          }),
          timeoutMs,
          'GitHub',
        )
      } catch (err) {
        throw classify(err)
      }
    },
    retryLog(context),
  )
  const where =
    target.kind === 'issue' ? `pull request #${target.number}` : `commit ${target.sha.slice(0, 7)}`
  return {
    detail: `${value.created ? 'commented on' : 'updated the comment on'} ${where}`,
    attempts,
  }
}

export const gitHubChannel = defineChannel({
  name: 'github',
  enabledBy: 'github-comment: true',
  credentials: { 'github-token': secret() },
  options: { 'github-comment': withDefault(boolean(), 'false') },
  configure: (inputs, problems) => {
    if (!inputs['github-comment']) return undefined
    if (inputs['github-token']) return { token: inputs['github-token'] }
    problems.push('`github-comment: true` needs `github-token` (default: ${{ github.token }})')
    return undefined
  },
  send: sendGitHub,
  limits: "a comment's 65536 characters (cut visibly past them)",
})
