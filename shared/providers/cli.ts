import * as core from '@actions/core'
import * as exec from '@actions/exec'
import { formatDuration } from '../durations.js'

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
}

export class CliError extends Error {
  constructor(
    message: string,
    readonly result?: CliResult,
  ) {
    super(message)
    this.name = 'CliError'
  }
}

let abandoned = 0

/**
 * How many CLI processes outlived their time limit. `@actions/exec` gives no handle to kill a
 * child, so the run wrapper ends the step itself when any are left.
 */
export function abandonedProcesses(): number {
  return abandoned
}

/** The last non-empty lines of a CLI's error output, for a one-line message. */
export function tail(text: string, lines = 3): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-lines)
    .join(' / ')
}

/**
 * Runs a CLI with an argument array (never a shell string) through @actions/exec, within a
 * time limit. The command line is logged with its arguments; credentials travel in `env`.
 */
export async function runCli(
  tool: string,
  args: string[],
  options: CliOptions,
): Promise<CliResult> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries({ ...process.env, ...options.env })) {
    if (value !== undefined) env[key] = value
  }
  const shown = `${tool} ${args.join(' ')}`
  const run = exec.getExecOutput(tool, args, {
    env,
    cwd: options.cwd,
    input: options.input === undefined ? undefined : Buffer.from(options.input),
    ignoreReturnCode: true,
    silent: options.echo === false,
  })
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abandoned += 1
      reject(
        new CliError(`\`${shown}\` did not finish within ${formatDuration(options.timeoutMs)}`),
      )
    }, options.timeoutMs)
  })
  let result: CliResult
  try {
    result = await Promise.race([run, timeout])
  } catch (err) {
    if (err instanceof CliError) throw err
    const message = err instanceof Error ? err.message : String(err)
    throw new CliError(`could not run \`${tool}\`: ${message}`)
  } finally {
    clearTimeout(timer)
  }
  if (result.exitCode !== 0 && !options.allowFailure) {
    const why = tail(result.stderr) || tail(result.stdout) || 'no output'
    throw new CliError(`\`${shown}\` failed with exit code ${result.exitCode}: ${why}`, result)
  }
  core.debug(`${shown} exited ${result.exitCode}`)
  return result
}

/** Parses a CLI's JSON output, or says clearly which command printed something else. */
export function parseCliJson<T = unknown>(tool: string, args: string[], stdout: string): T {
  try {
    return JSON.parse(stdout) as T
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err)
    const start = stdout.trim().slice(0, 80)
    throw new CliError(
      `\`${tool} ${args.join(' ')}\` did not print JSON (${why}); it began: ${JSON.stringify(start)}`,
    )
  }
}
