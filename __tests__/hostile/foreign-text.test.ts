// Foreign text through every path issue 13 found it becoming a runner command, each run as the
// runner runs the bundle: `##[cmd]` anywhere in a line (the runner's v1 form), `::cmd::` after
// NEXT LINE (U+0085) or NO-BREAK SPACE (.NET white space), and a `##[stop-commands]` planted
// mid-line, which would switch off every command after it: the step's own failure annotation,
// its masks, its state. The oracle (__tests__/support/runner-log.mjs) reads stdout and stderr as the
// runner does; each run asserts that nothing planted was carried out, that the text is still
// shown, and that the step's own last command still was.
import { mkdtempSync } from 'node:fs'
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runBundledAction, type RunResult } from '../support/bundle-runner.mjs'
import {
  commandInputs,
  initialState,
  startPlatformApp,
  writeState,
} from '../fakes/local-platform.mjs'
import { carriedOut, injectedCommands, runnerCommands } from '../support/runner-log.mjs'
import { FakeClis } from '../fakes/fake-cli.js'
import { FakeGitHubApi } from '../fakes/github-api.js'

/** Hostile text marked `tag`: every form the runner reads, and a stop planted mid-line. */
function hostile(tag: string): string {
  return `${tag} ##[error]PWNED-${tag} \u0085::warning::x ##[stop-commands]pwned-${tag.toLowerCase()}`
}
/** The same as lines of a CLI's output. */
function hostileLines(tag: string): string {
  return [
    `building… ##[error]PWNED-${tag}`,
    `\u0085::error::PWNED-${tag}-nel`,
    `\u00a0::add-mask::PWNED-${tag}-nbsp`,
    `step 3 ##[stop-commands]pwned-${tag.toLowerCase()}`,
    '',
  ].join('\n')
}

/** Nothing planted ran in either stream, and no planted stop took effect. */
function expectInert(result: RunResult): void {
  for (const stream of [result.stdout, result.stderr]) {
    expect(injectedCommands(stream, 'PWNED')).toEqual([])
    expect(runnerCommands(stream).stops.filter((stop) => /pwned/i.test(stop.message))).toEqual([])
  }
}

const servers: Server[] = []
let api: FakeGitHubApi
beforeEach(async () => {
  api = await new FakeGitHubApi().start()
})
afterEach(async () => {
  await api.stop()
  expect(api.violations).toEqual([])
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections()
          server.close(() => resolve())
        }),
    ),
  )
})

async function serve(respond: (res: ServerResponse, path: string) => void): Promise<string> {
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => respond(res, req.url ?? '/'))
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('gated-deploy prints foreign text as data', () => {
  it('deploy output, release ids, the override reason and health JSON values', async () => {
    const statePath = join(mkdtempSync(join(tmpdir(), 'flightdeck-hostile-')), 'platform.json')
    const state = initialState(1)
    const before = state.releases[0] as { id: string }
    before.id = `rel-1 ${hostile('REL')}`
    writeState(statePath, { ...state, serving: before.id })
    const platform = commandInputs(statePath)
    const health = await serve((res) => {
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ status: hostile('HEALTH') }))
    })
    const result = await runBundledAction('gated-deploy', {
      inputs: {
        ...platform,
        'deploy-command': `printf '${hostileLines('DEPLOY')}'; printf '${hostileLines('DEPLOYERR')}' >&2; ${platform['deploy-command']}`,
        freeze: '2026-12-20..2027-01-02 Europe/Berlin',
        'override-gates': `hotfix ${hostile('OVERRIDE')}`,
        'health-url': `${health}/health`,
        'health-timeout': '2s',
        'health-json-assertions': 'status == healthy',
      },
      apiUrl: api.url,
      env: { FLIGHTDECK_GATE_INTERVAL: '200ms', FLIGHTDECK_NOW: '2026-12-24T10:00:00+01:00' },
      timeoutMs: 60_000,
    })
    // Unhealthy, rolled back to the release with the hostile id, and the step fails.
    expect(result.exitCode).toBe(1)
    expect(result.outputs['rolled-back']).toBe('true')
    expectInert(result)
    const shown = runnerCommands(result.stdout).text.join('\n')
    for (const tag of ['DEPLOY', 'REL', 'OVERRIDE', 'HEALTH'])
      expect(shown).toContain(`PWNED-${tag}`)
    // The step's own failure annotation was still carried out after all of it.
    expect(carriedOut(result.stdout, 'error', 'rolled back')).toBe(true)
  })

  it('check-run names', async () => {
    const name = `lint ${hostile('CHECK')}`
    api.on((request) => {
      if (request.route === 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs') {
        const run = {
          id: 7,
          name,
          status: 'completed',
          conclusion: 'failure',
          head_sha: 'ffac537e6cbbf934b08745a378932722df287a53',
          details_url: 'https://github.com/acme/shop/actions/runs/1/job/2',
        }
        return { status: 200, body: { total_count: 1, check_runs: [run] } }
      }
      if (request.route === 'GET /repos/{owner}/{repo}/commits/{ref}/statuses') {
        return { status: 200, body: [] }
      }
      return undefined
    })
    const statePath = join(mkdtempSync(join(tmpdir(), 'flightdeck-hostile-')), 'platform.json')
    writeState(statePath, initialState(1))
    const app = await startPlatformApp(statePath)
    try {
      const result = await runBundledAction('gated-deploy', {
        inputs: {
          ...commandInputs(statePath),
          'health-url': `${app.url}/health`,
          'require-checks': 'all',
        },
        apiUrl: api.url,
        env: { FLIGHTDECK_GATE_INTERVAL: '200ms' },
        timeoutMs: 60_000,
      })
      expect(result.exitCode).toBe(1)
      expect(result.outputs['blocked-by']).toContain('PWNED-CHECK')
      expectInert(result)
      expect(carriedOut(result.stdout, 'error', 'require-checks')).toBe(true)
    } finally {
      await app.close()
    }
  })
})

