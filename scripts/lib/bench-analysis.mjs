// Benchmark (f): how many requests reach a broken release before it is rolled back, with the
// post-deploy analysis alone and with traffic steps. gated-deploy (the bundle) deploys over the
// local platform (command provider) a release that passes /health and fails one request in
// three, while a steady load of users' requests hits the app; each answer says which release
// served it, so the users' requests that met the broken one are counted exactly.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'node:http'
import { repoRoot, runBundledAction } from '../../__tests__/support/bundle-runner.mjs'
import {
  commandInputs,
  initialState,
  readState,
  startPlatformApp,
  writeState,
} from '../../__tests__/fakes/local-platform.mjs'
import { median } from './bench-stats.mjs'

const LOAD_PER_SECOND = 50
const ANALYSIS = {
  'analysis-duration': '6s',
  'analysis-interval': '100ms',
  'max-error-rate': '1%',
}

/** One user's request; resolves with the version that answered (or 'error'). */
function userRequest(url) {
  return new Promise((resolve) => {
    const req = request(`${url}/api/orders`, { agent: false, timeout: 2000 }, (res) => {
      const chunks = []
      res.on('data', (chunk) => chunks.push(chunk))
      res.on('end', () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
          resolve({ version: body.version, failed: res.statusCode !== 200 })
        } catch {
          resolve({ version: 'error', failed: true })
        }
      })
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', () => resolve({ version: 'error', failed: true }))
    req.end()
  })
}

/**
 * A load of about LOAD_PER_SECOND until stopped, each gap drawn at random between half and one
 * and a half of the mean: a fixed beat would fall into step with the analysis' fixed interval
 * and the failing release's one-in-three, and the probes would always meet the same slot.
 * Counts who served what.
 */
function startLoad(url) {
  const counts = { total: 0, byVersion: {}, failedByVersion: {} }
  const pending = new Set()
  let timer
  const next = () => {
    timer = setTimeout(
      () => {
        const sent = userRequest(url).then(({ version, failed }) => {
          counts.total++
          counts.byVersion[version] = (counts.byVersion[version] ?? 0) + 1
          if (failed) counts.failedByVersion[version] = (counts.failedByVersion[version] ?? 0) + 1
          pending.delete(sent)
        })
        pending.add(sent)
        next()
      },
      (1000 / LOAD_PER_SECOND) * (0.5 + Math.random()),
    )
  }
  next()
  return {
    counts,
    async stop() {
      clearTimeout(timer)
      await Promise.all(pending)
    },
  }
}

async function oneRun(extraInputs) {
  const dir = mkdtempSync(join(tmpdir(), 'flightdeck-bench-analysis-'))
  const statePath = join(dir, 'platform.json')
  writeState(statePath, { ...initialState(1), nextKind: 'failing' })
  const app = await startPlatformApp(statePath)
  const load = startLoad(app.url)
  const started = performance.now()
  const result = await runBundledAction('gated-deploy', {
    inputs: {
      ...commandInputs(statePath),
      'health-url': `${app.url}/health`,
      'health-timeout': '5s',
      concurrency: 'off',
      'github-token': '',
      ...ANALYSIS,
      ...extraInputs,
    },
  })
  const stepMs = performance.now() - started
  // A second more of load after the step: nothing should reach v2 any more.
  await new Promise((resolve) => setTimeout(resolve, 1000))
  await load.stop()
  await app.close()
  const state = readState(statePath)
  let analysis = {}
  try {
    analysis = JSON.parse(result.outputs.analysis ?? '{}')
  } catch {
    // reported as missing below
  }
  return {
    status: result.outputs.status,
    serving: state.serving,
    stepMs,
    verdict: analysis.verdict,
    reason: analysis.reason,
    endedAt: result.outputs['traffic-step'] || '100%',
    users: load.counts.total,
    reachedBroken: load.counts.byVersion.v2 ?? 0,
    failedByBroken: load.counts.failedByVersion.v2 ?? 0,
  }
}

