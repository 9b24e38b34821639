// bin/flightdeck.mjs, the CLI that runs an action outside GitHub Actions: run as a user would,
// as a child process, against a local app; plus its pieces in process (every action.yml read,
// outputs, masking, the summary as text).
import { spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { listActions, readAction } from '../../bin/cli/action-yml.mjs'
import { formatOutput } from '../../bin/cli/run-action.mjs'
import { summaryText } from '../../bin/cli/summary-text.mjs'
import { LogTranslator, Masker } from '../../bin/lib/step-log.mjs'
import { startFakeApp } from '../fakes/fake-app.mjs'

const root = new URL('../..', import.meta.url).pathname
const cli = join(root, 'bin', 'flightdeck.mjs')

interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a command to its end; the environment is this process's plus `env` (undefined: unset). */
function run(
  command: string,
  args: string[],
  options: { env?: Record<string, string | undefined>; cwd?: string } = {},
): Promise<CliResult> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...options.env }
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key]
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? root,
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

// Outside any CI: none of the GITHUB_* / INPUT_* / RUNNER_* variables of whatever runs the tests.
const cleanEnv = Object.fromEntries(
  Object.keys(process.env)
    .filter((key) => /^(GITHUB_|INPUT_|RUNNER_|STATE_)/.test(key) || key === 'GH_TOKEN')
    .map((key) => [key, undefined]),
)

const flightdeck = (args: string[], env: Record<string, string | undefined> = {}) =>
  run(process.execPath, [cli, ...args], { env: { ...cleanEnv, ...env } })

