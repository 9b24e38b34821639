// The demo, against local stand-ins only, each bundled action run exactly as the runner would
// run it (__tests__/support/bundle-runner.mjs), printing the step log, the outputs and the job summary
// a user would see:
// (1) health-check: a freshly "deployed" app on 127.0.0.1 that needs a few seconds to become
//     healthy, proven healthy as soon as it is;
// (2) rollback: a bad release returned to the last good one, with a stand-in flyctl on PATH;
// (3) gated-deploy with the `command` provider over a local platform: v1 deploys and is healthy,
//     v2 is broken and rolled back to v1 in the same step, a Friday-evening deploy is blocked by
//     the deploy window (FLIGHTDECK_NOW); each deploy recorded as a GitHub Deployment;
// (4) post-deploy analysis: a release that passes /health but fails one request in three,
//     rolled back by the analysis before its window ends;
// (5) traffic steps: such a release given 10% of requests first, stopped there, all traffic
//     back on the previous release;
// (6) notify: the rolled-back deploy's record sent to a local webhook receiver, which checks
//     the HMAC signature;
// (7) preview-app: a pull request's preview opened, updated by a second push and closed, with
//     the stand-in flyctl, and its one sticky comment shown after each step.
// GitHub is the fake the tests use (__tests__/fakes/github-api.ts), which refuses what GitHub's
// REST description would refuse. The test fakes are TypeScript: tsx (a devDependency made for
// running TypeScript on Node) compiles them as they are imported, so there is one copy of them.
// The parts are scripts/lib/demo-deploys.mjs (1-3), scripts/lib/demo-analysis.mjs (4-5) and
// scripts/lib/demo-previews.mjs (6-7).
// A checklist closes the demo; it exits 1 if anything did not behave as expected, or if any
// secret given to a step shows up in a log, summary or output.
import { secretLeaks } from '../__tests__/support/bundle-runner.mjs'
import { bold, checklist, dim, expectThat, secrets, steps } from './lib/demo-kit.mjs'
import { gatedDeployPart, healthCheckPart, rollbackPart } from './lib/demo-deploys.mjs'
import { notifyPart, previewPart } from './lib/demo-previews.mjs'
import { analysisPart, trafficStepsPart } from './lib/demo-analysis.mjs'
import { register } from 'tsx/esm/api'

register()
const { FakeGitHubApi } = await import('../__tests__/fakes/github-api.ts')
const { FakeClis } = await import('../__tests__/fakes/fake-cli.ts')

await healthCheckPart()
await rollbackPart(FakeClis)
const github = await new FakeGitHubApi().start()
const githubToken = 'ghs_demoGitHubToken0123456789abcdefABCD'
secrets.push(githubToken)
const { v2 } = await gatedDeployPart(github, githubToken)
await analysisPart(github, githubToken)
await trafficStepsPart(github, githubToken)
await notifyPart(v2)
await previewPart(FakeClis, github, githubToken)
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
