// Cloudflare Workers through `wrangler` (4.x). A Worker's releases are its Versions; the
// Deployments list says which Versions serve traffic. Formats: __tests__/fixtures/providers/README.md.
// Running wrangler: cloudflare-cli.ts; reading what it prints: cloudflare-output.ts; pull
// request previews: cloudflare-previews.ts; traffic steps: cloudflare-traffic.ts.
import { InputError } from '../errors.js'
import { maskSecret } from '../secrets.js'
import { CliError } from '../process.js'
import {
  UnsupportedOperationError,
  type DeployRequest,
  type DeployResult,
  type ProviderConfig,
  type ProviderWith,
  type Release,
} from './types.js'
import { createWranglerCli } from './cloudflare-cli.js'
import {
  BULK_INPUT_REFUSED,
  DEFAULT_ROLLBACK_MESSAGE,
  MAX_ROLLBACK_MESSAGE,
  TOKEN_ENV,
  TOOL,
  VERSION_ID,
  checkedWorkerName,
  deploymentHistory,
  parseWorkerVersions,
  readDeployStdout,
  readOutputFile,
  secretsChangedSince,
  servingVersion,
  workerNotFound,
} from './cloudflare-output.js'
import { createCloudflarePreviews } from './cloudflare-previews.js'
import { createCloudflareTraffic } from './cloudflare-traffic.js'

export function createCloudflareProvider(
  config: ProviderConfig,
): ProviderWith<'ensureApp' | 'destroyApp' | 'setSecrets'> {
  const cli = createWranglerCli(config)
  let lastDeployUrl: string | undefined

  async function releases(): Promise<Release[]> {
    const versionsArgs = ['versions', 'list', ...cli.nameArgs(), '--json']
    const deploymentsArgs = ['deployments', 'list', ...cli.nameArgs(), '--json']
    // Two reads that do not depend on each other: at once, as each wrangler run starts slowly.
    // A failure of the versions list is the one reported when both fail.
    const [versionsRead, deploymentsRead] = await Promise.allSettled([
      cli.wranglerJson(versionsArgs),
      cli.wranglerJson(deploymentsArgs),
    ])
    if (versionsRead.status === 'rejected') throw versionsRead.reason
    if (deploymentsRead.status === 'rejected') throw deploymentsRead.reason
    const versions = versionsRead.value
    const deployments = deploymentsRead.value
    const serving = servingVersion(deployments, `${TOOL} ${deploymentsArgs.join(' ')}`)
    return parseWorkerVersions(
      versions,
      serving,
      `${TOOL} ${versionsArgs.join(' ')}`,
      deploymentHistory(deployments),
    )
  }

  async function deploy(request: DeployRequest): Promise<DeployResult> {
    const args = ['deploy']
    if (request.environment) args.push(`--env=${request.environment}`)
    if (request.config) args.push(`--config=${request.config}`)
    args.push(...cli.nameArgs(), ...(request.extraArgs ?? []))
    if (request.image) {
      config.log(
        `Cloudflare Workers deploy from source; ignoring image ${JSON.stringify(request.image)}`,
      )
    }
    // wrangler writes what it deployed to its output file as ND-JSON; its stdout is for people.
    const { result, output } = await cli.wrangler(args)
    const fromFile = readOutputFile(output)
    if (!fromFile)
      config.log('wrangler wrote no deploy record to its output file; reading its log instead')
    const fromStdout = readDeployStdout(result.stdout)
    const versionId = fromFile?.versionId ?? fromStdout.versionId
    const url = fromFile?.url ?? fromStdout.url
    if (!versionId) config.log('wrangler deploy finished but did not say which Version it made')
    lastDeployUrl = url ?? lastDeployUrl
    return { releaseId: versionId, url }
  }

  return {
    name: 'cloudflare',
    cli: TOOL,
    tokenEnv: [TOKEN_ENV],
    previews: createCloudflarePreviews(config, cli),
    traffic: createCloudflareTraffic(config, cli),

    deploy,

    releases,

    async rollback(target) {
      if (!VERSION_ID.test(target.id)) {
        throw new InputError([
          `${JSON.stringify(target.id)} is not a Worker Version id (example: 0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d)`,
        ])
      }
      const message = (config.settings.reason?.trim() || DEFAULT_ROLLBACK_MESSAGE).slice(
        0,
        MAX_ROLLBACK_MESSAGE,
      )
      config.log(
        'Note: a Worker rollback restores code and config only; KV, D1, R2 and Durable Object data stay as they are',
      )
      // The version id is wrangler's positional `version-id`, which yargs also takes as
      // `--version-id=ID`; the message is the user's text and may start with a dash.
      const { result } = await cli.wrangler([
        'rollback',
        `--version-id=${target.id}`,
        ...cli.nameArgs(),
        `--message=${message}`,
        '--yes',
      ])
      const changed = secretsChangedSince(result.stdout)
      if (changed.length > 0) {
        config.log(
          `wrangler rolled back although these secrets changed since version ${target.id}: ${changed.join(', ')}`,
        )
      }
      return { releaseId: readDeployStdout(result.stdout).versionId ?? target.id }
    },

    // A Worker comes into being with its first `wrangler deploy`; there is nothing to create
    // beforehand, and asking Cloudflare whether it exists would need more token scope.
    async ensureApp() {
      return { created: false }
    },

    async destroyApp() {
      if (!config.app) {
        throw new InputError([
          'provider `cloudflare` deletes a Worker only when `app` names it; set `app` to the Worker name',
        ])
      }
      const app = checkedWorkerName(config.app)
      // In CI wrangler answers its own "are you sure" prompts with yes; --force says so
      // explicitly, and also deletes when other Workers bind to this one.
      try {
        await cli.wrangler(['delete', `--name=${app}`, '--force'])
      } catch (err) {
        if (!workerNotFound(err)) throw err
        config.log(`Worker ${app} does not exist; nothing to delete`)
      }
    },

    async setSecrets(secrets) {
      const names = Object.keys(secrets)
      if (names.length === 0) {
        config.log('No secrets to set')
        return
      }
      for (const value of Object.values(secrets)) maskSecret(value)
      const bad = names.filter((name) => name.trim() === '')
      if (bad.length > 0) throw new InputError(['secret names must not be empty'])
      // `secret bulk` with no file reads a JSON object from stdin; one line, since wrangler
      // joins stdin lines without their newlines.
      const args = ['secret', 'bulk', ...cli.nameArgs()]
      const { result } = await cli.wrangler(args, { input: `${JSON.stringify(secrets)}\n` })
      if (`${result.stdout}\n${result.stderr}`.includes(BULK_INPUT_REFUSED)) {
        throw new CliError(
          `\`${TOOL} ${args.join(' ')}\` did not accept the secrets it was sent on stdin: ${BULK_INPUT_REFUSED}`,
          result,
        )
      }
    },

    async url() {
      if (lastDeployUrl) return lastDeployUrl
      throw new UnsupportedOperationError(
        'cloudflare',
        "tell a Worker's URL before deploying it in the same step",
        "set the `url` input to the Worker's workers.dev or custom-domain URL",
      )
    },
  }
}
