import { existsSync, readFileSync } from 'node:fs'
import { InputError } from '../../shared/errors.js'
import { createCloudflareProvider } from '../../shared/providers/cloudflare.js'
import {
  deploymentHistory,
  parseWorkerVersions,
  readDeployStdout,
  readCommandFailed,
  readOutputFile,
  secretsChangedSince,
  servingVersion,
  wranglerFailureReason,
} from '../../shared/providers/cloudflare-output.js'
import { planRollback } from '../../shared/providers/select.js'
import {
  UnsupportedOperationError,
  type ProviderConfig,
  type Release,
} from '../../shared/providers/types.js'
import { useFakeClis } from '../fakes/provider-test.js'

const TOKEN = 'cf-fake-api-token-0123456789abcdef'
const ACCOUNT = '0123456789abcdef0123456789abcdef'
const APP = 'flightdeck-demo'
const fixturePath = new URL('../fixtures/providers/cloudflare/', import.meta.url).pathname
const fixture = (name: string) => readFileSync(`${fixturePath}${name}`, 'utf8')

interface WranglerState {
  workers: Record<
    string,
    {
      versions: Array<{ id: string; number?: number }>
      deployments: Array<{
        versions: Array<{ version_id: string; percentage: number }>
        annotations?: Record<string, string>
      }>
      secrets: Record<string, string>
    }
  >
  nextDeploy?: string
  nextVersionId?: string
  lastOutputFile?: string | null
}

const fake = useFakeClis('wrangler', ['CLOUDFLARE_API_TOKEN', 'CLOUDFLARE_ACCOUNT_ID'])
const { logs, output } = fake

function cloudflare(overrides: Partial<ProviderConfig> = {}) {
  return createCloudflareProvider({
    app: APP,
    token: TOKEN,
    timeoutMs: 10_000,
    settings: { 'account-id': ACCOUNT },
    log: (line) => logs.push(line),
    ...overrides,
  })
}

const argvs = () => fake.argvs()
/** Command lines in a stable order, for calls that run at the same time. */
const unordered = (lines: string[][]) =>
  [...lines].sort((a, b) => a.join(' ').localeCompare(b.join(' ')))

function state() {
  return fake.clis.state<WranglerState>('wrangler')
}

