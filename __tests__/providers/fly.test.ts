import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { ActionFailure, InputError } from '../../shared/errors.js'
import {
  createFlyProvider,
  flyReleaseStatus,
  formatSecretsForImport,
  parseFlyReleases,
} from '../../shared/providers/fly.js'
import type { ProviderConfig, Release } from '../../shared/providers/types.js'
import { useFakeClis } from '../fakes/provider-test.js'

const TOKEN = 'fo1_fake-fly-token-0123456789'
const APP = 'flightdeck-demo'
const fixturePath = new URL('../fixtures/providers/fly/', import.meta.url).pathname
const fixture = (name: string) => readFileSync(`${fixturePath}${name}`, 'utf8')
const fixtureReleases = () => JSON.parse(fixture('releases.json')) as Array<Record<string, unknown>>

interface FlyState {
  apps: Record<
    string,
    {
      org: string
      releases: Array<Record<string, unknown>>
      secrets: Record<string, string>
      nextDeploy?: string
    }
  >
}

const fake = useFakeClis('flyctl', ['FLY_API_TOKEN', 'FLY_ACCESS_TOKEN'])
const { logs, output } = fake

function fly(overrides: Partial<ProviderConfig> = {}) {
  return createFlyProvider({
    app: APP,
    token: TOKEN,
    timeoutMs: 10_000,
    settings: {},
    log: (line) => logs.push(line),
    ...overrides,
  })
}

const argvs = () => fake.argvs()

function setApps(apps: FlyState['apps']) {
  fake.clis.setState('flyctl', { apps })
}

function demoApp(releases = fixtureReleases()) {
  return { org: 'example-org', releases, secrets: {} }
}

describe('fly provider: releases', () => {
  it('maps `flyctl releases --json` newest first, with the newest succeeded release current', async () => {
    const releases = await fly().releases()
    expect(argvs()).toEqual([['releases', `--app=${APP}`, '--json']])
    expect(releases.map((r) => [r.version, r.status, r.rawStatus, r.current])).toEqual([
      ['v42', 'succeeded', 'complete', true],
      ['v41', 'failed', 'failed', false],
      ['v40', 'succeeded', 'complete', false],
      ['v39', 'failed', 'interrupted', false],
      ['v38', 'succeeded', 'complete', false],
    ])
    expect(releases[0]).toEqual({
      id: 'mkGLl0rE9dN4M5xQ',
      version: 'v42',
      status: 'succeeded',
      rawStatus: 'complete',
      image: 'registry.fly.io/flightdeck-demo:deployment-01JWX8Q6T3K9R1V7C2M5N8P4ZA',
      createdAt: '2025-06-03T14:22:09Z',
      current: true,
      description: 'Release',
    })
    expect(releases[4]?.image).toBe(
      'registry.fly.io/flightdeck-demo@sha256:3f1c9a2b7d4e5f60718293a4b5c6d7e8f9012345678901234567890abcdef012',
    )
  })

  it('does not call a newer failed release current: the previous one still serves', async () => {
    setApps({ [APP]: demoApp(fixtureReleases().slice(1)) })
    const releases = await fly().releases()
    expect(releases[0]).toMatchObject({ version: 'v41', status: 'failed', current: false })
    expect(releases.filter((r) => r.current).map((r) => r.version)).toEqual(['v40'])
  })

  it('returns an empty list when the app has no releases (flyctl prints null)', async () => {
    setApps({ [APP]: demoApp([]) })
    await expect(fly().releases()).resolves.toEqual([])
    expect(parseFlyReleases([], 'flyctl releases')).toEqual([])
  })

  it('sorts by version and names no release current when none succeeded', () => {
    const releases = parseFlyReleases(
      [
        {
          ID: 'a',
          Version: 7,
          Status: 'running',
          InProgress: true,
          Reason: 'deploy',
          Description: '',
        },
        { ID: 'b', Version: 9, Status: 'dead' },
        { ID: 'c', Version: 8, Status: 'weird' },
      ],
      'flyctl releases',
    )
    expect(releases.map((r) => [r.id, r.status, r.current, r.description])).toEqual([
      ['b', 'failed', false, undefined],
      ['c', 'unknown', false, undefined],
      ['a', 'in-progress', false, 'deploy'],
    ])
  })

  it('reads status words leniently', () => {
    expect(['complete', 'Succeeded', ' success '].map((s) => flyReleaseStatus(s))).toEqual([
      'succeeded',
      'succeeded',
      'succeeded',
    ])
    expect(
      ['failed', 'interrupted', 'dead', 'cancelled', 'canceled'].map((s) => flyReleaseStatus(s)),
    ).toEqual(Array(5).fill('failed'))
    expect(['running', 'pending'].map((s) => flyReleaseStatus(s))).toEqual([
      'in-progress',
      'in-progress',
    ])
    expect(flyReleaseStatus('')).toBe('unknown')
    expect(flyReleaseStatus('', true)).toBe('in-progress')
  })

  it('says which command printed malformed JSON', async () => {
    fake.clis.behave('flyctl', { releases: { malformed: true } })
    await expect(fly().releases()).rejects.toThrow(
      /`flyctl releases --app=flightdeck-demo --json` did not print JSON .*it began: "Error: unexpected end/,
    )
  })

  it('refuses JSON that is not a list of releases', async () => {
    fake.clis.behave('flyctl', { releases: { stdout: '{"error": "nope"}' } })
    await expect(fly().releases()).rejects.toThrow(
      '`flyctl releases --app=flightdeck-demo --json` printed JSON that is not a list of releases',
    )
    fake.clis.behave('flyctl', { releases: { stdout: '[{"Version": 3}]' } })
    await expect(fly().releases()).rejects.toThrow(
      'printed a release without an ID and a numeric Version (item 0)',
    )
  })

  it('names the command, exit code and flyctl message when it fails', async () => {
    await expect(fly({ app: 'no-such-app' }).releases()).rejects.toThrow(
      '`flyctl releases --app=no-such-app --json` failed with exit code 1: Error: Could not find App "no-such-app"',
    )
  })

  it('gives up on a hanging flyctl after timeoutMs', async () => {
    fake.clis.behave('flyctl', { releases: { hangMs: 2_000 } })
    await expect(fly({ timeoutMs: 500 }).releases()).rejects.toThrow(
      /^`flyctl releases --app=flightdeck-demo --json` was stopped after \d+ms: it did not finish within its time limit of 500ms; its last output: none$/,
    )
  })
})

