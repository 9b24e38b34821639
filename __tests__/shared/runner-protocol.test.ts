// shared/runner-protocol.ts speaks the runner's protocol in place of @actions/core: what it writes is
// checked here against what @actions/core itself writes for the same calls, so the two cannot
// drift apart unnoticed.
import { jest } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as actionsCore from '@actions/core'
import * as runner from '../../shared/runner-protocol.js'
import {
  carriedOut,
  injectedCommands,
  REGISTERED_COMMANDS,
  runnerCommands,
} from '../support/runner-log.mjs'

function captureStdout(fn: () => void): string {
  const chunks: string[] = []
  const spy = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(String(chunk))
      return true
    })
  try {
    fn()
  } finally {
    spy.mockRestore()
  }
  return chunks.join('')
}

describe('runner protocol, as @actions/core writes it', () => {
  const tricky = 'a%b\r\nc:d,e ::error::x'
  const cases: Array<[string, (core: typeof runner | typeof actionsCore) => void]> = [
    ['debug', (core) => core.debug(tricky)],
    [
      'warning with properties',
      (core) => core.warning(tricky, { title: 'T:i,t%le', file: 'a.ts', startLine: 3 }),
    ],
    ['error', (core) => core.error(tricky, { title: 'deploy: failed' })],
    ['notice', (core) => core.notice('plain')],
    ['group', (core) => core.startGroup('Group: a,b')],
    ['endgroup', (core) => core.endGroup()],
    ['add-mask', (core) => core.setSecret('s3cr%et')],
    ['plain line', (core) => core.info('hello world')],
  ]
  it.each(cases)('%s', (_, call) => {
    expect(captureStdout(() => call(runner))).toBe(captureStdout(() => call(actionsCore)))
  })

  it('writes outputs, state and env in the file-command format the runner reads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flightdeck-runner-'))
    const ours = join(dir, 'ours')
    const theirs = join(dir, 'theirs')
    writeFileSync(ours, '')
    writeFileSync(theirs, '')
    const saved = process.env.GITHUB_OUTPUT
    try {
      process.env.GITHUB_OUTPUT = ours
      runner.setOutput('report', 'line 1\nline 2')
      process.env.GITHUB_OUTPUT = theirs
      actionsCore.setOutput('report', 'line 1\nline 2')
    } finally {
      process.env.GITHUB_OUTPUT = saved
    }
    // The heredoc delimiters are random; everything else must match.
    const shape = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]+/g, 'DELIMITER')
    expect(shape(readFileSync(ours, 'utf8'))).toBe(shape(readFileSync(theirs, 'utf8')))
  })

  it('reads inputs as @actions/core does', () => {
    process.env['INPUT_HEALTH-URL'] = '  https://x.example/health \n'
    process.env.INPUT_MY_INPUT = 'v'
    expect(runner.getInput('health-url')).toBe(actionsCore.getInput('health-url'))
    expect(runner.getInput('my input')).toBe(actionsCore.getInput('my input'))
    delete process.env['INPUT_HEALTH-URL']
    delete process.env.INPUT_MY_INPUT
  })
})

