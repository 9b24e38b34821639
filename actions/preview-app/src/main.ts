import { formatDuration } from '../../../shared/durations.js'
import { ActionFailure, errorMessage } from '../../../shared/errors.js'
import type { GitHubClient } from '../../../shared/github/client.js'
import { runContext, type RunContext } from '../../../shared/github/context.js'
import type { PollReport } from '../../../shared/http/poll.js'
import { healthExpectations } from '../../../shared/http/health-inputs.js'
import { unhealthyReasons } from '../../../shared/http/verify.js'
import { setOutputs } from '../../../shared/outputs.js'
import {
  carriesPrNumber,
  fillTemplate,
  prOfApp,
  safeAppName,
} from '../../../shared/preview/names.js'
import { createProvider } from '../../../shared/providers/registry.js'
import type { Provider } from '../../../shared/providers/types.js'
import { runAction } from '../../../shared/run.js'
import * as core from '../../../shared/runner.js'
import { appendSummary, code, markdownTable } from '../../../shared/summary.js'
import { commentBody, type PreviewState } from './comment.js'
import { readPullRequestEvent, workspaceHasHead, type PullRequestEvent } from './event.js'
import { readPreviewInputs, type PreviewInputs } from './inputs.js'

/** Fly app names are DNS labels. */
const MAX_NAME_LENGTH = 63

interface Outputs {
  app?: string
  url?: string
  'deployment-id'?: number
  'comment-id'?: number
  'action-taken': 'deployed' | 'destroyed' | 'swept' | 'skipped'
  swept?: string
}

function publish(outputs: Outputs): void {
  setOutputs({
    app: outputs.app,
    url: outputs.url,
    'deployment-id': outputs['deployment-id'],
    'comment-id': outputs['comment-id'],
    'action-taken': outputs['action-taken'],
    swept: outputs.swept,
  })
}

async function github(token: string | undefined): Promise<GitHubClient | undefined> {
  if (!token) return undefined
  const { githubClient } = await import('../../../shared/github/client.js')
  return githubClient(token)
}

function environmentOf(pr: number): string {
  return `pr-${pr}`
}

/** The newest Deployment of the PR's environment and the comment id kept in its payload. */
async function lastPreviewDeployment(
  client: GitHubClient,
  context: RunContext,
  pr: number,
): Promise<{ id: number; commentId?: number } | undefined> {
  const { data } = await client.rest.repos.listDeployments({
    owner: context.owner,
    repo: context.repo,
    environment: environmentOf(pr),
    per_page: 1,
  })
  const latest = data[0]
  if (!latest) return undefined
  const payload = (typeof latest.payload === 'object' ? latest.payload : {}) as {
    flightdeck?: { commentId?: unknown }
  }
  const commentId = payload.flightdeck?.commentId
  return { id: latest.id, commentId: typeof commentId === 'number' ? commentId : undefined }
}

async function upsertComment(
  client: GitHubClient,
  context: RunContext,
  inputs: PreviewInputs,
  state: PreviewState,
  knownId: number | undefined,
): Promise<number | undefined> {
  if (!inputs.comment) return undefined
  const { stickyMarker, upsertStickyComment } =
    await import('../../../shared/github/sticky-comment.js')
  try {
    const comment = await upsertStickyComment(
      client,
      context,
      { kind: 'issue', number: state.pr },
      stickyMarker(`preview:${state.app}`),
      commentBody(state, inputs['comment-header']),
      { knownId },
    )
    core.info(`${comment.created ? 'Posted' : 'Updated'} the preview comment: ${comment.url}`)
    return comment.id
  } catch (err) {
    core.warning(`Could not write the preview comment: ${errorMessage(err)}`, {
      title: 'preview-app: comment not written',
    })
    return knownId
  }
}

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
  const { verifyHealth } = await import('../../../shared/http/verify.js')
  return core.group(`Health of ${url}`, () =>
    verifyHealth({
      urls: [url],
      headers: inputs['health-headers'],
      expect: healthExpectations({ ...inputs, 'health-url': [url] }),
      timeoutMs: inputs['health-timeout'],
    }),
  )
}

