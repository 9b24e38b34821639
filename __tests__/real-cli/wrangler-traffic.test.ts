// Traffic steps through the real wrangler (`versions upload`, `versions deploy <id>@<percent>`)
// against the local Cloudflare API stand-in (../fakes/cloudflare-api.ts), driven by the
// cloudflare provider's `traffic.start/shift/abort`: what wrangler accepts, the Deployment
// bodies it sends, and what `releases()` offers as rollback targets afterwards.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createCloudflareProvider } from '../../shared/providers/cloudflare.js'
import { planRollback } from '../../shared/providers/select.js'
import type { ProviderConfig, Release } from '../../shared/providers/types.js'
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
    npm_registry: api.registryUrl,
    TMPDIR: join(dir, 'tmp'),
    RUNNER_TEMP: join(dir, 'runner-temp'),
  }),
  [
    'CLOUDFLARE_API_TOKEN',
    'CLOUDFLARE_ACCOUNT_ID',
    'CLOUDFLARE_API_BASE_URL',
    'CLOUDFLARE_API_KEY',
  ],
)

function cloudflare(app: string, cwd: string, logs: string[]) {
  const config: ProviderConfig = {
    app,
    token: api.token,
    apiUrl: api.baseUrl,
    cwd,
    timeoutMs: 60_000,
    settings: { 'account-id': api.accountId },
    log: (line) => logs.push(line),
  }
  return createCloudflareProvider(config)
}

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

/** The Release the Worker's newest Version is, as `releases()` would give it. */
function serving(name: string): Release {
  const id = api.versionsOf(name)[0]?.id ?? ''
  return { id, status: 'succeeded', rawStatus: 'upload', current: true }
}

const split = (...pairs: Array<[string, number]>) => ({
  strategy: 'percentage',
  versions: pairs.map(([version_id, percentage]) => ({ version_id, percentage })),
  annotations: { 'workers/message': expect.stringMatching(/^flightdeck: .{1,38}$/) as unknown },
})

const sumOf = (body: unknown) =>
  (body as { versions: Array<{ percentage: number }> }).versions.reduce(
    (sum, v) => sum + v.percentage,
    0,
  )

const describeReal = WRANGLER ? describe : describe.skip

describeReal('traffic steps through the real wrangler', () => {
  beforeAll(async () => {
    await api.start()
  })
  afterAll(async () => {
    await api.stop()
  })
  afterEach(() => {
    expect(api.unknown.splice(0).map((r) => `${r.method} ${r.path}`)).toEqual([])
  })

  it('uploads a Version that serves nothing, probes it at 0%, then moves 10%, 50% and 100% to it; a failed step returns all traffic at once and the aborted Version is no rollback target', async () => {
    // Two Workers at once (each wrangler run starts slowly): one rolls out, one is aborted.
    // The aborted one names its Worker in wrangler.toml only: no `--name`, so no probe header.
    const good = 'flightdeck-steps'
    const bad = 'flightdeck-abort'
    const [, goodOld] = api.addWorker(good, 2)
    const [, badOld] = api.addWorker(bad, 2)
    if (!goodOld || !badOld) throw new Error('stand-in made too few versions')
    const goodLogs: string[] = []
    const badLogs: string[] = []
    const goodProvider = cloudflare(good, workerProject(good), goodLogs)
    const badProvider = createCloudflareProvider({
      app: '',
      token: api.token,
      apiUrl: api.baseUrl,
      cwd: workerProject(bad),
      timeoutMs: 60_000,
      settings: { 'account-id': api.accountId },
      log: (line) => badLogs.push(line),
    })
    const plan = (name: string) => ({ steps: [10, 50, 100], previous: serving(name) })

    const [goodRollout, badRollout] = await Promise.all([
      goodProvider.traffic!.start({}, plan(good)),
      badProvider.traffic!.start({}, plan(bad)),
    ])
    const goodNew = goodRollout.release.releaseId
    const badNew = badRollout.release.releaseId
    expect(goodNew).toBe(api.versionsOf(good)[0]?.id)
    expect(badNew).toBe(api.versionsOf(bad)[0]?.id)
    expect(api.versionsOf(good)[0]?.annotations?.['workers/message']).toBe(
      'flightdeck: traffic steps 10%, 50%, 100%',
    )
    // The new Version joins the Deployment at 0%: there the override header reaches it alone.
    expect(goodRollout.probeHeaders).toEqual({
      'Cloudflare-Workers-Version-Overrides': `${good}="${goodNew}"`,
    })
    expect(api.serving(good)).toEqual([
      { version_id: goodNew, percentage: 0 },
      { version_id: goodOld.id, percentage: 100 },
    ])
    // Without the Worker's name there is no header: the upload alone, serving nothing.
    expect(badRollout.probeHeaders).toBeUndefined()
    expect(badLogs).toContainEqual(
      expect.stringMatching(/^No Cloudflare-Workers-Version-Overrides header: .*`app`/),
    )
    expect(api.deploymentBodies(bad)).toEqual([])
    expect(api.serving(bad)).toEqual([{ version_id: badOld.id, percentage: 100 }])

    await Promise.all([goodRollout.shift(10, 1), badRollout.shift(10, 1)])
    expect(api.serving(good)).toEqual([
      { version_id: goodNew, percentage: 10 },
      { version_id: goodOld.id, percentage: 90 },
    ])
    await Promise.all([goodRollout.shift(50, 2), badRollout.abort()])
    await goodRollout.shift(100, 3)

    expect(api.deploymentBodies(good)).toEqual([
      split([goodNew, 0], [goodOld.id, 100]),
      split([goodNew, 10], [goodOld.id, 90]),
      split([goodNew, 50], [goodOld.id, 50]),
      split([goodNew, 100]),
    ])
    expect(api.deploymentBodies(good).map(sumOf)).toEqual([100, 100, 100, 100])
    expect(api.serving(good)).toEqual([{ version_id: goodNew, percentage: 100 }])
    expect(api.deploymentBodies(bad)).toEqual([
      split([badNew, 10], [badOld.id, 90]),
      split([badOld.id, 100]),
    ])
    expect(api.serving(bad)).toEqual([{ version_id: badOld.id, percentage: 100 }])
    const shown = session.output.join('')
    expect(shown).toContain(
      `[command]wrangler versions deploy ${goodNew}@10 ${goodOld.id}@90 --name=${good} --message=flightdeck: step 1/3, 10% to new version --yes`,
    )
    expect(shown).toContain(
      `[command]wrangler versions upload --name=${good} --message=flightdeck: traffic steps 10%, 50%, 100%`,
    )

    // Afterwards: the fully deployed Version is a release like any; the aborted one is not.
    const [goodReleases, badReleases] = await Promise.all([
      goodProvider.releases(),
      badProvider.releases(),
    ])
    expect(goodReleases[0]).toMatchObject({ id: goodNew, status: 'succeeded', current: true })
    expect(badReleases[0]).toMatchObject({
      id: badNew,
      status: 'unknown',
      rawStatus: 'upload (never served all traffic)',
      current: false,
    })
    expect(badReleases.find((r) => r.current)?.id).toBe(badOld.id)
    expect(planRollback(badReleases, 'previous', bad).to.id).toBe(api.versionsOf(bad)[2]?.id)
  }, 180_000)
})

if (!WRANGLER) {
  describe('traffic steps through the real wrangler', () => {
    it.todo('needs the real wrangler in node_modules/.bin: run `npm ci` (it is a dev dependency)')
  })
}
