// Benchmark (e) of `npm run bench`: the bundled deploy-report over a busy repository (1,000
// production deployments and 2,400 commits over 90 days) served by the local fake GitHub API,
// the same fake and history generator the tests use. Counts the API requests and times the
// whole step (process start to exit). `node scripts/lib/bench-deploy-report.mjs` runs this
// part alone and rewrites only its section of BENCHMARKS.md.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot, runBundledAction } from '../../__tests__/support/bundle-runner.mjs'
import { register } from 'tsx/esm/api'

export const SECTION = '## (e) deploy-report over a busy repository'
const DEPLOYMENTS = 1000
const COMMITS = 2400
const DAYS = 90
const MAX_REQUESTS = 40
const MAX_MS = 15_000

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`

export async function benchDeployReport(runs = Number(process.env.BENCH_REPORT_RUNS ?? 3)) {
  // The fake and the history generator are the tests' TypeScript: tsx compiles them on import.
  register()
  const { FakeGitHubApi } = await import('../../__tests__/fakes/github-api.ts')
  const { busyHistory, loadInto } = await import('../../__tests__/deploy-report/history-fixture.ts')
  const rows = []
  for (let run = 0; run < runs; run++) {
    const api = await new FakeGitHubApi().start()
    loadInto(
      api,
      busyHistory({
        deployments: DEPLOYMENTS,
        commits: COMMITS,
        days: DAYS,
        end: Date.now() - 60_000,
        seed: run + 1,
      }),
    )
    const result = await runBundledAction('deploy-report', {
      apiUrl: api.url,
      inputs: { since: `${DAYS}d` },
      env: { GITHUB_TOKEN: 'ghs_benchtoken000000000000000000000000' },
      timeoutMs: 120_000,
    })
    await api.stop()
    const graphql = api.requests.filter((request) => request.path === '/graphql').length
    rows.push({
      requests: api.requests.length,
      graphql,
      ms: result.durationMs,
      deployments: result.outputs.deployments,
      exit: result.exitCode,
      violations: api.violations.length,
    })
    console.log(
      `  run ${run + 1}: ${api.requests.length} requests, ${fmt(result.durationMs)}, ${result.outputs.deployments} deployments counted, exit ${result.exitCode}`,
    )
  }
  const worstRequests = Math.max(...rows.map((row) => row.requests))
  const worstMs = Math.max(...rows.map((row) => row.ms))
  const markdown = `${SECTION}

The bundled action run as the runner runs it (\`since: ${DAYS}d\`) against the local fake GitHub
API holding ${DEPLOYMENTS.toLocaleString('en')} production deployments and ${COMMITS.toLocaleString('en')} commits over ${DAYS} days
(the tests' generator, \`__tests__/deploy-report/history-fixture.ts\`; every GraphQL query checked
against GitHub's schema). Time: process start to exit, the whole step.

| run | API requests | of them GraphQL | whole step | deployments counted | exit | refused by the fake |
| --- | --- | --- | --- | --- | --- | --- |
${rows.map((row, i) => `| ${i + 1} | ${row.requests} | ${row.graphql} | ${fmt(row.ms)} | ${row.deployments} | ${row.exit} | ${row.violations} |`).join('\n')}

- **Requests:** at most **${worstRequests}** (target ≤ ${MAX_REQUESTS}): deployments with their statuses in pages of 100
  (10 for the period and one reaching back for the lead-time base), commit history in pages of 100 (24).
- **Time:** at most **${fmt(worstMs)}** (target < ${fmt(MAX_MS)}). GraphQL queries are reads: they go out back to back,
  not a second apart as the throttling plugin spaces writes (\`shared/github/client.ts\`).
`
  return { rows, markdown, worstRequests, worstMs }
}

/** Replaces (or appends) section (e) of BENCHMARKS.md. */
export function writeSection(markdown) {
  const file = join(repoRoot, 'BENCHMARKS.md')
  const text = readFileSync(file, 'utf8')
  const start = text.indexOf(SECTION)
  const next = start < 0 ? -1 : text.indexOf('\n## ', start + SECTION.length)
  const updated =
    start < 0
      ? `${text.trimEnd()}\n\n${markdown}`
      : `${text.slice(0, start)}${markdown}${next < 0 ? '' : text.slice(next)}`
  writeFileSync(file, updated)
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  console.log('(e) deploy-report over a busy repository')
  const { markdown, worstRequests, worstMs } = await benchDeployReport()
  writeSection(markdown)
  console.log(`wrote section (e) of BENCHMARKS.md (${worstRequests} requests, ${fmt(worstMs)})`)
}
