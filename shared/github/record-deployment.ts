// Recording what an action does to an environment as a GitHub Deployment, written once for
// every action that deploys, restores or previews (gated-deploy, rollback, preview-app): when
// it is recorded at all (an environment and a token), how production is named, what the
// payload and the log look like. The lifecycle itself (create, in_progress, one final state)
// is deployment-lifecycle.ts.
import * as core from '../runner-protocol.js'
import type { GitHubClient } from './client.js'
import type { RunContext } from './context.js'
import { DeploymentLifecycle } from './deployment-lifecycle.js'

/**
 * Whether an environment is production by its name (`production`, `prod`, `Prod-EU`): GitHub
 * only counts `production` itself, and marks earlier deployments inactive by itself outside
 * production only, so flightdeck does that for these.
 */
export function isProductionEnvironment(environment: string): boolean {
  return /^prod/i.test(environment)
}

export interface RecordDeploymentOptions {
  /** The action recording it: kept in the payload as `flightdeck.action`. */
  action: string
  /** Undefined without a github-token. */
  client: GitHubClient | undefined
  context: RunContext
  /** Undefined or empty: there is nothing to record the action in, and no warning. */
  environment: string | undefined
  /** Branch, tag or SHA; default the run's commit (or its ref). */
  ref?: string
  description: string
  /** What the action keeps with the deployment, under `flightdeck` next to `action`. */
  payload: Record<string, unknown>
  /**
   * `environment`: a lasting one, production by its name. `preview`: a pull request's
   * environment that goes away (transient, never production).
   */
  kind?: 'environment' | 'preview'
  environmentUrl?: string
  /** The warning when there is no token; undefined: not recorded, silently. */
  withoutToken?: { message: string; title?: string }
  /** `throw` where a deploy is recorded or not done; `warn` where it must go on. */
  onGitHubFailure: 'warn' | 'throw'
  /** The title of the lifecycle's warnings. */
  warningTitle: string
}

/**
 * Starts the GitHub Deployment of an action's change (see DeploymentLifecycle.start: it does
 * not wait for GitHub), or a lifecycle that records nothing without an environment or token.
 * Everything masked so far is kept out of what GitHub stores.
 */
export function recordDeployment(options: RecordDeploymentOptions): DeploymentLifecycle {
  const { client, context, environment } = options
  if (!environment) return DeploymentLifecycle.notRecorded()
  if (!client) {
    if (options.withoutToken) {
      const { message, title } = options.withoutToken
      core.warning(message, title ? { title } : undefined)
    }
    return DeploymentLifecycle.notRecorded()
  }
  const preview = options.kind === 'preview'
  const production = !preview && isProductionEnvironment(environment)
  return DeploymentLifecycle.start({
    client,
    context,
    environment,
    ref: options.ref ?? (context.sha || context.ref),
    description: options.description,
    payload: { flightdeck: { action: options.action, ...options.payload } },
    production,
    ...(preview ? { transient: true } : { deactivateEarlier: production }),
    secrets: core.registeredSecrets(),
    ...(options.environmentUrl !== undefined ? { environmentUrl: options.environmentUrl } : {}),
    onGitHubFailure: options.onGitHubFailure,
    log: {
      info: (message) => core.info(message),
      warning: (message) => core.warning(message, { title: options.warningTitle }),
    },
  })
}
