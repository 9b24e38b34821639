import { jest } from '@jest/globals'
import {
  CliError,
  failureReason,
  MAX_CAPTURE_BYTES,
  parseCliJson,
  runCli,
  stripAnsi,
} from '../../shared/process.js'
import { runnerCommands } from '../support/runner-log.mjs'

function captureStdout() {
  const chunks: string[] = []
  const spy = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(String(chunk))
      return true
    })
  return { text: () => chunks.join(''), restore: () => spy.mockRestore() }
}

const node = process.execPath

describe('runCli', () => {
  it('passes arguments as an array: no shell reads them', async () => {
    const out = captureStdout()
    try {
      const result = await runCli(
        node,
        [
          '-e',
          'console.log(JSON.stringify(process.argv.slice(1)))',
          '$(id)',
          '; rm -rf /',
          '--x=y',
        ],
        { timeoutMs: 10_000, echo: false },
      )
      expect(JSON.parse(result.stdout)).toEqual(['$(id)', '; rm -rf /', '--x=y'])
    } finally {
      out.restore()
    }
  })

  it('writes input to stdin and puts credentials in the environment only', async () => {
    const out = captureStdout()
    try {
      const result = await runCli(
        node,
        ['-e', 'process.stdin.on("data", (d) => process.stdout.write(d + process.env.TOKEN))'],
        { timeoutMs: 10_000, input: 'secret=', env: { TOKEN: 't0k' }, echo: false },
      )
      expect(result.stdout).toBe('secret=t0k')
      expect(out.text()).not.toContain('t0k')
    } finally {
      out.restore()
    }
  })

  it('stops a CLI at its time limit and names the command and the time', async () => {
    const out = captureStdout()
    const started = performance.now()
    try {
      const error = await runCli(
        node,
        ['-e', 'console.log("working"); setTimeout(() => {}, 60000)'],
        {
          timeoutMs: 400,
        },
      ).catch((err: unknown) => err)
      expect(error).toBeInstanceOf(CliError)
      expect((error as CliError).timedOut).toBe(true)
      expect((error as Error).message).toMatch(
        /^`.+ -e .+` was stopped after \d+ms: it did not finish within its time limit of 400ms; its last output: working$/,
      )
      expect(performance.now() - started).toBeLessThan(3000)
    } finally {
      out.restore()
    }
  })

  it('keeps the last MAX_CAPTURE_BYTES of a flood of output', async () => {
    const out = captureStdout()
    try {
      const result = await runCli(
        node,
        [
          '-e',
          'const s = "x".repeat(1 << 20); for (let i = 0; i < 12; i++) process.stdout.write(s); process.stdout.write("END")',
        ],
        { timeoutMs: 20_000, echo: false },
      )
      expect(result.truncated).toBe(true)
      expect(result.stdout.length).toBe(MAX_CAPTURE_BYTES)
      expect(result.stdout.endsWith('END')).toBe(true)
      expect(() => parseCliJson('tool', ['list'], result.stdout, result.truncated)).toThrow(
        '`tool list` printed more than 8 MiB; its JSON was not read',
      )
    } finally {
      out.restore()
    }
  })

  it('echoes CLI output as data: a line of it never becomes a runner command', async () => {
    const out = captureStdout()
    try {
      await runCli(
        node,
        [
          '-e',
          'console.log("::error title=x::pwned\\n::add-mask::y\\ndeploying… ##[error]pwned\\n\\u0085::warning::pwned"); console.error("##[warning]z\\nrelease 7 ##[stop-commands]pwned")',
        ],
        {
          timeoutMs: 10_000,
        },
      )
    } finally {
      out.restore()
    }
    expect(runnerCommands(out.text()).commands.map((command) => command.name)).toEqual(['debug'])
    expect(
      runnerCommands(out.text()).stops.every((stop) => stop.message.startsWith('flightdeck-')),
    ).toBe(true)
  })

  it('waits for a slow log pipe while echoing a flood, instead of queueing it in memory', async () => {
    // A log pipe as Node's process.stdout on a pipe behaves: write() queues what the reader has
    // not taken and returns false past the high-water mark; 'drain' comes once it is all taken.
    // This reader takes 4 KiB per turn of the event loop, far slower than the CLI prints.
    const highWaterMark = 16 * 1024
    let queued = 0
    let mostQueued = 0
    let written = 0
    let full = false
    let reading = true
    const spy = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: string | Uint8Array) => {
        const size = Buffer.byteLength(String(chunk))
        queued += size
        written += size
        mostQueued = Math.max(mostQueued, queued)
        if (queued > highWaterMark) full = true
        return !full
      })
    const drainIfEmpty = () => {
      if (full && queued === 0) {
        full = false
        process.stdout.emit('drain')
      }
    }
    const read = () => {
      if (!reading) return
      queued = Math.max(0, queued - 4096)
      drainIfEmpty()
      setImmediate(read)
    }
    setImmediate(read)
    const flood = 16 * 1024 * 1024
    try {
      const result = await runCli(
        node,
        ['-e', `process.stdout.write(("y".repeat(1023) + "\\n").repeat(${flood / 1024}))`],
        { timeoutMs: 60_000 },
      )
      expect(result.truncated).toBe(true)
      expect(result.stdout.length).toBe(MAX_CAPTURE_BYTES)
    } finally {
      reading = false
      queued = 0
      drainIfEmpty()
      spy.mockRestore()
    }
    // Everything was echoed, yet only a few reads of the pipe (64 KiB each: what the child's
    // streams had already read before the pause took effect) past the high-water mark ever
    // waited in memory, where 16 MiB would have without waiting for 'drain'.
    expect(written).toBeGreaterThan(flood)
    expect(mostQueued).toBeLessThan(1024 * 1024)
  })

  it('says when the CLI is not installed', async () => {
    await expect(runCli('flightdeck-no-such-cli', [], { timeoutMs: 5000 })).rejects.toThrow(
      'could not run `flightdeck-no-such-cli`: it is not installed or not on PATH',
    )
  })
})

describe('failure messages', () => {
  it("lead with the CLI's own headline, in plain text", () => {
    const stderr = [
      '\u001b[31m✘ \u001b[41;31m[\u001b[41;97mERROR\u001b[41;31m]\u001b[0m \u001b[1mA request to the Cloudflare API failed.\u001b[0m',
      '',
      '  Worker not found [code: 10007]',
      'If you think this is a bug, please open an issue',
    ].join('\n')
    expect(failureReason({ stdout: '', stderr })).toBe('A request to the Cloudflare API failed.')
    expect(failureReason({ stdout: '', stderr: 'Error: Could not find app "web"\n' })).toBe(
      'Error: Could not find app "web"',
    )
    expect(failureReason({ stdout: 'a\nb\nc\nd', stderr: '' })).toBe('b / c / d')
    expect(stripAnsi('\u001b]8;;https://x\u0007link\u001b]8;;\u0007 \u001b[1mbold\u001b[0m')).toBe(
      'link bold',
    )
  })
})
