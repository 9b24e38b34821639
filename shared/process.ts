// Runs a CLI the one way flightdeck runs any program: an argument array (never a shell string),
// credentials in the environment, a time limit after which the whole process group is killed,
// output captured within a cap, and every echoed line printed as data (shared/runner-protocol.ts).
//
// Why not `@actions/exec`: it gives no handle on the child, so a CLI past its time limit could
// only be abandoned, still running (and holding the step open) until the job's own timeout.
import { spawn, type ChildProcess } from 'node:child_process'
import { formatDuration } from './durations.js'
import * as core from './runner-protocol.js'

export interface CliOptions {
  /** Added to the process environment; credentials go here, never in args. */
  env?: Record<string, string | undefined>
  /** Written to stdin (secrets for `flyctl secrets import`). */
  input?: string
  cwd?: string
  timeoutMs: number
  /** When false (the default), a non-zero exit throws CliError. */
  allowFailure?: boolean
  /** Echo the CLI's output to the log (the default), or keep it quiet for JSON queries. */
  echo?: boolean
}

export interface CliResult {
  exitCode: number
  stdout: string
  stderr: string
  /** Whether stdout or stderr went over MAX_CAPTURE_BYTES (the start was dropped, the tail kept). */
  truncated?: boolean
}

export class CliError extends Error {
  constructor(
    message: string,
    readonly result?: CliResult,
    /** The CLI was stopped at its time limit (result holds what it printed until then). */
    readonly timedOut = false,
  ) {
    super(message)
    this.name = 'CliError'
  }
}

/** What is kept of each stream: a CLI that prints 60 MB costs at most this much memory. */
export const MAX_CAPTURE_BYTES = 8 * 1024 * 1024
/** Between SIGTERM to the process group and SIGKILL. */
export const KILL_GRACE_MS = 3000
/** After a cancel, how long the step may take to wind down before it is ended. */
const CANCEL_GRACE_MS = 5000
/** How long a line may be in the echoed log before it is cut. */
const MAX_ECHO_LINE = 4096

// CSI (colours, cursor moves) and OSC (hyperlinks, titles) sequences.
const ANSI = new RegExp(
  // eslint-disable-next-line no-control-regex -- matching escape codes is the point
  '\\u001b\\[[0-9;?]*[ -/]*[@-~]|\\u001b\\][^\\u0007\\u001b]*(?:\\u0007|\\u001b\\\\)|\\u001b[@-Z\\\\-_]',
  'g',
)

/** Text without terminal colour and cursor codes. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '')
}

/** The last non-empty lines of a CLI's output, as plain text for a one-line message. */
export function tail(text: string, lines = 3): string {
  return stripAnsi(text)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-lines)
    .join(' / ')
}

// The line a CLI itself leads its failure with: wrangler's `✘ [ERROR] ...`, `Error: ...` of
// flyctl, vercel and most others.
const HEADLINE = /^(?:✘\s*\[ERROR\]\s*|Error:\s*|ERROR:?\s+|error:\s*)(.+)$/

/**
 * Why a CLI failed, in one line of plain text: its own headline error when it printed one,
 * else the last lines of its error output (or of its output when stderr was empty).
 */
export function failureReason(result: Pick<CliResult, 'stdout' | 'stderr'>): string {
  for (const stream of [result.stderr, result.stdout]) {
    const lines = stripAnsi(stream)
      .split(/\r?\n/)
      .map((line) => line.trim())
    const headline = lines.find((line) => HEADLINE.test(line))
    if (headline) return headline.replace(/^✘\s*\[ERROR\]\s*/, '')
  }
  return tail(result.stderr) || tail(result.stdout) || 'no output'
}

/** Keeps the last `max` bytes of what a stream wrote. */
class CappedBuffer {
  private chunks: Buffer[] = []
  private size = 0
  dropped = false

