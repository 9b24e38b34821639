// npm run bench: (a) how late the health-check verdict comes after the service turns healthy,
// with the action's defaults, next to `sleep 30 && curl -f`; (b) each bundle's cold start next
// to a peer bundle and bare node; (c) how soon gated-deploy restores a broken release; (d)
// `flightdeck lint` over a few hundred workflow files (scripts/lib/bench-lint.mjs); (e) the
// requests and time deploy-report takes over a busy repository; (f) the requests that reach a
// broken release before the post-deploy analysis rolls it back, with and without traffic steps
// (scripts/lib/bench-analysis.mjs). Writes BENCHMARKS.md.
import { execFileSync, spawnSync } from 'node:child_process'
import { readdirSync, writeFileSync, existsSync, mkdtempSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { repoRoot, runBundledAction } from '../__tests__/support/bundle-runner.mjs'
import { startFakeApp } from '../__tests__/fakes/fake-app.mjs'
import { benchLint } from './lib/bench-lint.mjs'
import { benchDeployReport } from './lib/bench-deploy-report.mjs'
import { benchAnalysis } from './lib/bench-analysis.mjs'
import { median } from './lib/bench-stats.mjs'

const RUNS = Number(process.env.BENCH_RUNS ?? 10)
const PEER_NAME = 'Jtalk/url-health-check-action v2.0.0'
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 21)

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`

// Moments between 1 and 10 s, spread evenly in steps of 0.9 s, so the once-a-second probe
// schedule meets them at every phase.
const moments = Array.from({ length: RUNS }, (_, i) =>
  Math.round(1000 + ((i + 0.37) * 9000) / RUNS),
)

console.log(`(a) verdict lateness over ${RUNS} runs, defaults (interval 1s, timeout 5m)`)
const rows = []
for (const healthyAfterMs of moments) {
  const app = await startFakeApp({ healthyAfterMs })
  const result = await runBundledAction('health-check', { inputs: { url: app.url } })
  await app.close()
  const lateness = result.endedAt - app.healthyAt
  const gaps = app.requests.slice(1).map((req, i) => req.at - app.requests[i].at)
  const minGap = gaps.length ? Math.min(...gaps) : Infinity
  rows.push({
    healthyAfterMs,
    lateness,
    attempts: Number(result.outputs.attempts),
    minGap,
    exit: result.exitCode,
  })
  console.log(
    `  turned healthy at ${fmt(healthyAfterMs)}: verdict ${fmt(lateness)} later, ${result.outputs.attempts} requests, min gap ${minGap} ms, exit ${result.exitCode}`,
  )
}
const lateness = rows.map((row) => row.lateness)
const sleepCurl = moments.map((t) => 30_000 - t)

console.log(
  `\n(b) cold start, median of ${COLD_RUNS} interleaved runs (load, check inputs, fail on a bad one)`,
)
// Each bundle is started so it fails on its inputs: the path every run takes before it does any
// work. Runs are interleaved (one of each, then again) so a busy machine slows all alike.
// The peer is another project's bundle, so it is not kept here: FLIGHTDECK_BENCH_PEER names
// its dist/index.js (BENCHMARKS.md says how to get it). Without it, that row is left out.
const peerFile = process.env.FLIGHTDECK_BENCH_PEER
const coldCases = [{ name: "`node -e ''`", args: ['-e', ''] }]
if (peerFile && existsSync(peerFile)) {
  coldCases.push({ name: `peer: ${PEER_NAME}`, args: [peerFile], peer: true })
} else {
  console.log(`  (no peer row: set FLIGHTDECK_BENCH_PEER to ${PEER_NAME}'s dist/index.js)`)
}
for (const name of readdirSync(join(repoRoot, 'dist')).sort()) {
  const file = join(repoRoot, 'dist', name, 'index.js')
  if (!existsSync(file)) continue
  // setup with no inputs installs flyctl; an unknown tool makes it fail on its inputs instead.
  const env = name === 'setup' ? { INPUT_TOOLS: 'none-such' } : {}
  coldCases.push({ name: `\`dist/${name}/index.js\``, args: [file], env })
}
const coldTimes = coldCases.map(() => [])
for (let i = 0; i < COLD_RUNS; i++) {
  coldCases.forEach((c, index) => {
    const started = process.hrtime.bigint()
    spawnSync(process.execPath, c.args, {
      env: { PATH: process.env.PATH, ...c.env },
      stdio: 'ignore',
    })
    coldTimes[index].push(Number(process.hrtime.bigint() - started) / 1e6)
  })
}
const cold = coldCases.map((c, index) => ({ name: c.name, ms: median(coldTimes[index]) }))
const bare = cold[0].ms
const peer = coldCases.some((c) => c.peer) ? cold[1].ms : undefined
for (const c of cold) {
  const ratio = peer ? ` (${(c.ms / peer).toFixed(2)}x the peer)` : ''
  console.log(`  ${c.name}: ${c.ms.toFixed(0)} ms${ratio}`)
}