describe('flightdeck --help', () => {
  it('lists every action with its description, and how to run one', async () => {
    const result = await flightdeck(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('flightdeck <action> --<input> <value>')
    for (const action of listActions()) {
      const spec = parse(readFileSync(join(root, 'actions', action, 'action.yml'), 'utf8'))
      expect(result.stdout).toMatch(
        new RegExp(`^  ${action} +${spec.description.slice(0, 30)}`, 'm'),
      )
    }
  })

  it('prints the help to stderr and fails without any argument', async () => {
    const result = await flightdeck([])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('actions:')
  })

  it('is what `npm exec flightdeck` (npx) runs from the repository root', async () => {
    const result = await run('npm', ['exec', '--no', '--', 'flightdeck', '--help'], {
      env: cleanEnv,
    })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('health-check')
  })
})

describe('flightdeck <action> --help', () => {
  it.each(listActions())(
    '%s: every input with required and default, and the outputs',
    async (action) => {
      const spec = parse(readFileSync(join(root, 'actions', action, 'action.yml'), 'utf8'))
      const result = await flightdeck([action, '--help'])
      expect(result.code).toBe(0)
      const help = result.stdout
      for (const [name, def] of Object.entries<{ required?: boolean; default?: string }>(
        spec.inputs,
      )) {
        const line = help.split('\n').find((l) => new RegExp(`^  --${name}( |$)`).test(l))
        expect(line).toBeDefined()
        if (def.required) expect(line).toContain('required')
        if (def.default) expect(line).toContain(`default: ${def.default}`)
      }
      for (const name of Object.keys(spec.outputs ?? {}))
        expect(help).toMatch(new RegExp(`^  ${name}$`, 'm'))
    },
  )
})

describe('usage errors', () => {
  it('names an unknown action and lists the real ones, exit 2', async () => {
    const result = await flightdeck(['health-chek', '--url', 'x'])
    expect(result.code).toBe(2)
    expect(result.stderr.trim()).toBe(
      `error: unknown action "health-chek"; did you mean health-check? actions: ${listActions().join(', ')}`,
    )
  })

  it('names an unknown flag and suggests the input it resembles, exit 2', async () => {
    const typo = await flightdeck(['health-check', '--urls', 'http://127.0.0.1:9/'])
    expect(typo.code).toBe(2)
    expect(typo.stderr.trim()).toBe(
      'error: health-check has no input "--urls" (did you mean --url?)',
    )

    const unrelated = await flightdeck([
      'health-check',
      '--url',
      'http://127.0.0.1:9/',
      '--foo',
      '1',
    ])
    expect(unrelated.code).toBe(2)
    expect(unrelated.stderr).toContain('error: health-check has no input "--foo"')
    expect(unrelated.stderr).toContain('flightdeck health-check --help')
  })

  it('refuses a flag without its value, a stray argument, and a missing required input', async () => {
    const noValue = await flightdeck(['health-check', '--url'])
    expect(noValue.code).toBe(2)
    expect(noValue.stderr).toMatch(/^error: --url needs a value: --url <value> or --url=<value>/)

    const valueIsFlag = await flightdeck(['health-check', '--timeout', '--url', 'x'])
    expect(valueIsFlag.stderr).toMatch(/^error: --timeout needs a value/)

    const stray = await flightdeck(['health-check', 'http://127.0.0.1:9/'])
    expect(stray.code).toBe(2)
    expect(stray.stderr).toMatch(/^error: unexpected argument "http:\/\/127.0.0.1:9\/"/)

    const missing = await flightdeck(['health-check', '--timeout', '5s'])
    expect(missing.code).toBe(2)
    expect(missing.stderr.trim()).toBe(
      'error: health-check needs --url (see flightdeck health-check --help)',
    )
  })
})

describe('flightdeck health-check against a local app', () => {
  let app: Awaited<ReturnType<typeof startFakeApp>> | undefined
  afterEach(async () => {
    await app?.close()
    app = undefined
  })

  it('prints the log, the outputs as name=value and the summary as text; exit 0', async () => {
    // Unhealthy until its first probe, so the log shows a failed probe and then a passing one.
    const starting = await startFakeApp({ healthyAfterMs: Infinity })
    app = starting
    const watcher = setInterval(() => {
      if (starting.requests.length > 0) starting.becomeHealthy()
    }, 20)
    const result = await flightdeck([
      'health-check',
      `--url=${app.url}`,
      '--json-assertions',
      'status == healthy',
      '--interval',
      '200ms',
      '--timeout',
      '10s',
    ])
    clearInterval(watcher)
    expect(result.code).toBe(0)
    // stdout carries the outputs and nothing else.
    const outputs = Object.fromEntries(
      result.stdout
        .trim()
        .split('\n')
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    )
    expect(Object.keys(outputs)).toEqual([
      'healthy',
      'attempts',
      'duration-ms',
      'latency-ms',
      'report',
      'analysis',
    ])
    expect(outputs.healthy).toBe('true')
    expect(Number(outputs.attempts)).toBeGreaterThanOrEqual(2)
    expect(JSON.parse(outputs.report ?? '')).toEqual([
      expect.objectContaining({ url: app.url, healthy: true, status: 200 }),
    ])
    // The log, as a person reads it: no workflow commands.
    expect(result.stderr).toContain(`✓ ${app.url}`)
    expect(result.stderr).not.toMatch(/^::/m)
    // The summary, as text: the heading, the table as aligned columns, no Markdown or HTML.
    const summary = result.stderr.slice(result.stderr.indexOf('── summary'))
    expect(summary).toMatch(/✅ Healthy: 1 of 1 URL passed in/)
    expect(summary).toMatch(new RegExp(`^${escapeRegExp(app.url)} +✅ healthy +200 `, 'm'))
    expect(summary).toContain(`Probes of ${app.url}:`)
    expect(summary).not.toMatch(/<\/?(details|summary)|\| --- \||\\[#+.]|`/)
  })

  it('fails with the action exit code and one readable error line when the app stays down', async () => {
    app = await startFakeApp({ healthyAfterMs: Infinity })
    const result = await flightdeck([
      'health-check',
      '--url',
      app.url,
      '--timeout',
      '1s',
      '--interval',
      '200ms',
    ])
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^healthy=false$/m)
    expect(result.stderr).toMatch(
      new RegExp(
        `^error: 1 of 1 URL unhealthy after .*${escapeRegExp(app.url)}: status 503 not in 200-299`,
        'm',
      ),
    )
    expect(result.stderr).not.toContain('::error')
    // The stack trace is a debug line: shown only with --verbose.
    expect(result.stderr).not.toContain('ActionFailure')
  })

  it('takes a repeated flag as a multi-line input and --no-<flag> as false', async () => {
    app = await startFakeApp({ healthyAfterMs: Infinity })
    const result = await flightdeck([
      'health-check',
      '--url',
      app.url,
      '--url',
      `${app.origin}/ready`,
      '--max-attempts',
      '1',
      '--no-fail-on-unhealthy',
    ])
    // fail-on-unhealthy false: an unhealthy verdict does not fail the step.
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^healthy=false$/m)
    const report = JSON.parse(/^report=(.*)$/m.exec(result.stdout)?.[1] ?? '[]')
    expect(report.map((entry: { url: string }) => entry.url)).toEqual([
      app.url,
      `${app.origin}/ready`,
    ])
  })

  it('never shows a secret header value that the app echoes back, only ***', async () => {
    const secret = 'sk-live-4f9c2a7e1b'
    app = await startFakeApp({
      respond: (request) => ({
        status: 200,
        json: { status: String(request.headers.authorization) },
      }),
    })
    const result = await flightdeck([
      'health-check',
      '--url',
      app.url,
      '--headers',
      `Authorization: Bearer ${secret}`,
      '--json-assertions',
      'status == healthy',
      '--max-attempts',
      '1',
      '--verbose',
    ])
    expect(result.code).toBe(1)
    expect(app.requests[0]?.headers.authorization).toBe(`Bearer ${secret}`)
    expect(result.stdout + result.stderr).not.toContain(secret)
    expect(result.stderr).toContain('status was "***", not "healthy"')
    expect(result.stdout).toContain('status was \\"***\\"')
  })

  it('inside another CI: never writes to its file commands or takes its INPUT_* variables', async () => {
    app = await startFakeApp()
    const outer = mkdtempSync(join(tmpdir(), 'flightdeck-outer-ci-'))
    const outerOutput = join(outer, 'output')
    writeFileSync(outerOutput, '')
    const result = await flightdeck(['health-check', '--url', app.url], {
      GITHUB_OUTPUT: outerOutput,
      INPUT_METHOD: 'DELETE',
      GITHUB_REPOSITORY: 'acme/shop',
    })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^healthy=true$/m)
    expect(readFileSync(outerOutput, 'utf8')).toBe('')
    expect(app.requests.map((request) => request.method)).toEqual(['GET'])
  })
})

