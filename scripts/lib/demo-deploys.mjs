// Parts 1 to 3 of the demo (scripts/demo.mjs): health-check proves a starting app healthy,
// rollback returns a bad release to the last good one, gated-deploy deploys over a team's own
// platform commands (a healthy v1, a broken v2 rolled back, a Friday deploy blocked).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFakeApp } from '../../__tests__/fakes/fake-app.mjs'
import * as platform from '../../__tests__/fakes/local-platform.mjs'
import {
  bold,
  deploymentState,
  dim,
  expectThat,
  secrets,
  showResult,
  showUses,
  step,
} from './demo-kit.mjs'

/** 1: a freshly deployed app is healthy after a few seconds; health-check says so at once. */
export async function healthCheckPart() {
  const app = await startFakeApp({ healthyAfterMs: 4000 })
  const healthToken = 'demo-token-1234567890'
  secrets.push(healthToken)
  console.log(bold('flightdeck demo 1/7: health-check'))
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
}

/**
 * 2: a bad release is live; the rollback action returns to the last good one and proves it.
 * @param {any} FakeClis the stand-in CLIs (__tests__/fakes/fake-cli.ts)
 */
export async function rollbackPart(FakeClis) {
  console.log(bold('\n\nflightdeck demo 2/7: rollback'))
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
}

/**
 * 3: the main job. gated-deploy over a local platform (a team's own deploy/releases/rollback
 * commands): v1 deploys and is healthy; v2 is broken, so the same step rolls back to v1 and
 * proves it healthy; a Friday-evening deploy is blocked by the deploy window.
 * @param {any} github the fake GitHub API, started
 * @param {string} githubToken
 */
export async function gatedDeployPart(github, githubToken) {
  console.log(bold('\n\nflightdeck demo 3/7: gated-deploy'))
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

  const tuesdayMorning = { FLIGHTDECK_NOW: '2026-11-24T10:00:00-08:00' }
  const gatedDeploy = (name, env) =>
    step(name, 'gated-deploy', { inputs: deployInputs, env, apiUrl: github.url })
  console.log(bold('\n── v1 (Tuesday 10:00): a healthy release ──'))
  const v1 = await gatedDeploy('v1', tuesdayMorning)
  showResult(v1)
  console.log(bold(`GitHub Deployment ${deploymentState(github, v1.outputs['deployment-id'])}`))
  expectThat(
    'gated-deploy v1: deployed and healthy, recorded as a successful GitHub Deployment',
    v1.exitCode === 0 &&
      v1.outputs.status === 'deployed' &&
      v1.outputs.release === 'rel-1' &&
      github.deployments.find((d) => String(d.id) === v1.outputs['deployment-id'])?.statuses[0]
        ?.state === 'success',
    `status ${v1.outputs.status}, release ${v1.outputs.release}, Deployment ${deploymentState(github, v1.outputs['deployment-id'])}`,
  )

  console.log(bold('\n── v2 (Tuesday 10:00): a broken release, rolled back in the same step ──'))
  platform.writeState(statePath, { ...platform.readState(statePath), nextBroken: true })
  const v2 = await gatedDeploy('v2', tuesdayMorning)
  showResult(v2)
  console.log(bold(`GitHub Deployment ${deploymentState(github, v2.outputs['deployment-id'])}`))
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
  return { v2 }
}