console.log('\n(c) time to restore: a broken release, from failing to rolled back and healthy')
// gated-deploy over the local platform (command provider): the deploy makes a release that
// answers 503; the health budget runs out, the step rolls back and proves v1 healthy.
const { commandInputs, initialState, readState, startPlatformApp, writeState } =
  await import('../__tests__/fakes/local-platform.mjs')
const HEALTH_BUDGET_MS = 5000
const restoreRuns = []
for (let i = 0; i < Number(process.env.BENCH_RESTORE_RUNS ?? 3); i++) {
  const dir = mkdtempSync(join(tmpdir(), 'flightdeck-bench-'))
  const statePath = join(dir, 'platform.json')
  writeState(statePath, { ...initialState(1), nextBroken: true })
  const app = await startPlatformApp(statePath)
  const result = await runBundledAction('gated-deploy', {
    inputs: {
      ...commandInputs(statePath),
      'health-url': `${app.url}/health`,
      'health-timeout': `${HEALTH_BUDGET_MS}ms`,
      concurrency: 'off',
      'github-token': '',
    },
  })
  await app.close()
  const state = readState(statePath)
  const failingSince = state.servingSince?.['rel-2']
  const restore = result.endedAt - failingSince
  const rollbackMs = state.rolledBackAt - state.rollbackStartedAt
  restoreRuns.push({ restore, rollbackMs, exit: result.exitCode, status: result.outputs.status })
  console.log(
    `  restored ${fmt(restore)} after the broken release began to fail (platform rollback ${rollbackMs} ms), status ${result.outputs.status}`,
  )
}
const restoreMedian = median(restoreRuns.map((r) => r.restore))
const rollbackMedian = median(restoreRuns.map((r) => r.rollbackMs))
const restoreTarget = HEALTH_BUDGET_MS + rollbackMedian + 1000

console.log('\n(d) flightdeck lint over a few hundred workflow files')
const lint = await benchLint()
console.log(`  ${lint.summary}`)
console.log('\n(e) deploy-report over a busy repository')
const deployReport = await benchDeployReport()
console.log('\n(f) requests that reached a broken release before it was rolled back')
const analysisBench = await benchAnalysis()

const cpu = cpus()[0]?.model ?? 'unknown CPU'
const machine = `${cpus().length} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot })
      .toString()
      .trim()
  } catch {
    return 'unknown'
  }
})()
const maxRate = Math.max(...rows.map((row) => (row.minGap === Infinity ? 0 : 1000 / row.minGap)))
const doc = `# Benchmarks

Made by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} at commit ${commit}.
Machine: ${machine}.

## (a) Verdict lateness with the defaults

A local app turns healthy at a moment between 1 and 10 s after the action starts; lateness is
the action's exit minus that moment (${RUNS} runs, \`interval: 1s\`, every other input at its default).

| turned healthy at | verdict later by | requests | smallest gap between requests |
| --- | --- | --- | --- |
${rows.map((row) => `| ${fmt(row.healthyAfterMs)} | ${fmt(row.lateness)} | ${row.attempts} | ${row.minGap === Infinity ? '—' : `${row.minGap} ms`} |`).join('\n')}

