// The demo, against local stand-ins only: (1) a freshly "deployed" app on 127.0.0.1 that needs
// a few seconds to become healthy, proven by the bundled health-check action; (2) a bad release
// returned to the last good one by the bundled rollback action, with a stand-in flyctl on PATH.
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
console.log(bold('flightdeck demo 1/2: health-check'))
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
console.log(bold('\n\nflightdeck demo 2/2: rollback'))
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
process.exitCode = result.exitCode || rollback.exitCode || 0
