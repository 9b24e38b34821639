// The demo, against local stand-ins only, each bundled action run exactly as the runner would
// run it (__tests__/support/action-runner.mjs), printing the step log, the outputs and the job summary
// a user would see:
// (1) health-check: a freshly "deployed" app on 127.0.0.1 that needs a few seconds to become
//     healthy, proven healthy as soon as it is;
// (2) rollback: a bad release returned to the last good one, with a stand-in flyctl on PATH;
// (3) gated-deploy with the `command` provider over a local platform: v1 deploys and is healthy,
//     v2 is broken and rolled back to v1 in the same step, a Friday-evening deploy is blocked by
//     the deploy window (FLIGHTDECK_NOW); each deploy recorded as a GitHub Deployment;
// (4) notify: the rolled-back deploy's record sent to a local webhook receiver, which checks
//     the HMAC signature;
// (5) preview-app: a pull request's preview opened, updated by a second push and closed, with
//     the stand-in flyctl, and its one sticky comment shown after each step.
// GitHub is the fake the tests use (__tests__/fakes/github-api.ts, loaded through
// scripts/lib/load-ts.mjs), which refuses what GitHub's REST description would refuse.
// A checklist closes the demo; it exits 1 if anything did not behave as expected, or if any
// secret given to a step shows up in a log, summary or output.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { renderLog, runBundledAction, secretLeaks } from '../__tests__/support/action-runner.mjs'
import { startFakeApp } from '../__tests__/fakes/fake-app.mjs'
import { importTypeScript } from './lib/load-ts.mjs'
import * as platform from '../__tests__/fakes/local-platform.mjs'
import { startWebhookReceiver } from '../__tests__/fakes/webhook-receiver.mjs'

const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text)
const dim = (text) => (process.stdout.isTTY ? `\x1b[2m${text}\x1b[0m` : text)
const fakes = new URL('../__tests__/fakes/', import.meta.url)
const { FakeGitHubApi } = await importTypeScript(new URL('github-api.ts', fakes))
const { FakeClis } = await importTypeScript(new URL('fake-cli.ts', fakes))

/** @type {Array<{ label: string, ok: boolean, detail: string }>} the closing checklist */
const checklist = []
function expectThat(label, ok, detail) {
  checklist.push({ label, ok: Boolean(ok), detail })
}

/** Every step that ran, and every secret the demo gave one, for the leak check at the end. */
const steps = []
const secrets = []

/** Prints the step's log as it comes, the way the runner shows it. */
function streamLog() {
  let pending = ''
  return (chunk) => {
    pending += chunk
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    const shown = renderLog(lines.join('\n'))
    if (shown.trim()) console.log(shown)
  }
}

/** Runs a bundled action with its log streamed under a heading. */
async function step(name, action, options) {
  console.log(bold('\n── step log ──'))
  const result = await runBundledAction(action, { ...options, onOutput: streamLog() })
  steps.push({ name, result })
  return result
}

function showResult(result) {
  console.log(bold('\n── outputs ──'))
  for (const [name, value] of Object.entries(result.outputs)) console.log(`${name}: ${value}`)
  console.log(bold('\n── job summary ──'))
  console.log(result.summary)
}

/** The workflow step as a user writes it. */
function showUses(action, withLines, condition) {
  const lines = [`  - uses: flightdeck-actions/flightdeck/actions/${action}@v1`]
  if (condition) lines.push(`    if: ${condition}`)
  lines.push('    with:')
  for (const [name, value] of Object.entries(withLines)) {
    const values = value.split('\n')
    if (values.length === 1) lines.push(`      ${name}: ${value}`)
    else lines.push(`      ${name}: |`, ...values.map((line) => `        ${line}`))
  }
  console.log(dim(lines.join('\n')))
}

const quote = (text) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => `  │ ${line}`)
    .join('\n')

// 1: a freshly deployed app is healthy after a few seconds; health-check says so at once.
const app = await startFakeApp({ healthyAfterMs: 4000 })
const healthToken = 'demo-token-1234567890'
secrets.push(healthToken)
console.log(bold('flightdeck demo 1/5: health-check'))
console.log(
  dim(`A local app at ${app.url} answers 503 while it starts and turns healthy after 4s.`),
)
console.log(dim('Instead of `sleep 30 && curl -f`, the workflow step is:\n'))
const healthInputs = {
  url: app.url,
  headers: `Authorization: Bearer ${healthToken}`,
  'json-assertions': 'status == healthy\nservices.database == ok',
  'max-latency': '500ms',
  timeout: '60s',
}
showUses('health-check', {
  ...healthInputs,
  headers: 'Authorization: Bearer ${{ secrets.HEALTH_TOKEN }}',
})
const health = await step('health-check', 'health-check', { inputs: healthInputs })
await app.close()
showResult(health)
const lateness = (health.endedAt - app.healthyAt) / 1000
console.log(
  bold(
    `Verdict ${health.exitCode === 0 ? 'healthy' : 'unhealthy'} ${lateness.toFixed(2)}s after the app turned healthy` +
      ` (sleep 30 && curl -f would have waited ${((app.startedAt + 30_000 - app.healthyAt) / 1000).toFixed(0)}s longer than needed).`,
  ),
)
expectThat(
  'health-check: the starting app proven healthy within seconds of turning healthy, not 30',
  // Probes go once a second; the bound leaves room for a slow, shared machine.
  health.exitCode === 0 && health.outputs.healthy === 'true' && lateness < 3,
  `healthy ${health.outputs.healthy}, ${lateness.toFixed(2)}s after it turned healthy`,
)