  constructor(private readonly max: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk)
    this.size += chunk.length
    while (this.size > this.max && this.chunks.length > 0) {
      const first = this.chunks[0] as Buffer
      const excess = this.size - this.max
      this.dropped = true
      if (first.length <= excess) {
        this.chunks.shift()
        this.size -= first.length
      } else {
        this.chunks[0] = first.subarray(excess)
        this.size -= excess
      }
    }
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8')
  }
}

/** Splits a stream into lines for the log; the unfinished last line waits for more. */
class LineEcho {
  private pending = ''

  write(chunk: Buffer): void {
    const text = this.pending + chunk.toString('utf8')
    const lines = text.split(/\r?\n/)
    this.pending = lines.pop() ?? ''
    for (const line of lines) this.print(line)
    if (this.pending.length > MAX_ECHO_LINE) {
      this.print(this.pending)
      this.pending = ''
    }
  }

  flush(): void {
    if (this.pending) this.print(this.pending)
    this.pending = ''
  }

  private print(line: string): void {
    core.info(line.length > MAX_ECHO_LINE ? `${line.slice(0, MAX_ECHO_LINE)} …(cut)` : line)
  }
}

const running = new Set<ChildProcess>()

/** Sends a signal to the child's whole process group (its own children too). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return
  try {
    // A negative pid is the process group the child leads (it was spawned detached).
    if (process.platform !== 'win32') process.kill(-child.pid, signal)
    else child.kill(signal)
  } catch {
    // Already gone.
  }
}

function killAll(): void {
  for (const child of running) signalGroup(child, 'SIGKILL')
}

// However the step ends (a crash, process.exit), no CLI it started outlives it.
process.once('exit', killAll)

let cancellable = false
/**
 * A cancelled job gets SIGINT, then SIGTERM, from the runner; the children run in process
 * groups of their own, so the signal does not reach them. Pass it on, and let the step finish
 * what it does with a failed command (a GitHub Deployment gets its final state) for a few
 * seconds before ending it.
 */
function endChildrenOnCancel(): void {
  if (cancellable) return
  cancellable = true
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      core.info(`Received ${signal}: stopping ${running.size} running command(s).`)
      for (const child of running) signalGroup(child, 'SIGTERM')
      setTimeout(() => process.exit(signal === 'SIGINT' ? 130 : 143), CANCEL_GRACE_MS).unref()
      process.exitCode = signal === 'SIGINT' ? 130 : 143
    })
  }
}

/** The command line as the log shows it: `[command]tool arg ...`, every word as data. */
export function commandLine(tool: string, args: string[]): string {
  return [tool, ...args].join(' ')
}

/**
 * Runs a CLI with an argument array within a time limit. Past the limit its process group gets
 * SIGTERM, then SIGKILL after KILL_GRACE_MS, and the error says which command was stopped after
 * how long. stdout and stderr are captured (the last MAX_CAPTURE_BYTES of each).
 */
