// A tiny platform for the `command` provider, in one JSON file: releases, which one serves (or
// how requests are split between two), and how each behaves. `node local-platform.mjs
// deploy|releases|rollback|traffic <state.json>` is what a team's own scripts would be; the app
// started by `startPlatformApp` (local-platform-app.mjs) answers from the serving releases.
// Used by the gated-deploy tests, the demo and the bench.
import { randomBytes } from 'node:crypto'
import { readFileSync, renameSync, writeFileSync } from 'node:fs'

export { startPlatformApp, DEFAULT_FAIL_EVERY, DEFAULT_SLOW_MS } from './local-platform-app.mjs'

/**
 * @typedef {'good' | 'failing' | 'slow'} ReleaseKind how a healthy release answers: well, with
 *   500 on every `failEvery`-th request it serves, or `slowMs` late
 * @typedef {{ id: string, version: string, status: string, healthy: boolean, kind?: ReleaseKind, createdAt: string }} PlatformRelease
 * @typedef {object} PlatformState
 * @property {PlatformRelease[]} releases newest first
 * @property {string} [serving] id of the release that serves (all requests, unless `traffic` splits them)
 * @property {{ release: string, previous: string, percent: number }} [traffic] the last split the
 *   `traffic` verb set: `percent` of requests to `release`, the rest to `previous` (0 and 100
 *   leave `serving` alone)
 * @property {boolean} [nextBroken] the next deploy makes an unhealthy release (/health 503)
 * @property {ReleaseKind} [nextKind] the kind of the next deploy's release (default good)
 * @property {number} [failEvery] a failing release fails one request in this many (default 3)
 * @property {number} [slowMs] latency a slow release adds (default 300)
 * @property {number} [deployMs] how long a deploy takes
 * @property {boolean} [failDeploy] the next deploy fails
 * @property {boolean} [quietDeploy] deploys print no `{"id":…}` line (the release is found by listing)
 * @property {boolean} [failRollback] rollbacks fail
 * @property {boolean | number} [failTraffic] traffic calls fail (all, or those with this percent)
 * @property {string[]} [log] commands that ran (`traffic 10` with its percent; `upload` for a
 *   deploy under traffic steps)
 * @property {Record<string, number>} [servingSince] epoch ms each release began to serve
 * @property {number} [rollbackStartedAt] epoch ms the last rollback began
 * @property {number} [rolledBackAt] epoch ms the last rollback switched the serving release
 */

export const scriptPath = new URL(import.meta.url).pathname

/** @param {string} path @returns {PlatformState} */
export function readState(path) {
  return JSON.parse(readFileSync(path, 'utf8'))
}

/**
 * Writes through a file renamed into place: the app, reading per request, never sees half a state.
 * @param {string} path @param {PlatformState} state
 */
export function writeState(path, state) {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  writeFileSync(temporary, JSON.stringify(state, null, 2))
  renameSync(temporary, path)
}

/** A platform with `count` healthy releases, the newest serving. */
export function initialState(count = 1) {
  const releases = []
  for (let n = count; n >= 1; n--) {
    releases.push({
      id: `rel-${n}`,
      version: `v${n}`,
      status: 'succeeded',
      healthy: true,
      createdAt: new Date(Date.UTC(2026, 10, n)).toISOString(),
    })
  }
  return { releases, serving: releases[0]?.id, log: [] }
}

/** The inputs that point the command provider at this platform. @param {string} statePath */
export function commandInputs(statePath) {
  const run = (verb) => `node '${scriptPath}' ${verb} '${statePath}'`
  return {
    provider: 'command',
    'deploy-command': run('deploy'),
    'releases-command': run('releases'),
    'rollback-command': run('rollback'),
    'traffic-command': run('traffic'),
  }
}

/**
 * A deploy. With FLIGHTDECK_TRAFFIC_STEPS set (flightdeck's traffic steps) it only uploads, as a
 * team's deploy script reading that contract would: the release exists and serves nothing until
 * the `traffic` verb gives it a share.
 * @param {PlatformState} state
 */
