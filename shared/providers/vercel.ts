// Vercel through the `vercel` CLI (60.x). Every deploy makes a new deployment; a project's
// releases are its deployments, and only production ones can be rolled back to.
// Formats: __tests__/fixtures/providers/README.md.
import { InputError } from '../errors.js'
import { maskSecret } from '../secrets.js'
import {
  CliError,
  commandLine,
  failureReason,
  parseCliJson,
  runCli,
  stripAnsi,
  tail,
  type CliResult,
} from '../process.js'
import {
  UnsupportedOperationError,
  type DeployRequest,
  type DeployResult,
  type PreviewOperations,
  type Provider,
  type ProviderConfig,
  type Release,
  type ReleaseStatus,
} from './types.js'

const TOOL = 'vercel'
// vercel 60 reads the token from VERCEL_TOKEN when no --token is given (dist/index.js:
// `process.env.VERCEL_TOKEN&&(explicitToken=...,tokenSource="env")`), so it never needs argv.
const TOKEN_ENV = 'VERCEL_TOKEN'
const ORG_ENV = 'VERCEL_ORG_ID'
const PROJECT_ENV = 'VERCEL_PROJECT_ID'
const PROJECT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/
const DEPLOYMENT_ID = /^dpl_[A-Za-z0-9]+$/
const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
// `vercel env add` takes the first chunk it reads from stdin and nothing more.
const MAX_SECRET_BYTES = 64 * 1024
const DEFAULT_SECRET_ENVIRONMENT = 'preview'
// Left for the CLI to report its own rollback timeout before ours ends it.
const ROLLBACK_TIMEOUT_MARGIN_MS = 10_000
// An environment (production, preview, development, or a custom environment's slug) reaches
// `vercel env add` as a word of its own, so it must not look like a flag.
const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/
// vercel refuses a token with anything but letters, digits and _, even from VERCEL_TOKEN (it
// copies the variable into its --token flag and checks that: dist/index.js, `token.match(/(\W)/g)`).
const TOKEN_CHARACTER = /^\w+$/
// `vercel list` returns at most 100 deployments a page (`--limit`, "max: 100").
const LIST_PAGE = 100
// Pages of production deployments read while looking for two that are READY.
const MAX_LIST_PAGES = 5
// The dashboard URL of a deployment ends with its id without `dpl_` (vercel's own
// parseVercelDashboardUrl reads it the same way).
const INSPECTOR_URL = /https:\/\/vercel\.com\/[^/\s]+\/[^/\s]+\/([A-Za-z0-9]+)\b/
// The deployment metadata key (`vercel deploy --meta`) that ties a preview deployment to its
// pull request's preview name; `vercel list --meta` finds them again when the PR closes.
export const PREVIEW_META_KEY = 'flightdeckPreview'

/** One element of `deployments` in `vercel list --format json`. */
interface VercelDeployment {
  id?: unknown
  /** What the documented `/v6/deployments` item carries instead of `id`. */
  uid?: unknown
  url?: unknown
  state?: unknown
  target?: unknown
  customEnvironment?: { slug?: unknown } | null
  createdAt?: unknown
  meta?: Record<string, unknown> | null
}

