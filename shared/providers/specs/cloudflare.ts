import type { ProviderSpec } from '../spec.js'
import { parseCliJson } from '../../process.js'

export const cloudflareSpec = {
  name: 'cloudflare',
  title: 'Cloudflare Workers',
  tokenEnv: ['CLOUDFLARE_API_TOKEN'],
  cli: {
    tool: 'wrangler',
    install: { from: 'npm', package: 'wrangler', bin: 'wrangler' },
    tokenCheck: {
      env: 'CLOUDFLARE_API_TOKEN',
      unset: ['CLOUDFLARE_API_KEY', 'CLOUDFLARE_EMAIL'],
      // Plain `wrangler whoami` exits 0 when not logged in; with --json it fails.
      args: ['whoami', '--json'],
      identity: (stdout, args) => {
        const parsed = parseCliJson<Record<string, unknown> | null>('wrangler', args, stdout)
        if (parsed?.loggedIn !== true) throw new Error('wrangler says the token is not logged in')
        const accounts = Array.isArray(parsed.accounts) ? parsed.accounts : []
        const account = (accounts[0] as { name?: unknown } | undefined)?.name
        return String(parsed.email ?? account ?? parsed.authType ?? 'an API token')
      },
    },
  },
  needsApp: true,
  inputs: ['api-url', 'account-id'],
  capabilities: { releases: true, rollback: true, previews: 'project', trafficSplit: true },
  checks: {
    preview: (inputs) =>
      inputs.app
        ? []
        : [
            '`app` is required for cloudflare previews: the Worker whose versions they are (example: app: my-worker)',
          ],
  },
  load: async () => (await import('../cloudflare.js')).createCloudflareProvider,
} as const satisfies ProviderSpec
