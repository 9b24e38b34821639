// Traffic steps on Cloudflare Workers (shared/providers/cloudflare-traffic.ts) against the fake
// wrangler (fakes/wrangler-fake.mjs), and the Cloudflare API stand-in's Create Deployment checks.
// The real wrangler runs the same path in __tests__/real-cli/wrangler-traffic.test.ts.
import { readFileSync } from 'node:fs'
import { ActionFailure } from '../../shared/errors.js'
import { createCloudflareProvider } from '../../shared/providers/cloudflare.js'
import { versionOverride } from '../../shared/providers/cloudflare-traffic.js'
import type { ProviderConfig, Release } from '../../shared/providers/types.js'
import { FakeCloudflareApi } from '../fakes/cloudflare-api.js'
import { useFakeClis } from '../fakes/provider-test.js'

const APP = 'flightdeck-demo'
// The fixtures' Worker serves this Version at 100% (fixtures/providers/cloudflare).
const SERVING = '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d'
const NEW = 'e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b'

const fake = useFakeClis('wrangler', ['CLOUDFLARE_API_TOKEN', 'CLOUDFLARE_ACCOUNT_ID'])

function cloudflare(overrides: Partial<ProviderConfig> = {}) {
  return createCloudflareProvider({
    app: APP,
    token: 'cf-fake-api-token-0123456789abcdef',
    timeoutMs: 10_000,
    settings: { 'account-id': '0123456789abcdef0123456789abcdef' },
    log: (line) => fake.logs.push(line),
    ...overrides,
  })
}

const release = (id: string): Release => ({
  id,
  status: 'succeeded',
  rawStatus: 'upload',
  current: true,
})
const plan = (steps: number[] = [10, 50, 100], previous = release(SERVING)) => ({
  steps,
  previous,
})

interface FakeState {
  workers: Record<string, { deployments: Array<{ versions: unknown[] }> }>
}

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../fixtures/providers/cloudflare/${name}`, import.meta.url), 'utf8'),
  ) as unknown

/** The fixtures' Worker, and the id of the Version the next upload makes. */
function seeded(): void {
  fake.clis.setState('wrangler', {
    workers: {
      [APP]: {
        versions: fixture('versions-list.json'),
        deployments: fixture('deployments-list.json'),
        secrets: {},
      },
    },
    nextVersionId: NEW,
  })
}

const lastSplit = () =>
  fake.clis.state<FakeState>('wrangler').workers[APP]?.deployments.at(-1)?.versions

describe('cloudflare traffic steps', () => {
  it('uploads, adds the new Version at 0% for the probe header, shifts in steps and finishes at 100%', async () => {
    seeded()
    const rollout = await cloudflare().traffic!.start(
      { environment: 'production', config: 'wrangler.toml', extraArgs: ['--var=LEVEL:debug'] },
      plan([12.5, 100]),
    )
    expect(rollout.release).toEqual({ releaseId: NEW })
    expect(rollout.probeHeaders).toEqual({
      'Cloudflare-Workers-Version-Overrides': `${APP}="${NEW}"`,
    })
    await rollout.shift(12.5, 1)
    expect(lastSplit()).toEqual([
      { version_id: NEW, percentage: 12.5 },
      { version_id: SERVING, percentage: 87.5 },
    ])
    await rollout.shift(100, 2)
    const where = ['--env=production', '--config=wrangler.toml', `--name=${APP}`]
    expect(fake.argvs().slice(-4)).toEqual([
      [
        'versions',
        'upload',
        ...where,
        '--message=flightdeck: traffic steps 12.5%, 100%',
        '--var=LEVEL:debug',
      ],
      [
        'versions',
        'deploy',
        `${NEW}@0`,
        `${SERVING}@100`,
        ...where,
        '--message=flightdeck: new version at 0%',
        '--yes',
      ],
      [
        'versions',
        'deploy',
        `${NEW}@12.5`,
        `${SERVING}@87.5`,
        ...where,
        '--message=flightdeck: step 1/2, 12.5% to new version',
        '--yes',
      ],
      [
        'versions',
        'deploy',
        `${NEW}@100`,
        ...where,
        '--message=flightdeck: step 2/2, 100% to new version',
        '--yes',
      ],
    ])
    expect(lastSplit()).toEqual([{ version_id: NEW, percentage: 100 }])
    expect(fake.logs).toContain(
      `Traffic step 1/2: 12.5% of requests to Worker Version ${NEW}, 87.5% to ${SERVING}`,
    )
  })

  it('returns all traffic to the previous Version at once on abort', async () => {
    seeded()
    const rollout = await cloudflare().traffic!.start({}, plan())
    await rollout.shift(10, 1)
    await rollout.abort()
    expect(fake.argvs().at(-1)).toEqual([
      'versions',
      'deploy',
      `${SERVING}@100`,
      `--name=${APP}`,
      '--message=flightdeck: traffic back to previous version',
      '--yes',
    ])
    expect(lastSplit()).toEqual([{ version_id: SERVING, percentage: 100 }])
  })

  it('reads the new Version from stdout when wrangler wrote no output file record', async () => {
    seeded()
    fake.clis.behave('wrangler', {
      'versions upload': {
        stdout: `Uploaded ${APP} (0.15 sec)\n\u001b[2mWorker Version ID: ${NEW}\u001b[22m\n`,
      },
    })
    const rollout = await cloudflare({ app: 'Upper-Case' }).traffic!.start({}, plan())
    expect(rollout.release.releaseId).toBe(NEW)
    // A Dictionary key is lower-case: no header, and no 0% Deployment for it.
    expect(rollout.probeHeaders).toBeUndefined()
    expect(fake.argvs().map((argv) => argv.slice(0, 2).join(' '))).toEqual(['versions upload'])
    expect(fake.logs).toContainEqual(
      expect.stringMatching(
        /^No Cloudflare-Workers-Version-Overrides header for Worker Upper-Case/,
      ),
    )
  })

  it('fails clearly, moving no traffic, when wrangler does not say which Version it made', async () => {
    seeded()
    fake.clis.behave('wrangler', { 'versions upload': { stdout: 'Uploaded it\n' } })
    await expect(cloudflare().traffic!.start({}, plan())).rejects.toThrow(
      `\`wrangler versions upload --name=${APP} --message=flightdeck: traffic steps 10%, 50%, 100%\` finished but did not say which Version it uploaded; no traffic was moved`,
    )
    expect(fake.argvs()).toHaveLength(1)
  })

  it('refuses, before any wrangler run, a previous release that is no Worker Version id, or none', async () => {
    const traffic = cloudflare().traffic!
    const notAVersion = traffic.start({}, plan([100], release('--dry-run')))
    await expect(notAVersion).rejects.toThrow(ActionFailure)
    await expect(notAVersion).rejects.toThrow(
      'the release serving now, "--dry-run", is not a Worker Version id',
    )
    await expect(
      traffic.start({}, { steps: [100], previous: undefined as unknown as Release }),
    ).rejects.toThrow(/this Worker has none: deploy it once without `traffic-steps`/)
    await expect(cloudflare({ app: '-x' }).traffic!.start({}, plan())).rejects.toThrow(
      /Worker name "-x" is invalid/,
    )
    expect(fake.argvs()).toEqual([])
  })

  it('refuses a share outside 0-100 before running wrangler', async () => {
    seeded()
    const rollout = await cloudflare().traffic!.start({}, plan())
    const runs = fake.argvs().length
    await expect(rollout.shift(150, 2)).rejects.toThrow(
      'a traffic share is a number from 0 to 100, not 150',
    )
    await expect(rollout.shift(Number.NaN, 2)).rejects.toThrow(/not NaN/)
    expect(fake.argvs()).toHaveLength(runs)
  })

  it('forms the version override only for a Worker name that can be a Dictionary key', () => {
    expect(versionOverride('my-worker_1.x', NEW)).toBe(`my-worker_1.x="${NEW}"`)
    expect(versionOverride('MyWorker', NEW)).toBeUndefined()
    expect(versionOverride('1worker', NEW)).toBeUndefined()
    expect(versionOverride('worker', 'a"b')).toBeUndefined()
  })
})

