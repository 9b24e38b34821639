// What vercel (60.x) prints and takes, read and checked: its constants, `vercel list` and
// `vercel deploy` JSON, deployment references and secret values. No process is run here.
// Formats: __tests__/fixtures/providers/README.md.
import { InputError } from '../errors.js'
import { CliError } from '../process.js'
import type { Release, ReleaseStatus } from './types.js'

export const TOOL = 'vercel'
// vercel 60 reads the token from VERCEL_TOKEN when no --token is given (dist/index.js:
// `process.env.VERCEL_TOKEN&&(explicitToken=...,tokenSource="env")`), so it never needs argv.
export const TOKEN_ENV = 'VERCEL_TOKEN'
export const ORG_ENV = 'VERCEL_ORG_ID'
export const PROJECT_ENV = 'VERCEL_PROJECT_ID'
export const PROJECT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/
export const DEPLOYMENT_ID = /^dpl_[A-Za-z0-9]+$/
export const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
// `vercel env add` takes the first chunk it reads from stdin and nothing more.
export const MAX_SECRET_BYTES = 64 * 1024
export const DEFAULT_SECRET_ENVIRONMENT = 'preview'
// Left for the CLI to report its own rollback timeout before ours ends it.
export const ROLLBACK_TIMEOUT_MARGIN_MS = 10_000
// An environment (production, preview, development, or a custom environment's slug) reaches
// `vercel env add` as a word of its own, so it must not look like a flag.
export const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/
// vercel refuses a token with anything but letters, digits and _, even from VERCEL_TOKEN (it
// copies the variable into its --token flag and checks that: dist/index.js, `token.match(/(\W)/g)`).
export const TOKEN_CHARACTER = /^\w+$/
// `vercel list` returns at most 100 deployments a page (`--limit`, "max: 100").
export const LIST_PAGE = 100
// Pages of production deployments read while looking for two that are READY.
export const MAX_LIST_PAGES = 5
// The dashboard URL of a deployment ends with its id without `dpl_` (vercel's own
// parseVercelDashboardUrl reads it the same way).
export const INSPECTOR_URL = /https:\/\/vercel\.com\/[^/\s]+\/[^/\s]+\/([A-Za-z0-9]+)\b/
// The deployment metadata key (`vercel deploy --meta`) that ties a preview deployment to its
// pull request's preview name; `vercel list --meta` finds them again when the PR closes.
export const PREVIEW_META_KEY = 'flightdeckPreview'

/** One element of `deployments` in `vercel list --format json`. */
export interface VercelDeployment {
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
export interface DeployJson {
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

export function text(value: unknown): string | undefined {
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
export function listedId(item: VercelDeployment): string | undefined {
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
export function secretProblem(name: string, value: string): string | undefined {
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

export function checkedProjectName(app: string): string {
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
export function cliTimeout(remainingMs: number): string {
  const margin = Math.min(ROLLBACK_TIMEOUT_MARGIN_MS, remainingMs / 2)
  return `${Math.max(1, Math.floor((remainingMs - margin) / 1000))}s`
}

export function outputOf(err: unknown): string {
  const result = err instanceof CliError ? err.result : undefined
  return `${result?.stdout ?? ''}\n${result?.stderr ?? ''}`
}
