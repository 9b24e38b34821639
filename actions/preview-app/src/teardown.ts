// Taking previews down: one pull request's when it closes (destroy), and every preview whose
// pull request is closed or idle past the ttl (sweep, on a schedule).
import { formatDuration } from '../../../shared/durations.js'
import { ActionFailure, errorMessage } from '../../../shared/errors.js'
import type { GitHubClient } from '../../../shared/github/client.js'
import type { RunContext } from '../../../shared/github/context.js'
import { carriesPrNumber, prNumbersIn } from '../../../shared/preview/names.js'
import * as core from '../../../shared/runner-protocol.js'
import { appendSummary, code, markdownTable } from '../../../shared/summary.js'
import { lastPreviewDeployment, type PreviewComments } from './conversation.js'
import type { PreviewInputs } from './inputs.js'
import { publish } from './outputs.js'
import { appOperations, previewName, providerFor } from './platform.js'

export interface ClosedPullRequest {
  number: number
  branch: string
  headSha: string
}

export async function destroy(
  inputs: PreviewInputs,
  context: RunContext,
  pr: ClosedPullRequest,
  app: string,
  client: GitHubClient | undefined,
  comments: PreviewComments,
  why = 'the pull request was closed',
): Promise<{ deploymentId?: number; commentId?: number }> {
  // Refuse anything that is not this PR's: a template without the number in the name would
  // otherwise let one PR's close tear down another's app.
  if (!carriesPrNumber(app, pr.number)) {
    throw new ActionFailure(
      `refusing to destroy ${app}: its name does not carry pull request #${pr.number}`,
      'preview-app: not this pull request',
    )
  }
  const provider = await providerFor(inputs, app, inputs['command-timeout'])
  if (provider.previews) {
    const previews = provider.previews
    const { removed } = await core.group(`Removing the preview ${app}`, () =>
      previews.remove(app, why),
    )
    core.info(
      `Removed the preview ${app} (${why})${removed.length ? `: ${removed.join(', ')}` : ''}.`,
    )
  } else {
    const apps = appOperations(provider)
    await core.group(`Destroying ${app}`, () => apps.destroyApp())
    core.info(`Destroyed ${app} (${why}).`)
  }
  if (!client) return {}
  const previous = await lastPreviewDeployment(client, context, pr.number).catch(() => undefined)
  if (previous) {
    const { setDeploymentStatus } = await import('../../../shared/github/deployments.js')
    await setDeploymentStatus(client, context, previous.id, {
      state: 'inactive',
      description: `Preview ${app} torn down: ${why}`,
    }).catch((err: unknown) =>
      core.warning(`Could not mark deployment ${previous.id} inactive: ${errorMessage(err)}`),
    )
  }
  const commentId = await comments.write(
    {
      pr: pr.number,
      app,
      status: 'destroyed',
      sha: pr.headSha,
      branch: pr.branch,
      runUrl: context.runUrl,
      at: new Date().toISOString(),
      note: why,
    },
    previous?.commentId,
  )
  return { deploymentId: previous?.id, commentId }
}

interface PullInfo {
  state: string
  updated_at: string
  head: { ref: string; sha: string }
}

function isNotFound(err: unknown): boolean {
  return (err as { status?: number } | undefined)?.status === 404
}

/**
 * The pull request `app` is the preview of: among the numbers its name carries, the one whose
 * pull request the template gives exactly this name. Pull requests GitHub does not know (404:
 * a number from a branch name, a deleted PR) are passed over; each is asked about once a run.
 */
async function pullOfApp(
  app: string,
  numbers: number[],
  lookup: (pr: number) => Promise<PullInfo | undefined>,
  nameFor: (pr: number, branch: string) => string,
): Promise<{ pr: number; pull: PullInfo } | undefined> {
  for (const pr of numbers) {
    const pull = await lookup(pr)
    if (pull && nameFor(pr, pull.head.ref) === app) return { pr, pull }
  }
  return undefined
}

