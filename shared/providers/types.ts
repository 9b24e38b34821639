/** Normalised state of one release on a platform. */
export type ReleaseStatus = 'succeeded' | 'failed' | 'in-progress' | 'unknown'

export interface Release {
  /** The platform's own id (Fly release id, Cloudflare version id, Vercel/Railway deployment id, Render deploy id). */
  id: string
  /** A human version where the platform has one (`v42`). */
  version?: string
  status: ReleaseStatus
  /** The platform's word for the status, as it said it. */
  rawStatus: string
  /** Image reference or artifact the release runs. */
  image?: string
  /** ISO 8601. */
  createdAt?: string
  /** Whether this release serves traffic now. */
  current: boolean
  description?: string
  /** A URL of this release, where the platform gives one. */
  url?: string
}

export interface DeployRequest {
  /** A prebuilt image or artifact to deploy instead of building (Vercel: an existing deployment, promoted). */
  image?: string
  /** Platform config file (fly.toml, wrangler.toml). */
  config?: string
  /** Fly: rolling, bluegreen, canary, immediate. */
  strategy?: string
  /** Fly: build on Fly's remote builders. */
  remoteOnly?: boolean
  /** Cloudflare: --env; Vercel: production when `production`. */
  environment?: string
  /** Extra arguments for the CLI, already split (never a shell string). */
  extraArgs?: string[]
}

export interface DeployResult {
  /** The new release's id, where the platform says it. */
  releaseId?: string
  version?: string
  url?: string
}

export interface RollbackResult {
  /** The release now serving, where the platform says it (may be a new release id). */
  releaseId?: string
}

export interface EnsureAppOptions {
  /** Fly organisation, Vercel scope, ... */
  org?: string
  region?: string
}

/** What every provider is built from: the action's inputs, checked. */
export interface ProviderConfig {
  /** Fly app, Cloudflare worker, Vercel project, Railway service id, Render service id. */
  app: string
  /** The credential; else the provider's environment variable is used. */
  token?: string
  /** Base URL of the platform's API, for tests, proxies and self-hosted setups. */
  apiUrl?: string
  /** Working directory for CLIs. */
  cwd?: string
  /** Time limit of one CLI run or API call. */
  timeoutMs: number
  /** Provider-specific settings by input name (`account-id`, `environment-id`, `deploy-command` ...). */
  settings: Record<string, string | undefined>
  /** Lines for the log. */
  log: (line: string) => void
}

/** One pull request's preview on a platform that previews within one project (Vercel, Workers). */
export interface PreviewRequest {
  /** The preview's safe name (what the app-name template gave): its alias, or its tag. */
  name: string
  /** Platform config file (vercel.json, wrangler.toml). */
  config?: string
  /** Plain variables for the preview; they may be shown. */
  vars: Record<string, string>
  /** Secret values: never argv, never a log line. */
  secrets: Record<string, string>
  /** Why it exists, for the platform's own record (`PR #12 at abc1234`). */
  message: string
}

export interface PreviewResult {
  url?: string
  /** The platform's id of what was made (Vercel deployment id, Worker version id). */
  id?: string
}

/**
 * Previews that live inside the project itself instead of as an app of their own: a Vercel
 * preview deployment, a Worker version behind a preview alias. Providers without this make an
 * app per pull request (`ensureApp`, `deploy`, `destroyApp`).
 */
export interface PreviewOperations {
  /** The longest preview name the platform takes. */
  readonly maxNameLength: number
  deploy(request: PreviewRequest): Promise<PreviewResult>
  /** Takes the preview down; says what it removed. Already gone is fine. */
  remove(name: string, why: string): Promise<{ removed: string[] }>
}

export interface Provider {
  /** Its registry name (shared/providers/registry.ts); what it can do is in its spec. */
  readonly name: string
  /** The CLI this provider runs, if any (what `setup` installs for it). */
  readonly cli?: string
  /** Environment variables that carry its credential. */
  readonly tokenEnv: readonly string[]
  deploy(request: DeployRequest): Promise<DeployResult>
  /** Newest first. */
  releases(): Promise<Release[]>
  rollback(target: Release): Promise<RollbackResult>
  // Previews as apps of their own (spec capability `previews: 'apps'`): absent where the
  // platform makes no app per pull request.
  /** Creates the app when it does not exist; says whether it did. */
  ensureApp?(options: EnsureAppOptions): Promise<{ created: boolean }>
  destroyApp?(): Promise<void>
  /** Values reach the platform without passing through argv or logs; absent where it takes none. */
  setSecrets?(secrets: Record<string, string>): Promise<void>
  /** The app's public URL. */
  url(): Promise<string | undefined>
  /** Names of the apps the credential can see (in `org` when given): what preview sweeps read. */
  listApps?(options: { org?: string }): Promise<string[]>
  /** Previews inside the project (see PreviewOperations). */
  readonly previews?: PreviewOperations
  /** Traffic steps (spec capability `trafficSplit`): absent where the platform cannot split. */
  readonly traffic?: TrafficOperations
}

/** A platform cannot do what was asked; the message says what to use instead. */
export class UnsupportedOperationError extends Error {
  constructor(provider: string, operation: string, instead: string) {
    super(`provider \`${provider}\` cannot ${operation}; ${instead}`)
    this.name = 'UnsupportedOperationError'
  }
}

/** A provider with the optional operations `K` present (what its factory promises callers). */
export type ProviderWith<K extends 'ensureApp' | 'destroyApp' | 'setSecrets' | 'listApps'> =
  Provider & Required<Pick<Provider, K>>

/** The plan of a traffic-step rollout: shares in percent, increasing, the last 100. */
export interface TrafficPlan {
  steps: readonly number[]
  /** The release serving all traffic now; it keeps the rest of every share. */
  previous: Release
}

/** A new release taking traffic a share at a time (spec capability `trafficSplit`). */
export interface TrafficRollout {
  /** The new release (its id always known: the provider finds it when the platform is silent). */
  readonly release: DeployResult & { releaseId: string }
  /**
   * Headers with which a request reaches the new release alone, before it takes any share
   * (Cloudflare's `Cloudflare-Workers-Version-Overrides`); absent where the platform has none.
   */
  readonly probeHeaders?: Record<string, string>
  /** Sends `percent` of requests to the new release and the rest to the previous one. */
  shift(percent: number, step: number): Promise<void>
  /** Returns all traffic to the previous release at once. */
  abort(): Promise<void>
}

export interface TrafficOperations {
  /** Makes the new release without moving traffic to it. */
  start(request: DeployRequest, plan: TrafficPlan): Promise<TrafficRollout>
}