describe('the runner protocol, with a stand-in action', () => {
  // A package root of its own: the CLI finds actions next to itself, so a copy of it with one
  // small action shows the post step, state, multi-line outputs and exports end to end.
  function standInPackage(): string {
    const dir = mkdtempSync(join(tmpdir(), 'flightdeck-cli-package-'))
    cpSync(join(root, 'bin'), join(dir, 'bin'), { recursive: true })
    // The CLI's runtime dependencies (yaml), as an installed package has them.
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'))
    mkdirSync(join(dir, 'actions', 'probe'), { recursive: true })
    writeFileSync(
      join(dir, 'actions', 'probe', 'action.yml'),
      [
        "name: 'flightdeck probe'",
        "description: 'A stand-in action for the CLI tests.'",
        'inputs:',
        '  greeting:',
        "    description: 'Said in the log.'",
        '    required: true',
        '  token:',
        "    description: 'A token.'",
        "    default: '${{ github.token }}'",
        '  loud:',
        "    description: 'true or false.'",
        "    default: 'false'",
        'outputs:',
        '  lines:',
        "    description: 'Two lines.'",
        'runs:',
        "  using: 'node24'",
        "  main: '../../dist/probe/index.js'",
        "  post: '../../dist/probe/post/index.js'",
        "  post-if: 'always()'",
        '',
      ].join('\n'),
    )
    mkdirSync(join(dir, 'dist', 'probe', 'post'), { recursive: true })
    writeFileSync(
      join(dir, 'dist', 'probe', 'index.js'),
      `const fs = require('node:fs')
const env = process.env
console.log('::add-mask::' + env.INPUT_TOKEN)
console.log('context: repository=' + env.GITHUB_REPOSITORY + ' api=' + env.GITHUB_API_URL + ' workspace=' + env.GITHUB_WORKSPACE)
console.log('::group::Greeting')
console.log('hello ' + env.INPUT_GREETING + ' loud=' + env.INPUT_LOUD + ' token=' + env.INPUT_TOKEN)
console.log('::endgroup::')
console.log('::debug::only with --verbose')
console.log('::warning title=Careful::mind%0Athe gap')
console.log('::stop-commands::pause1')
console.log('::error::not a command while stopped')
console.log('::pause1::')
fs.appendFileSync(env.GITHUB_OUTPUT, 'lines<<X\\nfirst\\nsecond\\nX\\n')
fs.appendFileSync(env.GITHUB_STATE, 'started=' + Date.now() + '\\n')
fs.appendFileSync(env.GITHUB_ENV, 'PROBE_EXPORTED=yes\\n')
fs.appendFileSync(env.GITHUB_STEP_SUMMARY, '### Probe <!-- hidden -->\\n\\n| a | b |\\n| --- | --- |\\n| \`x\\\\|y\` | **z** |\\n')
process.exitCode = env.INPUT_LOUD === 'true' ? 3 : 0
`,
    )
    writeFileSync(
      join(dir, 'dist', 'probe', 'post', 'index.js'),
      "console.log('post step: state ' + (process.env.STATE_started ? 'received' : 'missing') + ', exported ' + process.env.PROBE_EXPORTED + ', main input ' + (process.env.INPUT_GREETING ?? ''))\n",
    )
    return dir
  }

  it('runs main then post with its state, translates commands, masks, and keeps the exit code', async () => {
    const dir = standInPackage()
    const result = await run(
      process.execPath,
      [join(dir, 'bin', 'flightdeck.mjs'), 'probe', '--greeting', 'world', '--loud'],
      { env: { ...cleanEnv, GITHUB_TOKEN: 'ghp_localtoken123' } },
    )
    expect(result.code).toBe(3)
    expect(result.stdout).toBe('lines<<EOF\nfirst\nsecond\nEOF\n')
    expect(result.stderr).toContain('▸ Greeting\n  hello world loud=true token=***\n')
    expect(result.stderr).not.toContain('ghp_localtoken123')
    expect(result.stderr).not.toContain('only with --verbose')
    expect(result.stderr).toContain('warning: mind\n  the gap')
    expect(result.stderr).toContain('::error::not a command while stopped')
    expect(result.stderr).toContain('post step: state received, exported yes, main input world')
    expect(result.stderr).toContain('exported: PROBE_EXPORTED')
    const summary = result.stderr.slice(result.stderr.indexOf('── summary'))
    expect(summary).toContain('Probe\n─────\n\na    b\n───  ─\nx|y  z')
  })

  it('shows debug lines with --verbose, and an empty github.token default without a token', async () => {
    const dir = standInPackage()
    const result = await run(
      process.execPath,
      [
        join(dir, 'bin', 'flightdeck.mjs'),
        'probe',
        '--greeting=you',
        '--verbose',
        '--loud',
        'false',
      ],
      { env: cleanEnv },
    )
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('debug: only with --verbose')
    expect(result.stderr).toContain('hello you loud=false token=\n')
    // Outside any CI: no repository, so no API URL; the workspace is where it was started.
    expect(result.stderr).toContain(
      `context: repository=undefined api=undefined workspace=${root.replace(/\/$/, '')}`,
    )
  })

  it("passes another CI's GITHUB_* context on, with the public API URL when only the repository is set", async () => {
    const dir = standInPackage()
    const cli = join(dir, 'bin', 'flightdeck.mjs')
    const args = [cli, 'probe', '--greeting', 'ci']
    const onlyRepository = await run(process.execPath, args, {
      env: { ...cleanEnv, GITHUB_REPOSITORY: 'acme/shop' },
    })
    expect(onlyRepository.stderr).toContain(
      'context: repository=acme/shop api=https://api.github.com ',
    )
    const enterprise = await run(process.execPath, args, {
      env: {
        ...cleanEnv,
        GITHUB_REPOSITORY: 'acme/shop',
        GITHUB_API_URL: 'https://ghe.acme.test/api/v3',
        GITHUB_WORKSPACE: '/builds/shop',
      },
      cwd: tmpdir(),
    })
    expect(enterprise.stderr).toContain(
      'context: repository=acme/shop api=https://ghe.acme.test/api/v3 workspace=/builds/shop',
    )
  })
})

