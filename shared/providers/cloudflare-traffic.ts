// Traffic steps on Cloudflare Workers (wrangler 4.x, src/versions/{upload,deploy}.ts): the new
// code is uploaded as a Version that serves nothing, then each step is a Deployment that splits
// requests between it and the Version serving before (`<new>@10 <old>@90`); an abort deploys
// the old Version alone again. A Deployment holds at most two Versions whose shares add up to 100.
import { ActionFailure } from '../errors.js'
import { CliError, commandLine, stripAnsi } from '../process.js'
import type {
  DeployRequest,
  ProviderConfig,
  TrafficOperations,
  TrafficPlan,
  TrafficRollout,
} from './types.js'
import type { WranglerCli } from './cloudflare-cli.js'
import {
  MAX_VERSION_MESSAGE,
  TOOL,
  VERSION_ID,
  checkedWorkerName,
  readVersionUpload,
} from './cloudflare-output.js'

export const VERSION_OVERRIDES_HEADER = 'Cloudflare-Workers-Version-Overrides'
// The header is an RFC 8941 Dictionary keyed by the Worker's name, and a Dictionary key is
// lower-case and starts with a letter or `*`: a Worker named otherwise cannot be keyed
// (Cloudflare then ignores the header and routes by the percentages).
const DICTIONARY_KEY = /^[a-z*][a-z0-9_.*-]*$/
// The Deployments API schema has held `workers/message` to 50 characters (newer descriptions
// say it is truncated to 100 bytes): every message here stays within 50.
const MAX_DEPLOYMENT_MESSAGE = 50

/** The `Cloudflare-Workers-Version-Overrides` value that sends a request to one Version. */
export function versionOverride(worker: string, versionId: string): string | undefined {
  if (!DICTIONARY_KEY.test(worker) || !VERSION_ID.test(versionId)) return undefined
  return `${worker}="${versionId}"`
}

/** `12.5` for wrangler's `<id>@<percent>` (it reads the share with parseFloat). */
function share(percent: number): string {
  return String(Number(percent.toFixed(3)))
}

export function createCloudflareTraffic(
  config: ProviderConfig,
  { nameArgs, wrangler }: WranglerCli,
): TrafficOperations {
  /** What `versions deploy` needs to find the same Worker `versions upload` wrote to. */
  function workerArgs(request: DeployRequest): string[] {
    const args: string[] = []
    if (request.environment) args.push(`--env=${request.environment}`)
    if (request.config) args.push(`--config=${request.config}`)
    return [...args, ...nameArgs()]
  }

  /** The new Version's id: wrangler's output file, else its `Worker Version ID:` line. */
  function uploadedVersion(args: string[], output: string, stdout: string): string {
    const fromFile = readVersionUpload(output)?.versionId
    const fromStdout = /^Worker Version ID:\s*(\S+)\s*$/m.exec(stripAnsi(stdout))
    const id = fromFile ?? fromStdout?.[1]
    if (!id || !VERSION_ID.test(id)) {
      throw new CliError(
        `\`${commandLine(TOOL, args)}\` finished but did not say which Version it uploaded${id ? ` (it said ${JSON.stringify(id)})` : ''}; no traffic was moved`,
      )
    }
    return id
  }

  return {
    async start(request, plan) {
      const previous = previousVersion(plan)
      const steps = plan.steps.map(share).join('%, ')
      if (request.image) {
        config.log(
          `Cloudflare Workers upload from source; ignoring image ${JSON.stringify(request.image)}`,
        )
      }
      const where = workerArgs(request)
      const message = `flightdeck: traffic steps ${steps}%`.slice(0, MAX_VERSION_MESSAGE)
      const uploadArgs = ['versions', 'upload', ...where, `--message=${message}`]
      uploadArgs.push(...(request.extraArgs ?? []))
      const { result, output } = await wrangler(uploadArgs)
      const release = uploadedVersion(uploadArgs, output, result.stdout)
      config.log(`Uploaded Worker Version ${release}; it serves no traffic yet`)

      /** `wrangler versions deploy <spec>... --yes`, with a short message for the Deployment. */
      async function deploy(specs: string[], said: string): Promise<void> {
        for (const spec of specs) {
          // Both ids were checked against VERSION_ID: a spec starts with a letter or digit, so
          // yargs reads it as a positional version spec, never as a flag.
          if (!/^[A-Za-z0-9]/.test(spec)) throw new Error(`unsafe version spec ${spec}`)
        }
        await wrangler([
          'versions',
          'deploy',
          ...specs,
          ...where,
          `--message=${said.slice(0, MAX_DEPLOYMENT_MESSAGE)}`,
          '--yes',
        ])
      }

      // A version override only reaches a Version that is in the current Deployment, even at
      // 0% (Cloudflare docs, "Version overrides"): so the new one joins it at 0% first, and
      // the probes can reach it alone before it takes any share. The same page says a new
      // Deployment can take a couple of seconds to reach every location, and that a request
      // whose override cannot apply is routed by the percentages: an early probe may still be
      // answered by the old Version, which only a Worker that reports its version can reveal.
      let probeHeaders: Record<string, string> | undefined
      const override = config.app
        ? versionOverride(checkedWorkerName(config.app), release)
        : undefined
      if (override) {
        await deploy([`${release}@0`, `${previous}@100`], 'flightdeck: new version at 0%')
        probeHeaders = { [VERSION_OVERRIDES_HEADER]: override }
      } else {
        config.log(
          config.app
            ? `No ${VERSION_OVERRIDES_HEADER} header for Worker ${config.app}: the header is keyed by the Worker name, which must be lower-case and start with a letter; the new Version is probed only once it takes a share`
            : `No ${VERSION_OVERRIDES_HEADER} header: it is keyed by the Worker name, and \`app\` does not give it; the new Version is probed only once it takes a share`,
        )
      }

      const rollout: TrafficRollout = {
        release: { releaseId: release },
        probeHeaders,
        async shift(percent, step) {
          if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
            throw new Error(`a traffic share is a number from 0 to 100, not ${percent}`)
          }
          const at = plan.steps.indexOf(percent)
          const which = at >= 0 ? `step ${at + 1}/${plan.steps.length}` : `step ${step}`
          const specs =
            percent >= 100
              ? [`${release}@100`]
              : [`${release}@${share(percent)}`, `${previous}@${share(100 - percent)}`]
          config.log(
            percent >= 100
              ? `Traffic ${which}: all requests to Worker Version ${release}`
              : `Traffic ${which}: ${share(percent)}% of requests to Worker Version ${release}, ${share(100 - percent)}% to ${previous}`,
          )
          await deploy(specs, `flightdeck: ${which}, ${share(percent)}% to new version`)
        },
        async abort() {
          config.log(`All traffic back to Worker Version ${previous}`)
          await deploy([`${previous}@100`], 'flightdeck: traffic back to previous version')
        },
      }
      return rollout
    },
  }
}

/** The Version serving before, which keeps the rest of every share: a Worker Version id. */
function previousVersion(plan: TrafficPlan): string {
  const id = (plan.previous as TrafficPlan['previous'] | undefined)?.id
  if (!id) {
    throw new ActionFailure(
      'traffic steps on Cloudflare Workers need a Version serving now to keep the rest of the traffic; this Worker has none: deploy it once without `traffic-steps`',
    )
  }
  if (!VERSION_ID.test(id)) {
    throw new ActionFailure(
      `traffic steps on Cloudflare Workers split requests between two Worker Versions; the release serving now, ${JSON.stringify(id)}, is not a Worker Version id (example: 0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d)`,
    )
  }
  return id
}
