// What a provider is and can do, as static facts: read by the actions' input checks, `setup`
// and the docs without loading the provider's implementation (a run on Fly.io never parses the
// Vercel code). The implementation is loaded on demand through `load`.
import type { Provider, ProviderConfig } from './types.js'

/** The inputs only some providers read (each provider's spec says which). */
export const PROVIDER_SPECIFIC_INPUTS = [
  'api-url',
  'account-id',
  'environment-id',
  'project-id',
  'org-id',
  'deploy-command',
  'releases-command',
  'rollback-command',
  'traffic-command',
] as const
export type ProviderSpecificInput = (typeof PROVIDER_SPECIFIC_INPUTS)[number]

/** The values a provider's own input checks see: `app` and the provider-specific inputs. */
export type ProviderSettingValues = Readonly<
  Partial<Record<'app' | ProviderSpecificInput, string | undefined>>
>

/** How `setup` proves a token works with the provider's CLI. */
export interface TokenCheckSpec {
  /** The variable the CLI reads the token from (and later steps get). */
  env: string
  /** Variables that would win over `env` in the CLI, unset for the check. */
  unset: readonly string[]
  args: readonly string[]
  /** Who the token belongs to, from the CLI's output; throws when the output says "nobody". */
  identity: (stdout: string, args: string[]) => string
}

/** The CLI a provider runs: what `setup` installs for it and how it checks a token. */
export interface CliSpec {
  /** The name users write in `setup`'s `tools` (and the executable). */
  tool: string
  /** Where `setup` gets it: flyctl's GitHub releases, or an npm package and its bin. */
  install: { from: 'flyctl-releases' } | { from: 'npm'; package: string; bin: string }
  tokenCheck: TokenCheckSpec
}

/** What a provider can do. A capability it lacks is absent, never a method that only throws. */
export interface ProviderCapabilities {
  /** Lists releases and rolls back to one (every provider today). */
  releases: true
  rollback: true
  /**
   * Pull request previews: `apps` (an app per pull request: ensureApp, deploy, destroyApp,
   * listApps) or `project` (previews inside the project: `provider.previews`).
   */
  previews?: 'apps' | 'project'
  /** Deploy strategies the platform takes (`strategy` input). */
  strategies?: readonly string[]
  /**
   * Sending a share of requests to a new release (`traffic-steps`): the implementation has
   * `traffic` (TrafficOperations). Fly.io, Railway and Render move machines or deployments,
   * not a share of requests.
   */
  trafficSplit?: boolean
}

/** The checks of a provider's inputs that a schema cannot see alone; each returns problems. */
export interface ProviderInputChecks {
  /**
   * gated-deploy; `rollsBack`: a failed health check will roll back (auto-rollback, health-url);
   * `trafficSteps`: the deploy moves traffic a share at a time (`traffic-steps` other than 100%).
   */
  deploy?(
    inputs: ProviderSettingValues,
    options: { rollsBack: boolean; trafficSteps?: boolean },
  ): string[]
  rollback?(inputs: ProviderSettingValues, options: { dryRun: boolean }): string[]
  preview?(inputs: ProviderSettingValues): string[]
}

export interface ProviderSpec {
  name: string
  /** The platform as people call it, for docs. */
  title: string
  /** Environment variables that carry its credential, in the order they are looked up. */
  tokenEnv: readonly string[]
  cli?: CliSpec
  /** Whether `app` must be given (the `command` provider has no app). */
  needsApp: boolean
  /** The provider-specific inputs it reads (`config.apiUrl`, `config.settings[...]`). */
  inputs: readonly ProviderSpecificInput[]
  capabilities: ProviderCapabilities
  /** When it has no previews: what to use instead, for the error message. */
  previewsInstead?: string
  /** When it cannot split traffic: what it has instead (said with the `traffic-steps` error). */
  trafficInstead?: string
  checks?: ProviderInputChecks
  /** Loads the implementation (a dynamic import: only the chosen provider's code is parsed). */
  load(): Promise<(config: ProviderConfig) => Provider>
}
