// Parts 4 and 5 of the demo (scripts/demo.mjs): notify sends the rolled-back deploy's record to
// a signed webhook; preview-app opens, updates and closes a pull request's preview with one
// sticky comment.
import { startFakeApp } from '../../__tests__/fakes/fake-app.mjs'
import { startWebhookReceiver } from '../../__tests__/fakes/webhook-receiver.mjs'
import {
  bold,
  deploymentState,
  dim,
  expectThat,
  quote,
  secrets,
  showResult,
  showUses,
  step,
} from './demo-kit.mjs'

/**
 * 4: notify tells the team's own endpoint about the rolled-back deploy, with its record.
 * @param {{ outputs: Record<string, string> }} v2 the rolled-back gated-deploy step
 */
export async function notifyPart(v2) {
  console.log(bold('\n\nflightdeck demo 6/7: notify'))
  const hookToken = 'T0DEMO-b1c2d3e4f5a6'
  const webhookSecret = 'whsec_demo-signing-secret-42'
  secrets.push(hookToken, webhookSecret)
  const receiver = await startWebhookReceiver({
    path: `/hooks/${hookToken}`,
    secret: webhookSecret,
  })
  console.log(
    dim(
      `A webhook receiver on ${new URL(receiver.url).origin} (__tests__/fakes/webhook-receiver.mjs) refuses a\n` +
        'request without a valid X-Flightdeck-Signature. After the v2 deploy, the job runs:\n',
    ),
  )
  showUses(
    'notify',
    {
      status: '${{ steps.deploy.outputs.status }}',
      'deployment-record': '${{ steps.deploy.outputs.record }}',
      'webhook-url': '${{ secrets.DEPLOY_WEBHOOK_URL }}',
      'webhook-secret': '${{ secrets.DEPLOY_WEBHOOK_SECRET }}',
    },
    'always()',
  )
  const notify = await step('notify', 'notify', {
    inputs: {
      status: v2.outputs.status,
      'deployment-record': v2.outputs.record,
      'webhook-url': receiver.url,
      'webhook-secret': webhookSecret,
    },
  })
  await receiver.close()
  showResult(notify)
  console.log(bold('── what the receiver got ──'))
  for (const request of receiver.requests) {
    console.log(
      `${request.method} ${request.path.replace(hookToken, '…')}: answered ${request.status}, signature ${request.signature}`,
    )
    const payload = /** @type {Record<string, any>} */ (request.json ?? {})
    const brief = {
      schema: payload.schema,
      status: payload.status,
      title: payload.title,
      environment: payload.environment,
      version: payload.version,
      url: payload.url,
      run_url: payload.run_url,
      deployment: payload.deployment,
    }
    console.log(JSON.stringify(brief, null, 2))
  }
  const delivered = receiver.requests[0]
  const deliveredPayload = /** @type {Record<string, any>} */ (delivered?.json ?? {})
  expectThat(
    'notify: the webhook got the rolled-back deploy, signed with a valid HMAC',
    notify.exitCode === 0 &&
      notify.outputs.sent === 'webhook' &&
      receiver.requests.length === 1 &&
      delivered?.signature === 'valid' &&
      deliveredPayload.status === 'rolled-back' &&
      deliveredPayload.deployment?.status === 'rolled-back',
    `sent ${notify.outputs.sent || 'nothing'}, ${receiver.requests.length} request(s), signature ${delivered?.signature ?? 'none'}, status ${deliveredPayload.status}`,
  )
}

/**
 * 5: a pull request's preview: opened, updated by a second push, closed; one sticky comment.
 * @param {any} FakeClis the stand-in CLIs (__tests__/fakes/fake-cli.ts)
 * @param {any} github the fake GitHub API, started
 * @param {string} githubToken
 */
