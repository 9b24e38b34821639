// One GitHub Deployment from start to end: created, set in_progress, and given exactly one
// final state (success, failure or error) whatever happens in between, within a bounded time.
// The actions start one through record-deployment.ts; the retry rules and time budget of each
// phase are in deployment-attempts.ts.
import { errorMessage } from '../errors.js'
import { formatDuration } from '../durations.js'
import * as core from '../runner-protocol.js'
import { githubRequestTimeoutMs, type GitHubClient } from './client.js'
import type { RunContext } from './context.js'
import { Deadline, callWithRetries, type DeploymentLog } from './deployment-attempts.js'
import {
  createDeployment,
  environmentDeployments,
  latestDeploymentStatus,
  liveEarlierDeployments,
  setDeploymentStatus,
  type NewDeploymentStatus,
} from './deployments.js'
import { forgetOpenDeployment, rememberOpenDeployment } from './open-deployment.js'
import { deploymentDescription, environmentUrl as publishableUrl, redactPayload } from './redact.js'

export type FinalDeploymentState = 'success' | 'failure' | 'error'

export type { DeploymentLog } from './deployment-attempts.js'

export interface DeploymentLifecycleOptions {
  client: GitHubClient
  context: RunContext
  environment: string
  /** Branch, tag or SHA the deployment is of. */
  ref: string
  /** Shown on the deployment and on its in_progress status (cleaned, cut at 140 characters). */
  description: string
  /** Free-form data kept with the deployment (strings cleaned of credentials). */
  payload?: Record<string, unknown>
  /** GitHub's `task`; `deploy` when not given. */
  task?: string
  /** Undefined: GitHub's rule (true for an environment named `production`). */
  production?: boolean
  /** An environment that goes away, such as a pull request preview. */
  transient?: boolean
  /** Where the environment can be seen already while in progress (a preview URL). */
  environmentUrl?: string
  /**
   * After `success`, mark the environment's earlier deployments that still read as live
   * inactive. GitHub does that itself for non-production, non-transient environments
   * (`auto_inactive`), so the default is `production === true`.
   */
  deactivateEarlier?: boolean
  /** Values never to send to GitHub (tokens, header values): replaced by `***`. */
  secrets?: readonly string[]
  /**
   * How long GitHub gets for each of the two phases (start: create + in_progress; finish:
   * final state + marking earlier deployments inactive), retries included. Default: three
   * request time limits (45s).
   */
  phaseBudgetMs?: number
  /**
   * What a GitHub failure does: `warn` (best effort, the deploy or rollback goes on: a token
   * without deployments: write must not stop it) or `throw`.
   */
  onGitHubFailure?: 'warn' | 'throw'
  log?: DeploymentLog
}

export interface FinishOptions {
  description: string
  environmentUrl?: string
}

export interface FinishOutcome {
  /** Whether GitHub has the final state. */
  recorded: boolean
  /** Earlier deployments marked inactive. */
  deactivated: number[]
}

/** GitHub refused or failed to record the deployment, with `onGitHubFailure: 'throw'`. */
export class DeploymentRecordingError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DeploymentRecordingError'
  }
}

const defaultLog: DeploymentLog = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message, { title: 'GitHub deployment not recorded' }),
}

/**
 * One GitHub Deployment. `DeploymentLifecycle.start()` returns at once and creates the
 * deployment and sets it in_progress in the background, so the deploy or rollback it records
 * never waits for GitHub; `finish()` waits for that and gives the deployment its one final
 * state. `settleDeployment()` wraps a whole flow so that a throw anywhere still ends the
 * deployment (as `error`, with the reason).
 */
export class DeploymentLifecycle {
  /**
   * Settles when the deployment is created and set in_progress, or known not to be recorded.
   * Rejects (DeploymentRecordingError) only with `onGitHubFailure: 'throw'`: await it before
   * deploying when the deployment must be recorded first.
   */
  readonly started: Promise<void>
  private deploymentId?: number
  private finishing?: Promise<FinishOutcome>
  private final?: FinalDeploymentState

  private constructor(private readonly options: DeploymentLifecycleOptions | undefined) {
    this.started = options ? this.create(options) : Promise.resolve()
    // Whoever awaits `started` sees its rejection; nobody awaiting it must not crash the step.
    this.started.catch(() => undefined)
  }

  /** A lifecycle that records nothing (no environment, no token): every call is a no-op. */
  static notRecorded(): DeploymentLifecycle {
    return new DeploymentLifecycle(undefined)
  }

