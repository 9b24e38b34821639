// Traffic steps for the `command` provider: the user's own router (Kubernetes, Nginx, a load
// balancer) moves a share of requests when flightdeck runs their `traffic-command`.
import { CliError } from '../process.js'
import { requiredCommand, runUserCommand } from './command-run.js'
import type {
  DeployRequest,
  DeployResult,
  ProviderConfig,
  Release,
  TrafficOperations,
  TrafficPlan,
  TrafficRollout,
} from './types.js'

/** What the traffic steps reuse of the provider: its deploy (with extra env) and its release list. */
export interface CommandTrafficParts {
  deploy(request: DeployRequest, env: Record<string, string>): Promise<DeployResult>
  releases(): Promise<Release[]>
}

/**
 * The new release's id: what the `deploy-command` printed (`{"id":…}` as its last line), else
 * the newest release the `releases-command` lists. Either way it must not be the release that
 * served before: shifting traffic from a release to itself would pass every step and prove
 * nothing.
 */
async function newRelease(
  deployed: DeployResult,
  previous: Release,
  parts: CommandTrafficParts,
): Promise<DeployResult & { releaseId: string }> {
  if (deployed.releaseId) {
    if (deployed.releaseId === previous.id) {
      throw new CliError(
        `the \`deploy-command\` printed the id of the release that served before it (${JSON.stringify(previous.id)}): with traffic steps it must make a new release and print its id (example last line: {"id":"v42"}) or leave it to the \`releases-command\``,
      )
    }
    return { ...deployed, releaseId: deployed.releaseId }
  }
  const [newest] = await parts.releases()
  if (!newest || newest.id === previous.id) {
    throw new CliError(
      `the \`deploy-command\` made no new release: it printed no {"id":…} line, and the newest release the \`releases-command\` lists is ${newest ? `${JSON.stringify(newest.id)}, the one that served before the deploy` : 'none'}`,
    )
  }
  return {
    releaseId: newest.id,
    version: deployed.version ?? newest.version,
    url: deployed.url ?? newest.url,
  }
}

async function start(
  config: ProviderConfig,
  parts: CommandTrafficParts,
  request: DeployRequest,
  plan: TrafficPlan,
): Promise<TrafficRollout> {
  // Without a way to move traffic nothing may deploy: the release would sit unused, or worse,
  // a failed step could not be undone.
  requiredCommand(config, 'traffic-command')
  const deployed = await parts.deploy(request, {
    // With these set the `deploy-command` uploads the release and leaves traffic where it is.
    FLIGHTDECK_TRAFFIC_STEPS: plan.steps.join(','),
    FLIGHTDECK_PREVIOUS_RELEASE_ID: plan.previous.id,
  })
  const release = await newRelease(deployed, plan.previous, parts)
  const move = async (percent: number) => {
    if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
      throw new RangeError(`a traffic share is 0–100 percent, not ${percent}`)
    }
    await runUserCommand(
      config,
      'traffic-command',
      {
        // Always the new release, on the 0 % call too: the router is told which pair it splits.
        FLIGHTDECK_RELEASE_ID: release.releaseId,
        FLIGHTDECK_RELEASE_VERSION: release.version,
        FLIGHTDECK_PREVIOUS_RELEASE_ID: plan.previous.id,
        FLIGHTDECK_TRAFFIC_PERCENT: String(percent),
      },
      true,
    )
  }
  return {
    release,
    shift: async (percent) => {
      config.log(
        `moving ${percent}% of requests to ${release.releaseId}, the rest to ${plan.previous.id} (traffic-command)`,
      )
      await move(percent)
    },
    abort: async () => {
      config.log(`returning all requests to ${plan.previous.id} (traffic-command, 0%)`)
      await move(0)
    },
  }
}

/** TrafficOperations over the user's `deploy-command`, `releases-command` and `traffic-command`. */
export function createCommandTraffic(
  config: ProviderConfig,
  parts: CommandTrafficParts,
): TrafficOperations {
  return { start: (request, plan) => start(config, parts, request, plan) }
}
