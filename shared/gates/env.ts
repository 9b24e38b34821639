// The require-env gate: the variables a deploy needs are set and not empty. Their values are
// credentials (a DSN, a deploy key): each is masked as soon as the gate reads it, so a deploy
// command that echoes one cannot put it in the log, the Deployment status, the deployment
// record or what notify sends on from it.
import { parser, quote, splitList, withDefault } from '../inputs.js'
import { maskSecret } from '../secrets.js'
import { defineGate } from './gate.js'

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * require-env values shorter than this are switches (`yes`, `1`), not credentials: masking one
 * would turn every `yes` in the log into `***` and protect nothing a guess would not find (the
 * same floor as shared/github/redact).
 */
const MIN_MASKED_LENGTH = 4

export function checkRequiredEnv(
  names: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): { open: boolean; reason: string } {
  for (const name of names) {
    const value = env[name]
    if (value && value.trim().length >= MIN_MASKED_LENGTH) maskSecret(value)
  }
  const missing = names.filter((name) => !env[name]?.trim())
  return missing.length === 0
    ? { open: true, reason: `${names.join(', ')} set` }
    : { open: false, reason: `not set or empty: ${missing.join(', ')}` }
}

export const requireEnvGate = defineGate({
  name: 'require-env',
  inputs: {
    'require-env': withDefault(
      parser((value) =>
        splitList(value).map((name) => {
          if (!ENV_NAME.test(name)) {
            throw new Error(
              `${quote(name)} is not an environment variable name (example: FLY_API_TOKEN)`,
            )
          }
          return name
        }),
      ),
      '',
    ),
  },
  configured: (inputs) => inputs['require-env'].length > 0,
  evaluate: async (inputs) => checkRequiredEnv(inputs['require-env']),
})