export async function sweep(
  inputs: PreviewInputs,
  context: RunContext,
  client: GitHubClient | undefined,
  comments: PreviewComments,
): Promise<void> {
  if (!client) {
    throw new ActionFailure(
      'sweep needs github-token (pull-requests: read) to see which pull requests are closed',
    )
  }
  const lister = await providerFor(inputs, '', inputs['command-timeout'])
  if (!lister.listApps) {
    throw new ActionFailure(
      `provider ${inputs.provider} keeps previews inside one project, not as apps flightdeck can list, so there is nothing to sweep; its previews are removed when their pull request closes (action: auto)`,
    )
  }
  const apps = await core.group('Apps', () => lister.listApps!({ org: inputs.org }))
  const base = { owner: context.owner, repo: context.repo }
  const template = inputs['app-name']
  const pulls = new Map<number, Promise<PullInfo | undefined>>()
  const lookup = (pr: number) => {
    let answer = pulls.get(pr)
    if (!answer) {
      answer = client.rest.pulls
        .get({ owner: context.owner, repo: context.repo, pull_number: pr })
        .then(({ data }) => data as PullInfo)
        .catch((err: unknown) => {
          if (isNotFound(err)) return undefined
          throw err
        })
      pulls.set(pr, answer)
    }
    return answer
  }
  const nameFor = (pr: number, branch: string) =>
    previewName(lister, template, { ...base, pr, branch })
  const now = Date.now()
  const removed: string[] = []
  const rows: string[][] = []
  const failed: string[] = []
  for (const app of apps) {
    const numbers = prNumbersIn(app, template, base)
    if (numbers.length === 0) continue
    let found: Awaited<ReturnType<typeof pullOfApp>>
    try {
      found = await pullOfApp(app, numbers, lookup, nameFor)
    } catch (err) {
      // One pull request GitHub would not tell about stops nothing: the rest are swept.
      core.warning(`Could not look up the pull request of ${app}: ${errorMessage(err)}`, {
        title: 'preview-app: sweep',
      })
      failed.push(app)
      rows.push([app, '', `kept: ${errorMessage(err)}`])
      continue
    }
    if (!found) {
      rows.push([app, '', 'kept: no pull request this template gives this name'])
      continue
    }
    const { pr, pull } = found
    const idleMs = now - Date.parse(pull.updated_at)
    const reason =
      pull.state === 'closed'
        ? `pull request #${pr} is closed`
        : idleMs > inputs.ttl
          ? `pull request #${pr} not updated for ${formatDuration(idleMs)} (ttl ${formatDuration(inputs.ttl)})`
          : undefined
    if (!reason) {
      rows.push([app, `#${pr}`, 'kept: open and recent'])
      continue
    }
    if (inputs['dry-run']) {
      rows.push([app, `#${pr}`, `would remove: ${reason}`])
      continue
    }
    await destroy(
      inputs,
      context,
      { number: pr, branch: pull.head.ref, headSha: pull.head.sha },
      app,
      client,
      comments,
      reason,
    )
    removed.push(app)
    rows.push([app, `#${pr}`, `removed: ${reason}`])
  }
  publish({ 'action-taken': 'swept', swept: removed.join(',') })
  await appendSummary(
    `### 🧹 Preview sweep: ${removed.length} removed\n\n${markdownTable(
      ['app', 'pull request', 'result'],
      rows.map(([app = '', pr = '', result = '']) => [code(app), pr, result]),
    )}\n`,
  )
  core.info(removed.length ? `Removed ${removed.join(', ')}.` : 'Nothing to remove.')
  if (failed.length > 0) {
    throw new ActionFailure(
      `Could not tell whether ${failed.join(', ')} may go: GitHub did not say which pull request is theirs (see the warnings); the rest were swept`,
      'preview-app: sweep incomplete',
    )
  }
}
