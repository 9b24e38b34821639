// bin/flightdeck.mjs re-prints an action's log, summary and outputs; inside a GitHub step the
// runner reads that output too (stdout and stderr), so what it re-prints of foreign text must
// be as inert as what the action printed: run as a user would, read as the runner reads.
import { spawn } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { carriedOut, injectedCommands, runnerCommands } from '../support/runner-log.mjs'

const root = new URL('../..', import.meta.url).pathname

/** Runs the CLI; its stdout goes to `stdoutFile` when given (`> outputs.txt`), else a pipe. */
function flightdeck(
  args: string[],
  stdoutFile?: string,
): Promise<{ code: number | null; out: string; err: string }> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', NO_COLOR: '1' }
  const fd = stdoutFile === undefined ? undefined : openSync(stdoutFile, 'w')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'flightdeck.mjs'), ...args], {
      cwd: mkdtempSync(join(tmpdir(), 'flightdeck-hostile-cli-')),
      env: { ...env, HOME: process.env.HOME ?? '', GITHUB_ACTIONS: 'true' },
      stdio: ['ignore', fd ?? 'pipe', 'pipe'],
    })
    if (fd !== undefined) closeSync(fd)
    let out = ''
    let err = ''
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
    child.on('error', reject)
    child.on('close', (code) =>
      resolve({
        code,
        out: stdoutFile === undefined ? out : readFileSync(stdoutFile, 'utf8'),
        err,
      }),
    )
  })
}

describe('the CLI re-prints foreign text as data', () => {
  it("the action's log, its annotations, the summary and the outputs", async () => {
    const work = mkdtempSync(join(tmpdir(), 'flightdeck-hostile-cli-'))
    const releases = join(work, 'releases.json')
    writeFileSync(
      releases,
      JSON.stringify([
        { id: 'rel-2', version: 'v2', status: 'succeeded', current: true },
        { id: 'rel-1 ##[error]PWNED-ID', version: 'v1', status: 'succeeded' },
      ]),
    )
    const output = join(work, 'out.txt')
    writeFileSync(
      output,
      ['::error::PWNED-LINE', 'x ##[stop-commands]pwned-stop', '\u0085::warning::PWNED-NEL'].join(
        '\n',
      ),
    )
    const result = await flightdeck([
      'rollback',
      '--provider',
      'command',
      '--releases-command',
      `cat '${releases}'`,
      '--rollback-command',
      `cat '${output}'; cat '${output}' >&2; exit 3`,
      '--reason',
      'spike ##[stop-commands]pwned-reason',
    ])
    expect(result.code).toBe(1)
    for (const stream of [result.out, result.err]) {
      expect(injectedCommands(stream, 'PWNED')).toEqual([])
      expect(runnerCommands(stream).stops.filter((stop) => /pwned/i.test(stop.message))).toEqual([])
    }
    const shown = runnerCommands(result.err).text.join('\n')
    expect(shown).toContain('##[error]PWNED-ID')
    expect(shown).toContain('::error::PWNED-LINE')
    // The CLI prints the failure as `error: …` text; nothing switched the runner's commands
    // off before a command the outer step writes afterwards.
    expect(carriedOut(`${result.err}\n::error::after the CLI`, 'error', 'after the CLI')).toBe(true)
  })

  it('writes the outputs as they are to a file (`> outputs.txt`), which no runner reads as log', async () => {
    const work = mkdtempSync(join(tmpdir(), 'flightdeck-hostile-cli-'))
    const releases = join(work, 'releases.json')
    writeFileSync(
      releases,
      JSON.stringify([
        { id: 'rel-2', version: 'v2', status: 'succeeded', current: true },
        { id: 'rel-1 ##[error]x', version: 'v1', status: 'succeeded' },
      ]),
    )
    const args = [
      'rollback',
      '--provider',
      'command',
      '--releases-command',
      `cat '${releases}'`,
      '--rollback-command',
      'true',
    ]
    const piped = await flightdeck(args)
    const filed = await flightdeck(args, join(work, 'outputs.txt'))
    expect(piped.code).toBe(0)
    expect(filed.code).toBe(0)
    expect(piped.out).toMatch(/^::stop-commands::flightdeck-/)
    expect(injectedCommands(piped.out, 'x')).toEqual([])
    expect(filed.out).toContain('release=rel-1 ##[error]x\n')
    expect(filed.out).not.toContain('stop-commands')
  })
})
