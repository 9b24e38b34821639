// Traffic steps on Vercel through rolling releases (`vercel rolling-release`, Pro and Enterprise
// plans). What vercel 60.1.3 does, read in node_modules/vercel/dist/commands-bulk.js:
// - `configure --enable --advancement-type=manual-approval --stage=P…` (configureRollingRelease)
//   sends `PATCH /v1/projects/{id}/rolling-release/config` with `{enabled: true, advancementType,
//   stages: [{targetPercentage: P}…, {targetPercentage: 100}]}`: stages are whole numbers 1–99
//   (parseStageFlags: parseInt), the final 100 % is added by the CLI; `--disable` sends
//   `{enabled: false}`.
// - `vercel deploy --prod` does not start a rollout itself: for a project whose `rollingRelease`
//   is set it stops waiting once the deployment is READY ("Releasing…", processDeployment in
//   chunks/chunk-R7ZRVA7E.js) instead of waiting for the production domains. Vercel starts the
//   rolling release on its side, with the new deployment at the first stage ("Once Rolling
//   Releases is enabled, new deployments won't be immediately served to 100% of traffic",
//   vercel.com/docs/rolling-releases); `vercel promote` likewise (promoteStatus waits for
//   `activeStage`). So the first share moves with the deploy, and the first shift only confirms
//   it (`rolling-release fetch`), starting the rollout with `start --dpl` only where Vercel did not.
// - `approve --currentStageIndex=N --dpl=D` (approveRollingRelease) sends `{activeStageIndex: N,
//   nextStageIndex: N+1, canaryDeploymentId}` to `…/rolling-release/approve-stage`;
//   `complete --dpl=D` sends `{canaryDeploymentId}` to `…/complete`.
// - `abort --dpl=D` (abortRollingRelease) is `POST /v9/projects/{id}/rollback/{D}`: an instant
//   rollback TO D ("Requested rolling release abort and rollback to D"), so D is the previous
//   release, not the canary.
// - `fetch` (requestRollingRelease) prints the `rollingRelease` document as JSON.
import { InputError } from '../errors.js'
import { CliError, failureReason, stripAnsi, tail } from '../process.js'
import type {
  DeployRequest,
  DeployResult,
  ProviderConfig,
  TrafficOperations,
  TrafficPlan,
  TrafficRollout,
} from './types.js'
import type { VercelCli } from './vercel-cli.js'
import { deploymentRef, outputOf, text } from './vercel-output.js'

/** The part of the rolling-release document flightdeck reads. */
export interface RollingReleaseState {
  state?: string
  canaryId?: string
  /** The canary's host, as the API gives it. */
  canaryUrl?: string
  activeIndex?: number
  activePercent?: number
  queuedDeploymentId?: string
}

