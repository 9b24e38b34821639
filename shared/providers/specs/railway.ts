import type { ProviderSpec } from '../spec.js'
import { jsonField } from './identity.js'

export const railwaySpec = {
  name: 'railway',
  title: 'Railway',
  tokenEnv: ['RAILWAY_TOKEN', 'RAILWAY_API_TOKEN'],
  cli: {
    tool: 'railway',
    install: { from: 'npm', package: '@railway/cli', bin: 'railway' },
    // Railway's project tokens (RAILWAY_TOKEN, what the railway provider uses) cannot read the
    // user, so `railway whoami` rejects them; `railway status` reads the token's project instead.
    tokenCheck: {
      env: 'RAILWAY_TOKEN',
      unset: ['RAILWAY_API_TOKEN'],
      args: ['status', '--json'],
      identity: (stdout, args) => `project ${jsonField('railway', 'name')(stdout, args)}`,
    },
  },
  needsApp: true,
  inputs: ['api-url', 'environment-id', 'project-id'],
  capabilities: { releases: true, rollback: true },
  previewsInstead: 'use Railway PR environments (project settings)',
  trafficInstead: 'Railway health checks gate the switch to a new deployment, all at once',
  load: async () => (await import('../railway.js')).createRailwayProvider,
} as const satisfies ProviderSpec
