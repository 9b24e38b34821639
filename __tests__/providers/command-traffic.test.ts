// Traffic steps of the `command` provider, run through real child processes: the local
// platform's own scripts (__tests__/fakes/local-platform.mjs) as a team's deploy and router
// commands, and small recording commands where the environment they get is the point.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCommandProvider } from '../../shared/providers/command.js'
import {
  providerConfig,
  warnUnreadProviderInputs,
  type ProviderConfigInputs,
} from '../../shared/providers/inputs.js'
import { commandSpec, trafficProblems } from '../../shared/providers/specs/command.js'
import type { ProviderConfig, Release, TrafficOperations } from '../../shared/providers/types.js'
import {
  commandInputs,
  initialState,
  readState,
  startPlatformApp,
  writeState,
  type PlatformState,
} from '../fakes/local-platform.mjs'

let dir: string
let statePath: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'flightdeck-command-traffic-'))
  statePath = join(dir, 'platform.json')
})

function traffic(settings: ProviderConfig['settings']): {
  traffic: TrafficOperations
  lines: string[]
} {
  const lines: string[] = []
  const provider = createCommandProvider({
    app: 'shop-api',
    cwd: dir,
    timeoutMs: 10_000,
    settings,
    log: (line) => lines.push(line),
  })
  if (!provider.traffic) throw new Error('the command provider has no traffic operations')
  return { traffic: provider.traffic, lines }
}

/** The local platform's scripts as the provider's settings, with `state` written first. */
function onPlatform(state: PlatformState, overrides: ProviderConfig['settings'] = {}) {
  writeState(statePath, state)
  const { provider: _provider, ...settings } = commandInputs(statePath)
  return traffic({ ...settings, ...overrides })
}

const release = (id: string, extra: Partial<Release> = {}): Release => ({
  id,
  status: 'succeeded',
  rawStatus: 'succeeded',
  current: true,
  ...extra,
})

/** A command that appends what it got to `name`, one line per run. */
const recording = (name: string, variables: string[]) =>
  `printf '%s\\n' "${variables.map((variable) => `\${${variable}-unset}`).join('|')}" >> '${join(dir, name)}'`

const recorded = (name: string) => readFileSync(join(dir, name), 'utf8').trim().split('\n')