export async function benchAnalysis(runs = Number(process.env.BENCH_ANALYSIS_RUNS ?? 3)) {
  const cases = [
    { name: 'analysis, all traffic at once', inputs: {} },
    {
      name: 'analysis with traffic-steps 10%,50%,100%',
      inputs: { 'traffic-steps': '10%,50%,100%' },
    },
  ]
  const rows = []
  for (const entry of cases) {
    for (let i = 0; i < runs; i++) {
      const run = await oneRun(entry.inputs)
      rows.push({ case: entry.name, ...run })
      console.log(
        `  ${entry.name}: ${run.reachedBroken} of ${run.users} users' requests reached the broken release (${run.failedByBroken} failed); ${run.status} at ${run.endedAt} after ${(run.stepMs / 1000).toFixed(1)}s (${run.verdict}: ${run.reason})`,
      )
    }
  }
  const byCase = cases.map((entry) => {
    const mine = rows.filter((row) => row.case === entry.name)
    return {
      name: entry.name,
      reached: median(mine.map((row) => row.reachedBroken)),
      failed: median(mine.map((row) => row.failedByBroken)),
    }
  })
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot })
    .toString()
    .trim()
  const markdown = `## (f) Requests that reached a broken release before it was rolled back

Measured on ${new Date().toISOString().slice(0, 10)} at commit ${commit}.

gated-deploy (the bundle) over the local platform deploys a release that passes \`/health\` and
then answers 500 to one request in three, while users send about ${LOAD_PER_SECOND} requests a second at random gaps; every answer
says which release served it. Analysis: \`${Object.entries(ANALYSIS)
    .map(([name, value]) => `${name}: ${value}`)
    .join('`, `')}\` (short windows, so the run takes seconds; in production the interval is 10 s
and the window minutes, and the counts scale with them). ${runs} runs of each.

| case | run | users' requests | reached the broken release | of which failed | verdict | ended at | step took |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows
  .map(
    (row, index) =>
      `| ${row.case} | ${(index % runs) + 1} | ${row.users} | ${row.reachedBroken} | ${row.failedByBroken} | ${row.verdict} (${row.reason}) | ${row.endedAt} | ${(row.stepMs / 1000).toFixed(1)} s |`,
  )
  .join('\n')}

- **All at once:** median **${byCase[0]?.reached}** users' requests met the broken release (${byCase[0]?.failed} failed) before the analysis rolled it back.
- **Traffic steps:** median **${byCase[1]?.reached}** (${byCase[1]?.failed} failed): the release only ever had 10% of requests, and all of them went back to the previous release at once.
- **Without an analysis** (a health check alone, as every hand-written workflow in the guides does): the release passes \`/health\` and keeps serving; every request meets it, one in three fails, until a person notices.
- What dominates: the time to a verdict (the 5 samples per URL the HTTP limits need, plus \`failure-limit\` + 1 failed measurements), times the share of requests the new release has meanwhile. A small first step divides the harm by its share; it also dilutes the error rate the analysis sees, so set \`max-error-rate\` for the mix (here 1 %: a release failing a third of its 10 % shows as about 3 %).`
  return { rows, markdown }
}

const SECTION = /## \(f\) Requests that reached a broken release[\s\S]*$/

// `node scripts/lib/bench-analysis.mjs` measures (f) alone and puts it into BENCHMARKS.md in
// place of the last (f), leaving the other sections as the last full `npm run bench` wrote them.
if (process.argv[1] === new URL(import.meta.url).pathname) {
  const { markdown } = await benchAnalysis()
  const file = join(repoRoot, 'BENCHMARKS.md')
  const text = readFileSync(file, 'utf8')
  writeFileSync(
    file,
    SECTION.test(text)
      ? text.replace(SECTION, `${markdown}\n`)
      : `${text.trimEnd()}\n\n${markdown}\n`,
  )
  console.log('wrote section (f) of BENCHMARKS.md')
}
