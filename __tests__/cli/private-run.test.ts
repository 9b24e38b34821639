// The CLI on a machine other users share: credentials from the environment (a command line is
// readable by every local user in /proc/<pid>/cmdline), and files written into a temp folder
// of the run's own, never through a link someone planted in the shared temp dir.
import { spawn } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { startFakeApp } from '../fakes/fake-app.mjs'
import {
  commandInputs,
  initialState,
  startPlatformApp,
  writeState,
} from '../fakes/local-platform.mjs'
import { inputEnvName, withEnvironmentInputs } from '../../bin/lib/private-run.mjs'

const root = new URL('../..', import.meta.url).pathname
const cli = join(root, 'bin', 'flightdeck.mjs')

interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

// Outside any CI: none of the GITHUB_* / INPUT_* / RUNNER_* variables of whatever runs the tests.
const cleanEnv = Object.fromEntries(
  Object.keys(process.env)
    .filter((key) => /^(GITHUB_|INPUT_|RUNNER_|STATE_|FLIGHTDECK_INPUT_)/.test(key))
    .map((key) => [key, undefined]),
)

function flightdeck(
  args: string[],
  extra: Record<string, string | undefined> = {},
  program = cli,
): Promise<CliResult> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: '1',
    ...cleanEnv,
    GH_TOKEN: undefined,
    ...extra,
  }
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [program, ...args], {
      cwd: root,
      env: env as NodeJS.ProcessEnv,
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

/** A package with the CLI and one action that writes its environment to $PROBE_DUMP and prints its token. */
function standInPackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'flightdeck-cli-private-'))
  cpSync(join(root, 'bin'), join(dir, 'bin'), { recursive: true })
  // The CLI's runtime dependencies (yaml), as an installed package has them.
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'))
  mkdirSync(join(dir, 'actions', 'probe'), { recursive: true })
  writeFileSync(
    join(dir, 'actions', 'probe', 'action.yml'),
    [
      "name: 'probe'",
      "description: 'A stand-in action.'",
      'inputs:',
      '  greeting:',
      "    description: 'Required.'",
      '    required: true',
      '  slack-bot-token:',
      "    description: 'A credential.'",
      "    default: ''",
      'runs:',
      "  using: 'node24'",
      "  main: '../../dist/probe/index.js'",
      '',
    ].join('\n'),
  )
  mkdirSync(join(dir, 'dist', 'probe'), { recursive: true })
  writeFileSync(
    join(dir, 'dist', 'probe', 'index.js'),
    "require('node:fs').writeFileSync(process.env.PROBE_DUMP, JSON.stringify({ env: process.env, argv: process.argv }))\nconsole.log('the action printed ' + process.env['INPUT_SLACK-BOT-TOKEN'])\n",
  )
  return dir
}

describe('credentials from the environment', () => {
  const secret = 'xoxb-private-6c1d2e3f'

  it('maps FLIGHTDECK_INPUT_<NAME> to an input, never to argv, and lets a flag win', () => {
    expect(inputEnvName('slack-bot-token')).toBe('FLIGHTDECK_INPUT_SLACK_BOT_TOKEN')
    const action = { name: 'probe', inputs: { greeting: {}, 'slack-bot-token': {} } }
    expect(
      withEnvironmentInputs(
        action,
        { greeting: 'flag' },
        {
          FLIGHTDECK_INPUT_GREETING: 'env',
          FLIGHTDECK_INPUT_SLACK_BOT_TOKEN: secret,
          FLIGHTDECK_INPUT_EMPTY_ONE: '',
        },
      ),
    ).toEqual({
      inputs: { greeting: 'flag', 'slack-bot-token': secret },
      notes: [
        'FLIGHTDECK_INPUT_EMPTY_ONE is no input of probe, ignored (see flightdeck probe --help)',
      ],
    })
    expect(withEnvironmentInputs(action, { 'slack-bot-token': secret }, {}).notes).toEqual([
      '--slack-bot-token on the command line can be read by every user of this machine (ps, /proc/<pid>/cmdline); set FLIGHTDECK_INPUT_SLACK_BOT_TOKEN instead',
    ])
  })

  it('runs an action with a credential and a required input from the environment only', async () => {
    const dir = standInPackage()
    const dump = join(mkdtempSync(join(tmpdir(), 'flightdeck-cli-dump-')), 'env.json')
    const result = await flightdeck(
      ['probe'],
      {
        PROBE_DUMP: dump,
        FLIGHTDECK_INPUT_GREETING: 'hello',
        FLIGHTDECK_INPUT_SLACK_BOT_TOKEN: secret,
      },
      join(dir, 'bin', 'flightdeck.mjs'),
    )
    expect(result.code).toBe(0)
    // Masked by the CLI even where the action forgot to: the input carries a credential.
    expect(result.stderr).toBe('the action printed ***\n')
    const seen = JSON.parse(readFileSync(dump, 'utf8')) as {
      env: Record<string, string>
      argv: string[]
    }
    expect(seen.env['INPUT_SLACK-BOT-TOKEN']).toBe(secret)
    expect(seen.env.INPUT_GREETING).toBe('hello')
    // Given once, as the runner gives it; the FLIGHTDECK_INPUT_ copy is not passed on. The
    // machine's own FLIGHTDECK_ settings are (the suite's test knobs: jest.config.js).
    const machineSettings = Object.keys(process.env)
      .filter((key) => key.startsWith('FLIGHTDECK_') && !key.startsWith('FLIGHTDECK_INPUT_'))
      .sort()
    expect(
      Object.keys(seen.env)
        .filter((key) => key.startsWith('FLIGHTDECK_'))
        .sort(),
    ).toEqual(machineSettings)
    expect(seen.argv.join(' ')).not.toContain(secret)
  })

  it('sends a header from FLIGHTDECK_INPUT_HEADERS with health-check, masked in all output', async () => {
    const token = 'sk-live-env-9a8b7c6d'
    const app = await startFakeApp({
      respond: (request) => ({
        status: 200,
        json: { status: String(request.headers.authorization) },
      }),
    })
    try {
      const result = await flightdeck(
        ['health-check', '--url', app.url, '--json-assertions', 'status == healthy'],
        {
          FLIGHTDECK_INPUT_HEADERS: `Authorization: Bearer ${token}`,
          FLIGHTDECK_INPUT_MAX_ATTEMPTS: '1',
        },
      )
      expect(app.requests[0]?.headers.authorization).toBe(`Bearer ${token}`)
      expect(result.code).toBe(1)
      expect(result.stdout + result.stderr).not.toContain(token)
      expect(result.stderr).not.toContain('on the command line can be read')
    } finally {
      await app.close()
    }
  })

  it('notes a credential given as a flag, and documents the variables in --help', async () => {
    const dir = standInPackage()
    const dump = join(mkdtempSync(join(tmpdir(), 'flightdeck-cli-dump-')), 'env.json')
    const result = await flightdeck(
      ['probe', '--greeting', 'x', '--slack-bot-token', secret],
      { PROBE_DUMP: dump },
      join(dir, 'bin', 'flightdeck.mjs'),
    )
    expect(result.code).toBe(0)
    expect(result.stderr).toContain(
      'note: --slack-bot-token on the command line can be read by every user of this machine (ps, /proc/<pid>/cmdline); set FLIGHTDECK_INPUT_SLACK_BOT_TOKEN instead',
    )
    const help = await flightdeck(['--help'])
    const text = help.stdout.replace(/\s+/g, ' ')
    expect(text).toContain('FLIGHTDECK_INPUT_SLACK_BOT_TOKEN for --slack-bot-token')
    for (const variable of [
      'FLY_API_TOKEN',
      'CLOUDFLARE_API_TOKEN',
      'VERCEL_TOKEN',
      'RAILWAY_TOKEN',
      'RENDER_API_KEY',
      'GITHUB_TOKEN',
    ]) {
      expect(text).toContain(variable)
    }
    expect(text).toContain('RUNNER_TEMP, unless set, is a new private folder (mode 0700)')
  })
})

