import type { ProviderSpec } from '../spec.js'
import { lastLine } from './identity.js'

export const vercelSpec = {
  name: 'vercel',
  title: 'Vercel',
  tokenEnv: ['VERCEL_TOKEN'],
  cli: {
    tool: 'vercel',
    install: { from: 'npm', package: 'vercel', bin: 'vercel' },
    tokenCheck: { env: 'VERCEL_TOKEN', unset: [], args: ['whoami'], identity: lastLine },
  },
  needsApp: true,
  inputs: ['api-url', 'project-id', 'org-id'],
  // Traffic steps through rolling releases, where the team's plan has them (Pro, Enterprise).
  capabilities: { releases: true, rollback: true, previews: 'project', trafficSplit: true },
  checks: {
    preview: (inputs) =>
      inputs.app || inputs['project-id']
        ? []
        : [
            '`app` is required for vercel previews: the Vercel project they are deployments of (example: app: my-project)',
          ],
  },
  load: async () => (await import('../vercel.js')).createVercelProvider,
} as const satisfies ProviderSpec
