// setup's parts in-process: input parsing, asset names, checksums, npm output, and the failure
// paths that need short time limits (a hanging npm, API or token check).
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { FakeClis } from '../fakes/fake-cli.js'
import { FlyctlReleaseServer, toolScript } from './servers.js'

// @actions/tool-cache reads these when called; set them before anything imports it.
const work = mkdtempSync(join(tmpdir(), 'flightdeck-setup-unit-'))
process.env.RUNNER_TOOL_CACHE = join(work, 'tool-cache')
process.env.RUNNER_TEMP = join(work, 'temp')

const { parseToolEntry, parseToolList, readSetupInputs } =
  await import('../../actions/setup/src/inputs.js')
const { compareVersions } = await import('../../actions/setup/src/tools.js')
const { flyctlAsset, FlyctlInstaller } =
  await import('../../actions/setup/src/installers/flyctl.js')
const { checksumFor } = await import('../../actions/setup/src/installers/checksums.js')
const { parseNpmViewVersion, npmViewFailure, NpmCliInstaller } =
  await import('../../actions/setup/src/installers/npm-cli.js')
const { installTool } = await import('../../actions/setup/src/installers/index.js')
const { DEFAULT_TIMEOUTS } = await import('../../actions/setup/src/installers/types.js')
const { checkToken } = await import('../../actions/setup/src/token-check.js')
const { setupOutputs, summaryMarkdown } = await import('../../actions/setup/src/report.js')

const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? ''

function context(overrides: Partial<Parameters<typeof installTool>[1]> = {}) {
  return {
    downloadBaseUrl: 'http://127.0.0.1:9/download',
    releasesApi: { url: 'http://127.0.0.1:9' },
    timeouts: DEFAULT_TIMEOUTS,
    log: () => undefined,
    ...overrides,
  }
}

describe('tools input', () => {
  it.each([
    ['flyctl', { tool: 'flyctl', spec: 'latest' }],
    ['flyctl@v0.3.200', { tool: 'flyctl', spec: '0.3.200' }],
    ['FlyCtl@0.3.200-pre.1', { tool: 'flyctl', spec: '0.3.200-pre.1' }],
    ['wrangler@4', { tool: 'wrangler', spec: '4' }],
    ['wrangler@^4.20 || 5.x', { tool: 'wrangler', spec: '^4.20 || 5.x' }],
    ['vercel@latest', { tool: 'vercel', spec: 'latest' }],
    ['vercel@canary', { tool: 'vercel', spec: 'canary' }],
    ['railway@4.10.0', { tool: 'railway', spec: '4.10.0' }],
  ])('reads %s', (entry, request) => {
    expect(parseToolEntry(entry)).toEqual(request)
  })

  it.each([
    ['fly', /"fly" is not a CLI setup installs/],
    [
      '@railway/cli@4',
      /^"@railway\/cli" is not a CLI setup installs; use one of flyctl, wrangler, vercel, railway/,
    ],
    ['flyctl@', /"flyctl@" has no version after @ \(example: flyctl@latest\)/],
    ['flyctl@0.3.x', /flyctl takes latest or an exact version/],
    ['wrangler@git+https://x', /is not a version, range or dist-tag/],
    ['wrangler@$(id)', /is not a version, range or dist-tag/],
  ])('refuses %s', (entry, message) => {
    expect(() => parseToolEntry(entry)).toThrow(message)
  })

  it('splits on newlines and commas and refuses a tool named twice', () => {
    expect(parseToolList('flyctl@0.3.200,\n wrangler@4\n\n')).toHaveLength(2)
    expect(() => parseToolList('wrangler@3, wrangler@4')).toThrow('wrangler is listed twice')
  })
})

describe('readSetupInputs', () => {
  it('installs the provider CLI at latest by default and checks the token with it', () => {
    expect(
      readSetupInputs(
        reader({
          provider: 'cloudflare',
          token: ' tok ',
          'download-base-url': 'https://mirror.example.com/flyctl/',
        }),
      ),
    ).toEqual({
      tools: [{ tool: 'wrangler', spec: 'latest' }],
      provider: 'cloudflare',
      token: 'tok',
      downloadBaseUrl: 'https://mirror.example.com/flyctl',
      cache: true,
      githubToken: undefined,
      tokenTool: 'wrangler',
    })
  })

  it('defaults to flyctl from the GitHub release downloads', () => {
    expect(readSetupInputs(reader({ 'github-token': 'ghs_x' }))).toMatchObject({
      tools: [{ tool: 'flyctl', spec: 'latest' }],
      provider: 'fly',
      downloadBaseUrl: 'https://github.com/superfly/flyctl/releases/download',
      githubToken: 'ghs_x',
      tokenTool: undefined,
    })
  })
})