describe('command provider traffic steps on the local platform', () => {
  it('uploads without moving traffic, shifts a share, and aborts back to the previous release', async () => {
    const { traffic: ops, lines } = onPlatform(initialState(1))
    const rollout = await ops.start({}, { steps: [10, 50, 100], previous: release('rel-1') })
    expect(rollout.release).toEqual({ releaseId: 'rel-2', version: 'v2', url: undefined })
    expect(rollout.probeHeaders).toBeUndefined()
    let state = readState(statePath)
    expect(state.serving).toBe('rel-1')
    expect(state.releases.map((r) => r.id)).toEqual(['rel-2', 'rel-1'])

    await rollout.shift(10, 0)
    state = readState(statePath)
    expect(state.traffic).toEqual({ release: 'rel-2', previous: 'rel-1', percent: 10 })
    expect(state.serving).toBe('rel-1')

    await rollout.abort()
    state = readState(statePath)
    // The 0 % call names the new release too: the router knows which pair it splits.
    expect(state.traffic).toEqual({ release: 'rel-2', previous: 'rel-1', percent: 0 })
    expect(state.serving).toBe('rel-1')
    expect(state.log).toEqual(['upload', 'traffic 10', 'traffic 0'])
    expect(lines).toContain('moving 10% of requests to rel-2, the rest to rel-1 (traffic-command)')
    expect(lines).toContain('returning all requests to rel-1 (traffic-command, 0%)')
  })

  it('lets the new release serve alone at 100%, and the app follows every step', async () => {
    const { traffic: ops } = onPlatform(initialState(1))
    const app = await startPlatformApp(statePath)
    try {
      const rollout = await ops.start({}, { steps: [10, 100], previous: release('rel-1') })
      const hundred = async () => {
        for (let n = 0; n < 100; n++) await (await fetch(`${app.url}/health`)).text()
      }
      await hundred()
      expect(app.served).toEqual({ 'rel-1': { requests: 100, failed: 0 } })
      await rollout.shift(10, 0)
      await hundred()
      expect(app.served).toEqual({
        'rel-1': { requests: 190, failed: 0 },
        'rel-2': { requests: 10, failed: 0 },
      })
      await rollout.shift(100, 1)
      await hundred()
      expect(app.served['rel-2']).toEqual({ requests: 110, failed: 0 })
      expect(readState(statePath).serving).toBe('rel-2')
      expect(readState(statePath).log).toEqual(['upload', 'traffic 10', 'traffic 100'])
    } finally {
      await app.close()
    }
  })

  it('finds the new release through the releases-command when the deploy prints no id', async () => {
    const { traffic: ops } = onPlatform({ ...initialState(2), quietDeploy: true })
    const rollout = await ops.start({}, { steps: [50, 100], previous: release('rel-2') })
    expect(rollout.release).toEqual({ releaseId: 'rel-3', version: 'v3', url: undefined })
    expect(readState(statePath).log).toEqual(['upload', 'releases'])
    await rollout.shift(50, 0)
    expect(readState(statePath).traffic).toEqual({
      release: 'rel-3',
      previous: 'rel-2',
      percent: 50,
    })
  })

  it('fails clearly when the deploy made no new release, and moves no traffic', async () => {
    const { traffic: ops } = onPlatform(initialState(1), { 'deploy-command': 'echo uploaded' })
    await expect(ops.start({}, { steps: [10, 100], previous: release('rel-1') })).rejects.toThrow(
      'the `deploy-command` made no new release: it printed no {"id":…} line, and the newest release the `releases-command` lists is "rel-1", the one that served before the deploy',
    )
    expect(readState(statePath).log).toEqual(['releases'])
  })

  it('refuses a deploy that names the previous release as the new one', async () => {
    const { traffic: ops } = onPlatform(initialState(1), {
      'deploy-command': `echo '{"id":"rel-1"}'`,
    })
    await expect(ops.start({}, { steps: [10, 100], previous: release('rel-1') })).rejects.toThrow(
      'the `deploy-command` printed the id of the release that served before it ("rel-1")',
    )
  })

  it('refuses to start without a traffic-command, before anything deploys', async () => {
    const { traffic: ops } = onPlatform(initialState(1), { 'traffic-command': '' })
    await expect(ops.start({}, { steps: [10, 100], previous: release('rel-1') })).rejects.toThrow(
      'provider `command` needs the `traffic-command` input to move traffic between releases',
    )
    expect(readState(statePath).log).toEqual([])
  })

  it('reports a failing traffic-command with its exit code and stderr; abort still works', async () => {
    const { traffic: ops } = onPlatform({ ...initialState(1), failTraffic: 10 })
    const rollout = await ops.start({}, { steps: [10, 100], previous: release('rel-1') })
    await expect(rollout.shift(10, 0)).rejects.toThrow(
      'the `traffic-command` failed with exit code 1: Error: the load balancer refused the weight change: listener is locked',
    )
    await rollout.abort()
    const state = readState(statePath)
    expect(state.serving).toBe('rel-1')
    expect(state.log).toEqual(['upload', 'traffic 10', 'traffic 0'])
  })
})

