// Two gated-deploy steps in one job share RUNNER_TEMP: each step's `record` output must still
// describe its own deploy (the bundle run twice, as the runner runs two steps of one job).
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { runBundledAction } from '../support/bundle-runner.mjs'
import {
  commandInputs,
  initialState,
  startPlatformApp,
  writeState,
} from '../fakes/local-platform.mjs'

it('gives two gated-deploy steps in one RUNNER_TEMP a record each', async () => {
  const temp = mkdtempSync(join(tmpdir(), 'flightdeck-one-job-temp-'))
  const statePath = join(mkdtempSync(join(tmpdir(), 'flightdeck-gated-')), 'platform.json')
  writeState(statePath, initialState(1))
  const app = await startPlatformApp(statePath)
  try {
    const step = (id: string, environment: string) =>
      runBundledAction('gated-deploy', {
        inputs: {
          ...commandInputs(statePath),
          environment,
          'health-url': `${app.url}/health`,
          'health-timeout': '3s',
          'github-token': '',
        },
        env: { RUNNER_TEMP: temp, GITHUB_ACTION: id },
        timeoutMs: 60_000,
      })
    const first = await step('deploy-staging', 'staging')
    const second = await step('deploy-production', 'production')
    expect([first.exitCode, second.exitCode]).toEqual([0, 0])
    const firstPath = first.outputs.record ?? ''
    const secondPath = second.outputs.record ?? ''
    expect(firstPath).not.toBe(secondPath)
    expect(dirname(firstPath)).toBe(join(temp, 'flightdeck'))
    expect(firstPath).toMatch(/deployment-deploy-staging-[0-9a-f]+\.json$/)
    const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as { environment: string }
    expect(read(firstPath).environment).toBe('staging')
    expect(read(secondPath).environment).toBe('production')
  } finally {
    await app.close()
  }
})
