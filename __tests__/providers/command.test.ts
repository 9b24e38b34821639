import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  commandStatus,
  createCommandProvider,
  shellInvocation,
} from '../../shared/providers/command.js'
import type { ProviderConfig, Release } from '../../shared/providers/types.js'
import { commandSpec } from '../../shared/providers/specs/command.js'
import type { CliError } from '../../shared/process.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'flightdeck-command-'))
})

function setup(settings: ProviderConfig['settings'], extra: Partial<ProviderConfig> = {}) {
  const lines: string[] = []
  const config: ProviderConfig = {
    app: 'shop-api',
    cwd: dir,
    timeoutMs: 5000,
    settings,
    log: (line) => lines.push(line),
    ...extra,
  }
  return { provider: createCommandProvider(config), lines }
}

/** A releases-command that prints the given JSON text. */
function printing(json: unknown): string {
  const file = join(dir, 'releases.json')
  writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json))
  return `cat '${file}'`
}

const read = (name: string) => readFileSync(join(dir, name), 'utf8')

describe('command provider shell', () => {
  it('runs bash as GitHub runs a run: step on Linux and macOS, pwsh -Command on Windows', () => {
    const bash = ['--noprofile', '--norc', '-eo', 'pipefail', '-c', './deploy.sh']
    expect(shellInvocation('./deploy.sh', 'linux')).toEqual({ tool: 'bash', args: bash })
    expect(shellInvocation('./deploy.sh', 'darwin')).toEqual({ tool: 'bash', args: bash })
    expect(shellInvocation('./deploy.ps1', 'win32')).toEqual({
      tool: 'pwsh',
      args: ['-NoProfile', '-NonInteractive', '-Command', './deploy.ps1'],
    })
  })

  it('reads no ~/.bashrc, even though its stdin is a socket', async () => {
    const home = mkdtempSync(join(tmpdir(), 'flightdeck-home-'))
    writeFileSync(join(home, '.bashrc'), 'echo RC-WAS-READ\n')
    const { runCli } = await import('../../shared/process.js')
    const { tool, args } = shellInvocation('echo ran')
    const result = await runCli(tool, args, {
      env: { HOME: home, SHLVL: undefined },
      timeoutMs: 10_000,
      echo: false,
    })
    expect(result.stdout).toBe('ran\n')
  })
})

describe('command provider statuses', () => {
  it.each([
    ['ok', 'succeeded'],
    ['Success', 'succeeded'],
    ['succeeded', 'succeeded'],
    ['complete', 'succeeded'],
    ['LIVE', 'succeeded'],
    ['ready', 'succeeded'],
    ['failed', 'failed'],
    ['failure', 'failed'],
    ['error', 'failed'],
    ['crashed', 'failed'],
    ['cancelled', 'failed'],
    ['canceled', 'failed'],
    ['running', 'in-progress'],
    ['pending', 'in-progress'],
    ['deploying', 'in-progress'],
    ['building', 'in-progress'],
    ['in_progress', 'in-progress'],
    ['in-progress', 'in-progress'],
    ['superseded', 'unknown'],
    ['', 'unknown'],
  ] as const)('%j is %s', (raw, expected) => {
    expect(commandStatus(raw)).toBe(expected)
  })
})

