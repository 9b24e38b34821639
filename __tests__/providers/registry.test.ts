import { readdirSync, readFileSync } from 'node:fs'
import {
  createProvider,
  PROVIDER_NAMES,
  PROVIDER_SPECS,
  providerSpec,
  providersWhere,
} from '../../shared/providers/registry.js'
import type { ProviderConfig } from '../../shared/providers/types.js'

const config = (): ProviderConfig => ({
  app: 'flightdeck-demo',
  token: 'registry-test-token',
  timeoutMs: 1000,
  settings: {},
  log: () => undefined,
})

describe('provider registry', () => {
  it('names each spec by its registry key, in one list', () => {
    expect(PROVIDER_NAMES).toEqual(['fly', 'cloudflare', 'vercel', 'railway', 'render', 'command'])
    for (const name of PROVIDER_NAMES) expect(PROVIDER_SPECS[name].name).toBe(name)
  })

  // A spec's claims hold for the implementation it loads: a capability is there exactly when
  // the spec says so, and a lacking one is absent, not a method that throws.
  it.each(PROVIDER_NAMES.map((name) => [name]))('%s does what its spec says', async (name) => {
    const spec = providerSpec(name)
    const provider = await createProvider(name, config())
    expect(provider.name).toBe(name)
    expect(provider.cli).toBe(spec.cli?.tool)
    for (const variable of provider.tokenEnv) expect(spec.tokenEnv).toContain(variable)
    const previews = spec.capabilities.previews
    expect(provider.previews !== undefined).toBe(previews === 'project')
    expect(provider.listApps !== undefined).toBe(previews === 'apps')
    if (previews === 'apps') {
      expect(typeof provider.ensureApp).toBe('function')
      expect(typeof provider.destroyApp).toBe('function')
    }
    if (previews === undefined) {
      expect(provider.ensureApp).toBeUndefined()
      expect(provider.destroyApp).toBeUndefined()
      expect(spec.previewsInstead).toBeTruthy()
    }
    expect(provider.traffic !== undefined).toBe(spec.capabilities.trafficSplit ?? false)
  })

  it('derives who can do what from the specs', () => {
    expect(providersWhere((spec) => spec.capabilities.previews)).toEqual([
      'fly',
      'cloudflare',
      'vercel',
    ])
    expect(providersWhere((spec) => spec.capabilities.strategies?.length)).toEqual(['fly'])
    expect(providersWhere((spec) => !spec.needsApp)).toEqual(['command'])
    expect(providersWhere((spec) => spec.cli).map((name) => providerSpec(name).cli?.tool)).toEqual([
      'flyctl',
      'wrangler',
      'vercel',
      'railway',
    ])
  })

  // Cold start: the specs are static facts; an implementation is only ever imported by `load`.
  it('keeps the specs free of static imports of any implementation', () => {
    const dir = new URL('../../shared/providers/specs/', import.meta.url)
    for (const file of readdirSync(dir)) {
      const source = readFileSync(new URL(file, dir), 'utf8')
      const imports = [...source.matchAll(/^import [^;]*? from '([^']+)'/gm)].map((m) => m[1])
      expect(
        imports.every((path) =>
          /^(\.\.\/spec|\.\/identity|\.\.\/\.\.\/process)\.js$/.test(path ?? ''),
        ),
      ).toBe(true)
    }
    const registry = readFileSync(
      new URL('../../shared/providers/registry.ts', import.meta.url),
      'utf8',
    )
    const fromRegistry = [...registry.matchAll(/^import [^;]*? from '([^']+)'/gm)].map((m) => m[1])
    expect(
      fromRegistry.filter((path) => !/^\.\/(spec|specs\/[a-z]+|types)\.js$/.test(path ?? '')),
    ).toEqual([])
  })
})
