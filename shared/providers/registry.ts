// The one list of providers: each line names a provider's spec (shared/providers/specs/), the
// static facts the actions, `setup` and the docs read. A provider's implementation is loaded
// only when that provider is used: a run on Fly.io never parses the Vercel code.
import type { ProviderSpec } from './spec.js'
import { cloudflareSpec } from './specs/cloudflare.js'
import { commandSpec } from './specs/command.js'
import { flySpec } from './specs/fly.js'
import { railwaySpec } from './specs/railway.js'
import { renderSpec } from './specs/render.js'
import { vercelSpec } from './specs/vercel.js'
import type { Provider, ProviderConfig } from './types.js'

export const PROVIDER_SPECS = {
  fly: flySpec,
  cloudflare: cloudflareSpec,
  vercel: vercelSpec,
  railway: railwaySpec,
  render: renderSpec,
  command: commandSpec,
} as const satisfies Record<string, ProviderSpec>

export type ProviderName = keyof typeof PROVIDER_SPECS
export const PROVIDER_NAMES = Object.keys(PROVIDER_SPECS) as readonly ProviderName[]

/** The name of a CLI some provider runs (`flyctl`, `wrangler`, ...). */
export type ToolName = {
  [K in ProviderName]: (typeof PROVIDER_SPECS)[K] extends { cli: { tool: infer T } } ? T : never
}[ProviderName]

export function providerSpec(name: ProviderName): ProviderSpec {
  return PROVIDER_SPECS[name]
}

/** The providers a spec says yes to, in registry order (for messages and docs). */
export function providersWhere(test: (spec: ProviderSpec) => unknown): ProviderName[] {
  return PROVIDER_NAMES.filter((name) => Boolean(test(PROVIDER_SPECS[name])))
}

export async function createProvider(
  name: ProviderName,
  config: ProviderConfig,
): Promise<Provider> {
  const create = await PROVIDER_SPECS[name].load()
  return create(config)
}