describe('cloudflare provider: releases', () => {
  it('lists Versions newest first and marks the one at 100% in the newest Deployment current', async () => {
    const releases = await cloudflare().releases()
    expect(unordered(argvs())).toEqual([
      ['deployments', 'list', `--name=${APP}`, '--json'],
      ['versions', 'list', `--name=${APP}`, '--json'],
    ])
    expect(releases.map((r) => [r.version, r.id, r.rawStatus, r.current])).toEqual([
      // Made after the oldest listed Deployment and served by none of them: it never went out.
      ['v21', 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70', 'rollback (never deployed)', false],
      ['v20', 'c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f', 'upload', false],
      ['v19', 'b7e4c1a2-93d8-4f6e-a5b0-2c1d3e4f5a6b', 'secret', false],
      ['v18', '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d', 'upload', true],
      ['v17', '6f1e2d3c-4b5a-4968-8776-655443322110', 'upload', false],
    ])
    expect(releases.map((r) => r.status)).toEqual([
      'unknown',
      'succeeded',
      'succeeded',
      'succeeded',
      'succeeded',
    ])
    expect(releases[1]).toEqual({
      id: 'c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f',
      version: 'v20',
      status: 'succeeded',
      rawStatus: 'upload',
      createdAt: '2025-06-03T08:30:00.000000Z',
      current: false,
      description: 'deploy def5678',
    })
  })

  it('reads Versions and Deployments at the same time, reporting the Versions failure first', async () => {
    fake.clis.behave('wrangler', {
      'versions list': { hangMs: 600, exitCode: 1, stderr: '✘ [ERROR] versions broke\n' },
      'deployments list': { hangMs: 600, exitCode: 1, stderr: '✘ [ERROR] deployments broke\n' },
    })
    await expect(cloudflare().releases()).rejects.toThrow(
      '`wrangler versions list --name=flightdeck-demo --json` failed with exit code 1: versions broke',
    )
    const [first, second] = fake.clis
      .calls('wrangler')
      .sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0))
    expect(second?.startedAt).toBeLessThan(first?.endedAt ?? 0)
  })

  it('gives planRollback what it needs: `previous` is the Version before the serving one', async () => {
    const plan = planRollback(await cloudflare().releases(), 'previous', APP)
    expect([plan.from.version, plan.to.version]).toEqual(['v18', 'v17'])
  })

  it('never offers a Version that was uploaded but never deployed as a rollback target', () => {
    const deployments = [
      { created_on: '2025-06-01T00:00:00Z', versions: [{ version_id: 'old', percentage: 100 }] },
      { created_on: '2025-06-02T00:00:00Z', versions: [{ version_id: 'live', percentage: 100 }] },
    ]
    const versions = [
      { id: 'ancient', metadata: { created_on: '2025-05-01T00:00:00Z' } },
      { id: 'old', metadata: { created_on: '2025-06-01T00:00:00Z' } },
      { id: 'uploaded', metadata: { created_on: '2025-06-01T12:00:00Z' } },
      { id: 'live', metadata: { created_on: '2025-06-02T00:00:00Z' } },
    ]
    const releases = parseWorkerVersions(
      versions,
      servingVersion(deployments, 'x'),
      'x',
      deploymentHistory(deployments),
    )
    // `ancient` is older than what the Deployments list knows: it may have served, so it stays.
    expect(releases.map((r) => [r.id, r.status])).toEqual([
      ['live', 'succeeded'],
      ['uploaded', 'unknown'],
      ['old', 'succeeded'],
      ['ancient', 'succeeded'],
    ])
    expect(planRollback(releases, 'previous', APP).to.id).toBe('old')
  })

  describe('a Version that only ever served a share (traffic steps)', () => {
    const at = (day: number, hour = 0) => `2025-06-0${day}T${String(hour).padStart(2, '0')}:00:00Z`
    const versions = [
      { id: 'ancient', metadata: { created_on: at(1) } },
      { id: 'old', metadata: { created_on: at(2) } },
      { id: 'new', metadata: { created_on: at(3) } },
    ]
    const deployment = (time: string, ...split: Array<[string, number]>) => ({
      created_on: time,
      versions: split.map(([version_id, percentage]) => ({ version_id, percentage })),
    })
    const listed = (deployments: unknown[]) =>
      parseWorkerVersions(
        versions,
        servingVersion(deployments, 'x'),
        'x',
        deploymentHistory(deployments),
      )
    const summary = (releases: Release[]) =>
      releases.map((r) => [r.id, r.status, r.current, r.rawStatus])

    it('is no rollback target once its traffic went back (10% at 0 then 10, then aborted)', () => {
      const releases = listed([
        deployment(at(2, 1), ['old', 100]),
        deployment(at(3, 1), ['new', 0], ['old', 100]),
        deployment(at(3, 2), ['new', 10], ['old', 90]),
        deployment(at(3, 3), ['old', 100]),
      ])
      expect(summary(releases)).toEqual([
        ['new', 'unknown', false, 'uploaded (never served all traffic)'],
        ['old', 'succeeded', true, 'uploaded'],
        // Older than the oldest listed Deployment: it may have served alone before.
        ['ancient', 'succeeded', false, 'uploaded'],
      ])
      expect(planRollback(releases, 'previous', APP).to.id).toBe('ancient')
    })

    it('at 10/90 the old Version is current and the new one no target', () => {
      const releases = listed([
        deployment(at(2, 1), ['old', 100]),
        deployment(at(3, 2), ['new', 10], ['old', 90]),
      ])
      expect(summary(releases)).toEqual([
        ['new', 'unknown', false, 'uploaded (never served all traffic)'],
        ['old', 'succeeded', true, 'uploaded'],
        ['ancient', 'succeeded', false, 'uploaded'],
      ])
      expect(releases[1]?.description).toBe('serves 90% of traffic')
      expect(planRollback(releases, 'previous', APP).to.id).toBe('ancient')
    })

    it('at 90/10 the new Version is current (the larger share) and `previous` is the old one', () => {
      const releases = listed([
        deployment(at(2, 1), ['old', 100]),
        deployment(at(3, 2), ['new', 90], ['old', 10]),
      ])
      expect(summary(releases)).toEqual([
        ['new', 'unknown', true, 'uploaded (never served all traffic)'],
        ['old', 'succeeded', false, 'uploaded'],
        ['ancient', 'succeeded', false, 'uploaded'],
      ])
      expect(releases[0]?.description).toBe('serves 90% of traffic')
      expect(planRollback(releases, 'previous', APP).to.id).toBe('old')
    })

    it('is a target like any once it served all traffic, and an older Version seen only at a share stays one', () => {
      const releases = listed([
        deployment(at(2, 1), ['ancient', 50], ['old', 50]),
        deployment(at(3, 2), ['new', 10], ['old', 90]),
        // wrangler's tolerance: 99.9995 is all traffic.
        deployment(at(3, 3), ['new', 99.9995], ['old', 0.0005]),
      ])
      expect(summary(releases)).toEqual([
        ['new', 'succeeded', true, 'uploaded'],
        // `old` was made before the oldest listed Deployment (at(2) < at(2, 1)).
        ['old', 'succeeded', false, 'uploaded'],
        ['ancient', 'succeeded', false, 'uploaded'],
      ])
    })
  })

  it('during a gradual rollout, calls the Version with the larger share current and says its share', () => {
    const deployments = JSON.parse(fixture('deployments-list.json')) as unknown[]
    const canary = deployments.slice(0, 4)
    const serving = servingVersion(canary, 'wrangler deployments list')
    expect(serving).toEqual({ versionId: 'b7e4c1a2-93d8-4f6e-a5b0-2c1d3e4f5a6b', percentage: 90 })
    const releases = parseWorkerVersions(
      JSON.parse(fixture('versions-list.json')),
      serving,
      'wrangler versions list',
    )
    expect(releases.filter((r) => r.current)).toEqual([
      expect.objectContaining({ version: 'v19', description: 'serves 90% of traffic' }),
    ])
  })

  it('returns an empty list for a Worker with no Versions, and marks nothing current without Deployments', async () => {
    fake.clis.setState('wrangler', {
      workers: { [APP]: { versions: [], deployments: [], secrets: {} } },
    })
    await expect(cloudflare().releases()).resolves.toEqual([])
    const releases = parseWorkerVersions(
      JSON.parse(fixture('versions-list.json')),
      servingVersion([], 'x'),
      'x',
    )
    expect(releases.some((r) => r.current)).toBe(false)
  })

  it('keeps the printed order (reversed) when dates are missing', () => {
    const releases = parseWorkerVersions([{ id: 'a' }, { id: 'b' }], undefined, 'x')
    expect(releases.map((r) => [r.id, r.rawStatus, r.version])).toEqual([
      ['b', 'uploaded', undefined],
      ['a', 'uploaded', undefined],
    ])
  })

  it('says which command printed malformed JSON', async () => {
    fake.clis.behave('wrangler', { 'versions list': { malformed: true } })
    await expect(cloudflare().releases()).rejects.toThrow(
      /^`wrangler versions list --name=flightdeck-demo --json` did not print JSON .*it began: "Error: unexpected end/,
    )
    fake.clis.behave('wrangler', { 'deployments list': { malformed: true } })
    await expect(cloudflare().releases()).rejects.toThrow(
      /^`wrangler deployments list --name=flightdeck-demo --json` did not print JSON/,
    )
  })

  it('refuses JSON of the wrong shape', async () => {
    fake.clis.behave('wrangler', { 'versions list': { stdout: '{"items": []}' } })
    await expect(cloudflare().releases()).rejects.toThrow(
      '`wrangler versions list --name=flightdeck-demo --json` printed JSON that is not a list of Worker versions',
    )
    fake.clis.behave('wrangler', { 'versions list': { stdout: '[{"number": 3}]' } })
    await expect(cloudflare().releases()).rejects.toThrow(
      'printed a version without an id (item 0)',
    )
    fake.clis.behave('wrangler', { 'deployments list': { stdout: '{}' } })
    await expect(cloudflare().releases()).rejects.toThrow(
      '`wrangler deployments list --name=flightdeck-demo --json` printed JSON that is not a list of deployments',
    )
  })

  it('names the command, exit code and the Cloudflare API message for a missing Worker', async () => {
    await expect(cloudflare({ app: 'no-such-worker' }).releases()).rejects.toThrow(
      '`wrangler versions list --name=no-such-worker --json` failed with exit code 1: A request to the Cloudflare API (/accounts/0123456789abcdef/workers/scripts/no-such-worker/versions) failed. workers.api.error.script_not_found [code: 10007]',
    )
  })

  it('gives up on a hanging wrangler after timeoutMs', async () => {
    fake.clis.behave('wrangler', { 'versions list': { hangMs: 2_000 } })
    await expect(cloudflare({ timeoutMs: 500 }).releases()).rejects.toThrow(
      /^`wrangler versions list --name=flightdeck-demo --json` was stopped after \d+ms: it did not finish within its time limit of 500ms; its last output: none$/,
    )
  })

  it('leaves --name out when no app is set, so wrangler reads it from its config', async () => {
    fake.clis.behave('wrangler', { '*': { stdout: '[]' } })
    await expect(cloudflare({ app: '' }).releases()).resolves.toEqual([])
    expect(unordered(argvs())).toEqual([
      ['deployments', 'list', '--json'],
      ['versions', 'list', '--json'],
    ])
  })
})

