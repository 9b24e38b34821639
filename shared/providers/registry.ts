import { createCloudflareProvider } from './cloudflare.js'
import { createCommandProvider } from './command.js'
import { createFlyProvider } from './fly.js'
import { createRailwayProvider } from './railway.js'
import { createRenderProvider } from './render.js'
import type { Provider, ProviderConfig, ProviderName } from './types.js'
import { createVercelProvider } from './vercel.js'

const FACTORIES: Record<ProviderName, (config: ProviderConfig) => Provider> = {
  fly: createFlyProvider,
  cloudflare: createCloudflareProvider,
  vercel: createVercelProvider,
  railway: createRailwayProvider,
  render: createRenderProvider,
  command: createCommandProvider,
}

/** The one place that maps a provider name to its implementation. */
export function createProvider(name: ProviderName, config: ProviderConfig): Provider {
  return FACTORIES[name](config)
}
