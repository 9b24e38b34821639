import { CliError } from '../process.js'
import { lastLine, optionalText, resultLine, runUserCommand } from './command-run.js'
import { createCommandTraffic } from './command-traffic.js'
import {
  type DeployRequest,
  type DeployResult,
  type Provider,
  type ProviderConfig,
  type Release,
  type RollbackResult,
} from './types.js'
import { statusFromWord } from './status-words.js'

export { shellInvocation } from './command-run.js'

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

async function deploy(
  config: ProviderConfig,
  request: DeployRequest,
  trafficEnv: Record<string, string> = {},
): Promise<DeployResult> {
  if (request.extraArgs?.length) {
    config.log(
      'provider `command` ignores extra arguments: put them in the `deploy-command` itself',
    )
  }
  const result = await runUserCommand(
    config,
    'deploy-command',
    {
      FLIGHTDECK_RELEASE_IMAGE: request.image,
      FLIGHTDECK_ENVIRONMENT: request.environment,
      ...trafficEnv,
    },
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
 * `rollback-command`, optional `url-command`; `traffic-command` for traffic steps), for
 * platforms flightdeck has no provider for.
 */
export function createCommandProvider(config: ProviderConfig): Provider {
  return {
    name: 'command',
    tokenEnv: [],
    deploy: (request) => deploy(config, request),
    releases: () => releases(config),
    rollback: (target) => rollback(config, target),
    url: () => url(config),
    // Static, as the spec's `trafficSplit`: whether the user's router can split is theirs to
    // say; a missing `traffic-command` is refused before anything deploys.
    traffic: createCommandTraffic(config, {
      deploy: (request, env) => deploy(config, request, env),
      releases: () => releases(config),
    }),
  }
}