describe('cloudflare provider: credentials', () => {
  it('passes the token and account id only through the environment, masked', async () => {
    const provider = cloudflare()
    await provider.deploy({})
    await provider.releases()
    for (const call of fake.clis.calls('wrangler')) {
      expect(call.env).toEqual({ CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_ACCOUNT_ID: ACCOUNT })
      expect(call.args.join(' ')).not.toContain(TOKEN)
    }
    const lines = output.join('').split('\n')
    expect(lines.filter((line) => line.includes(TOKEN))).toEqual([`::add-mask::${TOKEN}`])
    expect(logs.join('\n')).not.toContain(TOKEN)
  })

  it('falls back to CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID from the environment', async () => {
    process.env.CLOUDFLARE_API_TOKEN = 'token-from-env'
    process.env.CLOUDFLARE_ACCOUNT_ID = 'account-from-env'
    await cloudflare({ token: undefined, settings: {} }).releases()
    expect(fake.clis.calls('wrangler')[0]?.env).toEqual({
      CLOUDFLARE_API_TOKEN: 'token-from-env',
      CLOUDFLARE_ACCOUNT_ID: 'account-from-env',
    })
    expect(output.join('')).toContain('::add-mask::token-from-env')
  })

  it('points wrangler at the api-url through CLOUDFLARE_API_BASE_URL', async () => {
    await cloudflare({ apiUrl: 'http://127.0.0.1:9/client/v4' }).releases()
    expect(fake.clis.calls('wrangler')[0]?.env).toEqual({
      CLOUDFLARE_API_TOKEN: TOKEN,
      CLOUDFLARE_ACCOUNT_ID: ACCOUNT,
      CLOUDFLARE_API_BASE_URL: 'http://127.0.0.1:9/client/v4',
    })
    expect(argvs()[0]?.join(' ')).not.toContain('127.0.0.1')
  })

  it("reports wrangler's own words when there is no token", async () => {
    await expect(cloudflare({ token: undefined }).releases()).rejects.toThrow(
      /failed with exit code 1: .*it's necessary to set a CLOUDFLARE_API_TOKEN environment variable/,
    )
  })

  it('declares its CLI and credential variable', () => {
    const provider = cloudflare()
    expect([provider.name, provider.cli, provider.tokenEnv]).toEqual([
      'cloudflare',
      'wrangler',
      ['CLOUDFLARE_API_TOKEN'],
    ])
  })
})

