import type { ProviderSpec } from '../spec.js'

export const renderSpec = {
  name: 'render',
  title: 'Render',
  tokenEnv: ['RENDER_API_KEY'],
  needsApp: true,
  inputs: ['api-url'],
  capabilities: { releases: true, rollback: true },
  previewsInstead: 'use Render preview environments (render.yaml previews)',
  load: async () => (await import('../render.js')).createRenderProvider,
} as const satisfies ProviderSpec
