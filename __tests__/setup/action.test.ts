// The bundled setup action, run as the runner runs it: a child process with INPUT_* variables
// and file commands, downloading from a local GitHub API and release mirror, and installing npm
// CLIs with the real npm from a local registry.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FakeClis } from '../fakes/fake-cli.js'
import { runBundledAction, secretLeaks } from '../support/bundle-runner.mjs'
import { FakeNpmRegistry, FlyctlReleaseServer } from './servers.js'

let releases: FlyctlReleaseServer
let registry: FakeNpmRegistry
let fakes: FakeClis

beforeEach(async () => {
  releases = await new FlyctlReleaseServer().start()
  releases.addRelease('0.3.200')
  releases.addRelease('0.3.190')
  registry = await new FakeNpmRegistry().start()
  for (const version of ['3.99.0', '4.19.0', '4.20.1', '4.20.0', '5.0.0']) {
    registry.publish('wrangler', version, 'wrangler')
  }
  registry.publish('vercel', '60.1.3', 'vercel')
  registry.publish('@railway/cli', '4.10.0', 'railway')
  fakes = new FakeClis()
})
afterEach(async () => {
  await releases.stop()
  await registry.stop()
})

function setup(inputs: Record<string, string>, env: Record<string, string> = {}) {
  return runBundledAction('setup', {
    inputs: { 'download-base-url': releases.downloadBase, ...inputs },
    apiUrl: releases.url,
    env: { FAKE_CLI_STATE: fakes.stateDir, ...registry.env(), ...env },
    timeoutMs: 60_000,
  })
}

const json = (text: string | undefined) => JSON.parse(text ?? 'null') as Record<string, string>