// 2: a bad release is live; the rollback action returns to the last good one and proves it.
console.log(bold('\n\nflightdeck demo 2/5: rollback'))
const broken = await startFakeApp({ healthyAfterMs: Infinity })
const rollbackClis = new FakeClis()
const flyToken = 'fm2_demo-token'
secrets.push(flyToken)
console.log(
  dim(
    `Release v42 of flightdeck-demo is live and unhealthy (${broken.url}). A stand-in flyctl is on PATH;\n` +
      'the app turns healthy 1.5s after the rollback redeploys the earlier image. The step is:\n',
  ),
)
const rollbackInputs = {
  provider: 'fly',
  app: 'flightdeck-demo',
  reason: 'error rate above 5% after v42',
  'health-url': broken.url,
  'health-json-assertions': 'status == healthy',
}
showUses('rollback', rollbackInputs)
// The stand-in app recovers once the stand-in flyctl has been asked to deploy.
const watcher = setInterval(() => {
  if (rollbackClis.calls('flyctl').some((call) => call.args[0] === 'deploy')) {
    clearInterval(watcher)
    setTimeout(() => broken.becomeHealthy(), 1500)
  }
}, 100)
const rollback = await step('rollback', 'rollback', {
  inputs: rollbackInputs,
  env: { ...rollbackClis.env(), FLY_API_TOKEN: flyToken },
})
clearInterval(watcher)
await broken.close()
showResult(rollback)
expectThat(
  'rollback: flightdeck-demo back on its last good release and healthy',
  rollback.exitCode === 0 &&
    rollback.outputs['rolled-back'] === 'true' &&
    rollback.outputs.healthy === 'true',
  `to ${rollback.outputs['to-release']}, healthy ${rollback.outputs.healthy}`,
)

// 3: the main job. gated-deploy over a local platform (a team's own deploy/releases/rollback
// commands): v1 deploys and is healthy; v2 is broken, so the same step rolls back to v1 and
// proves it healthy; a Friday-evening deploy is blocked by the deploy window.
console.log(bold('\n\nflightdeck demo 3/5: gated-deploy'))
const github = await new FakeGitHubApi().start()
const githubToken = 'ghs_demoGitHubToken0123456789abcdefABCD'
secrets.push(githubToken)
const statePath = join(mkdtempSync(join(tmpdir(), 'flightdeck-demo-platform-')), 'platform.json')
platform.writeState(statePath, platform.initialState(0))
const platformApp = await platform.startPlatformApp(statePath)
const deployInputs = {
  ...platform.commandInputs(statePath),
  'environment-url': 'https://shop.example.com',
  'health-url': `${platformApp.url}/health`,
  'health-json-assertions': 'status == healthy',
  'health-timeout': '5s',
  'deploy-window': 'Mon-Fri 09:00-17:00 America/Los_Angeles',
  concurrency: 'off',
  'github-token': githubToken,
}
console.log(
  dim(
    `An app on ${platformApp.url} answers /health from the release that serves (none yet). The deploy,\n` +
      "releases and rollback commands are a team's own scripts (__tests__/fakes/local-platform.mjs); each\n" +
      'deploy is recorded as a GitHub Deployment (on the local fake GitHub API). The step is:\n',
  ),
)
showUses('gated-deploy', {
  provider: 'command',
  'deploy-command': './scripts/deploy.sh',
  'releases-command': './scripts/releases.sh',
  'rollback-command': './scripts/rollback.sh',
  'environment-url': 'https://shop.example.com',
  'deploy-window': 'Mon-Fri 09:00-17:00 America/Los_Angeles',
  'health-url': 'https://shop.example.com/health',
  'health-json-assertions': 'status == healthy',
  'health-timeout': '5s',
})

/** The GitHub Deployment a step recorded, as one line: its id, environment and last status. */
function deploymentState(id) {
  const deployment = github.deployments.find((d) => String(d.id) === String(id))
  const latest = deployment?.statuses[0]
  return deployment
    ? `${deployment.id} (${deployment.environment}): ${latest?.state ?? 'no status'}${latest?.description ? `, "${latest.description}"` : ''}`
    : 'none recorded'
}