describe('cloudflare provider: deploy', () => {
  it('deploys with env, config, name and extra args, reading the version and URL from the output file', async () => {
    fake.clis.setState('wrangler', { nextVersionId: '11111111-2222-4333-8444-555555555555' })
    const result = await cloudflare().deploy({
      environment: 'staging',
      config: 'wrangler.staging.toml',
      extraArgs: ['--minify', '--tag', 'abc123'],
    })
    expect(argvs()).toEqual([
      [
        'deploy',
        '--env=staging',
        '--config=wrangler.staging.toml',
        `--name=${APP}`,
        '--minify',
        '--tag',
        'abc123',
      ],
    ])
    expect(result).toEqual({
      releaseId: '11111111-2222-4333-8444-555555555555',
      url: 'https://flightdeck-demo.example-team.workers.dev',
    })
    const releases = await cloudflare().releases()
    expect(releases[0]).toMatchObject({
      id: '11111111-2222-4333-8444-555555555555',
      version: 'v22',
      current: true,
    })
  })

  it('points WRANGLER_OUTPUT_FILE_PATH at a temporary file under RUNNER_TEMP and removes it', async () => {
    process.env.RUNNER_TEMP = fake.clis.stateDir
    try {
      await cloudflare().deploy({})
      const path = state().lastOutputFile
      expect(path?.startsWith(`${fake.clis.stateDir}/flightdeck-wrangler-`)).toBe(true)
      expect(existsSync(path as string)).toBe(false)
      fake.clis.setState('wrangler', { ...state(), nextDeploy: 'fail' })
      await expect(cloudflare().deploy({})).rejects.toThrow(/failed with exit code 1/)
      expect(existsSync(state().lastOutputFile as string)).toBe(false)
    } finally {
      delete process.env.RUNNER_TEMP
    }
  })

  it('falls back to stdout when wrangler writes no output file', async () => {
    fake.clis.behave('wrangler', { deploy: { stdout: fixture('deploy.txt') } })
    const result = await cloudflare().deploy({})
    expect(result).toEqual({
      releaseId: 'c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f',
      url: 'https://flightdeck-demo.example-team.workers.dev',
    })
    expect(logs).toContain(
      'wrangler wrote no deploy record to its output file; reading its log instead',
    )
  })

  it('says so when neither the file nor stdout names a Version', async () => {
    fake.clis.behave('wrangler', {
      deploy: { stdout: 'No deploy targets for flightdeck-demo (0.3 sec)\n' },
    })
    await expect(cloudflare().deploy({})).resolves.toEqual({})
    expect(logs).toContain('wrangler deploy finished but did not say which Version it made')
  })

  it('notes that an image means nothing to Workers', async () => {
    await cloudflare().deploy({ image: 'registry.example.com/app:1' })
    expect(argvs()[0]).toEqual(['deploy', `--name=${APP}`])
    expect(logs).toContain(
      'Cloudflare Workers deploy from source; ignoring image "registry.example.com/app:1"',
    )
  })

  it("fails with the command, exit code and wrangler's own message from its output file", async () => {
    fake.clis.setState('wrangler', { nextDeploy: 'fail' })
    await expect(cloudflare().deploy({})).rejects.toThrow(
      '`wrangler deploy --name=flightdeck-demo` failed with exit code 1: Build failed with 1 error: src/index.ts:3:8: ERROR: Could not resolve "./missing"',
    )
  })

  it('gives up on a deploy that hangs past timeoutMs', async () => {
    fake.clis.behave('wrangler', { deploy: { hangMs: 2_000 } })
    await expect(cloudflare({ timeoutMs: 500 }).deploy({})).rejects.toThrow(
      /^`wrangler deploy --name=flightdeck-demo` was stopped after \d+ms: it did not finish within its time limit of 500ms/,
    )
  })

  it('passes an environment and config path that start with a dash as values', async () => {
    await cloudflare().deploy({ environment: '-e', config: '--dry-run' })
    expect(argvs()[0]).toEqual(['deploy', '--env=-e', '--config=--dry-run', `--name=${APP}`])
  })

  it('refuses a Worker name that could read as a flag, running nothing', async () => {
    await expect(cloudflare({ app: '--help' }).deploy({})).rejects.toBeInstanceOf(InputError)
    expect(argvs()).toEqual([])
  })
})