  /**
   * Begins recording: creates the deployment and sets it in_progress within one phase
   * budget, without making the caller wait (see `started`). When GitHub refuses or does not
   * answer: with `onGitHubFailure: 'warn'` a warning and nothing recorded; with `throw`,
   * `started` rejects. A deployment created but not set in_progress is kept: it still gets
   * its final state.
   */
  static start(options: DeploymentLifecycleOptions): DeploymentLifecycle {
    return new DeploymentLifecycle(options)
  }

  /** GitHub's id for the deployment, once `started` has settled; undefined when not recorded. */
  get id(): number | undefined {
    return this.deploymentId
  }

  private async create(options: DeploymentLifecycleOptions): Promise<void> {
    const log = this.log
    const secrets = options.secrets ?? []
    const deadline = new Deadline(
      phaseBudget(options),
      `recording a deployment in ${options.environment}`,
    )
    try {
      try {
        this.deploymentId = await callWithRetries(
          `creating a deployment in ${options.environment}`,
          deadline,
          // A create that timed out may have landed: retrying could leave a second one.
          { retryTimeouts: false, log },
          () =>
            createDeployment(
              options.client,
              options.context,
              {
                environment: options.environment,
                ref: options.ref,
                description: deploymentDescription(options.description, secrets),
                payload: redactPayload(options.payload ?? {}, secrets) as Record<string, unknown>,
                task: options.task,
                production: options.production,
                transient: options.transient,
              },
              { signal: deadline.signal, retries: 0 },
            ),
        )
      } catch (err) {
        const message = `Could not record the GitHub deployment: ${errorMessage(err)}`
        if (options.onGitHubFailure === 'throw') throw new DeploymentRecordingError(message)
        log.warning(message)
        return
      }
      const id = this.deploymentId
      log.info(`Recording as GitHub deployment ${id} in ${options.environment}.`)
      // Until its final state is sent, the action's post step can end it (a cancelled job).
      rememberOpenDeployment({ id, environment: options.environment })
      try {
        await this.sendStatus(
          'in_progress',
          { description: options.description, environmentUrl: options.environmentUrl },
          deadline,
        )
      } catch (err) {
        // Not fatal: the deployment exists, and finish() still gives it its final state.
        log.warning(
          `GitHub deployment ${id} could not be set in_progress: ${errorMessage(err)}. Its final state is still recorded at the end.`,
        )
      }
    } finally {
      deadline.end()
    }
  }

  /** Whether GitHub has a deployment for this lifecycle. */
  get recorded(): boolean {
    return this.id !== undefined
  }

  /** The final state asked for first, once finish() has been called. */
  get finalState(): FinalDeploymentState | undefined {
    return this.final
  }

  /**
   * Gives the deployment its final state, once `started` has settled (a lifecycle that
   * recorded nothing sends nothing). Only the first call counts: later calls return the
   * first call's outcome and send nothing, so a deployment never gets two final states. The
   * status is retried on server errors, network failures and timeouts (checking first whether
   * an earlier attempt landed after all), within one phase budget; after `success`, earlier
   * live deployments are marked inactive with what is left of it.
   */
  finish(state: FinalDeploymentState, finish: FinishOptions): Promise<FinishOutcome> {
    // Claimed before any await, so two callers racing cannot both send a final state.
    if (!this.finishing) {
      this.final = state
      this.finishing = this.sendFinal(state, finish)
    }
    return this.finishing
  }

  /** Ends the deployment as `error` with the reason a flow stopped for. */
  fail(err: unknown, doing = 'Stopped'): Promise<FinishOutcome> {
    return this.finish('error', { description: `${doing}: ${errorMessage(err)}` })
  }

  private get log(): DeploymentLog {
    return this.options?.log ?? defaultLog
  }

  private async sendFinal(
    state: FinalDeploymentState,
    finish: FinishOptions,
  ): Promise<FinishOutcome> {
    await this.started
    const options = this.options
    const id = this.id
    if (!options || id === undefined) return { recorded: false, deactivated: [] }
    const deadline = new Deadline(phaseBudget(options), `setting deployment ${id} to ${state}`)
    try {
      try {
        await this.sendStatus(state, finish, deadline, { checkEarlierAttempt: true })
        forgetOpenDeployment()
      } catch (err) {
        const message = `Could not set GitHub deployment ${id} to ${state}: ${errorMessage(err)}. It may still read in_progress.`
        if (options.onGitHubFailure === 'throw') throw new DeploymentRecordingError(message)
        this.log.warning(message)
        return { recorded: false, deactivated: [] }
      }
      const deactivateEarlier = options.deactivateEarlier ?? options.production === true
      const deactivated =
        state === 'success' && deactivateEarlier ? await this.deactivateEarlier(id, deadline) : []
      return { recorded: true, deactivated }
    } finally {
      deadline.end()
    }
  }

