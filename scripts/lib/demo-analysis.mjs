// Parts 4 and 5 of the demo (scripts/demo.mjs): gated-deploy judging a release by real traffic.
// (4) a release that passes /health but fails one request in three is rolled back by the
// post-deploy analysis before its window ends; (5) a traffic-step deploy (10% → 50% → 100%)
// of such a release stops at 10%, so nine requests in ten never meet it.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as platform from '../../__tests__/fakes/local-platform.mjs'
import { bold, deploymentState, dim, expectThat, showResult, showUses, step } from './demo-kit.mjs'

const tuesdayMorning = { FLIGHTDECK_NOW: '2026-11-24T10:00:00-08:00' }

/** A local platform with one good release serving, its app, and the step's inputs. */
async function localPlatform(githubToken) {
  const statePath = join(mkdtempSync(join(tmpdir(), 'flightdeck-demo-analysis-')), 'platform.json')
  platform.writeState(statePath, platform.initialState(1))
  const app = await platform.startPlatformApp(statePath)
  const inputs = {
    ...platform.commandInputs(statePath),
    'health-url': `${app.url}/health`,
    'health-timeout': '5s',
    concurrency: 'off',
    'github-token': githubToken,
  }
  return { statePath, app, inputs }
}

function analysisOf(result) {
  try {
    return JSON.parse(result.outputs.analysis ?? '{}')
  } catch {
    return {}
  }
}

/**
 * 4: the new release answers /health, then fails one request in three; the analysis rolls it
 * back after its fourth failed measurement, long before the window ends.
 * @param {any} github the fake GitHub API, started
 * @param {string} githubToken
 */
export async function analysisPart(github, githubToken) {
  console.log(bold('\n\nflightdeck demo 4/7: post-deploy analysis'))
  const { statePath, app, inputs } = await localPlatform(githubToken)
  const stepInputs = {
    ...inputs,
    'analysis-duration': '6s',
    'analysis-interval': '200ms',
    'max-error-rate': '5%',
    'max-latency-p95': '800ms',
  }
  console.log(
    dim(
      'v1 serves. v2 passes its health check, then fails one request in three. The analysis\n' +
        'measures every 200ms for 6s (in production: every 10s for 5m) and the step is:\n',
    ),
  )
  showUses('gated-deploy', {
    provider: 'command',
    'deploy-command': './scripts/deploy.sh',
    'releases-command': './scripts/releases.sh',
    'rollback-command': './scripts/rollback.sh',
    'health-url': 'https://shop.example.com/health',
    'analysis-duration': '5m',
    'max-error-rate': '5%',
    'max-latency-p95': '800ms',
  })
  platform.writeState(statePath, { ...platform.readState(statePath), nextKind: 'failing' })
  const started = performance.now()
  const result = await step('analysis', 'gated-deploy', {
    inputs: stepInputs,
    env: tuesdayMorning,
    apiUrl: github.url,
  })
  const tookMs = performance.now() - started
  showResult(result)
  await app.close()
  const analysis = analysisOf(result)
  const deployment = deploymentState(github, result.outputs['deployment-id'])
  console.log(bold(`GitHub Deployment ${deployment}`))
  const state = platform.readState(statePath)
  expectThat(
    'gated-deploy with analysis: a release that passed /health but failed 1 request in 3, rolled back by the analysis before its window ended',
    result.exitCode === 1 &&
      result.outputs.status === 'rolled-back' &&
      analysis.verdict === 'fail' &&
      state.serving === 'rel-1' &&
      /Rolled back to v1: error rate/.test(deployment) &&
      tookMs < 6000 + 5000,
    `verdict ${analysis.verdict} (${analysis.reason}), ${analysis.samples} samples, serving ${state.serving}, step took ${(tookMs / 1000).toFixed(1)}s`,
  )
}

/**
 * 5: the same kind of release, with traffic steps: it takes 10% of requests first, fails there,
 * and all traffic returns to v1 at once.
 * @param {any} github the fake GitHub API, started
 * @param {string} githubToken
 */
export async function trafficStepsPart(github, githubToken) {
  console.log(bold('\n\nflightdeck demo 5/7: traffic steps'))
  const { statePath, app, inputs } = await localPlatform(githubToken)
  const stepInputs = {
    ...inputs,
    'traffic-steps': '10%,50%,100%',
    'analysis-duration': '4s',
    'analysis-interval': '100ms',
    'max-error-rate': '1%',
    'max-latency-p95': '500ms',
  }
  console.log(
    dim(
      "v1 serves. v2 fails one request in two. A traffic-command (a team's router script) moves\n" +
        'a share of requests at a time; each step is watched for 4s (in production: 5m). The step is:\n',
    ),
  )
  showUses('gated-deploy', {
    provider: 'command',
    'deploy-command': './scripts/upload.sh',
    'releases-command': './scripts/releases.sh',
    'traffic-command': './scripts/route.sh',
    'health-url': 'https://shop.example.com/health',
    'traffic-steps': '10%,50%,100%',
    'analysis-duration': '5m',
    'max-error-rate': '1%',
    'max-latency-p95': '500ms',
  })
  platform.writeState(statePath, {
    ...platform.readState(statePath),
    nextKind: 'failing',
    failEvery: 2,
  })
  const result = await step('traffic steps', 'gated-deploy', {
    inputs: stepInputs,
    env: tuesdayMorning,
    apiUrl: github.url,
  })
  showResult(result)
  await app.close()
  const analysis = analysisOf(result)
  const state = platform.readState(statePath)
  const reached = app.served['rel-2'] ?? { requests: 0, failed: 0 }
  const all = Object.values(app.served).reduce((sum, count) => sum + count.requests, 0)
  console.log(
    bold(
      `GitHub Deployment ${deploymentState(github, result.outputs['deployment-id'])}\n` +
        `Requests that reached v2: ${reached.requests} of ${all} (${reached.failed} failed); traffic calls: ${(state.log ?? []).filter((line) => line.startsWith('traffic')).join(', ')}`,
    ),
  )
  expectThat(
    'gated-deploy with traffic steps: the failing release stopped at 10%, all traffic back on v1',
    result.exitCode === 1 &&
      result.outputs.status === 'rolled-back' &&
      result.outputs['traffic-step'] === '10%' &&
      analysis.steps?.length === 1 &&
      analysis.steps[0].verdict === 'fail' &&
      (state.log ?? []).includes('traffic 0') &&
      !(state.log ?? []).includes('traffic 50'),
    `traffic-step ${result.outputs['traffic-step']}, steps ${JSON.stringify(analysis.steps?.map((s) => `${s.percent}% ${s.verdict}`))}, ${reached.requests} of ${all} requests reached v2`,
  )
}