describe('fly provider: credentials', () => {
  it('passes the token only through FLY_API_TOKEN, masks it and never shows it', async () => {
    process.env.FLY_ACCESS_TOKEN = 'stale-access-token'
    await fly().deploy({ image: 'registry.fly.io/flightdeck-demo:deployment-NEW' })
    for (const call of fake.clis.calls('flyctl')) {
      // flyctl prefers FLY_ACCESS_TOKEN, so the provider must not let a stale one through.
      expect(call.env).toEqual({ FLY_API_TOKEN: TOKEN })
      expect(call.args.join(' ')).not.toContain(TOKEN)
    }
    const lines = output.join('').split('\n')
    expect(lines).toContain(`::add-mask::${TOKEN}`)
    expect(lines.filter((line) => line.includes(TOKEN))).toEqual([`::add-mask::${TOKEN}`])
    expect(logs.join('\n')).not.toContain(TOKEN)
  })

  it('falls back to FLY_API_TOKEN from the environment', async () => {
    process.env.FLY_API_TOKEN = 'token-from-env'
    await fly({ token: undefined }).releases()
    expect(fake.clis.calls('flyctl')[0]?.env).toEqual({ FLY_API_TOKEN: 'token-from-env' })
    expect(output.join('')).toContain('::add-mask::token-from-env')
  })

  it("reports flyctl's own words when there is no token at all", async () => {
    await expect(fly({ token: undefined }).releases()).rejects.toThrow(
      "failed with exit code 1: Error: No access token available. Please login with 'flyctl auth login'",
    )
  })

  it('declares its CLI and credential variable', () => {
    const provider = fly()
    expect([provider.name, provider.cli, provider.tokenEnv]).toEqual([
      'fly',
      'flyctl',
      ['FLY_API_TOKEN'],
    ])
  })
})

