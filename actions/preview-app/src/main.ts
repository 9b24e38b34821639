// preview-app: one pull request's preview app, deployed on each push and torn down when the
// pull request closes; or every stale preview swept away on a schedule. This file decides what
// the run does (and what it refuses to do); deploy.ts, teardown.ts and conversation.ts do it.
import { ActionFailure } from '../../../shared/errors.js'
import type { GitHubClient } from '../../../shared/github/client.js'
import { runContext } from '../../../shared/github/context.js'
import { runMain } from '../../../shared/action-main.js'
import { providerSpec } from '../../../shared/providers/registry.js'
import * as core from '../../../shared/runner-protocol.js'
import { appendSummary, code } from '../../../shared/summary.js'
import { PreviewComments } from './conversation.js'
import { deploy } from './deploy.js'
import {
  readPullRequestEvent,
  workspaceHasHead,
  workspaceMayHoldPrCode,
  type PullRequestEvent,
} from './event.js'
import { readPreviewInputs, type PreviewInputs } from './inputs.js'
import { publish } from './outputs.js'
import { previewName, providerFor } from './platform.js'
import { destroy, sweep } from './teardown.js'

async function github(token: string | undefined): Promise<GitHubClient | undefined> {
  if (!token) return undefined
  const { githubClient } = await import('../../../shared/github/client.js')
  return githubClient(token)
}

/**
 * Why this run must not touch the preview, or undefined. A fork's code never runs with this
 * repository's secrets: under `pull_request` GitHub gives a fork's run none (so there is no
 * platform token); under `pull_request_target` it gives them, and a workspace holding anything
 * but the base branch may hold the fork's code, which a deploy would build and a platform CLI
 * would read its configuration from.
 */
function forkRefusal(
  pr: PullRequestEvent,
  eventName: string,
  platformToken: string | undefined,
): string | undefined {
  if (!pr.fork) return undefined
  if (eventName === 'pull_request_target' && workspaceMayHoldPrCode(pr)) {
    return `Pull request #${pr.number} comes from a fork, and this pull_request_target run has something other than the base branch checked out: a fork's code is never built, deployed or read with this repository's secrets. Check out the base branch (the default under pull_request_target), or use pull_request.`
  }
  if (!platformToken) {
    return `Pull request #${pr.number} comes from a fork: GitHub gives such runs no secrets, so there is no platform token and no preview. A maintainer can deploy it from a branch of this repository.`
  }
  return undefined
}

async function main(): Promise<void> {
  const inputs: PreviewInputs = readPreviewInputs()
  const context = runContext()
  const eventName = process.env.GITHUB_EVENT_NAME ?? ''
  const githubToken = inputs['github-token']
  const comments = new PreviewComments(githubToken, inputs, context)

  if (inputs.action === 'sweep') {
    await sweep(inputs, context, await github(githubToken), comments)
    return
  }
  const pr = readPullRequestEvent()
  if (!pr) {
    throw new ActionFailure(
      `preview-app needs a pull_request event (this run is ${eventName || 'not an event'}); for a scheduled cleanup use action: sweep`,
    )
  }
  const platform = await providerFor(inputs, '', inputs['command-timeout'])
  const app = previewName(platform, inputs['app-name'], {
    owner: context.owner,
    repo: context.repo,
    pr: pr.number,
    branch: pr.branch,
  })
  const action = inputs.action === 'auto' ? (pr.closed ? 'destroy' : 'deploy') : inputs.action
  core.info(`Pull request #${pr.number} (${pr.closed ? 'closed' : 'open'}): ${action} ${app}.`)

  const platformToken =
    inputs.token ??
    providerSpec(inputs.provider)
      .tokenEnv.map((name) => process.env[name])
      .find(Boolean)
  const refusal = forkRefusal(pr, eventName, platformToken)
  if (refusal) {
    core.notice(refusal, { title: 'preview-app: skipped (fork)' })
    publish({ app, 'action-taken': 'skipped' })
    return
  }
  if (eventName === 'pull_request_target' && workspaceHasHead(pr.headSha)) {
    core.warning(
      "This pull_request_target run has the pull request's head checked out: its code runs with this repository's secrets and a write token. Check out the base branch, or use pull_request.",
      { title: 'preview-app: untrusted code with secrets' },
    )
  }
  if (inputs['dry-run']) {
    core.info(`Dry run: would ${action} ${app}; nothing changed.`)
    publish({ app, 'action-taken': 'skipped' })
    return
  }
  const client = await github(githubToken)
  if (action === 'destroy') {
    const done = await destroy(
      inputs,
      context,
      pr,
      app,
      client,
      comments,
      pr.merged ? 'the pull request was merged' : 'the pull request was closed',
    )
    publish({
      app,
      'deployment-id': done.deploymentId,
      'comment-id': done.commentId,
      'action-taken': 'destroyed',
    })
    await appendSummary(
      `### 🧹 Preview of #${pr.number} torn down\n\n${code(app).markdown} was destroyed.\n`,
    )
    return
  }
  await deploy(inputs, context, pr, app, client, comments)
}

/** The whole action, failure handling included: what the runner, local-action and tests run. */
export function run(): Promise<void> {
  return runMain(main)
}