describe('command provider releases', () => {
  it('parses the JSON array, keeps raw statuses and the marked current release', async () => {
    const { provider } = setup({
      'releases-command': printing([
        { id: 'r3', version: 'v3', status: 'running', image: 'app:3' },
        { id: 'r2', version: 2, status: 'OK', image: 'app:2', current: true, createdAt: 'x' },
        { id: 7, status: 'failed' },
      ]),
    })
    const releases = await provider.releases()
    expect(releases).toEqual([
      {
        id: 'r3',
        version: 'v3',
        status: 'in-progress',
        rawStatus: 'running',
        image: 'app:3',
        current: false,
      },
      {
        id: 'r2',
        version: '2',
        status: 'succeeded',
        rawStatus: 'OK',
        image: 'app:2',
        createdAt: 'x',
        current: true,
      },
      { id: '7', status: 'failed', rawStatus: 'failed', current: false },
    ])
  })

  it('makes the newest succeeded release current when none is marked, sorting by date', async () => {
    const { provider } = setup({
      'releases-command': printing([
        { id: 'a', status: 'success', createdAt: '2025-01-01T00:00:00Z' },
        { id: 'c', status: 'failed', createdAt: '2025-03-01T00:00:00Z' },
        { id: 'b', status: 'success', createdAt: '2025-02-01T00:00:00Z' },
      ]),
    })
    const releases = await provider.releases()
    expect(releases.map((r) => [r.id, r.current])).toEqual([
      ['c', false],
      ['b', true],
      ['a', false],
    ])
  })

  it('keeps one current when several are marked', async () => {
    const { provider } = setup({
      'releases-command': printing([
        { id: 'new', status: 'ok', current: true },
        { id: 'old', status: 'ok', current: true },
      ]),
    })
    expect((await provider.releases()).map((r) => r.current)).toEqual([true, false])
  })

  it('gives the command FLIGHTDECK_APP and accepts JSON after log lines', async () => {
    const { provider } = setup({
      'releases-command':
        'echo "listing $FLIGHTDECK_APP"; printf \'[{"id":"%s-1","status":"live"}]\\n\' "$FLIGHTDECK_APP"',
    })
    expect(await provider.releases()).toEqual([
      { id: 'shop-api-1', status: 'succeeded', rawStatus: 'live', current: true },
    ])
  })

  it('returns an empty list for an empty array', async () => {
    expect(await setup({ 'releases-command': printing([]) }).provider.releases()).toEqual([])
  })

  it('says clearly when the output is not JSON', async () => {
    const { provider } = setup({ 'releases-command': printing('v3 running\nv2 ok\n') })
    await expect(provider.releases()).rejects.toThrow(
      'the `releases-command` did not print a JSON array of releases; it began: "v3 running\\nv2 ok"',
    )
  })

  it('rejects JSON that is not a list, and entries without an id', async () => {
    await expect(
      setup({ 'releases-command': printing({ id: 'x' }) }).provider.releases(),
    ).rejects.toThrow(/printed JSON that is not an array of releases/)
    await expect(
      setup({ 'releases-command': printing([{ status: 'ok' }]) }).provider.releases(),
    ).rejects.toThrow(/printed entry 1 without an `id`/)
  })

  it('names the missing input', async () => {
    await expect(setup({}).provider.releases()).rejects.toThrow(
      'provider `command` needs the `releases-command` input to list releases',
    )
  })

  it('reports a failing command with its exit code and stderr', async () => {
    const { provider } = setup({ 'releases-command': 'echo "no access to the API" >&2; exit 4' })
    await expect(provider.releases()).rejects.toThrow(
      'the `releases-command` failed with exit code 4: no access to the API',
    )
  })

  it('stops a command that hangs past the time limit', async () => {
    const { provider } = setup({ 'releases-command': 'sleep 1.5' }, { timeoutMs: 500 })
    const error = (await provider.releases().catch((err: unknown) => err)) as CliError
    expect(error.message).toBe(
      'the `releases-command` was stopped (with every process it started) after 500ms, its time limit (command-timeout)',
    )
    expect(error.timedOut).toBe(true)
  })
})

