// The app behind the local platform (local-platform.mjs): every request, on any path, is served
// by one release, chosen by the platform's current traffic split, and answers as that release
// would (its health and its kind). It counts per release what it served, so tests and the bench
// can say how many requests reached a broken release.
import { readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'

/** A failing release answers 500 to every `failEvery`-th request it serves, unless the state says otherwise. */
export const DEFAULT_FAIL_EVERY = 3
/** A slow release adds this much latency to every answer, unless the state says otherwise. */
export const DEFAULT_SLOW_MS = 300

/**
 * Reads the state file when it changed since the last read (one stat per request). The verbs
 * write by rename, so a read never sees half a file; should it meet one anyway (a test writing
 * in place), the last good state answers and the next request reads again.
 * @param {string} path
 */
function stateReader(path) {
  /** @type {import('./local-platform.mjs').PlatformState | undefined} */
  let cached
  let stamp = ''
  return () => {
    try {
      const stat = statSync(path)
      const now = `${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`
      if (now !== stamp || !cached) {
        cached = JSON.parse(readFileSync(path, 'utf8'))
        stamp = now
      }
    } catch {
      // Missing or half-written: keep the last good state.
    }
    return cached
  }
}

/**
 * Whether request `n` (from 0) of a split goes to the new release: exactly `percent` of every
 * 100 consecutive requests do, spread evenly (at 10 %: requests 9, 19, … 99).
 * @param {number} n @param {number} percent
 */
export function toNewRelease(n, percent) {
  return Math.floor(((n + 1) * percent) / 100) > Math.floor((n * percent) / 100)
}

/**
 * A local app whose answers follow the platform's state: /health (and every other path) answers
 * `{status, version}` from the release the split chose: 503 when that release is unhealthy, 500
 * on every `failEvery`-th request a `failing` release serves, `slowMs` later from a `slow` one.
 * @param {string} statePath
 */
export async function startPlatformApp(statePath) {
  const read = stateReader(statePath)
  /** @type {Record<string, { requests: number, failed: number }>} */
  const served = {}
  // The split's running counter, from 0 again whenever the split changes.
  let split = { key: '', n: 0 }
  /** @type {Set<NodeJS.Timeout>} */
  const timers = new Set()

  /** @param {import('./local-platform.mjs').PlatformState} state */
  function chooseRelease(state) {
    const traffic = state.traffic
    if (traffic && traffic.percent > 0 && traffic.percent < 100) {
      const key = `${traffic.release}\n${traffic.previous}\n${traffic.percent}`
      if (split.key !== key) split = { key, n: 0 }
      return toNewRelease(split.n++, traffic.percent) ? traffic.release : traffic.previous
    }
    return state.serving
  }

  const server = createServer((req, res) => {
    req.resume()
    const state = read()
    const id = state ? chooseRelease(state) : undefined
    const release = state?.releases.find((candidate) => candidate.id === id)
    const count = release ? (served[release.id] ??= { requests: 0, failed: 0 }) : undefined
    if (count) count.requests++
    const healthy = release?.healthy === true
    const failEvery = state?.failEvery ?? DEFAULT_FAIL_EVERY
    const fails =
      release?.kind === 'failing' && count !== undefined && count.requests % failEvery === 0
    const status = !healthy ? 503 : fails ? 500 : 200
    if (count && status !== 200) count.failed++
    const body = JSON.stringify({
      status: !healthy ? 'failing' : fails ? 'error' : 'healthy',
      version: release?.version ?? null,
    })
    const send = () => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(body)
    }
    if (release?.kind !== 'slow') return send()
    const timer = setTimeout(() => {
      timers.delete(timer)
      send()
    }, state?.slowMs ?? DEFAULT_SLOW_MS)
    timers.add(timer)
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
  return {
    url: `http://127.0.0.1:${port}`,
    /** Per release id: the requests it served and how many of them it failed (5xx). Live. */
    served,
    close: () =>
      new Promise((resolve) => {
        for (const timer of timers) clearTimeout(timer)
        server.closeAllConnections()
        server.close(resolve)
      }),
  }
}