const tuesdayMorning = { FLIGHTDECK_NOW: '2026-11-24T10:00:00-08:00' }
const gatedDeploy = (name, env) =>
  step(name, 'gated-deploy', { inputs: deployInputs, env, apiUrl: github.url })
console.log(bold('\n── v1 (Tuesday 10:00): a healthy release ──'))
const v1 = await gatedDeploy('v1', tuesdayMorning)
showResult(v1)
console.log(bold(`GitHub Deployment ${deploymentState(v1.outputs['deployment-id'])}`))
expectThat(
  'gated-deploy v1: deployed and healthy, recorded as a successful GitHub Deployment',
  v1.exitCode === 0 &&
    v1.outputs.status === 'deployed' &&
    v1.outputs.release === 'rel-1' &&
    github.deployments.find((d) => String(d.id) === v1.outputs['deployment-id'])?.statuses[0]
      ?.state === 'success',
  `status ${v1.outputs.status}, release ${v1.outputs.release}, Deployment ${deploymentState(v1.outputs['deployment-id'])}`,
)

console.log(bold('\n── v2 (Tuesday 10:00): a broken release, rolled back in the same step ──'))
platform.writeState(statePath, { ...platform.readState(statePath), nextBroken: true })
const v2 = await gatedDeploy('v2', tuesdayMorning)
showResult(v2)
console.log(bold(`GitHub Deployment ${deploymentState(v2.outputs['deployment-id'])}`))
const afterV2 = await globalThis
  .fetch(`${platformApp.url}/health`)
  .then((response) => response.json())
expectThat(
  'gated-deploy v2: unhealthy, rolled back to v1 in the same step, healthy again, step failed',
  v2.exitCode === 1 &&
    v2.outputs.status === 'rolled-back' &&
    v2.outputs.release === 'rel-1' &&
    platform.readState(statePath).serving === 'rel-1' &&
    afterV2.status === 'healthy',
  `status ${v2.outputs.status}, exit ${v2.exitCode}, serving ${platform.readState(statePath).serving} (${afterV2.version}, ${afterV2.status})`,
)

console.log(bold('\n── v3 (Friday 18:00): blocked by the deploy window ──'))
const friday = await gatedDeploy('Friday', { FLIGHTDECK_NOW: '2026-11-27T18:00:00-08:00' })
showResult(friday)
await platformApp.close()
const releasesAfter = platform.readState(statePath).releases.length
expectThat(
  'gated-deploy on Friday 18:00: blocked by the deploy window, nothing deployed',
  friday.exitCode === 1 &&
    friday.outputs.status === 'blocked' &&
    friday.outputs['blocked-by'].startsWith('deploy-window:') &&
    releasesAfter === 2,
  `${friday.outputs['blocked-by']}; ${releasesAfter} releases on the platform`,
)

// 4: notify tells the team's own endpoint about the rolled-back deploy, with its record.
console.log(bold('\n\nflightdeck demo 4/5: notify'))
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

// 5: a pull request's preview: opened, updated by a second push, closed; one sticky comment.
console.log(bold('\n\nflightdeck demo 5/5: preview-app'))
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
  `${closed.result.outputs['action-taken']}, Deployment ${deploymentState(previewDeployment?.id)}`,
)
expectThat(
  'preview: exactly one flightdeck comment on the pull request, updated in place',
  ourComments().length === 1 && String(ourComments()[0]?.id) === commentId,
  `${ourComments().length} flightdeck comment(s) among ${(github.comments.get(pr) ?? []).length}`,
)
await github.stop()
expectThat(
  'the fake GitHub API got nothing GitHub would refuse',
  github.violations.length === 0,
  github.violations.length
    ? github.violations.join('; ')
    : `${github.requests.length} requests, all valid`,
)

const leaks = steps.flatMap(({ name, result }) =>
  secrets.flatMap((secret) =>
    secretLeaks(result, secret).map((place) => `${name} ${place}: ${secret.slice(0, 4)}…`),
  ),
)
expectThat(
  'no secret given to a step shows in any log, summary or output',
  leaks.length === 0,
  leaks.length ? leaks.join('; ') : `${secrets.length} secrets, ${steps.length} steps checked`,
)

console.log(bold('\n\nflightdeck demo: checklist'))
for (const { label, ok, detail } of checklist) {
  console.log(`${ok ? '✓' : '✗'} ${label}`)
  console.log(dim(`    ${detail}`))
}
const failed = checklist.filter((item) => !item.ok).length
console.log(
  bold(
    failed === 0
      ? `\nEverything behaved as expected (${checklist.length} of ${checklist.length}).`
      : `\n${failed} of ${checklist.length} did not behave as expected.`,
  ),
)
process.exitCode = failed === 0 ? 0 : 1