describe('preview-app prints foreign text as data', () => {
  it("flyctl's output on a failed deploy", async () => {
    const clis = new FakeClis()
    clis.behave('flyctl', {
      deploy: {
        exitCode: 1,
        stdout: hostileLines('FLY'),
        stderr: `${hostileLines('FLYERR')}Error: build failed ##[warning]PWNED-FLYHEAD\n`,
      },
    })
    const result = await runBundledAction('preview-app', {
      event: {
        action: 'opened',
        number: 12,
        pull_request: {
          number: 12,
          title: `Checkout ${hostile('PRTITLE')}`,
          state: 'open',
          merged: false,
          head: {
            ref: 'feat/checkout',
            sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
            repo: { full_name: 'acme/shop' },
          },
          base: { ref: 'main', repo: { full_name: 'acme/shop' } },
        },
      },
      eventName: 'pull_request',
      apiUrl: api.url,
      env: clis.env(),
      inputs: { token: 'FlyV1 fm2_plantedpreviewtoken0123456789', org: 'acme' },
      timeoutMs: 60_000,
    })
    expect(result.exitCode).toBe(1)
    expectInert(result)
    expect(runnerCommands(result.stdout).text.join('\n')).toContain('PWNED-FLY')
    expect(carriedOut(result.stdout, 'error', 'build failed')).toBe(true)
  })
})

describe('notify prints foreign text as data', () => {
  it("a receiver's 500 body in the retry log, a Slack API error code and the title", async () => {
    const webhook = await serve((res) => {
      res.writeHead(500, { 'content-type': 'text/plain' })
      res.end(hostileLines('BODY'))
    })
    const slack = await serve((res) => {
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ ok: false, error: `invalid_auth ${hostile('SLACK')}` }))
    })
    const result = await runBundledAction('notify', {
      inputs: {
        status: 'failure',
        title: `Deploy ${hostile('TITLE')}`,
        'webhook-url': `${webhook}/hook`,
        'slack-bot-token': 'xoxb-0000000000-0000000000000-plantedslacktoken0000',
        'slack-channel': '#deploys',
        'slack-api-url': `${slack}/api`,
        timeout: '10s',
      },
      apiUrl: api.url,
      event: { head_commit: { message: 'Add the checkout page' } },
      timeoutMs: 60_000,
    })
    expect(result.exitCode).toBe(0)
    expectInert(result)
    const shown = runnerCommands(result.stdout).text.join('\n')
    for (const tag of ['BODY', 'TITLE']) expect(shown).toContain(`PWNED-${tag}`)
    // Slack's error code is quoted inside the step's own warning, as data.
    expect(result.stdout).toMatch(/::warning [^\n]*slack-bot[^\n]*PWNED-SLACK/)
    // Both failures are still annotated: nothing planted switched commands off before them.
    expect(carriedOut(result.stdout, 'warning', 'webhook')).toBe(true)
    expect(carriedOut(result.stdout, 'warning', 'slack-bot')).toBe(true)
  })
})