export async function previewPart(FakeClis, github, githubToken) {
  console.log(bold('\n\nflightdeck demo 7/7: preview-app'))
  const previewClis = new FakeClis()
  const previewToken = 'FlyV1 fm2_demoPreviewOrgToken0123456789'
  const databasePassword = 'pr3view-db-s3cret'
  secrets.push(previewToken, databasePassword)
  const previewApp = await startFakeApp()
  const pr = 12
  github.addComments(pr, ['Could the preview use the seeded catalogue?'], 'reviewer')
  console.log(
    dim(
      `Pull request #${pr} of acme/shop, on the fake GitHub API; a stand-in flyctl on PATH creates and\n` +
        `destroys Fly apps; the preview's /health is a local app (${previewApp.origin}). The workflow\n` +
        'runs on pull_request (opened, synchronize, reopened, closed):\n',
    ),
  )
  showUses('preview-app', {
    token: '${{ secrets.FLY_ORG_TOKEN }}',
    org: 'acme',
    secrets: 'DATABASE_URL=${{ secrets.PREVIEW_DATABASE_URL }}',
    env: 'LOG_LEVEL=debug',
    'health-url': '/health',
  })

  function pullRequestEvent(action, sha) {
    return {
      action,
      number: pr,
      pull_request: {
        number: pr,
        title: 'Checkout: one page',
        state: action === 'closed' ? 'closed' : 'open',
        merged: action === 'closed',
        head: { ref: 'feat/checkout', sha, repo: { full_name: 'acme/shop' } },
        base: { ref: 'main', repo: { full_name: 'acme/shop' } },
      },
    }
  }

  const ourComments = () =>
    (github.comments.get(pr) ?? []).filter((comment) => comment.body.startsWith('<!-- flightdeck:'))

  async function preview(name, action, sha) {
    console.log(bold(`\n── ${name} ──`))
    const result = await step(name, 'preview-app', {
      event: pullRequestEvent(action, sha),
      eventName: 'pull_request',
      apiUrl: github.url,
      env: previewClis.env(),
      inputs: {
        token: previewToken,
        org: 'acme',
        secrets: `DATABASE_URL=postgres://preview:${databasePassword}@db.internal/shop`,
        env: 'LOG_LEVEL=debug',
        'health-url': previewApp.url,
        'github-token': githubToken,
      },
    })
    showResult(result)
    const all = github.comments.get(pr) ?? []
    console.log(
      bold(
        `── the pull request's comments: ${all.length} (${ourComments().length} from flightdeck); the sticky one reads ──`,
      ),
    )
    console.log(quote(ourComments()[0]?.body ?? '(none)'))
    return { result, comment: ourComments()[0]?.body ?? '' }
  }

  const firstPush = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
  const secondPush = '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432'
  const opened = await preview('pull request opened', 'opened', firstPush)
  const updated = await preview('a second push (synchronize)', 'synchronize', secondPush)
  const closed = await preview('pull request merged and closed', 'closed', secondPush)
  await previewApp.close()
  const flyCalls = (verb) =>
    previewClis.calls('flyctl').filter((call) => call.args.join(' ').startsWith(verb))
  const commentId = opened.result.outputs['comment-id']
  expectThat(
    'preview opened: app shop-pr-12 created and deployed, the comment posted',
    opened.result.exitCode === 0 &&
      opened.result.outputs['action-taken'] === 'deployed' &&
      opened.result.outputs.app === 'shop-pr-12' &&
      flyCalls('apps create').length === 1 &&
      opened.comment.includes('✅ live') &&
      opened.comment.includes('`a1b2c3d`'),
    `${opened.result.outputs['action-taken']} ${opened.result.outputs.app}, comment ${commentId}`,
  )
  expectThat(
    'preview updated: the same app redeployed, the same comment now shows the second push',
    updated.result.exitCode === 0 &&
      updated.result.outputs['comment-id'] === commentId &&
      flyCalls('apps create').length === 1 &&
      flyCalls('deploy').length === 2 &&
      updated.comment.includes('`9f8e7d6`'),
    `comment ${updated.result.outputs['comment-id']}, ${flyCalls('deploy').length} deploys, ${flyCalls('apps create').length} app created`,
  )
  const previewDeployment = github.deployments.find((d) => d.environment === `pr-${pr}`)
  expectThat(
    'preview closed: app destroyed, the comment says torn down, the Deployment ended inactive',
    closed.result.exitCode === 0 &&
      closed.result.outputs['action-taken'] === 'destroyed' &&
      flyCalls('apps destroy').length === 1 &&
      closed.comment.includes('🧹 torn down') &&
      previewDeployment?.statuses[0]?.state === 'inactive',
    `${closed.result.outputs['action-taken']}, Deployment ${deploymentState(github, previewDeployment?.id)}`,
  )
  expectThat(
    'preview: exactly one flightdeck comment on the pull request, updated in place',
    ourComments().length === 1 && String(ourComments()[0]?.id) === commentId,
    `${ourComments().length} flightdeck comment(s) among ${(github.comments.get(pr) ?? []).length}`,
  )
}