describe('command provider traffic environment', () => {
  it('gives the deploy the steps and the previous release, and each traffic call both ids and the percent', async () => {
    const { traffic: ops } = traffic({
      'deploy-command': `${recording('deploy', ['FLIGHTDECK_TRAFFIC_STEPS', 'FLIGHTDECK_PREVIOUS_RELEASE_ID', 'FLIGHTDECK_RELEASE_IMAGE', 'FLIGHTDECK_TRAFFIC_PERCENT'])}; echo '{"id":"r2","version":"v2","url":"https://r2.example.com"}'`,
      'releases-command': 'echo never-run; exit 1',
      'traffic-command': recording('traffic', [
        'FLIGHTDECK_RELEASE_ID',
        'FLIGHTDECK_RELEASE_VERSION',
        'FLIGHTDECK_PREVIOUS_RELEASE_ID',
        'FLIGHTDECK_TRAFFIC_PERCENT',
        'FLIGHTDECK_TRAFFIC_STEPS',
      ]),
    })
    const rollout = await ops.start(
      { image: 'registry.example.com/shop:2' },
      { steps: [5, 25, 50, 100], previous: release('r1', { version: 'v1' }) },
    )
    expect(rollout.release).toEqual({
      releaseId: 'r2',
      version: 'v2',
      url: 'https://r2.example.com',
    })
    await rollout.shift(5, 0)
    await rollout.shift(25, 1)
    await rollout.abort()
    expect(recorded('deploy')).toEqual(['5,25,50,100|r1|registry.example.com/shop:2|unset'])
    expect(recorded('traffic')).toEqual([
      'r2|v2|r1|5|unset',
      'r2|v2|r1|25|unset',
      'r2|v2|r1|0|unset',
    ])
  })

  it('passes foreign release ids only through the environment: no shell ever reads them', async () => {
    const evil = (tag: string) =>
      `r-${tag}$(touch '${dir}/pwned-${tag}')\`touch '${dir}/tick-${tag}'\`;touch '${dir}/semi-${tag}' "'`
    const line = join(dir, 'deploy-output.json')
    writeFileSync(line, `${JSON.stringify({ id: evil('new') })}\n`)
    const { traffic: ops } = traffic({
      'deploy-command': `cat '${line}'`,
      'releases-command': 'exit 1',
      'traffic-command': recording('traffic', [
        'FLIGHTDECK_RELEASE_ID',
        'FLIGHTDECK_PREVIOUS_RELEASE_ID',
        'FLIGHTDECK_TRAFFIC_PERCENT',
      ]),
    })
    const rollout = await ops.start({}, { steps: [10, 100], previous: release(evil('old')) })
    await rollout.shift(10, 0)
    await rollout.abort()
    expect(recorded('traffic')).toEqual([
      `${evil('new')}|${evil('old')}|10`,
      `${evil('new')}|${evil('old')}|0`,
    ])
    for (const tag of ['new', 'old']) {
      for (const planted of ['pwned', 'tick', 'semi']) {
        expect(existsSync(join(dir, `${planted}-${tag}`))).toBe(false)
      }
    }
  })

  it('leaves the traffic variables unset for a plain deploy, whatever the runner had', async () => {
    const saved = { ...process.env }
    process.env.FLIGHTDECK_TRAFFIC_STEPS = '10,100'
    process.env.FLIGHTDECK_PREVIOUS_RELEASE_ID = 'stale'
    process.env.FLIGHTDECK_TRAFFIC_PERCENT = '10'
    try {
      const provider = createCommandProvider({
        app: 'shop-api',
        cwd: dir,
        timeoutMs: 10_000,
        settings: {
          'deploy-command': recording('plain', [
            'FLIGHTDECK_TRAFFIC_STEPS',
            'FLIGHTDECK_PREVIOUS_RELEASE_ID',
            'FLIGHTDECK_TRAFFIC_PERCENT',
          ]),
        },
        log: () => undefined,
      })
      await provider.deploy({})
      expect(recorded('plain')).toEqual(['unset|unset|unset'])
    } finally {
      process.env = saved
    }
  })

  it('refuses a share outside 0–100 without running the traffic-command', async () => {
    const { traffic: ops } = traffic({
      'deploy-command': `echo '{"id":"r2"}'`,
      'traffic-command': recording('traffic', ['FLIGHTDECK_TRAFFIC_PERCENT']),
    })
    const rollout = await ops.start({}, { steps: [10, 100], previous: release('r1') })
    await expect(rollout.shift(101, 0)).rejects.toThrow('a traffic share is 0–100 percent, not 101')
    await expect(rollout.shift(Number.NaN, 0)).rejects.toThrow('not NaN')
    expect(existsSync(join(dir, 'traffic'))).toBe(false)
  })
})

describe('command provider traffic inputs', () => {
  it('needs traffic-command only when traffic steps are used', () => {
    const inputs = { 'deploy-command': './deploy.sh', 'releases-command': './releases.sh' }
    const problem =
      '`traffic-command` is required for provider `command` when `traffic-steps` moves traffic a share at a time (example: ./scripts/route.sh); it runs with FLIGHTDECK_RELEASE_ID, FLIGHTDECK_PREVIOUS_RELEASE_ID and FLIGHTDECK_TRAFFIC_PERCENT'
    expect(trafficProblems(inputs)).toEqual([problem])
    expect(trafficProblems({ ...inputs, 'traffic-command': './route.sh' })).toEqual([])
    const deploy = commandSpec.checks.deploy
    expect(deploy(inputs, { rollsBack: false })).toEqual([])
    expect(deploy(inputs, { rollsBack: false, trafficSteps: false })).toEqual([])
    expect(deploy(inputs, { rollsBack: false, trafficSteps: true })).toEqual([problem])
    expect(
      deploy(
        { ...inputs, 'traffic-command': './route.sh' },
        { rollsBack: false, trafficSteps: true },
      ),
    ).toEqual([])
    expect(commandSpec.capabilities.trafficSplit).toBe(true)
    expect(commandSpec.inputs).toContain('traffic-command')
  })

  it('hands traffic-command to the provider, and warns when another provider is given it', () => {
    const inputs = {
      provider: 'command',
      token: undefined,
      'command-timeout': 60_000,
      'traffic-command': './route.sh',
    } as unknown as ProviderConfigInputs
    expect(providerConfig(inputs, () => undefined).settings['traffic-command']).toBe('./route.sh')
    const warnings: string[] = []
    const unread = warnUnreadProviderInputs({ ...inputs, provider: 'render' }, (message) =>
      warnings.push(message),
    )
    expect(unread).toEqual(['traffic-command'])
    expect(warnings[0]).toMatch(
      /^`traffic-command` is set, but provider `render` never reads it \(only command does\)/,
    )
  })
})
