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
  warnUnreadProviderInputs,
} from '../../../shared/providers/inputs.js'

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
  if (inputs.provider === 'command' && !inputs['releases-command']) {
    problems.push(
      '`releases-command` is required for provider `command` (example: ./scripts/releases.sh)',
    )
  }
  if (inputs.provider === 'command' && !inputs['rollback-command'] && !inputs['dry-run']) {
    problems.push(
      '`rollback-command` is required for provider `command` (example: kubectl rollout undo deployment/web)',
    )
  }
  if (problems.length > 0) throw new InputError(problems)
  warnUnreadProviderInputs(inputs)
  return inputs
}