function deploy(state) {
  const uploadOnly = Boolean(process.env.FLIGHTDECK_TRAFFIC_STEPS)
  if (uploadOnly) state.log[state.log.length - 1] = 'upload'
  const n = state.releases.length + 1
  /** @type {PlatformRelease} */
  const release = {
    id: `rel-${n}`,
    version: `v${n}`,
    status: 'succeeded',
    healthy: !state.nextBroken,
    kind: state.nextKind ?? 'good',
    createdAt: new Date(Date.UTC(2026, 10, n)).toISOString(),
  }
  state.releases.unshift(release)
  if (!uploadOnly) {
    state.serving = release.id
    delete state.traffic
    state.servingSince = { ...state.servingSince, [release.id]: Date.now() }
  }
  console.log(
    uploadOnly
      ? `uploaded ${release.version} (serving nothing yet)`
      : `deployed ${release.version}`,
  )
  if (!state.quietDeploy) console.log(JSON.stringify({ id: release.id, version: release.version }))
}

/**
 * Moves a share of requests, as a router's weight change would: FLIGHTDECK_TRAFFIC_PERCENT of
 * them to FLIGHTDECK_RELEASE_ID, the rest to FLIGHTDECK_PREVIOUS_RELEASE_ID; 100 and 0 leave one
 * release serving alone. Returns an error message, or nothing.
 * @param {PlatformState} state
 */
function traffic(state) {
  const { FLIGHTDECK_RELEASE_ID: release, FLIGHTDECK_PREVIOUS_RELEASE_ID: previous } = process.env
  const text = process.env.FLIGHTDECK_TRAFFIC_PERCENT ?? ''
  const percent = Number(text)
  state.log[state.log.length - 1] = `traffic ${text}`
  if (text.trim() === '' || !Number.isFinite(percent) || percent < 0 || percent > 100) {
    return `Error: FLIGHTDECK_TRAFFIC_PERCENT ${JSON.stringify(text)} is not 0-100`
  }
  for (const id of [release, previous]) {
    if (!state.releases.some((candidate) => candidate.id === id)) {
      return `Error: no release ${JSON.stringify(id)} to route to`
    }
  }
  if (state.failTraffic === true || state.failTraffic === percent) {
    return 'Error: the load balancer refused the weight change: listener is locked'
  }
  state.traffic = { release, previous, percent }
  // The previous release keeps serving whatever the split does not send to the new one.
  state.serving = percent === 100 ? release : previous
  if (percent > 0 && !state.servingSince?.[release]) {
    state.servingSince = { ...state.servingSince, [release]: Date.now() }
  }
  console.log(`traffic: ${percent}% to ${release}, ${100 - percent}% to ${previous}`)
  return undefined
}

async function main() {
  const [verb, path] = process.argv.slice(2)
  const state = readState(path)
  state.log = [...(state.log ?? []), verb]
  if (verb === 'releases') {
    writeState(path, state)
    console.log(
      JSON.stringify(state.releases.map((r) => ({ ...r, current: r.id === state.serving }))),
    )
    return
  }
  if (verb === 'deploy') {
    if (state.deployMs) await new Promise((resolve) => setTimeout(resolve, state.deployMs))
    if (state.failDeploy) {
      writeState(path, state)
      console.error('Error: build failed: missing module ./config')
      process.exit(1)
    }
    deploy(state)
    writeState(path, state)
    return
  }
  if (verb === 'traffic') {
    const error = traffic(state)
    writeState(path, state)
    if (error) {
      console.error(error)
      process.exit(1)
    }
    return
  }
  if (verb === 'rollback') {
    state.rollbackStartedAt = Date.now()
    if (state.failRollback) {
      writeState(path, state)
      console.error('Error: rollback refused: release image was garbage-collected')
      process.exit(1)
    }
    state.serving = process.env.FLIGHTDECK_RELEASE_ID
    // A rollback sends every request to its target: no split survives it.
    delete state.traffic
    state.rolledBackAt = Date.now()
    writeState(path, state)
    console.log(`rolled back to ${process.env.FLIGHTDECK_RELEASE_VERSION}`)
    return
  }
  console.error(`unknown verb ${verb}`)
  process.exit(2)
}

if (process.argv[1] === scriptPath) await main()
