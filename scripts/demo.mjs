// The demo, against local stand-ins only: (1) a freshly "deployed" app on 127.0.0.1 that needs
// a few seconds to become healthy, proven by the bundled health-check action; (2) a bad release
// returned to the last good one by the bundled rollback action, with a stand-in flyctl on PATH;
// (3) the main job, gated-deploy: a healthy deploy, a broken one rolled back in the same step,
// and one blocked by the deploy window.
// Each action runs exactly as the runner would run it; the demo prints the step log, the outputs
// and the job summary a user would see.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { renderLog, repoRoot, runBundledAction, secretLeaks } from './lib/action-runner.mjs'
import { startFakeApp } from './lib/fake-app.mjs'

const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text)
const dim = (text) => (process.stdout.isTTY ? `\x1b[2m${text}\x1b[0m` : text)

const app = await startFakeApp({ healthyAfterMs: 4000 })
const token = 'demo-token-1234567890'
console.log(bold('flightdeck demo 1/3: health-check'))
console.log(
  dim(`A local app at ${app.url} answers 503 while it starts and turns healthy after 4s.`),
)
console.log(dim('Instead of `sleep 30 && curl -f`, the workflow step is:\n'))
const inputs = {
  url: app.url,
  headers: `Authorization: Bearer ${token}`,
  'json-assertions': 'status == healthy\nservices.database == ok',
  'max-latency': '500ms',
  timeout: '60s',
}
console.log(
  dim(
    [
      '  - uses: flightdeck-actions/flightdeck/actions/health-check@v1',
      '    with:',
      ...Object.entries(inputs).map(([name, value]) =>
        value.includes('\n')
          ? `      ${name}: |\n${value
              .split('\n')
              .map((line) => `        ${line}`)
              .join('\n')}`
          : `      ${name}: ${name === 'headers' ? 'Authorization: Bearer ${{ secrets.HEALTH_TOKEN }}' : value}`,
      ),
    ].join('\n'),
  ),
)

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

function showResult(result) {
  console.log(bold('\n── outputs ──'))
  for (const [name, value] of Object.entries(result.outputs)) console.log(`${name}: ${value}`)
  console.log(bold('\n── job summary ──'))
  console.log(result.summary)
}

console.log(bold('\n── step log ──'))
const result = await runBundledAction('health-check', { inputs, onOutput: streamLog() })
await app.close()
showResult(result)
const lateness = ((result.endedAt - app.healthyAt) / 1000).toFixed(2)
console.log(
  bold(
    `Verdict ${result.exitCode === 0 ? 'healthy' : 'unhealthy'} ${lateness}s after the app turned healthy` +
      ` (sleep 30 && curl -f would have waited ${((app.startedAt + 30_000 - app.healthyAt) / 1000).toFixed(0)}s longer than needed).`,
  ),
)
const leaks = secretLeaks(result, token)
console.log(
  dim(
    `The Authorization token appears in: ${leaks.length ? leaks.join(', ') : 'no log, summary or output'}.`,
  ),
)

// 2: a bad release is live; the rollback action returns to the last good one and proves it.
console.log(bold('\n\nflightdeck demo 2/3: rollback'))
const broken = await startFakeApp({ healthyAfterMs: Infinity })
const fakeState = mkdtempSync(join(tmpdir(), 'flightdeck-demo-flyctl-'))
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
console.log(
  dim(
    [
      '  - uses: flightdeck-actions/flightdeck/actions/rollback@v1',
      '    with:',
      ...Object.entries(rollbackInputs).map(([name, value]) => `      ${name}: ${value}`),
    ].join('\n'),
  ),
)
// The stand-in app recovers once the stand-in flyctl has been asked to deploy.
const calls = join(fakeState, 'calls.jsonl')
const watcher = setInterval(() => {
  if (existsSync(calls) && readFileSync(calls, 'utf8').includes('"deploy"')) {
    clearInterval(watcher)
    setTimeout(() => broken.becomeHealthy(), 1500)
  }
}, 100)
console.log(bold('\n── step log ──'))
const rollback = await runBundledAction('rollback', {
  inputs: rollbackInputs,
  env: {
    PATH: `${join(repoRoot, '__tests__', 'fakes', 'bin')}${delimiter}${process.env.PATH}`,
    FAKE_CLI_STATE: fakeState,
    FLY_API_TOKEN: 'fm2_demo-token',
  },
  onOutput: streamLog(),
})
clearInterval(watcher)
await broken.close()
showResult(rollback)

