// shared/runner.ts speaks the runner's protocol in place of @actions/core: what it writes is
// checked here against what @actions/core itself writes for the same calls, so the two cannot
// drift apart unnoticed.
import { jest } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as actionsCore from '@actions/core'
import * as runner from '../../shared/runner.js'
import { runnerCommands } from '../../scripts/lib/runner-log.mjs'

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