export function createVercelTraffic(
  config: ProviderConfig,
  deps: { cli: VercelCli; deploy: (request: DeployRequest) => Promise<DeployResult> },
): TrafficOperations {
  const { cli } = deps

  function rollingRelease(args: string[]) {
    return cli.vercel(['rolling-release', ...args, ...cli.projectArgs()], { globalLast: true })
  }

  async function fetchState(): Promise<RollingReleaseState | null> {
    const result = await rollingRelease(['fetch'])
    return readRollingRelease(`${result.stdout}\n${result.stderr}`)
  }

  /**
   * Turns rolling releases off again, so that a later plain `vercel deploy --prod` is not a
   * rollout that nobody approves. flightdeck wrote its own stages over whatever the project had,
   * so there is no earlier config to restore; disabling never touches a rollout in flight.
   */
  async function disable(): Promise<void> {
    try {
      await rollingRelease(['configure', '--disable'])
    } catch (err) {
      config.log(
        `Could not turn Vercel rolling releases off again for the project (${err instanceof Error ? err.message : String(err)}); a later \`vercel deploy --prod\` will start a rolling release until \`vercel rolling-release configure --disable\` runs`,
      )
    }
  }

  return {
    async start(request: DeployRequest, plan: TrafficPlan): Promise<TrafficRollout> {
      const stages = checkedStages(plan.steps)
      if (request.environment && request.environment !== 'production') {
        throw new InputError([
          `\`traffic-steps\` moves production traffic on Vercel (rolling releases), and this deploy is for ${JSON.stringify(request.environment)}; deploy to production or remove traffic-steps`,
        ])
      }
      let enabled = false
      if (stages.length > 0) {
        try {
          await rollingRelease([
            'configure',
            '--enable',
            '--advancement-type=manual-approval',
            ...stages.map((percent) => `--stage=${percent}`),
          ])
        } catch (err) {
          throw planRefusal(err) ?? err
        }
        enabled = true
      }
      let deployed: DeployResult
      try {
        deployed = await deps.deploy({ ...request, environment: 'production' })
      } catch (err) {
        if (enabled) await disable()
        throw err
      }
      let releaseId = deployed.releaseId
      if (!releaseId && request.image && stages.length > 0) {
        // `vercel promote <url>` into a rollout prints the first stage, not the deployment's id:
        // the rollout's canary is it when its host is the one promoted.
        const state = await fetchState().catch(() => null)
        const promoted = deploymentRef(request.image).replace(/^https:\/\//, '')
        if (state?.state === 'ACTIVE' && state.canaryUrl === promoted) releaseId = state.canaryId
      }
      if (!releaseId) {
        if (enabled) await disable()
        throw new CliError(
          'Vercel did not say which deployment it made, so its rolling release cannot be steered',
        )
      }
      const dpl = `--dpl=${releaseId}`
      const previousRef = deploymentRef(plan.previous.url ?? plan.previous.id)

      async function finished(): Promise<void> {
        if (!enabled) return
        enabled = false
        await disable()
      }

      return {
        release: { ...deployed, releaseId },

        async shift(percent, step) {
          if (plan.steps[step] !== percent) {
            throw new Error(`traffic step ${step} is ${plan.steps[step]}%, not ${percent}%`)
          }
          if (percent === 100) {
            // A plan of 100 % alone was a plain deploy: nothing left to move.
            if (stages.length > 0) {
              await rollingRelease(['complete', dpl])
              await finished()
            }
            config.log(`Vercel serves all production traffic from ${releaseId}`)
            return
          }
          if (step === 0) {
            // The deploy has already put the new deployment at the first stage (see the top of
            // this file): only confirmed here, and started where Vercel did not start it.
            let state = await fetchState()
            if (!(state?.state === 'ACTIVE' && state.canaryId === releaseId)) {
              if (state?.state === 'ACTIVE') {
                throw new CliError(
                  `another Vercel rolling release (of ${state.canaryId}) is in progress for the project, so ${releaseId} ${state.queuedDeploymentId === releaseId ? 'is queued behind it' : 'cannot take traffic'}; complete or abort that one first`,
                )
              }
              // --yes: vercel asks only for a deployment that is not production, which it would
              // rebuild as a new one instead of starting; ours is production, and a rebuilt one
              // would fail the confirmation below.
              await rollingRelease(['start', dpl, '--yes'])
              state = await fetchState()
            }
            confirmStage(state, releaseId, 0, percent)
          } else {
            await rollingRelease(['approve', `--currentStageIndex=${step - 1}`, dpl])
            confirmStage(await fetchState(), releaseId, step, percent)
          }
          config.log(`Vercel sends ${percent}% of production traffic to ${releaseId}`)
        },

        async abort() {
          try {
            // An instant rollback to the previous release, which ends the rollout (or undoes a
            // completed one).
            await rollingRelease(['abort', `--dpl=${previousRef}`])
          } finally {
            await finished()
          }
          config.log(
            `Vercel serves all production traffic from ${plan.previous.id} again; after a rollback Vercel stops assigning production domains to new deployments until \`vercel promote\` runs`,
          )
        },
      }
    },
  }
}

/**
 * The stages below 100 % that `configure` takes: whole numbers from 1 to 99, increasing, the
 * plan ending at 100.
 */
export function checkedStages(steps: readonly number[]): number[] {
  const problems: string[] = []
  if (steps.at(-1) !== 100) problems.push('the last step must be 100%')
  const stages = steps.slice(0, -1)
  if (stages.some((p) => !Number.isInteger(p) || p < 1 || p > 99)) {
    problems.push('Vercel rolling-release stages are whole percentages from 1% to 99%')
  }
  if (stages.some((p, i) => i > 0 && p <= (stages[i - 1] ?? 0))) {
    problems.push('the steps must increase')
  }
  if (problems.length > 0) {
    throw new InputError([
      `\`traffic-steps\` ${JSON.stringify(steps.map((p) => `${p}%`).join(','))} cannot be a Vercel rolling release: ${problems.join('; ')} (example: traffic-steps: 10%,50%,100%)`,
    ])
  }
  return stages
}

/**
 * How vercel prints a 402 or a 403 from the API (printError with getErrorRecovery, in
 * chunks/chunk-N5AIKGEO.js and chunk-KCARCOP5.js): `✗ <Vercel's message>` and a hint, or in
 * non-interactive mode a JSON error whose `reason` is `forbidden` or `payment_required`.
 */
const REFUSED =
  /selected team is correct|billing or feature requirement|plan or subscription|"reason": ?"(?:forbidden|payment_required)"/

/**
 * A refused rolling-release config: a plan without rolling releases (Vercel's billing status
 * names the reason `plan_not_supported`), or a token that may not change the project's settings.
 */
function planRefusal(err: unknown): InputError | undefined {
  if (!(err instanceof CliError) || err.timedOut) return undefined
  const said = stripAnsi(outputOf(err))
  if (!REFUSED.test(said)) return undefined
  const headline = /^\s*(?:✗|Error:)\s*(.+)$/m.exec(said)?.[1]?.trim()
  const message = /"message": ?"([^"]{1,300})"/.exec(said)?.[1]
  const answer = headline ?? message ?? (err.result ? failureReason(err.result) : tail(said))
  return new InputError([
    `\`traffic-steps\` needs Vercel rolling releases, which Vercel refused for this project (it answered: ${JSON.stringify(answer)}); rolling releases need a Pro or Enterprise plan and a token that may change the project's settings: remove traffic-steps to deploy all at once, or use a team whose plan has them`,
  ])
}