function healthText(report: PollReport | undefined): string {
  if (!report) return 'not checked'
  if (report.healthy) return `healthy after ${formatDuration(report.durationMs)}`
  return `unhealthy: ${unhealthyReasons(report)}`
}

/**
 * The provider for one preview: for fly the app is the preview's own; for vercel and cloudflare
 * it is the project (`app` input) whose previews these are.
 */
async function providerFor(
  inputs: PreviewInputs,
  app: string,
  timeoutMs: number,
): Promise<Provider> {
  return createProvider(inputs.provider, {
    app: inputs.provider === 'fly' ? app : (inputs.app ?? ''),
    token: inputs.token,
    apiUrl: inputs['api-url'],
    timeoutMs,
    cwd: process.env.GITHUB_WORKSPACE,
    settings: {
      org: inputs.org,
      'project-id': inputs['project-id'],
      'org-id': inputs['org-id'],
      'account-id': inputs['account-id'],
    },
    log: (line) => core.info(line),
  })
}

/**
 * The preview's safe name within the platform's limit. A name inside a project (a Workers
 * preview alias) must start with a letter, so one that would not gets `pr-` in front.
 */
function previewName(provider: Provider, filled: string): string {
  const max = provider.previews?.maxNameLength ?? MAX_NAME_LENGTH
  const name = safeAppName(filled, max)
  return provider.previews && !/^[a-z]/.test(name) ? safeAppName(`pr-${filled}`, max) : name
}

async function deploy(
  inputs: PreviewInputs,
  context: RunContext,
  pr: PullRequestEvent,
  app: string,
  client: GitHubClient | undefined,
): Promise<void> {
  const provider = await providerFor(inputs, app, inputs['command-timeout'])
  const deployer = await providerFor(inputs, app, inputs['deploy-timeout'])
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
  let commentId = client
    ? await upsertComment(client, context, inputs, state, previous?.commentId)
    : undefined
  const { DeploymentLifecycle, settleDeployment } =
    await import('../../../shared/github/deployment-lifecycle.js')
  const deployment = client
    ? DeploymentLifecycle.start({
        client,
        context,
        environment: environmentOf(pr.number),
        ref: pr.branch || pr.headSha,
        description: `Preview ${app}`,
        payload: {
          flightdeck: { action: 'preview-app', app, commentId: commentId ?? null },
        },
        production: false,
        transient: true,
        secrets: core.registeredSecrets(),
        onGitHubFailure: 'warn',
        log: {
          info: (message) => core.info(message),
          warning: (message) => core.warning(message, { title: 'preview-app: GitHub Deployment' }),
        },
      })
    : DeploymentLifecycle.notRecorded()

  try {
    await settleDeployment(deployment, async () => {
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
      } else {
        const { created } = await core.group(`App ${app}`, () =>
          provider.ensureApp({ org: inputs.org, region: inputs.region }),
        )
        core.info(created ? `Created ${app}.` : `${app} exists: reusing it.`)
        if (Object.keys(inputs.secrets).length > 0) {
          await core.group(`Secrets of ${app}`, () => provider.setSecrets(inputs.secrets))
        }
        const extraArgs = Object.entries(inputs.env).map(([key, value]) => `--env=${key}=${value}`)
        const result = await core.group(`Deploying ${app}`, () =>
          deployer.deploy({ image: inputs.image, config: inputs.config, extraArgs }),
        )
        state.url = result.url ?? (await provider.url().catch(() => undefined))
      }
      const health = await checkHealth(inputs, state.url)
      state.health = healthText(health)
      state.status = health && !health.healthy ? 'unhealthy' : 'live'
      await deployment.started
      const finish = deployment.finish(state.status === 'live' ? 'success' : 'failure', {
        description:
          state.status === 'live' ? `Preview ${app} is live` : `Preview ${app} is not healthy`,
        environmentUrl: state.url,
      })
      if (client) commentId = await upsertComment(client, context, inputs, state, commentId)
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
      if (client) commentId = await upsertComment(client, context, inputs, state, commentId)
    }
    publish({
      app,
      url: state.url,
      'deployment-id': deployment.id,
      'comment-id': commentId,
      'action-taken': 'deployed',
    })
    await appendSummary(summary(state))
    throw err
  }
  publish({
    app,
    url: state.url,
    'deployment-id': deployment.id,
    'comment-id': commentId,
    'action-taken': 'deployed',
  })
  await appendSummary(summary(state))
  core.info(`Preview ${app} is live at ${state.url ?? '(no URL)'}.`)
}