export function runCli(tool: string, args: string[], options: CliOptions): Promise<CliResult> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries({ ...process.env, ...options.env })) {
    if (value !== undefined) env[key] = value
  }
  const shown = commandLine(tool, args)
  core.info(`[command]${shown}`)
  const echo = options.echo !== false
  const stdout = new CappedBuffer(MAX_CAPTURE_BYTES)
  const stderr = new CappedBuffer(MAX_CAPTURE_BYTES)
  const echoOut = new LineEcho()
  const echoErr = new LineEcho()
  const started = performance.now()

  return new Promise<CliResult>((resolve, reject) => {
    let child: ChildProcess
    try {
      child = spawn(tool, args, {
        env,
        cwd: options.cwd,
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: process.platform !== 'win32',
        windowsHide: true,
      })
    } catch (err) {
      reject(
        new CliError(
          `could not run \`${tool}\`: ${err instanceof Error ? err.message : String(err)}`,
        ),
      )
      return
    }
    running.add(child)
    endChildrenOnCancel()
    let stoppedFor: string | undefined
    let killTimer: NodeJS.Timeout | undefined
    const limitTimer = setTimeout(() => {
      stoppedFor = `\`${shown}\` was stopped after ${formatDuration(performance.now() - started)}: it did not finish within its time limit of ${formatDuration(options.timeoutMs)}`
      core.info(stoppedFor)
      // Past the limit nothing waits for the log any more: the CLI's end must not depend on it.
      resumeReading()
      signalGroup(child, 'SIGTERM')
      killTimer = setTimeout(() => signalGroup(child, 'SIGKILL'), KILL_GRACE_MS)
    }, options.timeoutMs)

    // The echo waits for the log: while the pipe to the runner is full, the CLI's output is
    // not read, so the CLI waits on its own pipe instead of this process queueing what it
    // prints in memory (150 MB of deploy output once cost 733 MB). What is kept in memory is
    // capped by CappedBuffer; what waits to be written is at most one chunk's lines.
    let waiting = false
    const waitForLog = () => {
      const drained = core.logDrained()
      if (!drained || waiting || stoppedFor) return
      waiting = true
      child.stdout?.pause()
      child.stderr?.pause()
      void drained.then(resumeReading)
    }
    const resumeReading = () => {
      waiting = false
      child.stdout?.resume()
      child.stderr?.resume()
    }
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout.push(chunk)
      if (!echo) return
      echoOut.write(chunk)
      waitForLog()
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr.push(chunk)
      if (!echo) return
      echoErr.write(chunk)
      waitForLog()
    })
    // A CLI that exits without reading stdin must not crash the step with EPIPE.
    child.stdin?.on('error', () => undefined)
    if (options.input !== undefined) child.stdin?.end(options.input)
    else child.stdin?.end()

    let spawnError: Error | undefined
    child.on('error', (err) => {
      spawnError = err
    })
    child.on('close', (code, signal) => {
      clearTimeout(limitTimer)
      clearTimeout(killTimer)
      running.delete(child)
      // The group may still hold processes the CLI started and left behind.
      if (stoppedFor) signalGroup(child, 'SIGKILL')
      echoOut.flush()
      echoErr.flush()
      const result: CliResult = {
        exitCode: code ?? (signal ? 128 : 1),
        stdout: stdout.text(),
        stderr: stderr.text(),
        truncated: stdout.dropped || stderr.dropped,
      }
      if (spawnError) {
        const missing = (spawnError as NodeJS.ErrnoException).code === 'ENOENT'
        reject(
          new CliError(
            missing
              ? `could not run \`${tool}\`: it is not installed or not on PATH`
              : `could not run \`${tool}\`: ${spawnError.message}`,
          ),
        )
        return
      }
      if (stoppedFor) {
        reject(
          new CliError(
            `${stoppedFor}; its last output: ${tail(result.stderr) || tail(result.stdout) || 'none'}`,
            result,
            true,
          ),
        )
        return
      }
      if (result.exitCode !== 0 && !options.allowFailure) {
        reject(
          new CliError(
            `\`${shown}\` failed with exit code ${result.exitCode}: ${failureReason(result)}`,
            result,
          ),
        )
        return
      }
      core.debug(`${shown} exited ${result.exitCode}`)
      resolve(result)
    })
  })
}

/** Parses a CLI's JSON output, or says clearly which command printed something else. */
export function parseCliJson<T = unknown>(
  tool: string,
  args: string[],
  stdout: string,
  truncated = false,
): T {
  const shown = commandLine(tool, args)
  if (truncated) {
    throw new CliError(
      `\`${shown}\` printed more than ${MAX_CAPTURE_BYTES / 1024 / 1024} MiB; its JSON was not read`,
    )
  }
  try {
    return JSON.parse(stdout) as T
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err)
    const start = stripAnsi(stdout).trim().slice(0, 80)
    throw new CliError(
      `\`${shown}\` did not print JSON (${why}); it began: ${JSON.stringify(start)}`,
    )
  }
}