describe('setup bundle: flyctl', () => {
  it('resolves latest through the GitHub releases API, verifies and installs it with fly', async () => {
    const result = await setup({})
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    const latest = releases.requests.filter((r) => r.path.startsWith('/repos/'))
    expect(latest).toEqual([
      {
        method: 'GET',
        path: '/repos/superfly/flyctl/releases/latest',
        authorization: 'Bearer ghs_harnessdefaulttoken000000000000000',
        at: expect.any(Number),
      },
    ])
    expect(releases.downloads().map((r) => r.path)).toEqual([
      '/download/v0.3.200/checksums.txt',
      expect.stringMatching(
        /^\/download\/v0\.3\.200\/flyctl_0\.3\.200_(Linux|macOS)_(x86_64|arm64)\.tar\.gz$/,
      ),
    ])
    // The download mirror never sees the GitHub token.
    expect(releases.downloads().every((r) => r.authorization === undefined)).toBe(true)

    const dir = join(result.workDir, 'tool-cache', 'flyctl', '0.3.200', process.arch)
    expect(json(result.outputs.versions)).toEqual({ flyctl: '0.3.200' })
    expect(json(result.outputs.paths)).toEqual({ flyctl: dir })
    expect(result.outputs['cache-hit']).toBe('false')
    expect(result.addedPath).toEqual([dir])
    expect(readlinkSync(join(dir, 'fly'))).toBe('flyctl')
    const env = { ...process.env, FAKE_CLI_STATE: fakes.stateDir }
    expect(execFileSync(join(dir, 'fly'), ['version'], { env, encoding: 'utf8' })).toMatch(
      /^flyctl v0\.3\.200 /,
    )
    expect(result.stdout).toContain('::group::flyctl@latest')
    expect(result.stdout).toContain('latest flyctl release: v0.3.200')
    expect(result.stdout).toMatch(/sha256 [0-9a-f]{64} matches checksums\.txt/)
    expect(result.summary).toContain('| tool | version | source | path |')
    expect(result.summary).toContain(`| flyctl | \`0.3.200\` | download | \`${dir}\` |`)
  })

  it('takes a pinned version as given, v prefix or not, without asking the API', async () => {
    const result = await setup({ tools: 'flyctl@v0.3.190' })
    expect(result.exitCode).toBe(0)
    expect(releases.requests.filter((r) => r.path.startsWith('/repos/'))).toEqual([])
    expect(releases.downloads().map((r) => r.path)).toEqual([
      '/download/v0.3.190/checksums.txt',
      expect.stringContaining('/download/v0.3.190/flyctl_0.3.190_'),
    ])
    expect(json(result.outputs.versions)).toEqual({ flyctl: '0.3.190' })
  })

  it('downloads nothing on a second run with the same tool cache', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'flightdeck-setup-cache-'))
    const first = await setup({ tools: 'flyctl@0.3.200' }, { RUNNER_TOOL_CACHE: cache })
    expect(first.outputs['cache-hit']).toBe('false')
    const before = releases.requests.length
    expect(before).toBe(2)

    const second = await setup({ tools: 'flyctl@0.3.200' }, { RUNNER_TOOL_CACHE: cache })
    expect(second.exitCode).toBe(0)
    expect(releases.requests.length).toBe(before)
    expect(second.outputs['cache-hit']).toBe('true')
    expect(second.addedPath).toEqual([join(cache, 'flyctl', '0.3.200', process.arch)])
    expect(second.summary).toContain('| flyctl | `0.3.200` | cache |')
    expect(second.stdout).toContain('flyctl 0.3.200 found in the tool cache')

    // latest still asks which version is latest, then finds it in the cache.
    const third = await setup({ tools: 'flyctl' }, { RUNNER_TOOL_CACHE: cache })
    expect(third.outputs['cache-hit']).toBe('true')
    expect(releases.requests.slice(before).map((r) => r.path)).toEqual([
      '/repos/superfly/flyctl/releases/latest',
    ])

    // cache: false downloads again.
    const fourth = await setup(
      { tools: 'flyctl@0.3.200', cache: 'false' },
      { RUNNER_TOOL_CACHE: cache },
    )
    expect(fourth.outputs['cache-hit']).toBe('false')
    expect(releases.downloads()).toHaveLength(4)
  })

  it('fails on a checksum mismatch and leaves nothing cached and nothing on PATH', async () => {
    releases.addRelease('0.3.201', { checksum: 'ab'.repeat(32) })
    const result = await setup({ tools: 'flyctl@0.3.201' })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(
      new RegExp(
        `^checksum mismatch for flyctl_0\\.3\\.201_\\w+_\\w+\\.tar\\.gz: expected ${'ab'.repeat(32)}, got [0-9a-f]{64}; nothing was installed$`,
      ),
    )
    expect(result.addedPath).toEqual([])
    expect(result.outputs).toEqual({})
    expect(readdirSync(join(result.workDir, 'tool-cache'))).toEqual([])
    // The rejected archive is not left behind either.
    expect(readdirSync(join(result.workDir, 'temp'))).toEqual([])
  })

  it('names the version when the mirror has no such release', async () => {
    const result = await setup({ tools: 'flyctl@0.3.999' })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toBe(
      `could not download ${releases.downloadBase}/v0.3.999/checksums.txt: flyctl download GET /download/v0.3.999/checksums.txt answered 404 (is 0.3.999 a flyctl release? see https://github.com/superfly/flyctl/releases)`,
    )
  })

  it.each([
    [{ status: 500, body: '{"message":"Server Error"}' }, /answered 500: Server Error/],
    [{ status: 200, body: '<html>rate limited</html>' }, /body that is not JSON/],
    [
      { status: 200, body: '{"tag_name":"nightly"}' },
      /without a version tag \(tag_name: "nightly"\)/,
    ],
  ])('fails clearly when the releases API answers %j', async (answer, reason) => {
    releases.latestAnswer = answer
    const result = await setup({ tools: 'flyctl' })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(reason)
    expect(result.errors[0]).toMatch(/pin a version instead \(example: flyctl@0\.3\.200\)$/)
    expect(releases.downloads()).toEqual([])
  })
})

