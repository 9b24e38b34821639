// How the `command` provider runs the user's own commands: bash (pwsh on Windows) with the
// command text as the user wrote it, data only through environment variables. Shared by the
// provider's deploy/releases/rollback (command.ts) and its traffic steps (command-traffic.ts).
import { formatDuration } from '../durations.js'
import { errorMessage } from '../errors.js'
import { CliError, runCli, tail, type CliResult } from '../process.js'
import type { ProviderConfig } from './types.js'

/** The settings (inputs) that hold the user's commands. */
export type CommandInput =
  'deploy-command' | 'releases-command' | 'rollback-command' | 'traffic-command' | 'url-command'

const PURPOSE: Record<CommandInput, string> = {
  'deploy-command': 'deploy',
  'releases-command': 'list releases',
  'rollback-command': 'roll back',
  'traffic-command': 'move traffic between releases',
  'url-command': 'find the app URL',
}

/**
 * How the user's command text runs: as GitHub runs a `run:` step, bash without profile or rc
 * files, stopping at the first failing command of a pipeline or list (PowerShell on Windows).
 * `--norc` matters beyond habit: bash reads ~/.bashrc when its stdin is a socket (it takes
 * that for an ssh session), and Node's stdio pipes are sockets; a runner's ~/.bashrc (pyenv,
 * nvm) then runs before every command.
 */
export function shellInvocation(
  command: string,
  platform: NodeJS.Platform = process.platform,
): { tool: string; args: string[] } {
  return platform === 'win32'
    ? { tool: 'pwsh', args: ['-NoProfile', '-NonInteractive', '-Command', command] }
    : { tool: 'bash', args: ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command] }
}

export function requiredCommand(config: ProviderConfig, input: CommandInput): string {
  const command = config.settings[input]
  if (!command || command.trim() === '') {
    throw new Error(`provider \`command\` needs the \`${input}\` input to ${PURPOSE[input]}`)
  }
  return command
}

/**
 * Runs one of the user's commands. Everything flightdeck knows about the release (ids, images,
 * versions: text that may come from a branch or a tag) reaches it only through environment
 * variables; the command text is the user's own and is never built from data.
 */
export async function runUserCommand(
  config: ProviderConfig,
  input: CommandInput,
  env: Record<string, string | undefined>,
  echo: boolean,
): Promise<CliResult> {
  const { tool, args } = shellInvocation(requiredCommand(config, input))
  let result: CliResult
  try {
    result = await runCli(tool, args, {
      env: {
        FLIGHTDECK_APP: config.app,
        // Unset unless this operation sets them, so nothing stale leaks in from the runner.
        FLIGHTDECK_RELEASE_ID: undefined,
        FLIGHTDECK_RELEASE_IMAGE: undefined,
        FLIGHTDECK_RELEASE_VERSION: undefined,
        FLIGHTDECK_PREVIOUS_RELEASE_ID: undefined,
        FLIGHTDECK_TRAFFIC_STEPS: undefined,
        FLIGHTDECK_TRAFFIC_PERCENT: undefined,
        ...env,
      },
      cwd: config.cwd,
      timeoutMs: config.timeoutMs,
      allowFailure: true,
      echo,
    })
  } catch (err) {
    if (err instanceof CliError && err.timedOut) {
      throw new CliError(
        `the \`${input}\` was stopped (with every process it started) after ${formatDuration(config.timeoutMs)}, its time limit (command-timeout)`,
        err.result,
        true,
      )
    }
    throw new CliError(`could not run the \`${input}\` with ${tool}: ${errorMessage(err)}`)
  }
  if (result.exitCode !== 0) {
    const why = tail(result.stderr) || tail(result.stdout) || 'no output'
    throw new CliError(`the \`${input}\` failed with exit code ${result.exitCode}: ${why}`, result)
  }
  return result
}

export function lastLine(stdout: string): string | undefined {
  return stdout
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .pop()
}

export function optionalText(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return undefined
}

/** A last line such as `{"id":"v42","url":"https://…"}` tells what was deployed; anything else is just output. */
export function resultLine(stdout: string): { id?: string; version?: string; url?: string } {
  const line = lastLine(stdout)
  if (!line?.startsWith('{')) return {}
  try {
    const parsed = JSON.parse(line) as Record<string, unknown>
    return {
      id: optionalText(parsed.id),
      version: optionalText(parsed.version),
      url: optionalText(parsed.url),
    }
  } catch {
    return {}
  }
}
