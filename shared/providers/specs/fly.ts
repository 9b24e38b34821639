import type { ProviderSpec } from '../spec.js'
import { jsonField } from './identity.js'

export const flySpec = {
  name: 'fly',
  title: 'Fly.io',
  // flyctl prefers FLY_ACCESS_TOKEN over FLY_API_TOKEN; both carry a Fly credential.
  tokenEnv: ['FLY_API_TOKEN', 'FLY_ACCESS_TOKEN'],
  cli: {
    tool: 'flyctl',
    install: { from: 'flyctl-releases' },
    tokenCheck: {
      env: 'FLY_API_TOKEN',
      unset: ['FLY_ACCESS_TOKEN'],
      args: ['auth', 'whoami', '--json'],
      identity: jsonField('flyctl', 'email'),
    },
  },
  needsApp: true,
  inputs: [],
  trafficInstead: "Fly's `strategy: canary` checks one machine first; it is not a traffic split",
  capabilities: {
    releases: true,
    rollback: true,
    previews: 'apps',
    strategies: ['rolling', 'bluegreen', 'canary', 'immediate'],
  },
  load: async () => (await import('../fly.js')).createFlyProvider,
} as const satisfies ProviderSpec
