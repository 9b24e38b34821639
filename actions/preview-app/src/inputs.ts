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
import { providerInputSchema, warnUnreadProviderInputs } from '../../../shared/providers/inputs.js'
import { PROVIDER_NAMES } from '../../../shared/providers/types.js'

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

/** Providers whose previews flightdeck makes: an app per PR, or previews inside one project. */
const PREVIEW_PROVIDERS = ['fly', 'vercel', 'cloudflare']

export function readPreviewInputs(read?: (name: string) => string): PreviewInputs {
  const inputs = parseInputs(previewSchema, read)
  if (!PREVIEW_PROVIDERS.includes(inputs.provider)) {
    const instead: Record<string, string> = {
      railway: 'use Railway PR environments (project settings)',
      render: 'use Render preview environments (render.yaml previews)',
      command: 'run your own preview commands in a step',
    }
    throw new InputError([
      `\`provider\` ${inputs.provider} has no preview apps in flightdeck: ${instead[inputs.provider] ?? ''} (fly, vercel and cloudflare have)`,
    ])
  }
  const problems: string[] = []
  if (inputs.provider === 'cloudflare' && !inputs.app) {
    problems.push(
      '`app` is required for cloudflare previews: the Worker whose versions they are (example: app: my-worker)',
    )
  }
  if (inputs.provider === 'vercel' && !inputs.app && !inputs['project-id']) {
    problems.push(
      '`app` is required for vercel previews: the Vercel project they are deployments of (example: app: my-project)',
    )
  }
  if (inputs.provider !== 'fly' && inputs.image) {
    problems.push(
      `\`image\` is for fly previews; ${inputs.provider} previews are built from the working directory (leave image empty)`,
    )
  }
  if (problems.length > 0) throw new InputError(problems)
  warnUnreadProviderInputs(inputs)
  return inputs
}