describe('fly provider: deploy', () => {
  it('runs flyctl deploy with every option, then reports the URL and the new release', async () => {
    const result = await fly({ cwd: process.cwd() }).deploy({
      config: 'fly.staging.toml',
      image: 'registry.fly.io/flightdeck-demo:deployment-NEW',
      strategy: 'bluegreen',
      remoteOnly: true,
      extraArgs: ['--wait-timeout', '5m'],
    })
    expect(argvs()).toEqual([
      [
        'deploy',
        `--app=${APP}`,
        '--config=fly.staging.toml',
        '--image=registry.fly.io/flightdeck-demo:deployment-NEW',
        '--strategy=bluegreen',
        '--remote-only',
        '--yes',
        '--wait-timeout',
        '5m',
      ],
      ['releases', `--app=${APP}`, '--json'],
    ])
    const newest = fake.clis.state<FlyState>('flyctl').apps[APP]?.releases[0]
    expect(newest).toMatchObject({
      Version: 43,
      ImageRef: 'registry.fly.io/flightdeck-demo:deployment-NEW',
    })
    expect(result).toEqual({
      releaseId: newest?.ID,
      version: 'v43',
      url: 'https://flightdeck-demo.fly.dev',
    })
  })

  it('passes every user value as --flag=value, so a value starting with a dash stays a value', async () => {
    await fly().deploy({ config: '--remote-only', image: '-5xx image', strategy: 'canary' })
    expect(argvs()[0]).toEqual([
      'deploy',
      `--app=${APP}`,
      '--config=--remote-only',
      '--image=-5xx image',
      '--strategy=canary',
      '--yes',
    ])
    await fly({ app: 'pr-5' }).ensureApp({ org: '--org=evil' })
    expect(argvs().at(-1)).toEqual(['apps', 'create', '--name=pr-5', '--org=--org=evil'])
  })

  it('builds from source with only the app and --yes when nothing else is asked', async () => {
    const result = await fly().deploy({})
    expect(argvs()[0]).toEqual(['deploy', `--app=${APP}`, '--yes'])
    expect(result.version).toBe('v43')
  })

  it('notes that Fly has no deploy environments', async () => {
    await fly().deploy({ environment: 'production' })
    expect(argvs()[0]).toEqual(['deploy', `--app=${APP}`, '--yes'])
    expect(logs).toContain('Fly has no deploy environments; ignoring environment "production"')
  })

  it('finds the URL line on stderr too', async () => {
    fake.clis.behave('flyctl', {
      deploy: {
        stderr: '==> Building image\nVisit your newly deployed app at https://preview.fly.dev/\n',
      },
    })
    const result = await fly().deploy({ image: 'img' })
    expect(result.url).toBe('https://preview.fly.dev')
    expect(result.version).toBe('v42')
  })

  it("fails with the command, exit code and flyctl's own Error: headline", async () => {
    const state = { apps: { [APP]: { ...demoApp(), nextDeploy: 'fail' } } }
    fake.clis.setState('flyctl', state)
    const error = await fly()
      .deploy({ image: 'registry.fly.io/flightdeck-demo:deployment-BAD' })
      .catch((err: Error) => err)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toBe(
      '`flyctl deploy --app=flightdeck-demo --image=registry.fly.io/flightdeck-demo:deployment-BAD --yes` failed with exit code 1: Error: timeout reached waiting for health checks to pass for machine 148ed193b95389: failed to get VM 148ed193b95389: Get "https://api.machines.dev/v1/apps/flightdeck-demo/machines/148ed193b95389": net/http: request canceled',
    )
    // The failed release is listed, but the one before it still serves.
    const releases = await fly().releases()
    expect(releases[0]).toMatchObject({ version: 'v43', status: 'failed', current: false })
    expect(releases.find((r) => r.current)?.version).toBe('v42')
  })

  it('still returns the URL when the new release cannot be read, and says why', async () => {
    fake.clis.behave('flyctl', { releases: { malformed: true } })
    const result = await fly().deploy({ image: 'img' })
    expect(result).toEqual({ url: 'https://flightdeck-demo.fly.dev' })
    expect(logs.join('\n')).toMatch(
      /Deployed flightdeck-demo, but could not read its new release: `flyctl releases --app=flightdeck-demo --json` did not print JSON/,
    )
  })

  it('gives up on a deploy that hangs past timeoutMs', async () => {
    fake.clis.behave('flyctl', { deploy: { hangMs: 2_000 } })
    await expect(fly({ timeoutMs: 500 }).deploy({ image: 'img' })).rejects.toThrow(
      /^`flyctl deploy --app=flightdeck-demo --image=img --yes` was stopped after \d+ms: it did not finish within its time limit of 500ms/,
    )
  })

  it('refuses an app name that is not a Fly app name before running anything', async () => {
    await expect(fly({ app: '--help' }).deploy({})).rejects.toBeInstanceOf(InputError)
    await expect(fly({ app: 'My App' }).releases()).rejects.toThrow(
      /Fly app name "My App" is invalid/,
    )
    expect(argvs()).toEqual([])
  })
})