function confirmStage(
  state: RollingReleaseState | null,
  releaseId: string,
  index: number,
  percent: number,
): void {
  if (
    state?.state === 'ACTIVE' &&
    state.canaryId === releaseId &&
    state.activeIndex === index &&
    state.activePercent === percent
  ) {
    return
  }
  const seen = state
    ? `${state.state ?? 'no state'}, canary ${state.canaryId ?? 'none'}, stage ${state.activeIndex ?? 'none'} at ${state.activePercent ?? '?'}%`
    : 'no rolling release'
  throw new CliError(
    `Vercel's rolling release of ${releaseId} is not at stage ${index} (${percent}%): \`vercel rolling-release fetch\` says ${seen}`,
  )
}

/**
 * The document `vercel rolling-release fetch` prints: JSON through its log (`> {` … `}` on
 * stderr), or `null` when there is none.
 */
export function readRollingRelease(said: string): RollingReleaseState | null {
  const command = 'vercel rolling-release'
  const clean = stripAnsi(said)
  const opening = /^(?:> )?\{$/m.exec(clean)
  const start = opening ? opening.index + opening[0].length - 1 : -1
  if (start < 0) {
    if (/^(?:> )?(?:null|undefined)\s*$/m.test(clean)) return null
    throw new CliError(
      `\`${command} fetch\` printed no rolling release: ${JSON.stringify(tail(clean))}`,
    )
  }
  const end = clean.search(/^\}/m)
  let json: unknown
  try {
    json = JSON.parse(clean.slice(start, end < start ? undefined : end + 1))
  } catch {
    throw new CliError(`\`${command} fetch\` printed a rolling release that is not JSON`)
  }
  const doc = json as {
    state?: unknown
    canaryDeployment?: { id?: unknown; url?: unknown } | null
    activeStage?: { index?: unknown; targetPercentage?: unknown } | null
    queuedDeploymentId?: unknown
  }
  const index = doc.activeStage?.index
  const percent = doc.activeStage?.targetPercentage
  return {
    state: text(doc.state),
    canaryId: text(doc.canaryDeployment?.id),
    canaryUrl: text(doc.canaryDeployment?.url),
    activeIndex: typeof index === 'number' ? index : undefined,
    activePercent: typeof percent === 'number' ? percent : undefined,
    queuedDeploymentId: text(doc.queuedDeploymentId),
  }
}