describe('setup bundle: token', () => {
  const token = 'fo1_s3cr3tTokenValue9f8e7d6c5b4a'

  it('checks the token with flyctl auth whoami, masks it and exports FLY_API_TOKEN', async () => {
    fakes.setState('flyctl', { validToken: token })
    const result = await setup({ tools: 'flyctl@0.3.200', token })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(fakes.calls('flyctl')).toEqual([
      // Timing fields the fakes record (startedAt, endedAt) are not part of the contract.
      expect.objectContaining({
        tool: 'flyctl',
        args: ['auth', 'whoami', '--json'],
        env: { FLY_API_TOKEN: token },
      }),
    ])
    expect(result.stdout).toContain(`::add-mask::${token}`)
    expect(result.stdout).toContain(
      '`flyctl auth whoami --json` accepted the token: ci@example.com',
    )
    expect(result.exportedEnv).toEqual({ FLY_API_TOKEN: token })
    // Exported on purpose for later steps; nowhere else.
    expect(secretLeaks(result, token)).toEqual(['env'])
    expect(result.summary).toContain(
      'Token checked with `flyctl auth whoami --json` and exported as `FLY_API_TOKEN`.',
    )
  })

  it('fails the step when flyctl rejects the token, exporting and adding nothing', async () => {
    fakes.setState('flyctl', { validToken: 'another-token' })
    const result = await setup({ tools: 'flyctl@0.3.200', token })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(
      /^::error title=setup%3A token check failed::the token did not pass its check: `flyctl auth whoami --json` with the token in FLY_API_TOKEN exited 1: Error: You must be authenticated to view this\.$/m,
    )
    expect(result.addedPath).toEqual([])
    expect(result.exportedEnv).toEqual({})
    expect(secretLeaks(result, token)).toEqual([])
  })

  it('checks a Cloudflare token with wrangler whoami --json and a Railway one with railway status', async () => {
    fakes.setState('wrangler', { validToken: token })
    const cloudflare = await setup({ provider: 'cloudflare', tools: 'wrangler@4.20.0', token })
    expect(cloudflare.errors).toEqual([])
    expect(fakes.calls('wrangler')).toEqual([
      // Timing fields the fakes record (startedAt, endedAt) are not part of the contract.
      expect.objectContaining({
        tool: 'wrangler',
        args: ['whoami', '--json'],
        env: { CLOUDFLARE_API_TOKEN: token },
      }),
    ])
    expect(cloudflare.exportedEnv).toEqual({ CLOUDFLARE_API_TOKEN: token })
    expect(cloudflare.stdout).toContain('accepted the token: ci@example.com')

    const railway = await setup({ provider: 'railway', token })
    expect(railway.errors).toEqual([])
    expect(fakes.calls('railway')).toEqual([
      // Timing fields the fakes record (startedAt, endedAt) are not part of the contract.
      expect.objectContaining({
        tool: 'railway',
        args: ['status', '--json'],
        env: { RAILWAY_TOKEN: token },
      }),
    ])
    expect(railway.exportedEnv).toEqual({ RAILWAY_TOKEN: token })
    expect(railway.stdout).toContain('accepted the token: project shop')
    for (const result of [cloudflare, railway]) expect(secretLeaks(result, token)).toEqual(['env'])
  })

  it('passes a Vercel token to vercel whoami in VERCEL_TOKEN, never in argv', async () => {
    fakes.setState('vercel', { validToken: 'not-this-one' })
    const result = await setup({ provider: 'vercel', tools: 'vercel@60.1.3', token })
    expect(result.exitCode).toBe(1)
    expect(fakes.calls('vercel')).toEqual([
      // Timing fields the fakes record (startedAt, endedAt) are not part of the contract.
      expect.objectContaining({ tool: 'vercel', args: ['whoami'], env: { VERCEL_TOKEN: token } }),
    ])
    expect(result.errors[0]).toBe(
      'the token did not pass its check: `vercel whoami` with the token in VERCEL_TOKEN exited 1: Error: The specified token is not valid. Use `vercel login` to generate a new token.',
    )
    expect(secretLeaks(result, token)).toEqual([])
  })
})

