// `require-env` names what a deploy needs in its environment: credentials. The bundled
// gated-deploy, run as the runner runs it, masks their values when the gate reads them, so a
// deploy command that echoes one on failure puts it nowhere: not the log, not the Deployment
// status everyone with read access sees, not the deployment record (which notify sends on).
import { readFileSync } from 'node:fs'
import { runBundledAction, secretLeaks } from '../support/bundle-runner.mjs'
import { FakeGitHubApi } from '../fakes/github-api.js'

const KEY = 'pl4nted-deploy-key-0042'
let api: FakeGitHubApi

beforeEach(async () => {
  api = await new FakeGitHubApi().start()
})
afterEach(async () => {
  await api.stop()
  expect(api.violations).toEqual([])
})

describe('gated-deploy require-env', () => {
  it('keeps a required variable that a failing deploy echoes out of every public place', async () => {
    const result = await runBundledAction('gated-deploy', {
      inputs: {
        provider: 'command',
        'deploy-command': 'echo "401 for key $DEPLOY_KEY" >&2; exit 1',
        'releases-command': 'echo "[]"',
        'rollback-command': 'true',
        'require-env': 'DEPLOY_KEY',
      },
      apiUrl: api.url,
      env: { DEPLOY_KEY: KEY },
      timeoutMs: 60_000,
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors.join('\n')).toContain('401 for key ***')
    const statuses = api.deployments.flatMap((deployment) => deployment.statuses)
    expect(statuses.map((status) => status.state)).toContain('failure')
    expect(statuses.some((status) => status.description?.includes('401 for key'))).toBe(true)
    for (const request of api.requests) {
      expect(JSON.stringify(request.body ?? null)).not.toContain(KEY)
    }
    const record = readFileSync(result.outputs.record ?? '', 'utf8')
    expect(record).toContain('401 for key ***')
    expect(record).not.toContain(KEY)
    expect(secretLeaks(result, KEY)).toEqual([])
  })
})
