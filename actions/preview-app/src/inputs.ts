import { InputError } from '../../../shared/errors.js'
import { healthInputSchema } from '../../../shared/http/health-inputs.js'
import {
  boolean,
  cliArgument,
  duration,
  keyValueLines,
  oneOf,
  optional,
  parseInputs,
  parser,
  quote,
  secret,
  splitLines,
  text,
  withDefault,
  type InputValues,
} from '../../../shared/inputs.js'
import { checkTemplate, DEFAULT_TEMPLATE } from '../../../shared/preview/names.js'
import { maskSecret } from '../../../shared/secrets.js'
import {
  providerInputSchema,
  providerSettingValues,
  warnUnreadProviderInputs,
} from '../../../shared/providers/inputs.js'
import { PROVIDER_NAMES, providersWhere, providerSpec } from '../../../shared/providers/registry.js'

const { 'health-url': _healthUrl, ...healthChecks } = healthInputSchema

export const previewSchema = {
  provider: withDefault(oneOf(PROVIDER_NAMES), 'fly'),
  token: secret(),
  // The project the previews live in (vercel, cloudflare), read as every action reads them.
  app: providerInputSchema.app,
  'project-id': providerInputSchema['project-id'],
  'org-id': providerInputSchema['org-id'],
  'account-id': providerInputSchema['account-id'],
  'api-url': providerInputSchema['api-url'],
  'app-name': withDefault(parser(checkTemplate), DEFAULT_TEMPLATE),
  org: optional(cliArgument('my-org')),
  region: optional(cliArgument('ams')),
  config: optional(cliArgument('fly.preview.toml')),
  image: optional(cliArgument('registry.fly.io/shop:pr-12')),
  secrets: withDefault(
    parser((value) => {
      const secrets: Record<string, string> = {}
      for (const line of splitLines(value)) {
        const at = line.indexOf('=')
        // Masked before anything can quote it; the error names the line's number, not its text.
        if (at > 0) maskSecret(line.slice(at + 1))
        else maskSecret(line)
        const key = at > 0 ? line.slice(0, at).trim() : ''
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
          throw new Error('a line is not a KEY=VALUE line (example: DATABASE_URL=postgres://...)')
        }
        secrets[key] = line.slice(at + 1)
      }
      return secrets
    }),
    '',
  ),
  env: withDefault(keyValueLines(), ''),
  action: withDefault(oneOf(['auto', 'deploy', 'destroy', 'sweep'] as const), 'auto'),
  ttl: withDefault(duration('7d', { minMs: 60_000 }), '7d'),
  comment: withDefault(boolean(), 'true'),
  'comment-header': optional(text()),
  // A path (/health) or a full URL: joined to the app URL once it is known.
  'health-url': optional(
    parser((value) => {
      if (value.startsWith('/')) return value
      if (/^https?:\/\//i.test(value)) return value
      throw new Error(`${quote(value)} is neither a path nor an http(s) URL (example: /health)`)
    }),
  ),
  ...healthChecks,
  'github-token': secret(),
  'dry-run': withDefault(boolean(), 'false'),
  'command-timeout': withDefault(duration('10m', { minMs: 1 }), '10m'),
  'deploy-timeout': withDefault(duration('30m', { minMs: 1000 }), '30m'),
}

export type PreviewInputs = InputValues<typeof previewSchema>

export function readPreviewInputs(read?: (name: string) => string): PreviewInputs {
  const inputs = parseInputs(previewSchema, read)
  // What each provider can do is in its spec (shared/providers/specs/): an app per PR, or
  // previews inside one project, or none.
  const spec = providerSpec(inputs.provider)
  if (!spec.capabilities.previews) {
    const able = providersWhere((other) => other.capabilities.previews)
    throw new InputError([
      `\`provider\` ${inputs.provider} has no preview apps in flightdeck: ${spec.previewsInstead ?? ''} (${listed(able)} have)`,
    ])
  }
  const problems = spec.checks?.preview?.(providerSettingValues(inputs)) ?? []
  if (spec.capabilities.previews !== 'apps' && inputs.image) {
    const withApps = providersWhere((other) => other.capabilities.previews === 'apps')
    problems.push(
      `\`image\` is for ${withApps.join(', ')} previews; ${inputs.provider} previews are built from the working directory (leave image empty)`,
    )
  }
  if (problems.length > 0) throw new InputError(problems)
  warnUnreadProviderInputs(inputs)
  return inputs
}

/** `a, b and c`. */
function listed(names: readonly string[]): string {
  return names.length < 2
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`
}
