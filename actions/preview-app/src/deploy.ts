// Deploying a pull request's preview: the app (or the project's preview), its secrets and
// variables, the health check, a transient GitHub Deployment and the comment that follows it.
import { formatDuration } from '../../../shared/durations.js'
import { ActionFailure, errorMessage } from '../../../shared/errors.js'
import type { GitHubClient } from '../../../shared/github/client.js'
import type { RunContext } from '../../../shared/github/context.js'
import { verifyHealthFromInputs } from '../../../shared/http/health-inputs.js'
import type { PollReport } from '../../../shared/http/poll.js'
import { unhealthyReasons } from '../../../shared/http/verify.js'
import type { Provider } from '../../../shared/providers/types.js'
import * as core from '../../../shared/runner-protocol.js'
import { appendSummary, code, markdownTable } from '../../../shared/summary.js'
import type { PreviewState } from './comment.js'
import { lastPreviewDeployment, type PreviewComments } from './conversation.js'
import type { PullRequestEvent } from './event.js'
import type { PreviewInputs } from './inputs.js'
import { publish } from './outputs.js'
import { appOperations, environmentOf, providerFor } from './platform.js'

async function checkHealth(
  inputs: PreviewInputs,
  appUrl: string | undefined,
): Promise<PollReport | undefined> {
  const path = inputs['health-url']
  if (!path) return undefined
  if (path.startsWith('/') && !appUrl) {
    throw new ActionFailure(
      `health-url ${path} is a path, but the platform gave no app URL to join it to`,
    )
  }
  const url = path.startsWith('/') ? new URL(path, appUrl).toString() : path
  return core.group(`Health of ${url}`, () => verifyHealthFromInputs(inputs, [url]))
}

function healthText(report: PollReport | undefined): string {
  if (!report) return 'not checked'
  if (report.healthy) return `healthy after ${formatDuration(report.durationMs)}`
  return `unhealthy: ${unhealthyReasons(report)}`
}

function summary(state: PreviewState): string {
  return `### 🔍 Preview of #${state.pr}: ${state.status}\n\n${markdownTable(
    ['', 'preview'],
    [
      ['app', code(state.app)],
      ['url', state.url ? code(state.url) : '—'],
      ['commit', code(state.sha.slice(0, 7))],
      ['health', state.health ? code(state.health) : 'not checked'],
      ...(state.error ? [['error', code(state.error)]] : []),
    ],
  )}\n`
}

/** Runs the platform's deploy of the preview and sets `state.url`. */
async function deployToPlatform(
  inputs: PreviewInputs,
  pr: PullRequestEvent,
  app: string,
  state: PreviewState,
  { provider, deployer }: { provider: Provider; deployer: Provider },
): Promise<void> {
  if (deployer.previews) {
    const previews = deployer.previews
    const result = await core.group(`Deploying the preview ${app}`, () =>
      previews.deploy({
        name: app,
        config: inputs.config,
        vars: inputs.env,
        secrets: inputs.secrets,
        message: `flightdeck preview of #${pr.number} at ${pr.headSha.slice(0, 7)}`,
      }),
    )
    state.url = result.url
    return
  }
  const apps = appOperations(provider)
  const { created } = await core.group(`App ${app}`, () =>
    apps.ensureApp({ org: inputs.org, region: inputs.region }),
  )
  core.info(created ? `Created ${app}.` : `${app} exists: reusing it.`)
  if (Object.keys(inputs.secrets).length > 0) {
    await core.group(`Secrets of ${app}`, () => apps.setSecrets(inputs.secrets))
  }
  const extraArgs = Object.entries(inputs.env).map(([key, value]) => `--env=${key}=${value}`)
  const result = await core.group(`Deploying ${app}`, () =>
    deployer.deploy({ image: inputs.image, config: inputs.config, extraArgs }),
  )
  state.url = result.url ?? (await provider.url().catch(() => undefined))
}

export async function deploy(
  inputs: PreviewInputs,
  context: RunContext,
  pr: PullRequestEvent,
  app: string,
  client: GitHubClient | undefined,
  comments: PreviewComments,
): Promise<void> {
  // Command-timeout for the app's small commands, deploy-timeout for the deploy itself.
  const platform = {
    provider: await providerFor(inputs, app, inputs['command-timeout']),
    deployer: await providerFor(inputs, app, inputs['deploy-timeout']),
  }
  const previous = client
    ? await lastPreviewDeployment(client, context, pr.number).catch(() => undefined)
    : undefined
  const state: PreviewState = {
    pr: pr.number,
    app,
    status: 'deploying',
    sha: pr.headSha,
    branch: pr.branch,
    runUrl: context.runUrl,
    at: new Date().toISOString(),
  }

  // The comment first: reviewers see the deploy start at once, and its id goes into this
  // Deployment's payload, so the next push updates it without reading the conversation.
  let commentId = await comments.write(state, previous?.commentId)
  const { settleDeployment } = await import('../../../shared/github/deployment-lifecycle.js')
  const { recordDeployment } = await import('../../../shared/github/record-deployment.js')
  const deployment = recordDeployment({
    action: 'preview-app',
    client,
    context,
    environment: environmentOf(pr.number),
    ref: pr.branch || pr.headSha,
    description: `Preview ${app}`,
    payload: { app, commentId: commentId ?? null },
    kind: 'preview',
    onGitHubFailure: 'warn',
    warningTitle: 'preview-app: GitHub Deployment',
  })

  const done = async () => {
    publish({
      app,
      url: state.url,
      'deployment-id': deployment.id,
      'comment-id': commentId,
      'action-taken': 'deployed',
    })
    await appendSummary(summary(state))
  }
  try {
    await settleDeployment(deployment, async () => {
      await deployToPlatform(inputs, pr, app, state, platform)
      const health = await checkHealth(inputs, state.url)
      state.health = healthText(health)
      state.status = health && !health.healthy ? 'unhealthy' : 'live'
      await deployment.started
      const finish = deployment.finish(state.status === 'live' ? 'success' : 'failure', {
        description:
          state.status === 'live' ? `Preview ${app} is live` : `Preview ${app} is not healthy`,
        environmentUrl: state.url,
      })
      commentId = await comments.write(state, commentId)
      await finish
      if (state.status !== 'live') {
        throw new ActionFailure(
          `The preview ${app} is not healthy: ${state.health}`,
          'preview-app: unhealthy',
        )
      }
    })
  } catch (err) {
    if (state.status === 'deploying') {
      state.status = 'failed'
      state.error = errorMessage(err)
      commentId = await comments.write(state, commentId)
    }
    await done()
    throw err
  }
  await done()
  core.info(`Preview ${app} is live at ${state.url ?? '(no URL)'}.`)
}