/** What `vercel deploy --format json` prints (getDeploymentOutputJson). */
interface DeployJson {
  id?: unknown
  url?: unknown
  inspectorUrl?: unknown
  readyState?: unknown
  target?: unknown
  error?: { name?: unknown; message?: unknown } | null
  // Agent mode (--non-interactive, or an AI agent detected) wraps the object.
  status?: unknown
  message?: unknown
  reason?: unknown
  deployment?: DeployJson | null
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

/** Vercel's readyState words, leniently. */
export function vercelStatus(raw: string): ReleaseStatus {
  const state = raw.trim().toUpperCase()
  if (state === 'READY') return 'succeeded'
  if (['ERROR', 'CANCELED', 'CANCELLED', 'BLOCKED', 'DELETED'].includes(state)) return 'failed'
  if (['BUILDING', 'QUEUED', 'INITIALIZING', 'DEPLOYING'].includes(state)) return 'in-progress'
  return 'unknown'
}

function describe(deployment: VercelDeployment, environment: string): string {
  const ref = text(deployment.meta?.githubCommitRef)
  const sha = text(deployment.meta?.githubCommitSha)?.slice(0, 7)
  const source = ref && sha ? ` of ${ref} (${sha})` : ref ? ` of ${ref}` : sha ? ` of ${sha}` : ''
  return environment === 'production'
    ? `production deployment${source}`
    : `${environment} deployment${source}; not a production rollback target`
}

/**
 * The id of a listed deployment. vercel 60 copies `id` from the API's list items, but the
 * documented `/v6/deployments` item has `uid` and no `id`, so its JSON may have neither; then the
 * deployment's URL names it (rollback, promote and remove all take URLs).
 */
function listedId(item: VercelDeployment): string | undefined {
  const host = text(item?.url)
  return (
    text(item?.id) ??
    text(item?.uid) ??
    (host ? (/^https?:\/\//.test(host) ? host : `https://${host}`) : undefined)
  )
}

/**
 * Releases from `vercel list --format json`, newest first. Vercel rolls back production only, so
 * a READY deployment of any other environment is `unknown` rather than `succeeded` (its
 * rawStatus says e.g. `READY (preview)`), which keeps it out of rollback choices. The current
 * release is the newest READY production deployment: `vercel list` does not say which one the
 * production domains point at, and that is the one they follow unless someone rolled back by hand.
 */
export function parseVercelList(parsed: unknown, command: string): Release[] {
  const list =
    parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as { deployments?: unknown }).deployments
      : undefined
  if (!Array.isArray(list)) {
    throw new CliError(`\`${command}\` printed JSON without a list of deployments`)
  }
  const releases = (list as VercelDeployment[]).map((item, index) => {
    const id = listedId(item)
    if (!id) {
      throw new CliError(`\`${command}\` printed a deployment without an id or URL (item ${index})`)
    }
    const state = text(item.state) ?? ''
    const production = item.target === 'production'
    const environment = production
      ? 'production'
      : (text(item.customEnvironment?.slug) ?? text(item.target) ?? 'preview')
    const status = vercelStatus(state)
    const host = text(item.url)
    const createdAt = typeof item.createdAt === 'number' ? item.createdAt : undefined
    const release: Release & { order: number; production: boolean } = {
      order: createdAt ?? -index,
      production,
      id,
      status: !production && status === 'succeeded' ? 'unknown' : status,
      rawStatus: production ? state : `${state} (${environment})`,
      createdAt: createdAt === undefined ? undefined : new Date(createdAt).toISOString(),
      current: false,
      description: describe(item, environment),
      url: host ? (/^https?:\/\//.test(host) ? host : `https://${host}`) : undefined,
    }
    return release
  })
  releases.sort((a, b) => b.order - a.order)
  const serving = releases.find((release) => release.production && release.status === 'succeeded')
  if (serving) serving.current = true
  return releases.map(({ order: _order, production: _production, ...release }) => release)
}

/** The deployment object of `vercel deploy --format json`, unwrapped from agent mode. */
export function readDeployJson(stdout: string): DeployJson | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(stdout)
  } catch {
    return undefined
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined
  const json = parsed as DeployJson
  if (json.deployment && typeof json.deployment === 'object') {
    return { ...json.deployment, error: json.deployment.error ?? deployError(json) }
  }
  return json.status === 'error' ? { ...json, error: deployError(json) } : json
}

function deployError(json: DeployJson): DeployJson['error'] {
  if (json.status !== 'error') return undefined
  return { name: json.reason, message: json.message }
}

/**
 * A deployment reference that `vercel remove` and `vercel rollback` can only read as a
 * deployment: a `dpl_` id, or a full https URL. A bare word could be a project name, and
 * `vercel remove <project>` removes the whole project.
 */
export function deploymentRef(value: string): string {
  const trimmed = value.trim()
  if (DEPLOYMENT_ID.test(trimmed)) return trimmed
  const withScheme = /^[a-z]+:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`
  let url: URL | undefined
  try {
    url = new URL(withScheme)
  } catch {
    url = undefined
  }
  if (
    !url ||
    url.protocol !== 'https:' ||
    !url.hostname.includes('.') ||
    url.username ||
    url.password ||
    (url.pathname !== '/' && url.pathname !== '') ||
    url.search
  ) {
    throw new InputError([
      `${JSON.stringify(value)} is not a Vercel deployment URL or dpl_ id (example: https://my-app-abc123-team.vercel.app)`,
    ])
  }
  return `https://${url.hostname}`
}

