// The gates as an extension point: each gate module declares its inputs and its check, the
// registry lists them in order, and gated-deploy takes its gate inputs and gates from there.
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { gatedDeploySchema } from '../../actions/gated-deploy/src/inputs.js'
import { gateIntervalMs, type GateEnvironment } from '../../shared/gates/gate.js'
import { buildGates, GATES, gateInputSchema } from '../../shared/gates/registry.js'
import { runGates } from '../../shared/gates/run.js'
import { runContext } from '../../shared/github/context.js'
import { healthInputSchema } from '../../shared/http/health-inputs.js'
import { parseInputs } from '../../shared/inputs.js'

const env: GateEnvironment = {
  context: runContext({ GITHUB_REPOSITORY: 'acme/shop', GITHUB_SHA: 'ffac537' }),
  environment: 'production',
  github: async () => undefined,
  intervalMs: 100,
  log: () => undefined,
}

function gateInputs(given: Record<string, string>, override?: string) {
  const read = (name: string) => given[name] ?? ''
  return {
    ...parseInputs(gateInputSchema, read),
    ...parseInputs(healthInputSchema, read),
    'override-gates': override,
  }
}

describe('the gate registry', () => {
  it('runs the gates in their documented order', () => {
    expect(GATES.map((gate) => gate.name)).toEqual([
      'deploy-window',
      'freeze',
      'require-env',
      'require-checks',
      'require-healthy',
      'concurrency',
    ])
  })

  it("puts every gate's inputs into gated-deploy's schema and action.yml", () => {
    const action = parse(readFileSync('actions/gated-deploy/action.yml', 'utf8')) as {
      inputs: Record<string, unknown>
    }
    for (const gate of GATES) {
      for (const [name, schema] of Object.entries(gate.inputs)) {
        expect(gatedDeploySchema).toHaveProperty([name], schema)
        expect(Object.keys(action.inputs)).toContain(name)
      }
    }
    expect(Object.keys(gateInputSchema)).toEqual(GATES.flatMap((gate) => Object.keys(gate.inputs)))
  })

  it('lets override-gates pass the time gates only, and reports unset gates as not set', async () => {
    // Inside the freeze: only override-gates lets it pass.
    process.env.FLIGHTDECK_NOW = '2026-12-24T12:00:00Z'
    const outcome = await runGates(
      buildGates(
        gateInputs(
          {
            freeze: '2026-12-20..2027-01-02 holiday freeze',
            'require-env': 'FLIGHTDECK_REGISTRY_TEST_UNSET',
            concurrency: 'off',
          },
          'hotfix for INC-2231',
        ),
        env,
      ),
      () => undefined,
    )
    const verdicts = Object.fromEntries(outcome.reports.map((r) => [r.gate, r.verdict]))
    expect(verdicts).toMatchObject({
      'deploy-window': 'not set',
      freeze: 'overridden',
      'require-env': 'failed',
      'require-checks': 'not evaluated',
      concurrency: 'not evaluated',
    })
    expect(outcome.blockedBy?.gate).toBe('require-env')
    delete process.env.FLIGHTDECK_NOW
  })

  it('closes require-checks and leaves concurrency open without a token', async () => {
    const outcome = await runGates(
      buildGates(gateInputs({ 'require-checks': 'all' }), env),
      () => undefined,
    )
    expect(outcome.reports.find((r) => r.gate === 'require-checks')).toMatchObject({
      verdict: 'failed',
      reason: 'needs github-token (checks: read) to see the checks',
    })
    const open = await runGates(buildGates(gateInputs({}), env), () => undefined)
    expect(open.reports.find((r) => r.gate === 'concurrency')).toMatchObject({
      verdict: 'passed',
      reason: 'not checked: no github-token',
    })
  })

  it('checks gate inputs as before (require-env names, require-checks all)', () => {
    expect(() => gateInputs({ 'require-env': 'FLY-TOKEN' })).toThrow(
      /not an environment variable name/,
    )
    expect(() => gateInputs({ 'require-checks': 'all, lint' })).toThrow(/"all" cannot be combined/)
  })

  it('looks again every FLIGHTDECK_GATE_INTERVAL, never under 100ms', () => {
    expect(gateIntervalMs({})).toBe(10_000)
    expect(gateIntervalMs({ FLIGHTDECK_GATE_INTERVAL: '250ms' })).toBe(250)
    expect(gateIntervalMs({ FLIGHTDECK_GATE_INTERVAL: '5ms' })).toBe(10_000)
  })
})