describe('command provider rollback', () => {
  const record = () =>
    [
      'FLIGHTDECK_APP',
      'FLIGHTDECK_RELEASE_ID',
      'FLIGHTDECK_RELEASE_IMAGE',
      'FLIGHTDECK_RELEASE_VERSION',
    ]
      .map((name) => `printf '%s' "\${${name}-<unset>}" > '${dir}/${name}'`)
      .join('; ')

  it('passes the target only through environment variables, inert', async () => {
    const hostile = `v1; touch '${dir}/pwned' $(touch '${dir}/pwned2') \`touch '${dir}/pwned3'\` "'`
    const target: Release = {
      id: hostile,
      version: 'v1 && touch pwned4',
      image: 'registry.example/app@sha256:abc; touch pwned5',
      status: 'succeeded',
      rawStatus: 'ok',
      current: false,
    }
    const { provider } = setup({ 'rollback-command': record() })
    expect(await provider.rollback(target)).toEqual({ releaseId: undefined })
    expect(read('FLIGHTDECK_RELEASE_ID')).toBe(hostile)
    expect(read('FLIGHTDECK_RELEASE_VERSION')).toBe('v1 && touch pwned4')
    expect(read('FLIGHTDECK_RELEASE_IMAGE')).toBe('registry.example/app@sha256:abc; touch pwned5')
    expect(read('FLIGHTDECK_APP')).toBe('shop-api')
    for (const file of ['pwned', 'pwned2', 'pwned3', 'pwned4', 'pwned5']) {
      expect(existsSync(join(dir, file))).toBe(false)
    }
  })

  it('leaves unknown fields unset rather than inheriting stale values', async () => {
    process.env.FLIGHTDECK_RELEASE_IMAGE = 'stale:image'
    try {
      const { provider } = setup({ 'rollback-command': record() })
      await provider.rollback({ id: 'r1', status: 'succeeded', rawStatus: 'ok', current: false })
      expect(read('FLIGHTDECK_RELEASE_IMAGE')).toBe('<unset>')
      expect(read('FLIGHTDECK_RELEASE_VERSION')).toBe('<unset>')
    } finally {
      delete process.env.FLIGHTDECK_RELEASE_IMAGE
    }
  })

  it('reads a new release id from a JSON last line', async () => {
    const { provider } = setup({ 'rollback-command': 'echo rolling back; echo \'{"id":"r9"}\'' })
    expect(
      await provider.rollback({ id: 'r1', status: 'succeeded', rawStatus: 'ok', current: false }),
    ).toEqual({ releaseId: 'r9' })
  })

  it('names the missing input', async () => {
    await expect(
      setup({}).provider.rollback({
        id: 'r1',
        status: 'succeeded',
        rawStatus: 'ok',
        current: false,
      }),
    ).rejects.toThrow('provider `command` needs the `rollback-command` input to roll back')
  })

  it('reports a failing rollback command', async () => {
    const { provider } = setup({ 'rollback-command': 'echo "release r1 is gone" >&2; exit 3' })
    await expect(
      provider.rollback({ id: 'r1', status: 'succeeded', rawStatus: 'ok', current: false }),
    ).rejects.toThrow('the `rollback-command` failed with exit code 3: release r1 is gone')
  })
})

describe('command provider deploy and url', () => {
  it('uses a JSON last line with id and url, and passes the image in env', async () => {
    const { provider } = setup({
      'deploy-command': `printf '%s' "$FLIGHTDECK_RELEASE_IMAGE" > '${dir}/image'; echo building; echo '{"id":"r10","version":"v10","url":"https://shop.example"}'`,
    })
    expect(await provider.deploy({ image: 'ghcr.io/o/shop:10' })).toEqual({
      releaseId: 'r10',
      version: 'v10',
      url: 'https://shop.example',
    })
    expect(read('image')).toBe('ghcr.io/o/shop:10')
  })

  it('returns nothing when the last line is not JSON', async () => {
    const { provider } = setup({ 'deploy-command': 'echo deployed' })
    expect(await provider.deploy({})).toEqual({})
  })

  it('names the missing input', async () => {
    await expect(setup({}).provider.deploy({})).rejects.toThrow(
      'provider `command` needs the `deploy-command` input to deploy',
    )
  })

  it('reads the URL from the url-command, or has none without it', async () => {
    expect(await setup({}).provider.url()).toBeUndefined()
    const { provider } = setup({
      'url-command': 'echo "looking up"; echo "https://$FLIGHTDECK_APP.example"',
    })
    expect(await provider.url()).toBe('https://shop-api.example')
    await expect(setup({ 'url-command': 'echo not-a-url' }).provider.url()).rejects.toThrow(
      'the `url-command` printed "not-a-url" as its last line, not an http(s) URL',
    )
  })

  it('leaves previews and secrets to the workflow', () => {
    const { provider } = setup({})
    // Absent, not throwing: preview-app refuses command with its spec's pointer.
    expect([provider.ensureApp, provider.destroyApp, provider.setSecrets]).toEqual([
      undefined,
      undefined,
      undefined,
    ])
    expect(commandSpec.capabilities).not.toHaveProperty('previews')
    expect(commandSpec.previewsInstead).toMatch(/your own preview commands/)
  })
})
