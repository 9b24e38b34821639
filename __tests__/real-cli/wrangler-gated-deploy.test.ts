// gated-deploy's traffic steps on Cloudflare Workers as the runner runs them: the bundle (dist/)
// with the real wrangler on PATH, against the local Cloudflare API stand-in
// (../fakes/cloudflare-api.ts), and a local app that answers as the Worker would: each request
// served by the Version the current Deployment's split picks, or by the Version a
// `Cloudflare-Workers-Version-Overrides` header names. Proves the wiring end to end: upload,
// the new Version probed alone at 0%, each share watched, and a broken Version stopped before it
// takes any request.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runBundledAction } from '../support/bundle-runner.mjs'
import { startFakeApp } from '../fakes/fake-app.mjs'
import { FakeCloudflareApi } from '../fakes/cloudflare-api.js'
import { installedCli, useRealCliEnv } from './real-cli.js'

const WRANGLER = installedCli('wrangler')
const api = new FakeCloudflareApi()

const session = useRealCliEnv(
  (dir) => ({
    CI: 'true',
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_LOG_PATH: join(dir, 'logs'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    TMPDIR: join(dir, 'tmp'),
  }),
  [
    'CLOUDFLARE_API_TOKEN',
    'CLOUDFLARE_ACCOUNT_ID',
    'CLOUDFLARE_API_BASE_URL',
    'CLOUDFLARE_API_KEY',
  ],
)

/** A Worker project named `name` in its wrangler.toml: what `versions upload` builds. */
function workerProject(name: string): string {
  const dir = join(session.dir, name)
  mkdirSync(join(dir, 'src'), { recursive: true })
  writeFileSync(
    join(dir, 'wrangler.toml'),
    `name = "${name}"\nmain = "src/index.js"\ncompatibility_date = "2025-01-01"\n`,
  )
  writeFileSync(join(dir, 'src/index.js'), 'export default { fetch: () => new Response("v2") }\n')
  return dir
}

/**
 * The Worker's app: the Version a request reaches is the override header's, else the split's
 * (spread evenly by a counter); any Version but `old` answers 503 when `newIsBroken`.
 */
function workerApp(name: string, old: string, newIsBroken: boolean) {
  let n = 0
  const reached: Array<{ version: string; alone: boolean }> = []
  const app = startFakeApp({
    respond: (request) => {
      const override = String(request.headers['cloudflare-workers-version-overrides'] ?? '')
      const named = new RegExp(`^${name}="([^"]+)"$`).exec(override)?.[1]
      let version = named
      if (!version) {
        const split = api.serving(name)
        const newer = split.find((entry) => entry.version_id !== old)
        const share = newer?.percentage ?? 0
        const toNew = Math.floor(((n + 1) * share) / 100) > Math.floor((n * share) / 100)
        n++
        version = toNew && newer ? newer.version_id : old
      }
      reached.push({ version, alone: named !== undefined })
      return newIsBroken && version !== old
        ? { status: 503, json: { ok: false } }
        : { status: 200, json: { ok: true } }
    },
  })
  return { app, reached }
}

function deploy(name: string, appUrl: string, extra: Record<string, string> = {}) {
  return runBundledAction('gated-deploy', {
    inputs: {
      provider: 'cloudflare',
      app: name,
      token: api.token,
      'api-url': api.baseUrl,
      'account-id': api.accountId,
      'working-directory': workerProject(name),
      'health-url': `${appUrl}/health`,
      'health-timeout': '2s',
      'traffic-steps': '10%,50%,100%',
      'analysis-duration': '1s',
      'analysis-interval': '100ms',
      'max-error-rate': '1%',
      'github-token': '',
      ...extra,
    },
    env: {
      CI: 'true',
      WRANGLER_SEND_METRICS: 'false',
      WRANGLER_LOG_PATH: join(session.dir, 'logs'),
      XDG_CONFIG_HOME: join(session.dir, 'config'),
    },
    timeoutMs: 120_000,
  })
}

const shares = (name: string) =>
  api
    .deploymentBodies(name)
    .map((body) =>
      (body as { versions: Array<{ percentage: number }> }).versions.map((v) => v.percentage),
    )

const describeReal = WRANGLER ? describe : describe.skip

describeReal(
  'gated-deploy on Cloudflare Workers with traffic steps (real wrangler, bundled action)',
  () => {
    beforeAll(async () => {
      await api.start()
    })
    afterAll(async () => {
      await api.stop()
    })
    afterEach(() => {
      expect(api.unknown.splice(0).map((r) => `${r.method} ${r.path}`)).toEqual([])
    })

    it('uploads the new Version, probes it alone at 0%, then gives it 10%, 50% and 100%, each watched', async () => {
      const name = 'gated-steps'
      const [, old] = api.addWorker(name, 2)
      if (!old) throw new Error('stand-in made too few versions')
      const worker = workerApp(name, old.id, false)
      const app = await worker.app
      try {
        const result = await deploy(name, app.origin)
        expect(result.exitCode).toBe(0)
        expect(result.outputs).toMatchObject({ status: 'deployed', 'traffic-step': '100%' })
        const fresh = api.versionsOf(name)[0]?.id
        expect(result.outputs.release).toBe(fresh)
        expect(shares(name)).toEqual([[0, 100], [10, 90], [50, 50], [100]])
        expect(api.serving(name)).toEqual([{ version_id: fresh, percentage: 100 }])
        // The health check before any share moved reached the new Version alone.
        expect(worker.reached[0]).toEqual({ version: fresh, alone: true })
        expect(`${result.stdout}${result.stderr}`.replace(/::add-mask::.*\n/g, '')).not.toContain(
          api.token,
        )
      } finally {
        await app.close()
      }
    })

    it('stops a broken Version at 0%, before it takes a single request, and leaves all traffic on the old one', async () => {
      const name = 'gated-broken'
      const [, old] = api.addWorker(name, 2)
      if (!old) throw new Error('stand-in made too few versions')
      const worker = workerApp(name, old.id, true)
      const app = await worker.app
      try {
        const result = await deploy(name, app.origin)
        expect(result.exitCode).toBe(1)
        expect(result.outputs).toMatchObject({
          status: 'rolled-back',
          'traffic-step': '0%',
          release: old.id,
        })
        expect(shares(name)).toEqual([[0, 100], [100]])
        expect(api.serving(name)).toEqual([{ version_id: old.id, percentage: 100 }])
        // Only the probes that named it in the override header met the broken Version.
        const fresh = api.versionsOf(name)[0]?.id
        const metBroken = worker.reached.filter((request) => request.version === fresh)
        expect(metBroken.length).toBeGreaterThan(0)
        expect(metBroken.filter((request) => !request.alone)).toEqual([])
      } finally {
        await app.close()
      }
    })
  },
)
