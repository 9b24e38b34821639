import { formatDuration } from '../durations.js'
import { errorMessage } from '../errors.js'
import { CliError, runCli, tail, type CliResult } from '../process.js'
import {
  type DeployRequest,
  type DeployResult,
  type Provider,
  type ProviderConfig,
  type Release,
  type RollbackResult,
} from './types.js'
import { statusFromWord } from './status-words.js'

/** The settings (inputs) that hold the user's commands. */
type CommandInput = 'deploy-command' | 'releases-command' | 'rollback-command' | 'url-command'

const PURPOSE: Record<CommandInput, string> = {
  'deploy-command': 'deploy',
  'releases-command': 'list releases',
  'rollback-command': 'roll back',
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

function requiredCommand(config: ProviderConfig, input: CommandInput): string {
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
async function runUserCommand(
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

function lastLine(stdout: string): string | undefined {
  return stdout
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .pop()
}

function optionalText(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return undefined
}

/** A last line such as `{"id":"v42","url":"https://…"}` tells what was deployed; anything else is just output. */
function resultLine(stdout: string): { id?: string; version?: string; url?: string } {
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

/** Lenient: the words deploy scripts and platforms commonly print for each state. */
export const commandStatus = statusFromWord

function parseReleasesJson(stdout: string): unknown {
  const attempts = [stdout.trim(), lastLine(stdout) ?? '']
  for (const text of attempts) {
    try {
      return JSON.parse(text)
    } catch {
      // try the next form
    }
  }
  throw new CliError(
    `the \`releases-command\` did not print a JSON array of releases; it began: ${JSON.stringify(stdout.trim().slice(0, 80))}`,
  )
}

function toRelease(entry: unknown, index: number): Release & { markedCurrent: boolean } {
  if (!entry || typeof entry !== 'object') {
    throw new CliError(
      `the \`releases-command\` printed entry ${index + 1} that is not an object: ${JSON.stringify(entry)}`,
    )
  }
  const item = entry as Record<string, unknown>
  const id = optionalText(item.id)
  if (!id) {
    throw new CliError(
      `the \`releases-command\` printed entry ${index + 1} without an \`id\`: ${JSON.stringify(entry).slice(0, 80)}`,
    )
  }
  const rawStatus = optionalText(item.status) ?? ''
  return {
    id,
    version: optionalText(item.version),
    status: commandStatus(rawStatus),
    rawStatus,
    image: optionalText(item.image),
    createdAt: optionalText(item.createdAt),
    current: false,
    description: optionalText(item.description),
    url: optionalText(item.url),
    markedCurrent: item.current === true,
  }
}

/** Newest first: by date when every entry has one, else in the order the command printed. */
function newestFirst<T extends Release>(releases: T[]): T[] {
  if (
    !releases.every((release) => release.createdAt && !Number.isNaN(Date.parse(release.createdAt)))
  ) {
    return releases
  }
  return [...releases].sort((a, b) => Date.parse(b.createdAt ?? '') - Date.parse(a.createdAt ?? ''))
}

async function releases(config: ProviderConfig): Promise<Release[]> {
  const result = await runUserCommand(config, 'releases-command', {}, false)
  const parsed = parseReleasesJson(result.stdout)
  const list = Array.isArray(parsed)
    ? parsed
    : parsed &&
        typeof parsed === 'object' &&
        Array.isArray((parsed as { releases?: unknown }).releases)
      ? (parsed as { releases: unknown[] }).releases
      : undefined
  if (!list) {
    throw new CliError(
      `the \`releases-command\` printed JSON that is not an array of releases: ${JSON.stringify(parsed).slice(0, 80)}`,
    )
  }
  const entries = newestFirst(list.map(toRelease))
  // Exactly one current: the newest the command marked, else the newest that succeeded.
  const marked = entries.findIndex((entry) => entry.markedCurrent)
  const chosen = marked >= 0 ? marked : entries.findIndex((entry) => entry.status === 'succeeded')
  return entries.map(({ markedCurrent: _marked, ...release }, index) => ({
    ...release,
    current: index === chosen,
  }))
}

async function deploy(config: ProviderConfig, request: DeployRequest): Promise<DeployResult> {
  if (request.extraArgs?.length) {
    config.log(
      'provider `command` ignores extra arguments: put them in the `deploy-command` itself',
    )
  }
  const result = await runUserCommand(
    config,
    'deploy-command',
    { FLIGHTDECK_RELEASE_IMAGE: request.image, FLIGHTDECK_ENVIRONMENT: request.environment },
    true,
  )
  const said = resultLine(result.stdout)
  return { releaseId: said.id, version: said.version, url: said.url }
}

async function rollback(config: ProviderConfig, target: Release): Promise<RollbackResult> {
  const result = await runUserCommand(
    config,
    'rollback-command',
    {
      FLIGHTDECK_RELEASE_ID: target.id,
      FLIGHTDECK_RELEASE_IMAGE: target.image,
      FLIGHTDECK_RELEASE_VERSION: target.version,
    },
    true,
  )
  return { releaseId: resultLine(result.stdout).id }
}

async function url(config: ProviderConfig): Promise<string | undefined> {
  if (!config.settings['url-command']) return undefined
  const result = await runUserCommand(config, 'url-command', {}, false)
  const line = lastLine(result.stdout)
  if (!line) return undefined
  if (!/^https?:\/\/\S+$/i.test(line)) {
    throw new CliError(
      `the \`url-command\` printed ${JSON.stringify(line.slice(0, 80))} as its last line, not an http(s) URL`,
    )
  }
  return line
}

/**
 * Deploys through the user's own commands (`deploy-command`, `releases-command`,
 * `rollback-command`, optional `url-command`), for platforms flightdeck has no provider for.
 */
export function createCommandProvider(config: ProviderConfig): Provider {
  return {
    name: 'command',
    tokenEnv: [],
    deploy: (request) => deploy(config, request),
    releases: () => releases(config),
    rollback: (target) => rollback(config, target),
    url: () => url(config),
  }
}