  private async sendStatus(
    state: NewDeploymentStatus['state'],
    status: FinishOptions,
    deadline: Deadline,
    { checkEarlierAttempt = false } = {},
  ): Promise<void> {
    const options = this.options
    const id = this.id
    if (!options || id === undefined) return
    const secrets = options.secrets ?? []
    const description = deploymentDescription(status.description, secrets)
    const url = publishableUrl(status.environmentUrl, secrets)
    await callWithRetries(
      `setting deployment ${id} to ${state}`,
      deadline,
      { retryTimeouts: true, log: this.log },
      async (attempt) => {
        // A status that failed with 5xx or timed out may have landed all the same: look
        // before sending it again, so the deployment gets one final state, not two.
        if (checkEarlierAttempt && attempt > 1) {
          const latest = await latestDeploymentStatus(options.client, options.context, id, {
            signal: deadline.signal,
            retries: 0,
          }).catch(() => undefined)
          if (latest?.state === state) return
        }
        await setDeploymentStatus(
          options.client,
          options.context,
          id,
          { state, description, environmentUrl: url },
          { signal: deadline.signal, retries: 0 },
        )
      },
    )
  }

  /** Marks the environment's earlier live deployments inactive, one request each. */
  private async deactivateEarlier(id: number, deadline: Deadline): Promise<number[]> {
    const options = this.options
    if (!options) return []
    const { client, context, environment } = options
    let live: number[]
    try {
      const deployments = await environmentDeployments(client, context, environment, {
        signal: deadline.signal,
        retries: 0,
      })
      live = liveEarlierDeployments(deployments, id)
    } catch (err) {
      this.log.warning(
        `Could not read the earlier ${environment} deployments to mark them inactive: ${deadline.expired ? deadline.error().message : errorMessage(err)}`,
      )
      return []
    }
    const deactivated: number[] = []
    for (const earlier of live) {
      if (deadline.expired) break
      try {
        await setDeploymentStatus(
          client,
          context,
          earlier,
          { state: 'inactive', description: `Replaced by deployment ${id}` },
          { signal: deadline.signal, retries: 0 },
        )
        deactivated.push(earlier)
      } catch (err) {
        this.log.warning(
          `Could not mark ${environment} deployment ${earlier} inactive: ${deadline.expired ? deadline.error().message : errorMessage(err)}`,
        )
      }
    }
    if (deactivated.length > 0) {
      this.log.info(
        `Marked earlier ${environment} deployment(s) ${deactivated.join(', ')} inactive.`,
      )
    }
    const left = live.filter((earlier) => !deactivated.includes(earlier))
    if (left.length > 0 && deadline.expired) {
      this.log.warning(
        `Out of time (${formatDuration(deadline.budgetMs)}) with ${environment} deployment(s) ${left.join(', ')} still live; the next successful deployment marks them inactive.`,
      )
    }
    return deactivated
  }
}

function phaseBudget(options: DeploymentLifecycleOptions): number {
  return options.phaseBudgetMs ?? 3 * githubRequestTimeoutMs()
}

/**
 * Runs `flow` so that the deployment ends with exactly one final state on every path: the
 * state the flow sets itself, or `error` with the reason when the flow throws (or returns
 * without setting one). The flow's own error is what the caller sees.
 */
export async function settleDeployment<T>(
  deployment: DeploymentLifecycle,
  flow: (deployment: DeploymentLifecycle) => Promise<T>,
): Promise<T> {
  let thrown: { error: unknown } | undefined
  try {
    return await flow(deployment)
  } catch (err) {
    thrown = { error: err }
    throw err
  } finally {
    if (deployment.finalState === undefined) {
      const ending = thrown
        ? deployment.fail(thrown.error)
        : deployment.finish('error', { description: 'Ended without a final state' })
      // The flow's own error matters more than a failure to record it.
      await ending.catch((err: unknown) => {
        if (!thrown) throw err
        core.warning(errorMessage(err))
      })
    }
  }
}