describe('fly provider: rollback', () => {
  it('redeploys the image of the target release with the configured strategy', async () => {
    const provider = fly({ settings: { strategy: 'immediate' } })
    const target = (await provider.releases())[2] as Release
    expect(target.version).toBe('v40')
    const result = await provider.rollback(target)
    expect(argvs().slice(1)).toEqual([
      ['deploy', `--app=${APP}`, `--image=${target.image}`, '--strategy=immediate', '--yes'],
      ['releases', `--app=${APP}`, '--json'],
    ])
    const after = await provider.releases()
    expect(after[0]).toMatchObject({ version: 'v43', image: target.image, current: true })
    expect(result).toEqual({ releaseId: after[0]?.id })
  })

  it('leaves the strategy to flyctl when none is configured', async () => {
    const target = (await fly().releases())[4] as Release
    await fly().rollback(target)
    expect(argvs()[1]).toEqual(['deploy', `--app=${APP}`, `--image=${target.image}`, '--yes'])
  })

  it('refuses a target without an image, running nothing', async () => {
    const target: Release = {
      id: 'mkGLl0rE9dN4M5xN',
      version: 'v40',
      status: 'succeeded',
      rawStatus: 'complete',
      current: false,
    }
    const error = await fly()
      .rollback(target)
      .catch((err: Error) => err)
    expect(error).toBeInstanceOf(ActionFailure)
    expect((error as Error).message).toBe(
      'cannot roll back Fly app flightdeck-demo to v40: flyctl lists no image for that release, so there is nothing to redeploy; pick a release that has one or run `flyctl deploy --image <image>` yourself',
    )
    expect(argvs()).toEqual([])
  })

  it('fails clearly when the redeploy fails', async () => {
    fake.clis.behave('flyctl', { deploy: { exitCode: 1, stderr: fixture('deploy-failed.txt') } })
    const target = {
      id: 'x',
      version: 'v40',
      status: 'succeeded',
      rawStatus: 'complete',
      current: false,
      image: 'img:40',
    } as const
    await expect(fly().rollback(target)).rejects.toThrow(
      /^`flyctl deploy --app=flightdeck-demo --image=img:40 --yes` failed with exit code 1: Error: timeout reached waiting for health checks to pass for machine 148ed193b95389: /,
    )
  })
})

describe('fly provider: ensureApp', () => {
  it('does nothing when the app exists', async () => {
    await expect(fly().ensureApp({})).resolves.toEqual({ created: false })
    expect(argvs()).toEqual([['apps', 'list', '--json']])
    expect(logs).toEqual([])
  })

  it('says so when the app exists in another organization than asked', async () => {
    await expect(fly().ensureApp({ org: 'my-org' })).resolves.toEqual({ created: false })
    expect(logs).toContain(
      'Fly app flightdeck-demo already exists, in organization example-org (not my-org)',
    )
  })

  it('creates a missing app in the given organization', async () => {
    const provider = fly({ app: 'flightdeck-pr-123', settings: { org: 'from-settings' } })
    await expect(provider.ensureApp({ org: 'my-org' })).resolves.toEqual({ created: true })
    expect(argvs()).toEqual([
      ['apps', 'list', '--json'],
      ['apps', 'create', '--name=flightdeck-pr-123', '--org=my-org'],
    ])
    expect(fake.clis.state<FlyState>('flyctl').apps['flightdeck-pr-123']).toMatchObject({
      org: 'my-org',
      releases: [],
    })
    // A second run finds it.
    await expect(provider.ensureApp({ org: 'my-org' })).resolves.toEqual({ created: false })
  })

  it('takes the organization from settings, else personal', async () => {
    await fly({ app: 'pr-1', settings: { org: 'from-settings' } }).ensureApp({})
    await fly({ app: 'pr-2' }).ensureApp({})
    expect(argvs().filter((args) => args[1] === 'create')).toEqual([
      ['apps', 'create', '--name=pr-1', '--org=from-settings'],
      ['apps', 'create', '--name=pr-2', '--org=personal'],
    ])
  })

  it("reports flyctl's refusal, e.g. a name taken in another organization", async () => {
    fake.clis.behave('flyctl', {
      'apps create': { exitCode: 1, stderr: fixture('apps-create-taken.txt') },
    })
    await expect(fly({ app: 'taken-name' }).ensureApp({})).rejects.toThrow(
      '`flyctl apps create --name=taken-name --org=personal` failed with exit code 1: Error: Validation failed: Name has already been taken',
    )
  })

  it('refuses names Fly would refuse, before calling flyctl', async () => {
    await expect(fly({ app: 'Preview_1' }).ensureApp({})).rejects.toBeInstanceOf(InputError)
    await expect(fly({ app: `pr-${'x'.repeat(61)}` }).ensureApp({})).rejects.toThrow(
      'longer than 63 characters',
    )
    expect(argvs()).toEqual([])
  })

  it('says which command printed malformed JSON', async () => {
    fake.clis.behave('flyctl', { 'apps list': { malformed: true } })
    await expect(fly().ensureApp({})).rejects.toThrow(
      '`flyctl apps list --json` did not print JSON',
    )
    fake.clis.behave('flyctl', { 'apps list': { stdout: '{}' } })
    await expect(fly().ensureApp({})).rejects.toThrow(
      '`flyctl apps list --json` printed JSON that is not a list of apps',
    )
  })
})

