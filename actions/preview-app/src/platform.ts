// The platform side of a preview: the provider for one preview and the name it gets there.
import { previewAppName, type TemplateValues } from '../../../shared/preview/names.js'
import { ActionFailure } from '../../../shared/errors.js'
import { createProvider, providerSpec } from '../../../shared/providers/registry.js'
import type { Provider, ProviderWith } from '../../../shared/providers/types.js'
import * as core from '../../../shared/runner-protocol.js'
import type { PreviewInputs } from './inputs.js'

/** Fly app names are DNS labels. */
export const MAX_NAME_LENGTH = 63

/** The GitHub environment of a pull request's preview. */
export function environmentOf(pr: number): string {
  return `pr-${pr}`
}

/**
 * The provider for one preview: where previews are apps (fly) the app is the preview's own;
 * where they live inside a project (vercel, cloudflare) it is the project (`app` input).
 */
export async function providerFor(
  inputs: PreviewInputs,
  app: string,
  timeoutMs: number,
): Promise<Provider> {
  return createProvider(inputs.provider, {
    app: providerSpec(inputs.provider).capabilities.previews === 'apps' ? app : (inputs.app ?? ''),
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

/**
 * A preview as an app of its own needs the provider's app operations. Inputs already refuse a
 * provider without previews; this names the gap plainly should one get here anyway.
 */
export function appOperations(
  provider: Provider,
): ProviderWith<'ensureApp' | 'destroyApp' | 'setSecrets'> {
  if (!provider.ensureApp || !provider.destroyApp || !provider.setSecrets) {
    throw new ActionFailure(
      `provider ${provider.name} makes no app per pull request, so flightdeck cannot make its previews`,
    )
  }
  return provider as ProviderWith<'ensureApp' | 'destroyApp' | 'setSecrets'>
}