describe('Cloudflare API stand-in: Create Deployment', () => {
  const api = new FakeCloudflareApi()
  beforeAll(async () => {
    await api.start()
  })
  afterAll(async () => {
    await api.stop()
  })

  it('refuses what the API refuses and keeps every body it was sent', async () => {
    const [older, newer] = api.addWorker('split', 2)
    const a = older?.id ?? ''
    const b = newer?.id ?? ''
    const post = async (body: unknown) => {
      const response = await fetch(
        `${api.baseUrl}/accounts/${api.accountId}/workers/scripts/split/deployments`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
      )
      return response.status
    }
    const v = (version_id: string, percentage: unknown) => ({ version_id, percentage })
    const statuses = [
      await post({ versions: [v(a, 100)] }),
      await post({ strategy: 'percentage', versions: [] }),
      await post({ strategy: 'percentage', versions: [v(a, 50), v(b, 30), v(a, 20)] }),
      await post({ strategy: 'percentage', versions: [v(a, 10), v(b, 80)] }),
      await post({ strategy: 'percentage', versions: [v(a, -10), v(b, 110)] }),
      await post({ strategy: 'percentage', versions: [v(a, '10'), v(b, 90)] }),
      await post({ strategy: 'percentage', versions: [v('0000', 10), v(b, 90)] }),
    ]
    expect(statuses).toEqual([400, 400, 400, 400, 400, 400, 404])
    expect(api.serving('split')).toEqual([{ version_id: b, percentage: 100 }])
    // Within wrangler's 0.001 tolerance, and 0% (how a Version joins for version overrides).
    expect(await post({ strategy: 'percentage', versions: [v(a, 33.3333), v(b, 66.6665)] })).toBe(
      200,
    )
    expect(await post({ strategy: 'percentage', versions: [v(a, 0), v(b, 100)] })).toBe(200)
    expect(api.serving('split')).toEqual([v(a, 0), v(b, 100)])
    expect(api.deploymentBodies('split')).toHaveLength(9)
    expect(api.deploymentBodies('split')[3]).toEqual({
      strategy: 'percentage',
      versions: [v(a, 10), v(b, 80)],
    })
  })
})