describe('cloudflare provider: output parsing', () => {
  it("reads the command-failed record of wrangler's output file", () => {
    const lines = [
      '{"type":"wrangler-session","version":1}',
      '{"type":"command-failed","version":1,"code":10007,"message":"A request to the Cloudflare API (/x) failed."}',
    ]
    expect(readCommandFailed(lines.join('\n'))).toEqual({
      code: 10007,
      message: 'A request to the Cloudflare API (/x) failed.',
    })
    expect(
      readCommandFailed('{"type":"command-failed","version":1,"message":"fetch failed"}'),
    ).toEqual({
      message: 'fetch failed',
    })
    expect(readCommandFailed(lines[0] as string)).toBeUndefined()
  })

  it("joins wrangler's headline and the API's notes into one plain line, without colours or code frames", () => {
    // As the real wrangler 4.86 prints it in CI (see __tests__/real-cli/wrangler.test.ts).
    const stderr = [
      '\u001b[31m✘ \u001b[41;31m[\u001b[41;97mERROR\u001b[41;31m]\u001b[0m \u001b[1mA request to the Cloudflare API (/accounts/a/workers/scripts/w/versions) failed.\u001b[0m',
      '',
      '  workers.api.error.script_not_found [code: 10007]',
      '  ',
      '  If you think this is a bug, please open an issue at: https://github.com/cloudflare/workers-sdk/issues/new/choose',
      '',
      '',
      '🪵  Logs were written to "/tmp/wrangler.log"',
    ].join('\n')
    const reason =
      'A request to the Cloudflare API (/accounts/a/workers/scripts/w/versions) failed. workers.api.error.script_not_found [code: 10007]'
    expect(wranglerFailureReason({ stdout: '', stderr })).toBe(reason)
    expect(
      wranglerFailureReason(
        { stdout: '', stderr },
        {
          message:
            'A request to the Cloudflare API (/accounts/a/workers/scripts/w/versions) failed.',
        },
      ),
    ).toBe(reason)
    const build = [
      '✘ [ERROR] Build failed with 1 error:',
      '',
      '  ✘ [ERROR] Could not resolve "./missing"',
      '  ',
      '      src/index.js:1:14:',
      '        1 │ import x from "./missing";',
      '',
    ].join('\n')
    expect(
      wranglerFailureReason(
        { stdout: '', stderr: build },
        {
          message:
            'Build failed with 1 error:\nsrc/index.js:1:14: ERROR: Could not resolve "./missing"',
        },
      ),
    ).toBe('Build failed with 1 error: src/index.js:1:14: ERROR: Could not resolve "./missing"')
    expect(wranglerFailureReason({ stdout: '', stderr: build })).toBe(
      'Build failed with 1 error: Could not resolve "./missing"',
    )
    expect(wranglerFailureReason({ stdout: 'Error: odd\n', stderr: '' })).toBe('Error: odd')
  })

  it('reads the deploy entry of the fixture output file', () => {
    expect(readOutputFile(fixture('output-file.ndjson'))).toEqual({
      versionId: 'c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f',
      url: 'https://flightdeck-demo.example-team.workers.dev',
    })
  })

  it('has no URL when the Worker has only routes and custom domains', () => {
    const line = JSON.stringify({
      type: 'deploy',
      version_id: 'v-1',
      targets: ['shop.example.com', 'example.com/* (zone name: example.com)'],
    })
    expect(readOutputFile(`not json\n${line}\n`)).toEqual({ versionId: 'v-1', url: undefined })
    expect(readOutputFile('{"type":"command-failed","message":"x"}\n')).toBeUndefined()
  })

  it('reads the secrets wrangler says changed since the version it rolled back to', () => {
    expect(secretsChangedSince(fixture('rollback-secrets-changed.txt'))).toEqual([
      'API_KEY',
      'DB_URL',
    ])
    expect(secretsChangedSince(fixture('rollback.txt'))).toEqual([])
  })

  it('reads the version id and workers.dev URL from stdout', () => {
    expect(readDeployStdout(fixture('deploy.txt'))).toEqual({
      versionId: 'c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f',
      url: 'https://flightdeck-demo.example-team.workers.dev',
    })
    expect(readDeployStdout(fixture('rollback.txt')).versionId).toBe(
      '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
    )
  })
})

