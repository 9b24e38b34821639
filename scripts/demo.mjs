// The demo: a freshly "deployed" app on 127.0.0.1 that needs a few seconds to become healthy,
// and the bundled health-check action run against it exactly as the runner would run it.
// Prints the step log, the outputs and the job summary a user would see.
import { renderLog, runBundledAction, secretLeaks } from './lib/action-runner.mjs'
import { startFakeApp } from './lib/fake-app.mjs'

const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text)
const dim = (text) => (process.stdout.isTTY ? `\x1b[2m${text}\x1b[0m` : text)

const app = await startFakeApp({ healthyAfterMs: 4000 })
const token = 'demo-token-1234567890'
console.log(bold('flightdeck demo: health-check'))
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

console.log(bold('\n── step log ──'))
let pending = ''
const result = await runBundledAction('health-check', {
  inputs,
  onOutput: (chunk) => {
    pending += chunk
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    const shown = renderLog(lines.join('\n'))
    if (shown.trim()) console.log(shown)
  },
})
await app.close()

console.log(bold('\n── outputs ──'))
for (const [name, value] of Object.entries(result.outputs)) console.log(`${name}: ${value}`)
console.log(bold('\n── job summary ──'))
console.log(result.summary)
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
process.exitCode = result.exitCode ?? 1
