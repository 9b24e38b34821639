// Vercel through the `vercel` CLI (60.x). Every deploy makes a new deployment; a project's
// releases are its deployments, and only production ones can be rolled back to.
// Formats: __tests__/fixtures/providers/README.md. Running the CLI: vercel-cli.ts; reading
// what it prints: vercel-output.ts; pull request previews: vercel-previews.ts; traffic steps
// (rolling releases): vercel-traffic.ts.
import { InputError } from '../errors.js'
import { maskSecret } from '../secrets.js'
import { CliError, failureReason, stripAnsi, tail, type CliResult } from '../process.js'
import {
  UnsupportedOperationError,
  type DeployRequest,
  type DeployResult,
  type ProviderConfig,
  type ProviderWith,
  type Release,
} from './types.js'
import { createVercelCli } from './vercel-cli.js'
import {
  DEFAULT_SECRET_ENVIRONMENT,
  ENVIRONMENT_NAME,
  INSPECTOR_URL,
  ROLLBACK_TIMEOUT_MARGIN_MS,
  TOKEN_ENV,
  TOOL,
  cliTimeout,
  deploymentRef,
  outputOf,
  parseVercelList,
  readDeployJson,
  secretProblem,
  text,
  type VercelDeployment,
} from './vercel-output.js'
import { createVercelPreviews } from './vercel-previews.js'
import { createVercelTraffic } from './vercel-traffic.js'

export function createVercelProvider(
  config: ProviderConfig,
): ProviderWith<'destroyApp' | 'setSecrets'> {
  const cli = createVercelCli(config)

  /**
   * Production deployments, newest first, page after page until two are READY: the current one
   * and one to roll back to. A project with many previews has few production deployments among
   * its newest, so previews are left out (Vercel rolls back production only).
   */
  async function releases(): Promise<Release[]> {
    const { deployments, command } = await cli.listDeployments(
      ['--environment=production'],
      (listed) =>
        listed.filter((item) => text((item as VercelDeployment | null)?.state) === 'READY')
          .length >= 2,
    )
    return parseVercelList({ deployments }, command)
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
    const result = await cli.vercel(args)
    const said = stripAnsi(`${result.stdout}\n${result.stderr}`)
    if (/Successfully created new deployment/.test(said)) {
      const inspector = INSPECTOR_URL.exec(said.slice(said.indexOf('Successfully created')))
      const bare = inspector?.[1]
      if (!bare) {
        throw new CliError(
          `\`${cli.shown(args)}\` built a new production deployment from ${ref} but did not say which one: ${tail(said)}`,
          result,
        )
      }
      const id = `dpl_${bare}`
      config.log(
        `${ref} was a preview deployment: Vercel is building a new production deployment from it, ${id}; waiting until it is ready`,
      )
      const built = await cli.waitUntilReady(
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
    args.push(...cli.projectArgs(), '--format=json', ...(request.extraArgs ?? []))
    const result = await cli.vercel(args, { allowFailure: true })
    const json = readDeployJson(result.stdout)
    const failed = json?.error
      ? `${text(json.error.name) ?? 'error'}: ${text(json.error.message)}`
      : ''
    if (result.exitCode !== 0 || failed) {
      const why = failed || failureReason(result)
      const inspect = text(json?.inspectorUrl)
      throw new CliError(
        `\`${cli.shown(args)}\` failed with exit code ${result.exitCode}: ${why}${inspect ? ` (build logs: ${inspect})` : ''}`,
        result,
      )
    }
    if (!json) {
      throw new CliError(
        `\`${cli.shown(args)}\` did not print the deployment as JSON; it began: ${JSON.stringify(result.stdout.trim().slice(0, 80))}`,
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
      await cli.vercel(
        ['env', 'add', name, environment, ...cli.projectArgs(), '--force', '--yes'],
        {
          input: value,
        },
      )
    }
  }

  /** Removes deployments by dpl_ id or URL; one already gone is fine. */
  async function removeDeployments(refs: string[]): Promise<void> {
    const checked = refs.map(deploymentRef)
    for (const ref of checked) {
      try {
        await cli.vercel(['remove', ref, '--yes'])
      } catch (err) {
        if (!/Could not find any deployments/.test(outputOf(err))) throw err
        config.log(`Vercel deployment ${ref} does not exist; nothing to remove`)
      }
    }
  }

  return {
    name: 'vercel',
    cli: TOOL,
    tokenEnv: [TOKEN_ENV],
    previews: createVercelPreviews(config, { cli, deploy, setSecrets, removeDeployments }),
    traffic: createVercelTraffic(config, { cli, deploy }),

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
        result = await cli.vercel(args)
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
      const { deployments, command } = await cli.listDeployments([], (listed) =>
        listed.some((item) => text((item as VercelDeployment | null)?.state) === 'READY'),
      )
      return parseVercelList({ deployments }, command).find((release) =>
        /^READY\b/.test(release.rawStatus),
      )?.url
    },
  }
}