describe('a temp folder of its own', () => {
  it('gives each run a new RUNNER_TEMP only this user can enter', async () => {
    const dir = standInPackage()
    const shared = mkdtempSync(join(tmpdir(), 'flightdeck-shared-tmp-'))
    const temps: string[] = []
    for (let i = 0; i < 2; i++) {
      const dump = join(mkdtempSync(join(tmpdir(), 'flightdeck-cli-dump-')), 'env.json')
      const result = await flightdeck(
        ['probe', '--greeting', 'x'],
        { PROBE_DUMP: dump, TMPDIR: shared },
        join(dir, 'bin', 'flightdeck.mjs'),
      )
      expect(result.code).toBe(0)
      temps.push(
        (JSON.parse(readFileSync(dump, 'utf8')) as { env: { RUNNER_TEMP: string } }).env
          .RUNNER_TEMP,
      )
    }
    expect(new Set(temps).size).toBe(2)
    for (const temp of temps) {
      expect(dirname(temp)).toBe(shared)
      expect(statSync(temp).mode & 0o777).toBe(0o700)
    }
  })

  it("writes gated-deploy's record into it, never through a link planted in the shared temp dir", async () => {
    // Another user of the machine planted the old record path as a link to the victim's file.
    const shared = mkdtempSync(join(tmpdir(), 'flightdeck-shared-tmp-'))
    const victim = join(mkdtempSync(join(tmpdir(), 'flightdeck-victim-')), 'bashrc')
    writeFileSync(victim, 'export PS1=mine\n')
    mkdirSync(join(shared, 'flightdeck'))
    symlinkSync(victim, join(shared, 'flightdeck', 'deployment.json'))

    const statePath = join(mkdtempSync(join(tmpdir(), 'flightdeck-gated-')), 'platform.json')
    writeState(statePath, initialState(1))
    const app = await startPlatformApp(statePath)
    try {
      const inputs = { ...commandInputs(statePath), 'health-url': `${app.url}/health` }
      const flags = Object.entries(inputs).flatMap(([name, value]) => [`--${name}`, value])
      const result = await flightdeck(['gated-deploy', ...flags, '--dry-run'], { TMPDIR: shared })
      expect(result.stderr).not.toMatch(/^error:/m)
      expect(result.code).toBe(0)
      const record = /^record=(.*)$/m.exec(result.stdout)?.[1] ?? ''
      expect(existsSync(record)).toBe(true)
      expect((JSON.parse(readFileSync(record, 'utf8')) as { status: string }).status).toBe(
        'dry-run',
      )
      const runTemp = dirname(dirname(record))
      expect(dirname(runTemp)).toBe(shared)
      expect(runTemp).not.toBe(shared)
      expect(statSync(runTemp).mode & 0o777).toBe(0o700)
      expect(readFileSync(victim, 'utf8')).toBe('export PS1=mine\n')
      expect(readdirSync(join(shared, 'flightdeck'))).toEqual(['deployment.json'])
    } finally {
      await app.close()
    }
  })
})
