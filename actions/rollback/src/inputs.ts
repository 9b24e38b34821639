import { healthInputSchema } from '../../../shared/http/health-inputs.js'
import {
  boolean,
  environmentName,
  optional,
  parseInputs,
  secret,
  text,
  withDefault,
  type InputValues,
} from '../../../shared/inputs.js'
import { InputError } from '../../../shared/errors.js'
import {
  platformName,
  providerInputProblems,
  providerInputSchema,
  providerSettingValues,
  warnUnreadProviderInputs,
} from '../../../shared/providers/inputs.js'
import { providerSpec } from '../../../shared/providers/registry.js'

const { 'deploy-command': _deployCommand, ...providerInputs } = providerInputSchema

export const rollbackSchema = {
  ...providerInputs,
  to: withDefault(platformName('previous, v41 or a release id'), 'previous'),
  environment: optional(environmentName()),
  reason: optional(text()),
  ...healthInputSchema,
  'dry-run': withDefault(boolean(), 'false'),
  'github-token': secret(),
}

export type RollbackInputs = InputValues<typeof rollbackSchema>

export function readRollbackInputs(read?: (name: string) => string): RollbackInputs {
  const inputs = parseInputs(rollbackSchema, read)
  const problems = providerInputProblems(inputs)
  // The provider's own checks, from its spec (shared/providers/specs/).
  problems.push(
    ...(providerSpec(inputs.provider).checks?.rollback?.(providerSettingValues(inputs), {
      dryRun: inputs['dry-run'],
    }) ?? []),
  )
  if (problems.length > 0) throw new InputError(problems)
  warnUnreadProviderInputs(inputs)
  return inputs
}