async function destroy(
  inputs: PreviewInputs,
  context: RunContext,
  pr: { number: number; branch: string; headSha: string },
  app: string,
  client: GitHubClient | undefined,
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
    await core.group(`Destroying ${app}`, () => provider.destroyApp())
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
  const commentId = await upsertComment(
    client,
    context,
    inputs,
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

async function sweep(
  inputs: PreviewInputs,
  context: RunContext,
  client: GitHubClient | undefined,
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
  const now = Date.now()
  const removed: string[] = []
  const rows: string[][] = []
  for (const app of apps) {
    const pr = prOfApp(app, inputs['app-name'], base)
    if (pr === undefined) continue
    const { data } = await client.rest.pulls.get({
      owner: context.owner,
      repo: context.repo,
      pull_number: pr,
    })
    // Only an app whose name this template gives this PR; a look-alike is left alone.
    const expected = safeAppName(
      fillTemplate(inputs['app-name'], { ...base, pr, branch: data.head.ref }),
      MAX_NAME_LENGTH,
    )
    if (expected !== app) {
      rows.push([app, `#${pr}`, 'kept: not the name this template gives the pull request'])
      continue
    }
    const idleMs = now - Date.parse(data.updated_at)
    const reason =
      data.state === 'closed'
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
      { number: pr, branch: data.head.ref, headSha: data.head.sha },
      app,
      client,
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

async function main(): Promise<void> {
  const inputs = readPreviewInputs()
  const context = runContext()
  const eventName = process.env.GITHUB_EVENT_NAME ?? ''
  const githubToken = inputs['github-token']

  if (inputs.action === 'sweep') {
    await sweep(inputs, context, await github(githubToken))
    return
  }
  const pr = readPullRequestEvent()
  if (!pr) {
    throw new ActionFailure(
      `preview-app needs a pull_request event (this run is ${eventName || 'not an event'}); for a scheduled cleanup use action: sweep`,
    )
  }
  const platform = await providerFor(inputs, '', inputs['command-timeout'])
  const app = previewName(
    platform,
    fillTemplate(inputs['app-name'], {
      owner: context.owner,
      repo: context.repo,
      pr: pr.number,
      branch: pr.branch,
    }),
  )
  const action = inputs.action === 'auto' ? (pr.closed ? 'destroy' : 'deploy') : inputs.action
  core.info(`Pull request #${pr.number} (${pr.closed ? 'closed' : 'open'}): ${action} ${app}.`)

  if (eventName === 'pull_request_target' && workspaceHasHead(pr.headSha)) {
    core.warning(
      "This pull_request_target run has the pull request's head checked out: its code runs with this repository's secrets and a write token. Check out the base branch, or use pull_request.",
      { title: 'preview-app: untrusted code with secrets' },
    )
  }
  const platformToken =
    inputs.token ??
    [...platform.tokenEnv, ...(inputs.provider === 'fly' ? ['FLY_ACCESS_TOKEN'] : [])]
      .map((name) => process.env[name])
      .find(Boolean)
  if (pr.fork && !platformToken) {
    core.notice(
      `Pull request #${pr.number} comes from a fork: GitHub gives such runs no secrets, so there is no platform token and no preview. A maintainer can deploy it from a branch of this repository.`,
      { title: 'preview-app: skipped (fork)' },
    )
    publish({ app, 'action-taken': 'skipped' })
    return
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
  await deploy(inputs, context, pr, app, client)
}

/** The whole action, failure handling included: what the runner, local-action and tests run. */
export function run(): Promise<void> {
  return runAction(main)
}