describe('cloudflare provider: rollback', () => {
  it('rolls back to the target Version with the configured reason, and notes bound resources', async () => {
    const provider = cloudflare({ settings: { 'account-id': ACCOUNT, reason: 'bad deploy #42' } })
    const releases = await provider.releases()
    const target = releases.find((r) => r.version === 'v17') as Release
    const result = await provider.rollback(target)
    expect(argvs()[2]).toEqual([
      'rollback',
      `--version-id=${target.id}`,
      `--name=${APP}`,
      '--message=bad deploy #42',
      '--yes',
    ])
    expect(result).toEqual({ releaseId: target.id })
    expect(logs).toContain(
      'Note: a Worker rollback restores code and config only; KV, D1, R2 and Durable Object data stay as they are',
    )
    const after = await provider.releases()
    expect(after.find((r) => r.current)?.version).toBe('v17')
    expect(state().workers[APP]?.deployments.at(-1)?.annotations).toEqual({
      'workers/triggered_by': 'rollback',
      'workers/message': 'bad deploy #42',
    })
  })

  it('passes a reason that starts with a dash as the message, not as flags', async () => {
    const target = (await cloudflare().releases())[4] as Release
    await cloudflare({ settings: { reason: '-5xx spike --yes' } }).rollback(target)
    expect(argvs()[2]).toEqual([
      'rollback',
      `--version-id=${target.id}`,
      `--name=${APP}`,
      '--message=-5xx spike --yes',
      '--yes',
    ])
    expect(state().workers[APP]?.deployments.at(-1)?.annotations?.['workers/message']).toBe(
      '-5xx spike --yes',
    )
  })

  it('uses a default message, cut to the 120 characters wrangler takes', async () => {
    const target = (await cloudflare().releases())[4] as Release
    await cloudflare().rollback(target)
    expect(argvs()[2]?.[3]).toBe('--message=flightdeck rollback')
    await cloudflare({ settings: { reason: 'x'.repeat(200) } }).rollback(target)
    expect(argvs()[3]?.[3]).toBe(`--message=${'x'.repeat(120)}`)
  })

  it("fails with wrangler's message when the Version is unknown", async () => {
    const target: Release = { id: 'gone', status: 'succeeded', rawStatus: 'upload', current: false }
    await expect(cloudflare().rollback(target)).rejects.toThrow(
      '`wrangler rollback --version-id=gone --name=flightdeck-demo --message=flightdeck rollback --yes` failed with exit code 1: A request to the Cloudflare API (/accounts/0123456789abcdef/workers/scripts/flightdeck-demo/versions/gone) failed. workers.api.error.version_not_found [code: 10217]',
    )
  })

  it('refuses a target id that could read as a flag, running nothing', async () => {
    const target: Release = { id: '--help', status: 'succeeded', rawStatus: '', current: false }
    await expect(cloudflare().rollback(target)).rejects.toBeInstanceOf(InputError)
    expect(argvs()).toEqual([])
  })

  it('gives up on a rollback that hangs past timeoutMs', async () => {
    fake.clis.behave('wrangler', { rollback: { hangMs: 2_000 } })
    const target: Release = { id: 'v', status: 'succeeded', rawStatus: '', current: false }
    await expect(cloudflare({ timeoutMs: 500 }).rollback(target)).rejects.toThrow(
      /^`wrangler rollback --version-id=v --name=flightdeck-demo --message=flightdeck rollback --yes` was stopped after \d+ms: it did not finish within its time limit of 500ms/,
    )
  })
})