describe('setup bundle: npm CLIs', () => {
  it('resolves a range with npm view, installs with npm into the tool cache and puts .bin on PATH', async () => {
    const result = await setup({ tools: 'wrangler@4' })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    const dir = join(result.workDir, 'tool-cache', 'wrangler', '4.20.1', process.arch)
    expect(json(result.outputs.versions)).toEqual({ wrangler: '4.20.1' })
    expect(json(result.outputs.paths)).toEqual({ wrangler: join(dir, 'node_modules', '.bin') })
    expect(result.addedPath).toEqual([join(dir, 'node_modules', '.bin')])
    expect(registry.tarballs().map((r) => r.path)).toEqual(['/wrangler/-/wrangler-4.20.1.tgz'])
    const env = { ...process.env, FAKE_CLI_STATE: fakes.stateDir }
    const wrangler = join(dir, 'node_modules', '.bin', 'wrangler')
    expect(execFileSync(wrangler, ['--version'], { env, encoding: 'utf8' })).toBe('4.20.1\n')
    expect(result.stdout).toContain('wrangler@4 is 4.20.1')
    expect(result.summary).toContain('| wrangler | `4.20.1` | npm |')
    // No temporary install prefix is left behind.
    expect(readdirSync(join(result.workDir, 'temp', 'flightdeck-setup'))).toEqual([])
  })

  it('installs several CLIs in one step, and takes them all from the cache next time', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'flightdeck-setup-cache-'))
    const tools = 'flyctl@0.3.200\nwrangler@4.20.0, railway@4.10.0'
    const first = await setup({ tools }, { RUNNER_TOOL_CACHE: cache })
    expect(first.errors).toEqual([])
    expect(json(first.outputs.versions)).toEqual({
      flyctl: '0.3.200',
      wrangler: '4.20.0',
      railway: '4.10.0',
    })
    expect(first.addedPath).toHaveLength(3)
    expect(first.stdout).toContain('::group::railway@4.10.0')
    expect(
      registry
        .tarballs()
        .map((r) => r.path)
        .sort(),
    ).toEqual(['/@railway/cli/-/cli-4.10.0.tgz', '/wrangler/-/wrangler-4.20.0.tgz'])
    const before = { releases: releases.requests.length, registry: registry.requests.length }
    const second = await setup({ tools }, { RUNNER_TOOL_CACHE: cache })
    expect(second.outputs['cache-hit']).toBe('true')
    expect(second.addedPath).toEqual(first.addedPath)
    // Exact versions are looked up in the cache before any network call.
    expect(releases.requests.length).toBe(before.releases)
    expect(registry.requests.length).toBe(before.registry)
  })

  it('installs several CLIs at the same time', async () => {
    // flyctl's archive takes 1.5 s to arrive; npm must not wait for it.
    releases.delay = (path) => (path.endsWith('.tar.gz') ? 1500 : 0)
    const result = await setup({ tools: 'flyctl@0.3.200, wrangler@4.20.0' })
    expect(result.errors).toEqual([])
    const archive = releases.requests.find((request) => request.path.endsWith('.tar.gz'))
    const npmStarted = Math.min(...registry.requests.map((request) => request.at))
    expect(npmStarted).toBeLessThan((archive?.at ?? 0) + 1500)
    // Each tool's log still reads as one group.
    expect(result.stdout).toMatch(/::group::flyctl@0\.3\.200\n(?:(?!::group::).*\n)*?::endgroup::/)
  })

  it('fails clearly when npm has no matching version or no such package', async () => {
    const noMatch = await setup({ tools: 'wrangler@7' })
    expect(noMatch.exitCode).toBe(1)
    expect(noMatch.errors).toEqual([
      'npm has no version of wrangler matching 7 (`npm view wrangler@7 version --json`)',
    ])
    const missing = await setup({ tools: 'vercel@60' }, { npm_config_registry: `${releases.url}/` })
    expect(missing.exitCode).toBe(1)
    expect(missing.errors).toEqual([
      `\`npm view vercel@60 version --json\` failed with exit code 1: E404: Not Found - GET ${releases.url}/vercel`,
    ])
    expect(missing.addedPath).toEqual([])
  })
})

describe('setup bundle: inputs', () => {
  it('refuses bad inputs before any request, in one error line naming each input', async () => {
    const result = await setup({
      tools: 'flyctll, wrangler@^4 || file:../x',
      provider: 'heroku',
      cache: 'maybe',
      'download-base-url': 'ftp://mirror.example.com',
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    const error = result.errors[0] ?? ''
    expect(error).toContain(
      'invalid `tools`: "flyctll" is not a CLI setup installs; use one of flyctl, wrangler, vercel, railway (example: flyctl@0.3.200)',
    )
    expect(error).toContain('invalid `provider`: "heroku" is not one of fly, cloudflare')
    expect(error).toContain('invalid `cache`: "maybe" is not a boolean')
    expect(error).toContain('invalid `download-base-url`: "ftp://mirror.example.com"')
    expect(releases.requests).toEqual([])
    expect(registry.requests).toEqual([])
  })

  it.each([
    [
      { tools: 'flyctl@0.3' },
      'invalid `tools`: "flyctl@0.3": flyctl takes latest or an exact version (example: flyctl@0.3.200)',
    ],
    [
      { tools: 'wrangler@file:../x' },
      'invalid `tools`: "wrangler@file:../x": "file:../x" is not a version, range or dist-tag (example: wrangler@4 or wrangler@4.20.0)',
    ],
    [
      { tools: 'flyctl, flyctl@0.3.200' },
      'invalid `tools`: flyctl is listed twice; name each CLI once (example: flyctl@0.3.200)',
    ],
    [
      { provider: 'render' },
      '`tools` is required with provider `render`, which has no CLI (example: flyctl@0.3.200)',
    ],
    [
      { provider: 'render', tools: 'flyctl', token: 'abc' },
      'invalid `token`: provider `render` has no CLI to check it with; leave `token` empty or set `provider` (example: fly)',
    ],
    [
      { tools: 'wrangler@4', token: 'abc' },
      'invalid `token`: it is checked with flyctl, the CLI of provider `fly`; add it to `tools` (example: flyctl)',
    ],
  ])('refuses %j', async (inputs, message) => {
    const result = await setup(inputs)
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([message])
    expect(releases.requests).toEqual([])
    expect(registry.requests).toEqual([])
    expect(existsSync(join(result.workDir, 'tool-cache', 'flyctl'))).toBe(false)
  })
})
