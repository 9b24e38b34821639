// A pull request's previews on Vercel: preview deployments of the project tagged with the
// preview's name (`--meta`), all found again and removed when the pull request closes.
import type { DeployRequest, DeployResult, PreviewOperations, ProviderConfig } from './types.js'
import type { VercelCli } from './vercel-cli.js'
import {
  DEFAULT_SECRET_ENVIRONMENT,
  PREVIEW_META_KEY,
  listedId,
  text,
  type VercelDeployment,
} from './vercel-output.js'

/** What the previews use of the provider itself. */
export interface VercelPreviewDeps {
  cli: VercelCli
  deploy(request: DeployRequest): Promise<DeployResult>
  setSecrets(secrets: Record<string, string>): Promise<void>
  removeDeployments(refs: string[]): Promise<void>
}

export function createVercelPreviews(
  config: ProviderConfig,
  { cli, deploy, setSecrets, removeDeployments }: VercelPreviewDeps,
): PreviewOperations {
  /**
   * A pull request's previews are Vercel's own preview deployments of the project, tagged with
   * the preview's name, so that closing the PR finds and removes every one it made (each push
   * makes one). Never a production deployment, whatever its tag says.
   */
  return {
    maxNameLength: 63,

    async deploy(request) {
      if (Object.keys(request.secrets).length > 0) {
        config.log(
          `Setting ${Object.keys(request.secrets).length} secret(s) on the project's ${config.settings.environment || DEFAULT_SECRET_ENVIRONMENT} environment: Vercel gives all its preview deployments the same values`,
        )
        await setSecrets(request.secrets)
      }
      const result = await deploy({
        config: request.config,
        extraArgs: [
          `--meta=${PREVIEW_META_KEY}=${request.name}`,
          ...Object.entries(request.vars).map(([key, value]) => `--env=${key}=${value}`),
        ],
      })
      return {
        id: result.releaseId,
        url: result.url ? `https://${result.url.replace(/^https?:\/\//, '')}` : undefined,
      }
    },

    async remove(name, why) {
      const { deployments } = await cli.listDeployments(
        [`--meta=${PREVIEW_META_KEY}=${name}`],
        () => false,
      )
      const refs = (deployments as VercelDeployment[])
        .filter(
          (item) => item?.target !== 'production' && text(item?.meta?.[PREVIEW_META_KEY]) === name,
        )
        .map(listedId)
        .filter((ref): ref is string => ref !== undefined)
      if (refs.length === 0) {
        config.log(`No preview deployments of ${name} are left; nothing to remove (${why})`)
        return { removed: [] }
      }
      await removeDeployments(refs)
      return { removed: refs }
    },
  }
}