describe('cloudflare provider: apps, secrets, url', () => {
  it('ensureApp does nothing: the first deploy creates the Worker', async () => {
    await expect(cloudflare({ app: 'pr-7' }).ensureApp({})).resolves.toEqual({ created: false })
    expect(argvs()).toEqual([])
  })

  it('destroyApp deletes the named Worker without a prompt', async () => {
    await cloudflare().destroyApp()
    expect(argvs()).toEqual([['delete', `--name=${APP}`, '--force']])
    expect(state().workers[APP]).toBeUndefined()
  })

  it('destroyApp is calm about a Worker that is already gone', async () => {
    await cloudflare({ app: 'flightdeck-pr-9' }).destroyApp()
    expect(logs).toContain('Worker flightdeck-pr-9 does not exist; nothing to delete')
  })

  it('destroyApp fails on other errors, and refuses to run without a Worker name', async () => {
    fake.clis.behave('wrangler', {
      delete: { exitCode: 1, stderr: '✘ [ERROR] Authentication error [code: 10000]\n' },
    })
    await expect(cloudflare().destroyApp()).rejects.toThrow(
      '`wrangler delete --name=flightdeck-demo --force` failed with exit code 1: Authentication error [code: 10000]',
    )
    await expect(cloudflare({ app: '' }).destroyApp()).rejects.toThrow(
      'provider `cloudflare` deletes a Worker only when `app` names it',
    )
  })

  it('setSecrets sends one JSON object on stdin only, and masks the values', async () => {
    const secrets = { DATABASE_URL: 'postgres://u:s3cr3t@db/app', PEM: 'line1\nline2\n' }
    await cloudflare().setSecrets(secrets)
    const calls = fake.clis.calls('wrangler')
    expect(calls.map((c) => c.args)).toEqual([['secret', 'bulk', `--name=${APP}`]])
    expect(calls[0]?.stdin).toBe(`${JSON.stringify(secrets)}\n`)
    expect(calls[0]?.args.join(' ')).not.toContain('s3cr3t')
    expect(state().workers[APP]?.secrets).toEqual(secrets)
    const shown = output.join('')
    expect(shown).toContain('::add-mask::postgres://u:s3cr3t@db/app')
    expect(shown.replace(/::add-mask::.*\n/g, '')).not.toContain('s3cr3t')
  })

  it('setSecrets fails when wrangler says it read nothing, though it exits 0', async () => {
    fake.clis.behave('wrangler', {
      'secret bulk': { stderr: '✘ [ERROR] 🚨 No content found in file, or piped input.\n' },
    })
    await expect(cloudflare().setSecrets({ A: '1' })).rejects.toThrow(
      '`wrangler secret bulk --name=flightdeck-demo` did not accept the secrets it was sent on stdin: No content found in file, or piped input',
    )
  })

  it('setSecrets does nothing for no secrets and refuses empty names', async () => {
    await cloudflare().setSecrets({})
    expect(logs).toContain('No secrets to set')
    await expect(cloudflare().setSecrets({ ' ': 'x' })).rejects.toBeInstanceOf(InputError)
    expect(argvs()).toEqual([])
  })

  it('setSecrets gives up when wrangler hangs', async () => {
    fake.clis.behave('wrangler', { 'secret bulk': { hangMs: 2_000 } })
    await expect(cloudflare({ timeoutMs: 500 }).setSecrets({ A: '1' })).rejects.toThrow(
      /^`wrangler secret bulk --name=flightdeck-demo` was stopped after \d+ms: it did not finish within its time limit of 500ms/,
    )
  })

  it('url is the workers.dev URL of the last deploy, else unsupported with advice', async () => {
    const provider = cloudflare()
    const error = await provider.url().catch((err: Error) => err)
    expect(error).toBeInstanceOf(UnsupportedOperationError)
    expect((error as Error).message).toBe(
      "provider `cloudflare` cannot tell a Worker's URL before deploying it in the same step; set the `url` input to the Worker's workers.dev or custom-domain URL",
    )
    await provider.deploy({})
    await expect(provider.url()).resolves.toBe('https://flightdeck-demo.example-team.workers.dev')
  })
})