/**
 * The value as `vercel env add` will store it from stdin, or why it would not: it strips a
 * single trailing newline from a one-line value, and reads an empty stdin as no value at all.
 */
function secretProblem(name: string, value: string): string | undefined {
  if (!SECRET_NAME.test(name)) {
    return `secret name ${JSON.stringify(name)} is not a valid environment variable name`
  }
  if (value === '') return `the value of secret ${name} is empty, which vercel env add cannot read`
  if (/\r?\n$/.test(value) && !/[\r\n]/.test(value.replace(/\r?\n$/, ''))) {
    return `the value of secret ${name} ends with a newline, which vercel env add would strip`
  }
  if (Buffer.byteLength(value) > MAX_SECRET_BYTES) {
    return `the value of secret ${name} is longer than vercel env add reads from stdin (64 KiB)`
  }
  return undefined
}

function checkedProjectName(app: string): string {
  if (!PROJECT_NAME.test(app)) {
    throw new InputError([
      `Vercel project name ${JSON.stringify(app)} is invalid: use letters, numbers, dots, dashes and underscores, not starting with a dash`,
    ])
  }
  return app
}

/** One page of `vercel list --format json`: its deployments and where the next page starts. */
export function readVercelListPage(
  parsed: unknown,
  command: string,
): { deployments: unknown[]; next?: number } {
  const page =
    parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as { deployments?: unknown; pagination?: { next?: unknown } | null })
      : undefined
  if (!Array.isArray(page?.deployments)) {
    throw new CliError(`\`${command}\` printed JSON without a list of deployments`)
  }
  const next = page.pagination?.next
  return { deployments: page.deployments, next: typeof next === 'number' ? next : undefined }
}

/** The seconds to give a vercel `--timeout` so that it gives up, and says so, before we stop it. */
function cliTimeout(remainingMs: number): string {
  const margin = Math.min(ROLLBACK_TIMEOUT_MARGIN_MS, remainingMs / 2)
  return `${Math.max(1, Math.floor((remainingMs - margin) / 1000))}s`
}

function outputOf(err: unknown): string {
  const result = err instanceof CliError ? err.result : undefined
  return `${result?.stdout ?? ''}\n${result?.stderr ?? ''}`
}