// 3: the main job. gated-deploy over a local platform (your own deploy/releases/rollback
// commands): v2 deploys and is healthy; v3 is broken, so the same step rolls back to v2 and
// proves it healthy; a Friday-evening deploy is blocked by the deploy window.
console.log(bold('\n\nflightdeck demo 3/3: gated-deploy'))
const platform = await import('./lib/local-platform.mjs')
const statePath = join(mkdtempSync(join(tmpdir(), 'flightdeck-demo-platform-')), 'platform.json')
platform.writeState(statePath, platform.initialState(1))
const platformApp = await platform.startPlatformApp(statePath)
const deployInputs = {
  ...platform.commandInputs(statePath),
  'health-url': `${platformApp.url}/health`,
  'health-json-assertions': 'status == healthy',
  'health-timeout': '5s',
  'deploy-window': 'Mon-Fri 09:00-17:00 America/Los_Angeles',
  'override-gates': '',
  concurrency: 'off',
  'github-token': '',
}
console.log(
  dim(
    `v1 serves ${platformApp.url}. The deploy, releases and rollback commands are a team's own scripts\n` +
      '(scripts/lib/local-platform.mjs); the app answers /health from the release that serves. The step is:\n',
  ),
)
console.log(
  dim(
    [
      '  - uses: flightdeck-actions/flightdeck/actions/gated-deploy@v1',
      '    with:',
      '      provider: command',
      '      deploy-command: ./scripts/deploy.sh',
      '      releases-command: ./scripts/releases.sh',
      '      rollback-command: ./scripts/rollback.sh',
      '      deploy-window: Mon-Fri 09:00-17:00 America/Los_Angeles',
      '      health-url: https://shop.example.com/health',
      '      health-json-assertions: status == healthy',
      '      health-timeout: 5s',
    ].join('\n'),
  ),
)
const tuesdayMorning = { FLIGHTDECK_NOW: '2026-11-24T10:00:00-08:00' }
console.log(bold('\n── v2: a healthy release ──'))
const v2 = await runBundledAction('gated-deploy', {
  inputs: deployInputs,
  env: tuesdayMorning,
  onOutput: streamLog(),
})
showResult(v2)
console.log(bold('── v3: a broken release, rolled back in the same step ──'))
platform.writeState(statePath, { ...platform.readState(statePath), nextBroken: true })
const v3 = await runBundledAction('gated-deploy', {
  inputs: deployInputs,
  env: tuesdayMorning,
  onOutput: streamLog(),
})
showResult(v3)
console.log(bold('── Friday 18:00: blocked by the deploy window ──'))
const friday = await runBundledAction('gated-deploy', {
  inputs: deployInputs,
  env: { FLIGHTDECK_NOW: '2026-11-27T18:00:00-08:00' },
  onOutput: streamLog(),
})
showResult(friday)
await platformApp.close()
const serving = platform.readState(statePath).serving
const expected =
  v2.outputs.status === 'deployed' &&
  v3.outputs.status === 'rolled-back' &&
  v3.exitCode === 1 &&
  friday.outputs.status === 'blocked' &&
  serving === 'rel-2'
console.log(
  bold(
    expected
      ? `Everything behaved as expected: v2 deployed, v3 rolled back to v2 (serving ${serving}, healthy), Friday's deploy blocked.`
      : `Something did not behave as expected (v2 ${v2.outputs.status}, v3 ${v3.outputs.status}, Friday ${friday.outputs.status}, serving ${serving}).`,
  ),
)
process.exitCode = result.exitCode || rollback.exitCode || (expected ? 0 : 1)