- **health-check:** median lateness **${fmt(median(lateness))}**, worst ${fmt(Math.max(...lateness))} (target: median ≤ 0.60 s). Highest request rate: ${maxRate.toFixed(2)} per second per URL (limit: 1).
- **\`sleep 30 && curl -f\`:** the verdict always comes at 30 s, so over the same moments the median lateness is **${fmt(median(sleepCurl))}**, and an app slower than 30 s fails outright.
- What dominates: the probe schedule. With one request a second the service's turn falls anywhere in a 1 s window, so lateness is spread over 0–1 s (median about half an interval) plus a few ms for the probe itself and the process's exit. The action's start-up only shifts when the probes fall; it adds nothing to the median.

## (b) Bundle cold start

Median of ${COLD_RUNS} runs of each bundle started so that it fails on its inputs (the path every
run takes before it does any work), interleaved with the same runs of bare \`node -e ''\` and, when
\`FLIGHTDECK_BENCH_PEER\` names it, of the peer bundle ${PEER_NAME}.

The peer is another project's code and is not kept in this repository. To include it:

\`\`\`sh
git clone --depth 1 --branch v2.0.0 https://github.com/Jtalk/url-health-check-action /tmp/peer
# v2.0.0 is commit b716ccb6645355dd9fcce8002ce460e5474f7f00
FLIGHTDECK_BENCH_PEER=/tmp/peer/dist/index.js npm run bench
\`\`\`

${
  peer === undefined
    ? `This run had no peer (\`FLIGHTDECK_BENCH_PEER\` unset), so only bare node is compared.

| bundle | cold start | × bare node |
| --- | --- | --- |
${cold.map((c) => `| ${c.name} | ${c.ms.toFixed(0)} ms | ${(c.ms / bare).toFixed(2)} |`).join('\n')}`
    : `| bundle | cold start | × the peer | × bare node |
| --- | --- | --- | --- |
${cold.map((c) => `| ${c.name} | ${c.ms.toFixed(0)} ms | ${(c.ms / peer).toFixed(2)} | ${(c.ms / bare).toFixed(2)} |`).join('\n')}

Target: at most 1.2× the peer. ${(() => {
        const over = cold.slice(2).filter((c) => c.ms / peer > 1.2)
        return over.length === 0
          ? 'Every bundle meets it.'
          : `Over it on this run: ${over.map((c) => `${c.name} (${(c.ms / peer).toFixed(2)}×)`).join(', ')}; the run-to-run spread on this machine is about ±0.05×.`
      })()}`
}

How: flightdeck speaks the runner's protocol itself (\`shared/runner-protocol.ts\`) instead of loading
\`@actions/core\`, which imports undici at load time for an OIDC client it never calls; runs
CLIs itself (\`shared/process.ts\`) instead of \`@actions/exec\`; and loads the rest only on
the path that needs it: the probe engine after the inputs are valid, Octokit when a GitHub call
is made, \`@actions/http-client\` (undici) with the first platform API request,
\`@actions/tool-cache\` when setup installs. What is left is Node's ESM loader and \`zod/mini\`,
which checks every input.

## (c) Time to restore a broken release

gated-deploy over a local platform (\`command\` provider): the deploy makes a release that
answers 503; with \`health-timeout: ${HEALTH_BUDGET_MS / 1000}s\` the step sees it fail, rolls back to v1 and proves
v1 healthy, all in the same step. Measured from the moment the broken release starts serving
to the step's end (rolled back and healthy).

| run | restored after | platform rollback | status |
| --- | --- | --- | --- |
${restoreRuns.map((r, i) => `| ${i + 1} | ${fmt(r.restore)} | ${r.rollbackMs} ms | ${r.status} |`).join('\n')}

- **gated-deploy:** median **${fmt(restoreMedian)}**; target: health budget (${fmt(HEALTH_BUDGET_MS)}) + the platform's rollback (${rollbackMedian} ms) + one probe interval (1 s) = ${fmt(restoreTarget)}.
- **The seeds' separate rollback workflow** (\`sleep 30 && curl -f\`, then a \`workflow_run\` workflow): the broken release serves for the 30 s sleep, then until a new workflow is queued, gets a runner, checks out, installs the CLI and rolls back; on GitHub-hosted runners that is typically 30 s + 20–60 s of queue and set-up + the rollback, so one to two minutes, and nothing proves the old release healthy afterwards.

${lint.markdown}

${deployReport.markdown}

${analysisBench.markdown}`
writeFileSync(join(repoRoot, 'BENCHMARKS.md'), doc)
console.log(`\nwrote BENCHMARKS.md (median lateness ${fmt(median(lateness))})`)
