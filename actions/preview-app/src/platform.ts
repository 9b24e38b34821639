// The platform side of a preview: the provider for one preview and the name it gets there.
import { previewAppName, type TemplateValues } from '../../../shared/preview/names.js'
import { createProvider } from '../../../shared/providers/registry.js'
import type { Provider } from '../../../shared/providers/types.js'
import * as core from '../../../shared/runner.js'
import type { PreviewInputs } from './inputs.js'

/** Fly app names are DNS labels. */
export const MAX_NAME_LENGTH = 63

/** The GitHub environment of a pull request's preview. */
export function environmentOf(pr: number): string {
  return `pr-${pr}`
}

/**
 * The provider for one preview: for fly the app is the preview's own; for vercel and cloudflare
 * it is the project (`app` input) whose previews these are.
 */
export async function providerFor(
  inputs: PreviewInputs,
  app: string,
  timeoutMs: number,
): Promise<Provider> {
  return createProvider(inputs.provider, {
    app: inputs.provider === 'fly' ? app : (inputs.app ?? ''),
    token: inputs.token,
    apiUrl: inputs['api-url'],
    timeoutMs,
    cwd: process.env.GITHUB_WORKSPACE,
    settings: {
      org: inputs.org,
      'project-id': inputs['project-id'],
      'org-id': inputs['org-id'],
      'account-id': inputs['account-id'],
    },
    log: (line) => core.info(line),
  })
}

/**
 * The preview's safe name within the platform's limit, the PR number always whole in it. A name
 * inside a project (a Workers preview alias) must start with a letter.
 */
export function previewName(provider: Provider, template: string, values: TemplateValues): string {
  return previewAppName(template, values, {
    maxLength: provider.previews?.maxNameLength ?? MAX_NAME_LENGTH,
    letterFirst: provider.previews !== undefined,
  })
}
