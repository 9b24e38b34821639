import {
  duration,
  httpUrl,
  oneOf,
  optional,
  parser,
  quote,
  secret,
  text,
  withDefault,
  type InputValues,
} from '../inputs.js'
import * as core from '../runner-protocol.js'
import { maskSecret } from '../secrets.js'
import { PROVIDER_NAMES, providerSpec, type ProviderName } from './registry.js'
import {
  PROVIDER_SPECIFIC_INPUTS,
  type ProviderSettingValues,
  type ProviderSpecificInput,
} from './spec.js'
import type { ProviderConfig } from './types.js'

export { PROVIDER_SPECIFIC_INPUTS, type ProviderSpecificInput }

/**
 * Names that reach a CLI as one argument each. A leading dash would read as a flag, and
 * whitespace or shell characters are never part of a real app, service or release name.
 */
const PLATFORM_NAME = /^[A-Za-z0-9][A-Za-z0-9._:@/+=-]*$/

export const platformName = (example: string) =>
  parser((value) => {
    if (!PLATFORM_NAME.test(value)) {
      throw new Error(
        `${quote(value)} is not an app, service or release name: letters, digits and . _ : @ / + = - only, not starting with - (example: ${example})`,
      )
    }
    return value
  })

/** The inputs every action that talks to a platform shares. */
export const providerInputSchema = {
  provider: withDefault(oneOf(PROVIDER_NAMES), 'fly'),
  app: optional(platformName('my-app')),
  token: secret(),
  'api-url': optional(httpUrl('https://api.render.com/v1')),
  'command-timeout': withDefault(duration('10m', { minMs: 1 }), '10m'),
  'account-id': optional(text()),
  'environment-id': optional(text()),
  'project-id': optional(text()),
  'org-id': optional(text()),
  'deploy-command': optional(text()),
  'releases-command': optional(text()),
  'rollback-command': optional(text()),
}

/**
 * The provider inputs only an action that moves traffic a share at a time reads (gated-deploy
 * with `traffic-steps`): kept apart so `rollback` and `preview-app` never declare them.
 */
export const trafficProviderInputSchema = {
  'traffic-command': optional(text()),
}

export type ProviderInputs = InputValues<
  typeof providerInputSchema & typeof trafficProviderInputSchema
>

/** An action may leave out the settings it has no use for (rollback has no deploy-command). */
type SettingName =
  | 'account-id'
  | 'environment-id'
  | 'deploy-command'
  | 'releases-command'
  | 'rollback-command'
  | 'traffic-command'
export type ProviderConfigInputs = Omit<ProviderInputs, SettingName> &
  Partial<Pick<ProviderInputs, SettingName>>

/** Checks what a provider needs that a schema cannot see alone; returns the problems. */
export function providerInputProblems(inputs: ProviderConfigInputs): string[] {
  if (providerSpec(inputs.provider).needsApp && !inputs.app) {
    return [`\`app\` is required for provider \`${inputs.provider}\` (example: my-app)`]
  }
  return []
}

/** The values a provider's own input checks read (its spec's `checks`). */
export function providerSettingValues(inputs: ProviderConfigInputs): ProviderSettingValues {
  const values: Partial<Record<'app' | ProviderSpecificInput, string | undefined>> = {
    app: inputs.app,
  }
  for (const name of PROVIDER_SPECIFIC_INPUTS) values[name] = inputs[name]
  return values
}

/**
 * Which provider-specific inputs each provider reads, from the providers' specs; a test derives
 * it again from each provider's source and fails when the two disagree.
 */
export const INPUTS_READ_BY = Object.fromEntries(
  PROVIDER_NAMES.map((name) => [name, providerSpec(name).inputs]),
) as Record<ProviderName, readonly ProviderSpecificInput[]>

/**
 * The provider-specific inputs given that the chosen provider never reads (`releases-command`
 * with `provider: fly`), each named in a warning: a setting that silently does nothing is
 * usually a provider chosen wrongly.
 */
export function warnUnreadProviderInputs(
  inputs: ProviderConfigInputs,
  warn: (message: string) => void = (message) => core.warning(message, { title: 'input not used' }),
): string[] {
  const read = new Set<string>(INPUTS_READ_BY[inputs.provider])
  const unread = PROVIDER_SPECIFIC_INPUTS.filter(
    (name) => inputs[name] !== undefined && inputs[name] !== '' && !read.has(name),
  )
  for (const name of unread) {
    const readers = PROVIDER_NAMES.filter((provider) => INPUTS_READ_BY[provider].includes(name))
    warn(
      `\`${name}\` is set, but provider \`${inputs.provider}\` never reads it (only ${readers.join(', ')} ${readers.length === 1 ? 'does' : 'do'}): it has no effect. Remove it, or choose the provider it is for.`,
    )
  }
  return unread
}

export function providerConfig(
  inputs: ProviderConfigInputs,
  log: (line: string) => void,
): ProviderConfig {
  maskSecret(inputs.token)
  return {
    app: inputs.app ?? '',
    token: inputs.token,
    apiUrl: inputs['api-url'],
    timeoutMs: inputs['command-timeout'],
    cwd: process.env.GITHUB_WORKSPACE,
    log,
    settings: {
      'account-id': inputs['account-id'],
      'environment-id': inputs['environment-id'],
      'project-id': inputs['project-id'],
      'org-id': inputs['org-id'],
      'deploy-command': inputs['deploy-command'],
      'releases-command': inputs['releases-command'],
      'rollback-command': inputs['rollback-command'],
      'traffic-command': inputs['traffic-command'],
    },
  }
}
