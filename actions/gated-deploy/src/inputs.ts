import { InputError } from '../../../shared/errors.js'
import { gateInputSchema } from '../../../shared/gates/registry.js'
import { healthInputSchema } from '../../../shared/http/health-inputs.js'
import {
  boolean,
  cliArgument,
  duration,
  httpUrl,
  oneOf,
  optional,
  parseInputs,
  parser,
  secret,
  splitLines,
  text,
  withDefault,
  type InputValues,
} from '../../../shared/inputs.js'
import {
  platformName,
  providerInputProblems,
  providerInputSchema,
  providerSettingValues,
  warnUnreadProviderInputs,
} from '../../../shared/providers/inputs.js'
import { providersWhere, providerSpec } from '../../../shared/providers/registry.js'

export const STRATEGIES = ['rolling', 'bluegreen', 'canary', 'immediate'] as const

export const gatedDeploySchema = {
  ...providerInputSchema,
  environment: withDefault(platformName('production'), 'production'),
  'environment-url': optional(httpUrl('https://my-app.fly.dev')),
  image: optional(cliArgument('registry.fly.io/my-app:deployment-01H9')),
  config: optional(cliArgument('fly.production.toml')),
  strategy: optional(oneOf(STRATEGIES)),
  'deploy-args': withDefault(parser(splitLines), ''),
  'working-directory': optional(text()),
  'deploy-timeout': withDefault(duration('30m', { minMs: 1000 }), '30m'),
  'dry-run': withDefault(boolean(), 'false'),
  // Each gate's inputs, declared by its module (shared/gates/registry.ts).
  ...gateInputSchema,
  'override-gates': optional(text()),
  'on-blocked': withDefault(oneOf(['fail', 'skip'] as const), 'fail'),
  ...healthInputSchema,
  'auto-rollback': withDefault(boolean(), 'true'),
  'github-token': secret(),
}

export type GatedDeployInputs = InputValues<typeof gatedDeploySchema>

export function readGatedDeployInputs(read?: (name: string) => string): GatedDeployInputs {
  const inputs = parseInputs(gatedDeploySchema, read)
  const problems = providerInputProblems(inputs)
  // What the provider takes is in its spec (shared/providers/specs/).
  const spec = providerSpec(inputs.provider)
  if (inputs.strategy && !spec.capabilities.strategies?.includes(inputs.strategy)) {
    const takers = providersWhere((other) => other.capabilities.strategies?.length)
    problems.push(
      `\`strategy\` ${inputs.strategy} is not something provider \`${inputs.provider}\` offers; only ${takers.join(', ')} ${takers.length === 1 ? 'takes' : 'take'} a strategy (leave it empty)`,
    )
  }
  problems.push(
    ...(spec.checks?.deploy?.(providerSettingValues(inputs), {
      rollsBack: inputs['auto-rollback'] && inputs['health-url'].length > 0,
    }) ?? []),
  )
  if (inputs['override-gates'] !== undefined && inputs['override-gates'].trim().length < 3) {
    problems.push(
      '`override-gates` needs a reason a person can read (example: hotfix for INC-2231)',
    )
  }
  if (problems.length > 0) throw new InputError(problems)
  warnUnreadProviderInputs(inputs)
  return inputs
}
