// bin/lib/step-host.mjs, the one place that runs a step as the runner does (the CLI and the
// tests' action and workflow runners use it): in process, what it gives a step and reads back.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import {
  createFileCommands,
  inputEnvironment,
  postStepEnvironment,
  postStepRuns,
  readFileCommands,
  runStepProcess,
} from '../../bin/lib/step-host.mjs'

describe('the step host', () => {
  it('fills INPUT_* with action.yml defaults, expression defaults from the context, given inputs over them', () => {
    const declared = {
      'github-token': { default: '${{ github.token }}' },
      'job status': { default: '${{ job.status }}' },
      retries: { default: 3 },
      url: {},
    }
    expect(
      inputEnvironment(declared, { url: 'https://x.test' }, { 'github.token': 'ghs_t' }),
    ).toEqual({
      'INPUT_GITHUB-TOKEN': 'ghs_t',
      INPUT_JOB_STATUS: '',
      INPUT_RETRIES: '3',
      INPUT_URL: 'https://x.test',
    })
  })

  it('reads back what a real process wrote to its file commands', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flightdeck-step-host-'))
    const files = createFileCommands(dir)
    const script = [
      'const fs = require("node:fs")',
      'const e = process.env',
      'fs.appendFileSync(e.GITHUB_OUTPUT, "a=1\\nlines<<END\\none\\ntwo\\nEND\\n")',
      'fs.appendFileSync(e.GITHUB_ENV, "MODE=fast\\n")',
      'fs.appendFileSync(e.GITHUB_PATH, "/opt/one\\n/opt/two\\n")',
      'fs.appendFileSync(e.GITHUB_STATE, "pid=42\\n")',
      'fs.appendFileSync(e.GITHUB_STEP_SUMMARY, "## done\\n")',
      'console.log("out " + e.INPUT_NAME); console.error("err")',
      'process.exitCode = 3',
    ].join('\n')
    const entry = join(dir, 'step.cjs')
    writeFileSync(entry, script)
    let stdout = ''
    let stderr = ''
    const { code } = await runStepProcess(process.execPath, [entry], {
      cwd: dir,
      env: { ...files, INPUT_NAME: 'x', LEFT_OUT: undefined },
      onStdout: (chunk) => (stdout += chunk),
      onStderr: (chunk) => (stderr += chunk),
    })
    expect({ code, stdout, stderr }).toEqual({ code: 3, stdout: 'out x\n', stderr: 'err\n' })
    const written = readFileCommands(files)
    expect(written).toEqual({
      outputs: { a: '1', lines: 'one\ntwo' },
      summary: '## done\n',
      exportedEnv: { MODE: 'fast' },
      addedPath: ['/opt/one', '/opt/two'],
      savedState: { pid: '42' },
    })
    // The post step: what the main step exported, the last added directory first, its state.
    expect(postStepEnvironment({ PATH: '/usr/bin', KEEP: 'k' }, written)).toEqual({
      PATH: ['/opt/two', '/opt/one', '/usr/bin'].join(delimiter),
      KEEP: 'k',
      MODE: 'fast',
      STATE_pid: '42',
    })
    expect(readFileSync(files.GITHUB_OUTPUT as string, 'utf8')).toContain('a=1')
  })

  it('runs the post step for the post-if conditions actions use', () => {
    expect(postStepRuns(undefined, 1, false)).toBe(true)
    expect(postStepRuns('success()', 0, false)).toBe(true)
    expect(postStepRuns('success()', 1, false)).toBe(false)
    expect(postStepRuns('${{ failure() }}', 1, false)).toBe(true)
    expect(postStepRuns('failure()', 1, true)).toBe(false)
    expect(postStepRuns('cancelled()', 0, true)).toBe(true)
  })
})
