// A tiny platform for the `command` provider, in one JSON file: releases, which one serves,
// and whether each is healthy. `node local-platform.mjs deploy|releases|rollback <state.json>`
// is what a team's own deploy scripts would be; the app started by `startPlatformApp` answers
// /health from the serving release. Used by the gated-deploy tests, the demo and the bench.
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'

/**
 * @typedef {object} PlatformState
 * @property {Array<{ id: string, version: string, status: string, healthy: boolean, createdAt: string }>} releases newest first
 * @property {string} [serving] id of the release that serves
 * @property {boolean} [nextBroken] the next deploy makes an unhealthy release
 * @property {number} [deployMs] how long a deploy takes
 * @property {boolean} [failDeploy] the next deploy fails
 * @property {boolean} [failRollback] rollbacks fail
 * @property {string[]} [log] commands that ran
 * @property {Record<string, number>} [servingSince] epoch ms each release began to serve
 * @property {number} [rollbackStartedAt] epoch ms the last rollback began
 * @property {number} [rolledBackAt] epoch ms the last rollback switched the serving release
 */

export const scriptPath = new URL(import.meta.url).pathname

/** @param {string} path @returns {PlatformState} */
export function readState(path) {
  return JSON.parse(readFileSync(path, 'utf8'))
}

/** @param {string} path @param {PlatformState} state */
export function writeState(path, state) {
  writeFileSync(path, JSON.stringify(state, null, 2))
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

/** The inputs that point the command provider at this platform. */
export function commandInputs(statePath) {
  const run = (verb) => `node '${scriptPath}' ${verb} '${statePath}'`
  return {
    provider: 'command',
    'deploy-command': run('deploy'),
    'releases-command': run('releases'),
    'rollback-command': run('rollback'),
  }
}

/** A local app whose /health answers from the serving release. */
export async function startPlatformApp(statePath) {
  const server = createServer((req, res) => {
    const state = readState(statePath)
    const serving = state.releases.find((release) => release.id === state.serving)
    const healthy = serving?.healthy === true
    res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' })
    res.end(
      JSON.stringify({
        status: healthy ? 'healthy' : 'failing',
        version: serving?.version ?? null,
      }),
    )
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(resolve)
      }),
  }
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
    const n = state.releases.length + 1
    const release = {
      id: `rel-${n}`,
      version: `v${n}`,
      status: 'succeeded',
      healthy: !state.nextBroken,
      createdAt: new Date(Date.UTC(2026, 10, n)).toISOString(),
    }
    state.releases.unshift(release)
    state.serving = release.id
    state.servingSince = { ...state.servingSince, [release.id]: Date.now() }
    writeState(path, state)
    console.log(`deployed ${release.version}`)
    console.log(JSON.stringify({ id: release.id, version: release.version }))
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
    state.rolledBackAt = Date.now()
    writeState(path, state)
    console.log(`rolled back to ${process.env.FLIGHTDECK_RELEASE_VERSION}`)
    return
  }
  console.error(`unknown verb ${verb}`)
  process.exit(2)
}

if (process.argv[1] === scriptPath) await main()