describe('fly provider: destroyApp', () => {
  it('destroys the app without a prompt', async () => {
    await fly().destroyApp()
    expect(argvs()).toEqual([
      ['apps', 'list', '--json'],
      ['apps', 'destroy', '--yes', '--', APP],
    ])
    expect(fake.clis.state<FlyState>('flyctl').apps[APP]).toBeUndefined()
  })

  it('does nothing for an app that does not exist (a rerun teardown)', async () => {
    await fly({ app: 'flightdeck-pr-9' }).destroyApp()
    expect(argvs()).toEqual([['apps', 'list', '--json']])
    expect(logs).toContain('Fly app flightdeck-pr-9 does not exist; nothing to destroy')
  })

  it('fails with flyctl’s message', async () => {
    fake.clis.behave('flyctl', { 'apps destroy': { exitCode: 1, stderr: 'Error: unauthorized\n' } })
    await expect(fly().destroyApp()).rejects.toThrow(
      '`flyctl apps destroy --yes -- flightdeck-demo` failed with exit code 1: Error: unauthorized',
    )
  })
})

describe('fly provider: setSecrets', () => {
  it('sends NAME=VALUE lines on stdin only, and masks the values', async () => {
    const secrets = {
      DATABASE_URL: 'postgres://app:s3cr3t-pass@db.internal/app',
      API_KEY: 'key=with=equals',
    }
    await fly().setSecrets(secrets)
    const calls = fake.clis.calls('flyctl')
    expect(calls.map((call) => call.args)).toEqual([['secrets', 'import', `--app=${APP}`]])
    expect(calls[0]?.stdin).toBe(
      'DATABASE_URL=postgres://app:s3cr3t-pass@db.internal/app\nAPI_KEY=key=with=equals\n',
    )
    expect(calls[0]?.env).toEqual({ FLY_API_TOKEN: TOKEN })
    expect(fake.clis.state<FlyState>('flyctl').apps[APP]?.secrets).toEqual(secrets)
    const shown = output.join('')
    expect(shown).toContain('::add-mask::postgres://app:s3cr3t-pass@db.internal/app')
    expect(shown.replace(/::add-mask::.*\n/g, '')).not.toContain('s3cr3t-pass')
  })

  it('stages them when stage-secrets is true', async () => {
    await fly({ settings: { 'stage-secrets': 'true' } }).setSecrets({ A: '1' })
    expect(argvs()).toEqual([['secrets', 'import', `--app=${APP}`, '--stage']])
    expect(output.join('')).toContain('Secrets have been staged')
  })

  it('sends multi-line values in flyctl\'s """ form, which flyctl reads back intact', async () => {
    const pem = '-----BEGIN KEY-----\nMIIBOgIBAAJBAK\n\n-----END KEY-----\n'
    await fly().setSecrets({ TLS_KEY: pem, PLAIN: 'x' })
    expect(fake.clis.calls('flyctl')[0]?.stdin).toBe(`TLS_KEY="""${pem}"""\nPLAIN=x\n`)
    expect(fake.clis.state<FlyState>('flyctl').apps[APP]?.secrets).toEqual({
      TLS_KEY: pem,
      PLAIN: 'x',
    })
  })

  it('refuses names that are not environment variable names, running nothing', async () => {
    const error = await fly()
      .setSecrets({ GOOD: 'x', '1BAD': 'x', 'WITH-DASH': 'x', 'A B': 'x' })
      .catch((err: Error) => err)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).problems).toEqual([
      'secret name "1BAD" is not a valid environment variable name',
      'secret name "WITH-DASH" is not a valid environment variable name',
      'secret name "A B" is not a valid environment variable name',
    ])
    expect(argvs()).toEqual([])
  })

  it('refuses values flyctl would read back differently, without showing them', () => {
    const attempt = (value: string) => () => formatSecretsForImport({ S: value })
    expect(attempt('a\r\nb')).toThrow('the value of secret S contains a carriage return')
    expect(attempt('"""quoted')).toThrow('starts with """')
    expect(attempt('one"""\ntwo')).toThrow('has a line ending with """')
    expect(attempt('x'.repeat(70_000))).toThrow('has a line longer than flyctl reads (64 KiB)')
    expect(attempt('one\ntwo"""')).not.toThrow()
    expect(attempt('mid"""dle')).not.toThrow()
    const error = (() => {
      try {
        attempt('top-secret\r')()
      } catch (err) {
        return err as Error
      }
    })()
    expect(error?.message).toBe(
      'the value of secret S contains a carriage return, which flyctl would drop',
    )
  })

  it('does not run flyctl for no secrets', async () => {
    await fly().setSecrets({})
    expect(argvs()).toEqual([])
    expect(logs).toContain('No secrets to set')
  })

  it('fails with flyctl’s message and no secret value in it', async () => {
    fake.clis.behave('flyctl', {
      'secrets import': { exitCode: 1, stderr: 'Error: Could not find App "flightdeck-demo"\n' },
    })
    const error = await fly()
      .setSecrets({ API_KEY: 'very-secret-value' })
      .catch((err: Error) => err)
    expect((error as Error).message).toBe(
      '`flyctl secrets import --app=flightdeck-demo` failed with exit code 1: Error: Could not find App "flightdeck-demo"',
    )
  })

  it('gives up on an import that hangs past timeoutMs', async () => {
    fake.clis.behave('flyctl', { 'secrets import': { hangMs: 2_000 } })
    await expect(fly({ timeoutMs: 500 }).setSecrets({ A: '1' })).rejects.toThrow(
      /^`flyctl secrets import --app=flightdeck-demo` was stopped after \d+ms: it did not finish within its time limit of 500ms/,
    )
  })
})

