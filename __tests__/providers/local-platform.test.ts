// The local platform's app (what gated-deploy's tests, the demo and the bench probe): which
// release answers each request under a split, and how each kind of release answers.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  initialState,
  startPlatformApp,
  writeState,
  type PlatformState,
} from '../fakes/local-platform.mjs'
import { toNewRelease } from '../fakes/local-platform-app.mjs'

let statePath: string
let app: Awaited<ReturnType<typeof startPlatformApp>> | undefined
beforeEach(() => {
  statePath = join(mkdtempSync(join(tmpdir(), 'flightdeck-local-platform-')), 'platform.json')
})
afterEach(async () => {
  await app?.close()
  app = undefined
})

/** Two releases: rel-1 serving, rel-2 as `extra` makes it. */
function twoReleases(extra: Partial<PlatformState['releases'][number]> = {}): PlatformState {
  const state = initialState(2)
  state.serving = 'rel-1'
  state.releases[0] = { ...state.releases[0]!, ...extra }
  return state
}

async function start(state: PlatformState) {
  writeState(statePath, state)
  app = await startPlatformApp(statePath)
  return app
}

async function get(path = '/health') {
  const response = await fetch(`${app!.url}${path}`)
  return { status: response.status, body: (await response.json()) as unknown }
}

describe('local platform app', () => {
  it('answers /health as before from the serving release', async () => {
    await start(initialState(1))
    expect(await get()).toEqual({ status: 200, body: { status: 'healthy', version: 'v1' } })
    expect(app!.served).toEqual({ 'rel-1': { requests: 1, failed: 0 } })
  })

  it.each([
    [10, 10],
    [50, 50],
    [1, 1],
    [99, 99],
  ])('sends exactly %i of 100 requests to the new release at %i%%', async (percent, expected) => {
    await start({ ...twoReleases(), traffic: { release: 'rel-2', previous: 'rel-1', percent } })
    const versions: unknown[] = []
    for (let n = 0; n < 100; n++)
      versions.push(((await get('/cart')).body as { version: string }).version)
    expect(versions.filter((version) => version === 'v2')).toHaveLength(expected)
    expect(app!.served['rel-2']?.requests).toBe(expected)
    expect(app!.served['rel-1']?.requests).toBe(100 - expected)
  })

  it('spreads a share evenly', () => {
    const picks = (percent: number) =>
      Array.from({ length: 20 }, (_, n) => toNewRelease(n, percent))
        .map((yes, n) => (yes ? n : -1))
        .filter((n) => n >= 0)
    expect(picks(10)).toEqual([9, 19])
    expect(picks(25)).toEqual([3, 7, 11, 15, 19])
  })

  it('starts counting again when the split changes', async () => {
    const split = (percent: number) => ({
      ...twoReleases(),
      traffic: { release: 'rel-2', previous: 'rel-1', percent },
    })
    await start(split(10))
    for (let n = 0; n < 5; n++) await get()
    writeState(statePath, split(50))
    for (let n = 0; n < 5; n++) await get()
    // Requests 0-4 of the 50 % split: 1 and 3 (counting on from 5 would give 5, 7 and 9).
    expect(app!.served['rel-2']).toEqual({ requests: 2, failed: 0 })
  })

  it('follows a new split written while it runs', async () => {
    await start({ ...twoReleases(), traffic: { release: 'rel-2', previous: 'rel-1', percent: 50 } })
    for (let n = 0; n < 10; n++) await get()
    writeState(statePath, {
      ...twoReleases(),
      serving: 'rel-2',
      traffic: { release: 'rel-2', previous: 'rel-1', percent: 100 },
    })
    for (let n = 0; n < 10; n++) await get()
    expect(app!.served).toEqual({
      'rel-1': { requests: 5, failed: 0 },
      'rel-2': { requests: 15, failed: 0 },
    })
  })

  it('answers 500 to every third request a failing release serves, on any path', async () => {
    await start({ ...twoReleases({ kind: 'failing' }), serving: 'rel-2' })
    const statuses: number[] = []
    for (let n = 0; n < 9; n++) statuses.push((await get(n % 2 ? '/health' : '/')).status)
    expect(statuses).toEqual([200, 200, 500, 200, 200, 500, 200, 200, 500])
    expect(app!.served).toEqual({ 'rel-2': { requests: 9, failed: 3 } })
  })

  it('takes the failing rate from the state, and counts only what the failing release served', async () => {
    await start({
      ...twoReleases({ kind: 'failing' }),
      failEvery: 2,
      traffic: { release: 'rel-2', previous: 'rel-1', percent: 50 },
    })
    for (let n = 0; n < 20; n++) await get()
    expect(app!.served).toEqual({
      'rel-1': { requests: 10, failed: 0 },
      'rel-2': { requests: 10, failed: 5 },
    })
  })

  it('answers 503 from an unhealthy release and counts it as failed', async () => {
    await start({ ...twoReleases({ healthy: false }), serving: 'rel-2' })
    expect(await get()).toEqual({ status: 503, body: { status: 'failing', version: 'v2' } })
    expect(app!.served).toEqual({ 'rel-2': { requests: 1, failed: 1 } })
  })

  it('adds latency from a slow release', async () => {
    await start({ ...twoReleases({ kind: 'slow' }), serving: 'rel-2', slowMs: 250 })
    const began = performance.now()
    expect(await get()).toEqual({ status: 200, body: { status: 'healthy', version: 'v2' } })
    // A lower bound only: the answer cannot come before the delay.
    expect(performance.now() - began).toBeGreaterThanOrEqual(240)
  })

  it('keeps answering from the last good state when the file is half-written', async () => {
    await start(initialState(1))
    expect((await get()).status).toBe(200)
    writeFileSync(statePath, '{"releases": [{"id": "rel-1", "hea')
    expect(await get()).toEqual({ status: 200, body: { status: 'healthy', version: 'v1' } })
  })
})
