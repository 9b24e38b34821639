// Running vercel for one project: its credentials by environment (never argv), the project and
// `--api` arguments, paged `vercel list`, and waiting for a deployment to be READY.
import { InputError } from '../errors.js'
import { maskSecret } from '../secrets.js'
import {
  CliError,
  commandLine,
  failureReason,
  parseCliJson,
  runCli,
  type CliResult,
} from '../process.js'
import type { ProviderConfig } from './types.js'
import {
  LIST_PAGE,
  MAX_LIST_PAGES,
  ORG_ENV,
  PROJECT_ENV,
  TOKEN_CHARACTER,
  TOKEN_ENV,
  TOOL,
  checkedProjectName,
  cliTimeout,
  readDeployJson,
  readVercelListPage,
  text,
  vercelStatus,
  type DeployJson,
} from './vercel-output.js'

export interface VercelCliOptions {
  input?: string
  echo?: boolean
  allowFailure?: boolean
  timeoutMs?: number
  /**
   * Global options (`--api`) after the command's own arguments instead of first: `vercel
   * rolling-release` finds its subcommand at a fixed place (`client.argv.slice(3)`), and any
   * option before `rolling-release` makes it miss it ("No project found").
   */
  globalLast?: boolean
}

export type VercelCli = ReturnType<typeof createVercelCli>

export function createVercelCli(config: ProviderConfig) {
  const token = config.token ?? process.env[TOKEN_ENV]
  const orgId = config.settings['org-id'] ?? process.env[ORG_ENV]
  const projectId = config.settings['project-id'] ?? process.env[PROJECT_ENV]
  maskSecret(token)

  function credentials(): Record<string, string> {
    if (!token) {
      throw new InputError([
        'provider `vercel` needs a token: set the `token` input or VERCEL_TOKEN (create one at https://vercel.com/account/tokens)',
      ])
    }
    if (!TOKEN_CHARACTER.test(token)) {
      throw new InputError([
        'the Vercel token has characters other than letters, digits and _, which vercel refuses (a Vercel access token has none); check that `token` holds only the token',
      ])
    }
    // The CLI refuses one of the two ids without the other; say so before running it.
    if (Boolean(orgId) !== Boolean(projectId)) {
      throw new InputError([
        `provider \`vercel\` needs both \`org-id\` and \`project-id\` (or ${ORG_ENV} and ${PROJECT_ENV}), or neither`,
      ])
    }
    const env: Record<string, string> = { [TOKEN_ENV]: token }
    if (orgId && projectId) Object.assign(env, { [ORG_ENV]: orgId, [PROJECT_ENV]: projectId })
    return env
  }

  /**
   * `--project=APP` unless VERCEL_PROJECT_ID names the project. Values go in the `--flag=value`
   * form throughout: vercel's parser refuses `--project -x` ("requires argument").
   */
  function projectArgs(): string[] {
    if (projectId) return []
    return [`--project=${checkedProjectName(requireApp())}`]
  }

  function requireApp(): string {
    if (!config.app) {
      throw new InputError(['provider `vercel` needs `app`, the Vercel project name'])
    }
    return config.app
  }

  /**
   * Runs vercel. `api-url` becomes its global `--api=URL`, put first so that it stays an option
   * whatever follows (last with `globalLast`).
   */
  function vercel(args: string[], options: VercelCliOptions = {}): Promise<CliResult> {
    const full = options.globalLast ? [...args, ...globalArgs()] : [...globalArgs(), ...args]
    return runCli(TOOL, full, {
      env: credentials(),
      cwd: config.cwd,
      timeoutMs: options.timeoutMs ?? config.timeoutMs,
      input: options.input,
      echo: options.echo,
      allowFailure: options.allowFailure,
    })
  }

  function globalArgs(): string[] {
    return config.apiUrl ? [`--api=${config.apiUrl.replace(/\/+$/, '')}`] : []
  }

  function shown(args: string[]): string {
    return commandLine(TOOL, [...globalArgs(), ...args])
  }

  /**
   * The project for `vercel list`, which takes it only as a word: the name, or nothing when
   * VERCEL_PROJECT_ID names it. vercel reads a word with a dot as a deployment's host.
   */
  function listProjectArgs(): string[] {
    const app = checkedProjectName(requireApp())
    if (!app.includes('.')) return [app]
    if (projectId) return []
    throw new InputError([
      `\`vercel list\` reads ${JSON.stringify(app)} as a deployment host because of its dot; set \`project-id\` and \`org-id\` so that flightdeck can name the project by id`,
    ])
  }

  /** Pages of `vercel list --format json`, as many as `enough` asks for (at most MAX_LIST_PAGES). */
  async function listDeployments(
    filter: string[],
    enough: (deployments: unknown[]) => boolean,
  ): Promise<{ deployments: unknown[]; command: string }> {
    const deployments: unknown[] = []
    let next: number | undefined
    let command = ''
    for (let page = 0; page < MAX_LIST_PAGES; page++) {
      const args = [
        'list',
        ...listProjectArgs(),
        ...filter,
        `--limit=${LIST_PAGE}`,
        '--format=json',
        ...(next === undefined ? [] : [`--next=${next}`]),
      ]
      command ||= shown(args)
      const result = await vercel(args, { echo: false })
      const listed = readVercelListPage(
        parseCliJson(TOOL, [...globalArgs(), ...args], result.stdout, result.truncated),
        shown(args),
      )
      deployments.push(...listed.deployments)
      next = listed.next
      if (next === undefined || enough(deployments)) break
    }
    return { deployments, command }
  }

  /**
   * Waits for a deployment Vercel is building until it is READY, within what is left of the time
   * limit, with `vercel inspect --wait`; says why when it is not.
   */
  async function waitUntilReady(
    id: string,
    deadline: number,
    what: string,
    logs?: string,
  ): Promise<{ id: string; url?: string }> {
    const seeLogs = logs ? ` (build logs: ${logs})` : ''
    const remaining = deadline - performance.now()
    if (remaining < 1_000) {
      throw new CliError(`${what} was still being built when the time limit ran out${seeLogs}`)
    }
    const args = ['inspect', id, '--wait', `--timeout=${cliTimeout(remaining)}`, '--format=json']
    // inspect exits 1 for a deployment that ended in ERROR or CANCELED, and still prints it.
    const result = await vercel(args, { echo: false, timeoutMs: remaining, allowFailure: true })
    const json = readDeployJson(result.stdout) as
      (DeployJson & { readyStateReason?: unknown }) | undefined
    const state = text(json?.readyState)
    if (!state) {
      throw new CliError(
        `\`${shown(args)}\` failed with exit code ${result.exitCode}: ${failureReason(result)}`,
        result,
      )
    }
    if (state !== 'READY') {
      const reason = text(json?.readyStateReason)
      const ended = vercelStatus(state) === 'in-progress' ? 'was still' : 'ended'
      throw new CliError(
        `${what} ${ended} ${state}${reason ? ` (${reason})` : ''} when \`${shown(args)}\` stopped waiting${seeLogs}`,
        result,
      )
    }
    const host = text(json?.url)
    return {
      id: text(json?.id) ?? id,
      url: host ? `https://${host.replace(/^https?:\/\//, '')}` : undefined,
    }
  }

  return { projectArgs, vercel, shown, listDeployments, waitUntilReady }
}