describe('the pieces', () => {
  it.each(listActions())('reads actions/%s/action.yml as the yaml package does', (action) => {
    const spec = parse(readFileSync(join(root, 'actions', action, 'action.yml'), 'utf8'))
    expect(readAction(action)).toEqual({
      name: action,
      dir: join(root, 'actions', action),
      title: spec.name,
      description: spec.description,
      inputs: spec.inputs ?? {},
      outputs: spec.outputs ?? {},
      runs: spec.runs,
    })
    expect(spec.runs.main).toMatch(/^\.\.\/\.\.\/dist\//)
  })

  it('writes a multi-line output as a heredoc whose delimiter is not one of its lines', () => {
    expect(formatOutput('a', 'one')).toBe('a=one')
    expect(formatOutput('a', 'one\nEOF')).toBe('a<<EOF1\none\nEOF\nEOF1')
  })

  it('masks a value registered by ::add-mask:: in every later line, each line of it alone', () => {
    const masker = new Masker()
    const log = new LogTranslator(masker)
    expect(log.line('::add-mask::first%0Asecond')).toBeUndefined()
    expect(log.line('first and second')).toBe('*** and ***')
  })

  it('renders the summary Markdown as text', () => {
    const markdown = [
      '<!-- flightdeck -->',
      '## Deploy **v2** to [prod](https://x.test)',
      '',
      '| # | result |',
      '| ---: | --- |',
      '| 1 | `a\\|b` ok |',
      '| 10 | fine\\. |',
      '',
      '<details><summary>More</summary>',
      '',
      'Plain &amp; simple<br>line',
      '</details>',
    ].join('\n')
    expect(summaryText(markdown)).toBe(
      [
        'Deploy v2 to prod (https://x.test)',
        '──────────────────────────────────',
        '',
        '#   result',
        '──  ──────',
        '1   a|b ok',
        '10  fine.',
        '',
        'More:',
        '',
        'Plain & simple line',
      ].join('\n'),
    )
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
