// npm run bench: (a) how late the health-check verdict comes after the service turns healthy,
// with the action's defaults, next to `sleep 30 && curl -f`; (b) each bundle's cold start next
// to bare node. Writes the figures into BENCHMARKS.md.
import { execFileSync, spawnSync } from 'node:child_process'
import { readdirSync, writeFileSync, existsSync, mkdirSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { repoRoot, runBundledAction } from './lib/action-runner.mjs'
import { startFakeApp } from './lib/fake-app.mjs'

const RUNS = Number(process.env.BENCH_RUNS ?? 10)
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 21)

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
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
  `\n(b) cold start, median of ${COLD_RUNS} runs (load, parse inputs, fail on a missing input)`,
)
function coldStart(args, env = {}) {
  const times = []
  for (let i = 0; i < COLD_RUNS; i++) {
    const started = process.hrtime.bigint()
    spawnSync(process.execPath, args, { env: { PATH: process.env.PATH, ...env }, stdio: 'ignore' })
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  return median(times)
}
const bare = coldStart(['-e', ''])
console.log(`  node -e '': ${bare.toFixed(0)} ms`)
const bundles = []
for (const name of readdirSync(join(repoRoot, 'dist')).sort()) {
  const file = join(repoRoot, 'dist', name, 'index.js')
  if (!existsSync(file)) continue
  const ms = coldStart([file])
  bundles.push({ name, ms })
  console.log(`  dist/${name}/index.js: ${ms.toFixed(0)} ms (${(ms / bare).toFixed(2)}x bare node)`)
}

// What the start-up is made of: bundles of single ingredients, built the same way.
const parts = {
  "Node's own http/https/tls/crypto/child_process modules":
    "import 'node:http'\nimport 'node:https'\nimport 'node:tls'\nimport 'node:crypto'\nimport 'node:child_process'\n",
  '`@actions/core` alone': "import * as core from '@actions/core'\ncore.debug('x')\n",
  '`undici` alone (what `@actions/core` pulls in for its OIDC client)':
    "import { ProxyAgent } from 'undici'\nif (!ProxyAgent) process.exit(1)\n",
  '`zod/mini` alone': "import { z } from 'zod/mini'\nz.string().parse('x')\n",
}
const partsDir = join(repoRoot, 'node_modules', '.cache', 'flightdeck-bench')
mkdirSync(partsDir, { recursive: true })
const breakdown = []
for (const [label, source] of Object.entries(parts)) {
  const name = `part-${breakdown.length}`
  writeFileSync(join(partsDir, `${name}.mjs`), source)
  execFileSync(
    join(repoRoot, 'node_modules', '.bin', 'ncc'),
    [
      'build',
      join(partsDir, `${name}.mjs`),
      '-o',
      join(partsDir, name),
      '--target',
      'es2022',
      '--quiet',
    ],
    { stdio: 'ignore' },
  )
  const ms = coldStart([join(partsDir, name, 'index.mjs')])
  breakdown.push({ label, ms })
  console.log(`  ${label}: ${ms.toFixed(0)} ms (+${(ms - bare).toFixed(0)} ms over bare node)`)
}

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

Median of ${COLD_RUNS} runs of \`node dist/<name>/index.js\` with no inputs (load, parse, fail on the missing input), next to \`node -e ''\`.

| bundle | cold start | × bare node |
| --- | --- | --- |
| \`node -e ''\` | ${bare.toFixed(0)} ms | 1.00 |
${bundles.map((b) => `| \`dist/${b.name}/index.js\` | ${b.ms.toFixed(0)} ms | ${(b.ms / bare).toFixed(2)} |`).join('\n')}

Target: within 1.5× bare node.

What the start-up is made of (each ingredient bundled alone by ncc, same method):

| ingredient | cold start | over bare node |
| --- | --- | --- |
${breakdown.map((b) => `| ${b.label} | ${b.ms.toFixed(0)} ms | +${(b.ms - bare).toFixed(0)} ms |`).join('\n')}

What dominates: \`undici\`, which \`@actions/core\` imports at load time for its OIDC client
(\`getIDToken\`, which flightdeck never calls), is most of the gap; Node's own network and
crypto modules, which any action that speaks HTTPS needs, cost about ${((breakdown[0]?.ms ?? bare) / bare).toFixed(2)}× bare node on
their own, so 1.5× leaves almost nothing for the action itself. The bundles with Octokit
(\`rollback\`) or \`@actions/tool-cache\` (\`setup\`) pay for those too. Next levers, not yet
taken: keep \`undici\` out of bundles that make no Octokit call (a build-time alias), and Node's
compile cache (\`module.enableCompileCache()\`, Node 22+) for the second action in a job.
`
writeFileSync(join(repoRoot, 'BENCHMARKS.md'), doc)
console.log(`\nwrote BENCHMARKS.md (median lateness ${fmt(median(lateness))})`)