describe('flyctl release assets', () => {
  it.each([
    ['linux', 'x64', 'flyctl_0.3.200_Linux_x86_64.tar.gz'],
    ['linux', 'arm64', 'flyctl_0.3.200_Linux_arm64.tar.gz'],
    ['darwin', 'arm64', 'flyctl_0.3.200_macOS_arm64.tar.gz'],
    ['darwin', 'x64', 'flyctl_0.3.200_macOS_x86_64.tar.gz'],
    ['win32', 'x64', 'flyctl_0.3.200_Windows_x86_64.zip'],
    ['win32', 'arm64', 'flyctl_0.3.200_Windows_arm64.zip'],
  ] as const)('names the %s/%s archive as the release does', (platform, arch, asset) => {
    expect(flyctlAsset('0.3.200', platform, arch)).toBe(asset)
    // Every name is one the captured checksums.txt lists.
    const checksums = readFileSync(
      new URL('../fixtures/providers/fly/checksums.txt', import.meta.url),
      'utf8',
    )
    expect(checksumFor(checksums, asset)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('says which platforms exist when there is none for this one', () => {
    expect(() => flyctlAsset('0.3.200', 'freebsd', 'x64')).toThrow(
      'flyctl publishes no release for freebsd/x64; it has Linux, macOS and Windows on x64 and arm64',
    )
  })

  it('reads checksums.txt lines, with or without the binary-mode star', () => {
    const hash = 'A'.repeat(64)
    expect(
      checksumFor(`${hash} *flyctl_1_Linux_x86_64.tar.gz\r\n`, 'flyctl_1_Linux_x86_64.tar.gz'),
    ).toBe('a'.repeat(64))
    expect(checksumFor(`${hash}  other.tar.gz\nnot a line\n`, 'flyctl.tar.gz')).toBeUndefined()
  })
})

describe('npm view output', () => {
  it('takes one version, or the highest of several whatever their order', () => {
    expect(parseNpmViewVersion('wrangler', '4', '"4.20.0"\n')).toBe('4.20.0')
    expect(
      parseNpmViewVersion('wrangler', '4', '["4.2.0", "4.10.0", "4.10.0-beta.1", "4.9.9"]'),
    ).toBe('4.10.0')
  })

  it('fails clearly on nothing, malformed output or no version in it', () => {
    expect(() => parseNpmViewVersion('wrangler', '9', '  \n')).toThrow(
      'npm has no version of wrangler matching 9 (`npm view wrangler@9 version --json`)',
    )
    expect(() => parseNpmViewVersion('wrangler', '4', '{"version": ')).toThrow(
      /^`npm view wrangler@4 version --json` did not print JSON/,
    )
    expect(() => parseNpmViewVersion('wrangler', '4', '{"error": {}}')).toThrow(
      '`npm view wrangler@4 version --json` printed no version: "{\\"error\\": {}}"',
    )
  })

  it("reads npm's JSON error, or falls back to the end of stderr", () => {
    const result = (stdout: string, stderr = '') => ({ exitCode: 1, stdout, stderr })
    expect(
      npmViewFailure(
        'vercel',
        '99',
        result('{"error":{"code":"ETARGET","summary":"No matching version"}}'),
      ).message,
    ).toBe('npm has no version of vercel matching 99 (`npm view vercel@99 version --json`)')
    expect(
      npmViewFailure(
        'vercel',
        '60',
        result(
          '',
          'npm error code EAI_AGAIN\nnpm error getaddrinfo EAI_AGAIN registry.npmjs.org\n',
        ),
      ).message,
    ).toBe(
      '`npm view vercel@60 version --json` failed with exit code 1: npm error code EAI_AGAIN / npm error getaddrinfo EAI_AGAIN registry.npmjs.org',
    )
  })

  it('orders versions as semver does', () => {
    const sorted = ['1.10.0', '1.2.0', '1.2.0-rc.10', '1.2.0-rc.2', '0.9.9'].sort(compareVersions)
    expect(sorted).toEqual(['0.9.9', '1.2.0-rc.2', '1.2.0-rc.10', '1.2.0', '1.10.0'])
  })
})

describe('time limits and platform failures', () => {
  it('gives up on an npm that hangs, naming the command', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'flightdeck-setup-npm-bin-'))
    writeFileSync(join(bin, 'npm'), '#!/bin/sh\nsleep 1\n')
    chmodSync(join(bin, 'npm'), 0o755)
    const saved = process.env.PATH
    process.env.PATH = `${bin}${delimiter}${saved ?? ''}`
    try {
      const ctx = context({ timeouts: { ...DEFAULT_TIMEOUTS, npmView: 300 } })
      await expect(
        installTool(
          { tool: 'wrangler', spec: '4' },
          ctx,
          { cache: true },
          new NpmCliInstaller('wrangler', ctx),
        ),
      ).rejects.toThrow('`npm view wrangler@4 version --json` was stopped after')
    } finally {
      process.env.PATH = saved
    }
  })

  it('gives up on a releases API that does not answer', async () => {
    const server = await new FlyctlReleaseServer().start()
    server.hang = (path) => path.startsWith('/repos/')
    try {
      const ctx = context({
        releasesApi: { url: server.url },
        timeouts: { ...DEFAULT_TIMEOUTS, api: 300 },
      })
      await expect(new FlyctlInstaller(ctx).resolve('latest')).rejects.toThrow(
        'could not look up the latest flyctl release: GitHub API GET /repos/superfly/flyctl/releases/latest did not answer within 300ms; pin a version instead (example: flyctl@0.3.200)',
      )
    } finally {
      await server.stop()
    }
  })

  describe('token check', () => {
    const token = 'tok_unit_5f4e3d2c1b0a'
    const fakes = new FakeClis()
    let restore: () => void
    const tool = (name: string) => {
      const file = join(mkdtempSync(join(tmpdir(), 'flightdeck-setup-tool-')), name)
      writeFileSync(file, toolScript(name, '1.0.0'))
      chmodSync(file, 0o755)
      return file
    }
    beforeAll(() => {
      restore = fakes.install()
    })
    afterAll(() => restore())

    it('times out a CLI that hangs', async () => {
      fakes.behave('flyctl', { 'auth whoami': { hangMs: 1200 } })
      const error = await checkToken('flyctl', tool('flyctl'), token, 500).catch(
        (err: Error) => err,
      )
      expect(error).toBeInstanceOf(Error)
      expect((error as Error).message).toMatch(
        /^the token did not pass its check: `flyctl auth whoami --json` with the token in FLY_API_TOKEN failed: `flyctl auth whoami --json` was stopped after \d+ms: it did not finish within its time limit of 500ms/,
      )
    })

    it('refuses malformed output', async () => {
      fakes.behave('flyctl', { 'auth whoami': { malformed: true } })
      await expect(checkToken('flyctl', tool('flyctl'), token, 10_000)).rejects.toThrow(
        /failed: `flyctl auth whoami --json` did not print JSON/,
      )
    })

    it('refuses a wrangler that says it is not logged in, even with exit code 0', async () => {
      fakes.behave('wrangler', { whoami: { stdout: '{"loggedIn":false}\n' } })
      await expect(checkToken('wrangler', tool('wrangler'), token, 10_000)).rejects.toThrow(
        'the token did not pass its check: `wrangler whoami --json` with the token in CLOUDFLARE_API_TOKEN failed: wrangler says the token is not logged in',
      )
    })

    it('keeps a competing credential out of the check', async () => {
      fakes.behave('railway', {})
      process.env.RAILWAY_API_TOKEN = 'account-token'
      try {
        await expect(checkToken('railway', tool('railway'), token, 10_000)).resolves.toEqual({
          identity: 'project shop',
          command: 'railway status --json',
        })
      } finally {
        delete process.env.RAILWAY_API_TOKEN
      }
      expect(fakes.calls('railway').at(-1)?.env).toEqual({ RAILWAY_TOKEN: token })
    })
  })
})