export function createVercelProvider(config: ProviderConfig): Provider {
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
   * whatever follows.
   */
  function vercel(
    args: string[],
    options: { input?: string; echo?: boolean; allowFailure?: boolean; timeoutMs?: number } = {},
  ): Promise<CliResult> {
    return runCli(TOOL, [...globalArgs(), ...args], {
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
   * Production deployments, newest first, page after page until two are READY: the current one
   * and one to roll back to. A project with many previews has few production deployments among
   * its newest, so previews are left out (Vercel rolls back production only).
   */
  async function releases(): Promise<Release[]> {
    const { deployments, command } = await listDeployments(
      ['--environment=production'],
      (listed) =>
        listed.filter((item) => text((item as VercelDeployment | null)?.state) === 'READY')
          .length >= 2,
    )
    return parseVercelList({ deployments }, command)
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

  /**
   * Puts an already-built deployment in production: Vercel's artifact is the deployment, so
   * "deploy this image" means `vercel promote`. A preview deployment cannot be promoted as it
   * is: with --yes Vercel builds a new production deployment from it and vercel exits at once,
   * so this waits for that one and reports it, not the preview.
   */
  async function promote(ref: string): Promise<DeployResult> {
    const started = performance.now()
    // The deployment names its project; `promote` has no --project.
    const args = ['promote', deploymentRef(ref), '--yes']
    if (config.timeoutMs > 2 * ROLLBACK_TIMEOUT_MARGIN_MS) {
      args.push(`--timeout=${cliTimeout(config.timeoutMs)}`)
    }
    const result = await vercel(args)
    const said = stripAnsi(`${result.stdout}\n${result.stderr}`)
    if (/Successfully created new deployment/.test(said)) {
      const inspector = INSPECTOR_URL.exec(said.slice(said.indexOf('Successfully created')))
      const bare = inspector?.[1]
      if (!bare) {
        throw new CliError(
          `\`${shown(args)}\` built a new production deployment from ${ref} but did not say which one: ${tail(said)}`,
          result,
        )
      }
      const id = `dpl_${bare}`
      config.log(
        `${ref} was a preview deployment: Vercel is building a new production deployment from it, ${id}; waiting until it is ready`,
      )
      const built = await waitUntilReady(
        id,
        started + config.timeoutMs,
        `the production deployment ${id} that Vercel built from ${ref}`,
        inspector?.[0],
      )
      return { releaseId: built.id, url: built.url }
    }
    if (/Promotion has been queued/.test(said)) {
      config.log(`Vercel queued the promotion of ${ref} until the active rolling release completes`)
    }
    const promoted = /promoted to (\S+) \((dpl_[A-Za-z0-9]+)\)/.exec(said)
    return {
      releaseId: promoted?.[2] ?? (ref.startsWith('dpl_') ? ref : undefined),
      url: promoted?.[1] ? `https://${promoted[1].replace(/^https?:\/\//, '')}` : undefined,
    }
  }

  async function deploy(request: DeployRequest): Promise<DeployResult> {
    if (request.image) return promote(request.image)
    const args = ['deploy', '--yes']
    if (request.environment === 'production') args.push('--prod')
    else if (request.environment && request.environment !== 'preview') {
      args.push(`--target=${request.environment}`)
    }
    if (config.settings.prebuilt === 'true') args.push('--prebuilt')
    if (request.config) args.push(`--local-config=${request.config}`)
    args.push(...projectArgs(), '--format=json', ...(request.extraArgs ?? []))
    const result = await vercel(args, { allowFailure: true })
    const json = readDeployJson(result.stdout)
    const failed = json?.error
      ? `${text(json.error.name) ?? 'error'}: ${text(json.error.message)}`
      : ''
    if (result.exitCode !== 0 || failed) {
      const why = failed || failureReason(result)
      const inspect = text(json?.inspectorUrl)
      throw new CliError(
        `\`${shown(args)}\` failed with exit code ${result.exitCode}: ${why}${inspect ? ` (build logs: ${inspect})` : ''}`,
        result,
      )
    }
    if (!json) {
      throw new CliError(
        `\`${shown(args)}\` did not print the deployment as JSON; it began: ${JSON.stringify(result.stdout.trim().slice(0, 80))}`,
        result,
      )
    }
    return { releaseId: text(json.id), url: text(json.url) }
  }

  async function setSecrets(secrets: Record<string, string>): Promise<void> {
    const entries = Object.entries(secrets)
    for (const [, value] of entries) maskSecret(value)
    const environment = config.settings.environment || DEFAULT_SECRET_ENVIRONMENT
    const problems = entries
      .map(([name, value]) => secretProblem(name, value))
      .filter((problem): problem is string => problem !== undefined)
    if (!ENVIRONMENT_NAME.test(environment)) {
      problems.push(
        `${JSON.stringify(environment)} is not a Vercel environment (production, preview, development or a custom environment's name)`,
      )
    }
    if (problems.length > 0) throw new InputError(problems)
    if (entries.length === 0) {
      config.log('No secrets to set')
      return
    }
    for (const [name, value] of entries) {
      // The value goes on stdin; --force replaces an existing one, --yes takes all branches
      // of a preview environment instead of asking for one.
      await vercel(['env', 'add', name, environment, ...projectArgs(), '--force', '--yes'], {
        input: value,
      })
    }
  }

  /** Removes deployments by dpl_ id or URL; one already gone is fine. */
  async function removeDeployments(refs: string[]): Promise<void> {
    const checked = refs.map(deploymentRef)
    for (const ref of checked) {
      try {
        await vercel(['remove', ref, '--yes'])
      } catch (err) {
        if (!/Could not find any deployments/.test(outputOf(err))) throw err
        config.log(`Vercel deployment ${ref} does not exist; nothing to remove`)
      }
    }
  }

  /**
   * A pull request's previews are Vercel's own preview deployments of the project, tagged with
   * the preview's name, so that closing the PR finds and removes every one it made (each push
   * makes one). Never a production deployment, whatever its tag says.
   */
  const previews: PreviewOperations = {
    maxNameLength: 63,

    async deploy(request) {
      if (Object.keys(request.secrets).length > 0) {
        config.log(
          `Setting ${Object.keys(request.secrets).length} secret(s) on the project's ${config.settings.environment || DEFAULT_SECRET_ENVIRONMENT} environment: Vercel gives all its preview deployments the same values`,
        )
        await setSecrets(request.secrets)
      }
      const result = await deploy({
        config: request.config,
        extraArgs: [
          `--meta=${PREVIEW_META_KEY}=${request.name}`,
          ...Object.entries(request.vars).map(([key, value]) => `--env=${key}=${value}`),
        ],
      })
      return {
        id: result.releaseId,
        url: result.url ? `https://${result.url.replace(/^https?:\/\//, '')}` : undefined,
      }
    },

    async remove(name, why) {
      const { deployments } = await listDeployments(
        [`--meta=${PREVIEW_META_KEY}=${name}`],
        () => false,
      )
      const refs = (deployments as VercelDeployment[])
        .filter(
          (item) => item?.target !== 'production' && text(item?.meta?.[PREVIEW_META_KEY]) === name,
        )
        .map(listedId)
        .filter((ref): ref is string => ref !== undefined)
      if (refs.length === 0) {
        config.log(`No preview deployments of ${name} are left; nothing to remove (${why})`)
        return { removed: [] }
      }
      await removeDeployments(refs)
      return { removed: refs }
    },
  }

  return {
    name: 'vercel',
    cli: TOOL,
    tokenEnv: [TOKEN_ENV],
    previews,

    deploy,

    releases,

    async rollback(target) {
      const ref = deploymentRef(target.url ?? target.id)
      const args = ['rollback', ref, '--yes']
      // vercel waits 3m for the rollback by default; let it wait as long as we do, less a
      // margin, so that it reports its own timeout.
      if (config.timeoutMs > 2 * ROLLBACK_TIMEOUT_MARGIN_MS) {
        args.push(`--timeout=${cliTimeout(config.timeoutMs)}`)
      }
      let result: CliResult
      try {
        result = await vercel(args)
      } catch (err) {
        if (err instanceof CliError && /hobby/i.test(outputOf(err))) {
          throw new CliError(
            `${err.message} (on the Hobby plan Vercel rolls back only to the previous production deployment)`,
            err.result,
          )
        }
        throw err
      }
      const said = stripAnsi(`${result.stdout}\n${result.stderr}`)
      if (/Rollback was skipped/.test(said)) config.log(`Vercel skipped the rollback to ${ref}`)
      config.log(
        'Vercel stops assigning production domains to new deployments after a rollback; run `vercel promote <deployment>` to resume',
      )
      const releaseId = /\((dpl_[A-Za-z0-9]+)\)/.exec(said)?.[1]
      return { releaseId: releaseId ?? target.id }
    },

    async ensureApp() {
      throw new UnsupportedOperationError(
        'vercel',
        'create a project',
        'each deploy makes a new deployment and previews need no app of their own; create the project once in the Vercel dashboard (or with `vercel project add`) and set `app` to its name',
      )
    },

    async destroyApp() {
      const given = config.settings['deployment-url']
      const refs = (given ?? '').split(/[\s,]+/).filter(Boolean)
      if (refs.length === 0) {
        throw new UnsupportedOperationError(
          'vercel',
          'delete a project',
          'set `deployment-url` to the preview deployment URLs or dpl_ ids to remove; flightdeck never removes a Vercel project',
        )
      }
      await removeDeployments(refs)
    },

    setSecrets,

    async url() {
      const list = await releases()
      const serving = list.find((release) => release.current)
      if (serving) return serving.url
      // No production deployment is READY: the newest READY one of any environment.
      const { deployments, command } = await listDeployments([], (listed) =>
        listed.some((item) => text((item as VercelDeployment | null)?.state) === 'READY'),
      )
      return parseVercelList({ deployments }, command).find((release) =>
        /^READY\b/.test(release.rawStatus),
      )?.url
    },
  }
}
