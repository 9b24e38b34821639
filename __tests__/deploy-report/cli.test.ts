// `npx flightdeck deploy-report …` in a terminal: GITHUB_TOKEN and GITHUB_API_URL from the
// environment, the figures as name=value lines on stdout, the table on stderr.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { FakeGitHubApi } from '../fakes/github-api.js'
import { loadInto } from './history-fixture.js'
import { smallHistory } from './small-history.js'

const root = new URL('../..', import.meta.url).pathname
const TOKEN = 'ghp_terminaltoken0000000000000000000000'

let api: FakeGitHubApi
beforeEach(async () => {
  api = await new FakeGitHubApi().start()
})
afterEach(async () => {
  await api.stop()
  expect(api.violations).toEqual([])
})

function flightdeck(args: string[], env: Record<string, string>) {
  // Outside any CI: none of the GITHUB_* / INPUT_* / RUNNER_* variables of the test's own run.
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(GITHUB_|INPUT_|RUNNER_|STATE_)/.test(key) && key !== 'GH_TOKEN',
    ),
  )
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'flightdeck.mjs'), ...args], {
      cwd: root,
      env: { ...clean, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

it('prints the figures as name=value lines, then the table, with credentials from the environment', async () => {
  loadInto(api, smallHistory())
  const result = await flightdeck(
    [
      'deploy-report',
      '--repository',
      'acme/shop',
      '--environment',
      'production',
      '--since',
      '2026-03-23',
      '--until',
      '2026-03-30',
    ],
    { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: api.url },
  )
  expect(result.code).toBe(0)
  const lines = result.stdout.split('\n')
  expect(lines).toEqual(
    expect.arrayContaining([
      'deployments=7',
      'deployments-per-week=3',
      'lead-time-hours=2.1',
      'change-failure-rate=57.14',
      'time-to-restore-hours=2.08',
      'success-rate=42.86',
    ]),
  )
  expect(result.stderr).toMatch(/lead time for changes \(median\) +2\.1 h +elite/)
  expect(api.requests.every((r) => r.headers.authorization === `token ${TOKEN}`)).toBe(true)
  expect(result.stdout + result.stderr).not.toContain(TOKEN)
})