describe('fly provider: url', () => {
  it('reads the hostname from flyctl status --json', async () => {
    await expect(fly().url()).resolves.toBe('https://flightdeck-demo.fly.dev')
    expect(argvs()).toEqual([['status', `--app=${APP}`, '--json']])
  })

  it('has no URL when flyctl gives no hostname', async () => {
    fake.clis.behave('flyctl', { status: { stdout: '{"Hostname": "", "ID": "flightdeck-demo"}' } })
    await expect(fly().url()).resolves.toBeUndefined()
  })

  it('fails clearly on malformed JSON, a non-object and a missing app', async () => {
    fake.clis.behave('flyctl', { status: { malformed: true } })
    await expect(fly().url()).rejects.toThrow(
      '`flyctl status --app=flightdeck-demo --json` did not print JSON',
    )
    fake.clis.behave('flyctl', { status: { stdout: '[]' } })
    await expect(fly().url()).rejects.toThrow('printed JSON that is not an app status')
    fake.clis.behave('flyctl', {})
    await expect(fly({ app: 'gone' }).url()).rejects.toThrow('Error: Could not find App "gone"')
  })
})

describe('fake flyctl', () => {
  it('is also installed as `fly`, sharing its state', () => {
    const env = { ...process.env, ...fake.clis.env(), FLY_API_TOKEN: TOKEN }
    const created = execFileSync('fly', ['apps', 'create', 'via-fly', '--org', 'personal'], {
      env,
      encoding: 'utf8',
    })
    expect(created).toBe('New app created: via-fly\n')
    expect(fake.clis.state<FlyState>('flyctl').apps['via-fly']).toBeDefined()
    const listed = JSON.parse(
      execFileSync('flyctl', ['apps', 'list', '--json'], { env, encoding: 'utf8' }),
    ) as Array<{ Name: string }>
    expect(listed.map((app) => app.Name)).toEqual([APP, 'via-fly'])
  })
})