describe('report', () => {
  const installed = [
    {
      tool: 'flyctl' as const,
      version: '0.3.200',
      binDir: '/c/flyctl',
      executable: '/c/flyctl/flyctl',
      source: 'cache' as const,
    },
    {
      tool: 'wrangler' as const,
      version: '4.20.0',
      binDir: '/c/w|x',
      executable: '/c/w/wrangler',
      source: 'npm' as const,
    },
  ]

  it('sets cache-hit only when every tool came from the cache', () => {
    expect(setupOutputs(installed, true)).toEqual({
      versions: '{"flyctl":"0.3.200","wrangler":"4.20.0"}',
      paths: '{"flyctl":"/c/flyctl","wrangler":"/c/w|x"}',
      'cache-hit': false,
    })
    expect(setupOutputs(installed.slice(0, 1), true)['cache-hit']).toBe(true)
    expect(setupOutputs(installed.slice(0, 1), false)['cache-hit']).toBe(false)
  })

  it('tabulates tool, version, source and path', () => {
    expect(summaryMarkdown(installed)).toBe(
      [
        '### 🧰 Setup: 2 CLIs ready (1 from the tool cache)',
        '',
        '| tool | version | source | path |',
        '| --- | --- | --- | --- |',
        '| flyctl | `0.3.200` | cache | `/c/flyctl` |',
        '| wrangler | `4.20.0` | npm | `/c/w\\|x` |',
      ].join('\n'),
    )
  })
})
