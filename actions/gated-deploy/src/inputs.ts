import {
  analysisInputProblems,
  analysisInputSchema,
  analysisSettings,
  parseTrafficSteps,
} from '../../../shared/analysis/inputs.js'
import type { AnalysisSettings } from '../../../shared/analysis/types.js'
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
  trafficProviderInputSchema,
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
  // The analysis after the health check (shared/analysis/inputs.ts), and traffic steps.
  ...analysisInputSchema,
  ...trafficProviderInputSchema,
  'traffic-steps': optional(parser(parseTrafficSteps)),
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
  const steps = inputs['traffic-steps']
  const trafficSteps = steps !== undefined && steps.length > 1
  problems.push(...analysisInputProblems(inputs, { healthUrls: inputs['health-url'] }))
  if (trafficSteps && !spec.capabilities.trafficSplit) {
    const takers = providersWhere((other) => other.capabilities.trafficSplit === true)
    problems.push(
      `\`traffic-steps\` needs a platform that sends a share of requests to a new release (${takers.join(', ')}); provider \`${inputs.provider}\` moves machines or deployments, not a share of requests${spec.trafficInstead ? ` (${spec.trafficInstead})` : ''}: remove traffic-steps, or set it to 100%`,
    )
  }
  if (trafficSteps && inputs['analysis-duration'] === 0) {
    problems.push(
      '`traffic-steps` holds each step for `analysis-duration`, which is 0: set how long each share is watched (example: analysis-duration: 5m)',
    )
  }
  problems.push(
    ...(spec.checks?.deploy?.(providerSettingValues(inputs), {
      rollsBack: inputs['auto-rollback'] && inputs['health-url'].length > 0,
      trafficSteps,
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

/** The analysis gated-deploy runs after the health check; undefined when it is off. */
export function analysisSettingsOf(inputs: GatedDeployInputs): AnalysisSettings | undefined {
  if (inputs['analysis-duration'] === 0) return undefined
  return analysisSettings(
    inputs,
    inputs['health-url'],
    inputs['health-expected-status'],
    inputs['health-headers'],
  )
}
