// The one place that maps a provider name to its implementation. Each platform's module is
// loaded only when that platform is used: a run on Fly.io never parses the Vercel code.
import type { Provider, ProviderConfig, ProviderName } from './types.js'

const FACTORIES: Record<ProviderName, () => Promise<(config: ProviderConfig) => Provider>> = {
  fly: async () => (await import('./fly.js')).createFlyProvider,
  cloudflare: async () => (await import('./cloudflare.js')).createCloudflareProvider,
  vercel: async () => (await import('./vercel.js')).createVercelProvider,
  railway: async () => (await import('./railway.js')).createRailwayProvider,
  render: async () => (await import('./render.js')).createRenderProvider,
  command: async () => (await import('./command.js')).createCommandProvider,
}

export async function createProvider(
  name: ProviderName,
  config: ProviderConfig,
): Promise<Provider> {
  const create = await FACTORIES[name]()
  return create(config)
}
