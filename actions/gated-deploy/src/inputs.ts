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
  warnUnreadProviderInputs,
} from '../../../shared/providers/inputs.js'

export const STRATEGIES = ['rolling', 'bluegreen', 'canary', 'immediate'] as const
/** The platforms that take a deploy strategy. */
const STRATEGY_PROVIDERS = new Set(['fly'])

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
  if (inputs.strategy && !STRATEGY_PROVIDERS.has(inputs.provider)) {
    problems.push(
      `\`strategy\` ${inputs.strategy} is not something provider \`${inputs.provider}\` offers; only fly takes a strategy (leave it empty)`,
    )
  }
  if (inputs.provider === 'command') {
    for (const name of ['deploy-command', 'releases-command'] as const) {
      if (!inputs[name]) {
        problems.push(
          `\`${name}\` is required for provider \`command\` (example: ./scripts/${name.split('-')[0]}.sh)`,
        )
      }
    }
    if (inputs['auto-rollback'] && inputs['health-url'].length > 0 && !inputs['rollback-command']) {
      problems.push(
        '`rollback-command` is required for provider `command` when auto-rollback is on (example: ./scripts/rollback.sh), or set auto-rollback: false',
      )
    }
  }
  if (inputs['override-gates'] !== undefined && inputs['override-gates'].trim().length < 3) {
    problems.push(
      '`override-gates` needs a reason a person can read (example: hotfix for INC-2231)',
    )
  }
  if (problems.length > 0) throw new InputError(problems)
  warnUnreadProviderInputs(inputs)
  return inputs
}