describe('foreign text is data', () => {
  it('leaves ordinary text alone', () => {
    expect(runner.safeLogText('deployed v42 to production')).toBe('deployed v42 to production')
  })

  it.each([
    '::error::pwned',
    '  ::add-mask::value',
    'first line\n::set-output name=x::y',
    '##[warning]legacy',
    'a\r\n\t::stop-commands::abc\n::error::after',
  ])('wraps %j so the runner carries out none of it', (text) => {
    const printed = captureStdout(() => runner.info(text))
    const { commands, text: shown } = runnerCommands(printed)
    expect(commands).toEqual([])
    expect(shown.join('\n').replace(/\n$/, '')).toBe(text.replace(/\r\n/g, '\n'))
  })

  // Every character .NET's TrimStart removes (Char.IsWhiteSpace), before `::`.
  const dotnetSpace = [
    ...'\t\n\v\f\r \u0085\u00a0\u1680\u202f\u205f\u3000\u2028\u2029',
    ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)),
  ]

  it.each(REGISTERED_COMMANDS)(
    'prints %s as data after any .NET white space and as ##[...] anywhere in a line',
    (name) => {
      const lines = [
        ...dotnetSpace.map((space) => `${space}::${name} title=PWNED::PWNED ${name}`),
        `deploying… ##[${name}]PWNED mid-line`,
        `id-1 ##[${name.toUpperCase()} x=PWNED]PWNED upper case`,
        `::not-a-command::##[${name}]PWNED after a v2 miss`,
      ]
      for (const line of lines) {
        const printed = captureStdout(() => runner.info(line))
        expect(injectedCommands(printed, 'PWNED')).toEqual([])
        expect(runnerCommands(printed).text.join('\n')).toContain('PWNED')
      }
    },
  )

  it('keeps its own failure annotation and state after a planted ##[stop-commands] mid-line', () => {
    const saved = process.env.GITHUB_STATE
    delete process.env.GITHUB_STATE
    try {
      const printed = captureStdout(() => {
        runner.info('release rel-9 ##[stop-commands]pwned-token')
        runner.info('\u0085::stop-commands::pwned-token-2')
        runner.saveState('deployment', 'dep-42')
        runner.setSecret('late-secret-value')
        runner.setFailed('deploy failed: exit code 1')
      })
      expect(runnerCommands(printed).stops).toHaveLength(2)
      expect(injectedCommands(printed, 'pwned')).toEqual([])
      expect(carriedOut(printed, 'save-state', 'dep-42')).toBe(true)
      expect(carriedOut(printed, 'add-mask', 'late-secret-value')).toBe(true)
      expect(carriedOut(printed, 'error', 'deploy failed: exit code 1')).toBe(true)
    } finally {
      if (saved !== undefined) process.env.GITHUB_STATE = saved
    }
  })

  it('quotes foreign text inside its own commands as data (the runner reads ::name:: first)', () => {
    const hostile = 'x ##[stop-commands]pwned\r\n##[error]pwned, ::error::pwned'
    const printed = captureStdout(() => {
      // A property may quote it too (the marker is left out of it: injectedCommands counts a
      // marker in any property).
      runner.error(hostile, { title: `t ${hostile.replace(/pwned/g, 'ours')}` })
      runner.warning(hostile)
      runner.debug(hostile)
      runner.startGroup(`deploy ${hostile}`)
      runner.endGroup()
      runner.setFailed('the step still fails')
    })
    expect(runnerCommands(printed).stops).toEqual([])
    expect(injectedCommands(printed, 'pwned')).toEqual([])
    expect(runnerCommands(printed).commands.map((command) => command.name)).toEqual([
      'error',
      'warning',
      'debug',
      'group',
      'endgroup',
      'error',
    ])
    // A group's name is one line: the runner writes it as `##[group]name` to the log, where a
    // line break would start a line of the log's markup.
    const group = runnerCommands(printed).commands.find((command) => command.name === 'group')
    expect(group?.message).toBe('deploy x ##[stop-commands]pwned ##[error]pwned, ::error::pwned')
  })

  it('never ends its stop-commands block on a token the text holds in another case', () => {
    const first = '00000000-0000-4000-8000-00000000000a'
    const spy = jest
      .spyOn(globalThis.crypto, 'randomUUID')
      .mockReturnValueOnce(first)
      .mockReturnValueOnce('00000000-0000-4000-8000-00000000000b')
    try {
      // The runner ends the pause on `##[<token>]` anywhere, comparing without regard to case.
      const hostile = `see ##[FLIGHTDECK-${first.toUpperCase()}]\n::error::PWNED`
      const printed = runner.safeLogText(hostile)
      expect(injectedCommands(printed, 'PWNED')).toEqual([])
      expect(printed).toContain('::stop-commands::flightdeck-00000000-0000-4000-8000-00000000000b')
    } finally {
      spy.mockRestore()
    }
  })

  it('never ends its stop-commands block with a token the text contains', () => {
    const text = '::error::x'
    const first = runner.safeLogText(text)
    const token = /^::stop-commands::(.+)$/m.exec(first)?.[1] ?? ''
    const hostile = `::${token}::\n::error::escaped?`
    const printed = runner.safeLogText(hostile)
    expect(/^::stop-commands::(.+)$/m.exec(printed)?.[1]).not.toBe(token)
    expect(runnerCommands(printed).commands).toEqual([])
  })
})

describe('redaction', () => {
  it('takes registered secrets out of log lines, annotations, outputs and the summary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flightdeck-runner-'))
    const output = join(dir, 'output')
    const summary = join(dir, 'summary')
    writeFileSync(output, '')
    writeFileSync(summary, '')
    const saved = { o: process.env.GITHUB_OUTPUT, s: process.env.GITHUB_STEP_SUMMARY }
    process.env.GITHUB_OUTPUT = output
    process.env.GITHUB_STEP_SUMMARY = summary
    try {
      const printed = captureStdout(() => {
        runner.setSecret('tok-abc123')
        runner.info('the server said tok-abc123')
        runner.error('failed with tok-abc123', { title: 'title tok-abc123' })
        runner.setOutput('echo', 'tok-abc123')
        runner.appendSummaryFile('| tok-abc123 |')
      })
      expect(printed).toContain('::add-mask::tok-abc123')
      expect(printed.replace('::add-mask::tok-abc123', '')).not.toContain('tok-abc123')
      expect(readFileSync(output, 'utf8')).not.toContain('tok-abc123')
      expect(readFileSync(summary, 'utf8')).toBe('| *** |\n')
    } finally {
      process.env.GITHUB_OUTPUT = saved.o
      process.env.GITHUB_STEP_SUMMARY = saved.s
    }
  })
})
