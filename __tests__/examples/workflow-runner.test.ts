// The workflow runner (__tests__/support/workflow-runner.mjs) on small synthetic workflows: values flow
// between steps, jobs and a reusable workflow; `if:` status functions hold; and the mistakes an
// example can make (an input that does not exist, an output that is never set) fail the run.
// Most tests run the real health-check bundle against local apps; the ones about mistakes the
// runner must catch before or without running anything use a recording stand-in for the bundle.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFakeApp } from '../fakes/fake-app.mjs'
import type { RunResult } from '../support/bundle-runner.mjs'
import {
  describeTrace,
  runWorkflow,
  type RunWorkflowOptions,
  type WorkflowTrace,
} from '../support/workflow-runner.mjs'
import { RELEASE_SHA } from '../support/workflow-self-checkout.mjs'
import { FakeGitHubApi } from '../fakes/github-api.js'

const HEALTH_CHECK = 'flightdeck-actions/flightdeck/actions/health-check@v1'
const workflowsDir = new URL('./fixtures/workflows/', import.meta.url).pathname

let app: Awaited<ReturnType<typeof startFakeApp>>
let sick: Awaited<ReturnType<typeof startFakeApp>>

beforeAll(async () => {
  app = await startFakeApp()
  sick = await startFakeApp({ healthyAfterMs: Infinity })
})
afterAll(async () => {
  await app.close()
  await sick.close()
})

/** Runs YAML text, with the two apps' URLs as vars and the trace printed if a test fails. */
async function run(yaml: string, options: RunWorkflowOptions = {}): Promise<WorkflowTrace> {
  const trace = await runWorkflow(yaml, 'test.yml', {
    vars: { APP_URL: app.url, SICK_URL: sick.url, APP_ORIGIN: app.origin },
    secrets: { HEALTH_TOKEN: 'tok-0123456789' },
    workflowsDir,
    ...options,
  })
  process.stdout.write(`${describeTrace(trace)}\n`)
  return trace
}

/** A stand-in for runBundledAction that records calls and answers with fixed outputs. */
function recordingRunner(outputs: Record<string, Record<string, string>> = {}) {
  const calls: Array<{ action: string; inputs: Record<string, string> }> = []
  const runStepAction = async (
    action: string,
    options: { inputs?: Record<string, string> },
  ): Promise<RunResult> => {
    calls.push({ action, inputs: options.inputs ?? {} })
    return {
      exitCode: 0,
      stdout: '',
      stderr: '',
      outputs: outputs[action] ?? {},
      summary: '',
      exportedEnv: {},
      addedPath: [],
      savedState: {},
      startedAt: 0,
      endedAt: 0,
      durationMs: 0,
      workDir: '',
      errors: [],
    }
  }
  return { calls, runStepAction }
}

const step = (trace: WorkflowTrace, key: string) => {
  const found = trace.steps.find((s) => s.key === key)
  if (!found) throw new Error(`no step ${key} in the trace`)
  return found
}

describe('values flowing through a workflow', () => {
  it('passes inputs, vars, secrets, env and step outputs between steps, and stubs run: steps', async () => {
    const trace = await run(
      `
on:
  workflow_dispatch:
    inputs:
      path:
        default: /health
      max:
        type: number
        default: 3
env:
  BASE: \${{ vars.APP_ORIGIN }}
jobs:
  check:
    runs-on: ubuntu-latest
    env:
      HEALTH_URL: \${{ env.BASE }}\${{ inputs.path }}
    steps:
      - uses: actions/checkout@v4
      - id: first
        uses: ${HEALTH_CHECK}
        with:
          url: \${{ env.HEALTH_URL }}
          headers: 'Authorization: Bearer \${{ secrets.HEALTH_TOKEN }}'
          timeout: 5s
      - id: second
        if: steps.first.outputs.healthy == 'TRUE' && startsWith(github.ref, 'refs/heads/')
        uses: ${HEALTH_CHECK}
        env:
          SUFFIX: '?after=\${{ steps.first.outputs.attempts }}'
        with:
          url: \${{ env.HEALTH_URL }}\${{ env.SUFFIX }}
          max-attempts: \${{ inputs.max }}
          timeout: \${{ format('{0}s', 5) }}
      - name: Report
        env:
          ATTEMPTS: \${{ steps.second.outputs.attempts }}
        run: echo "\${{ steps.first.outputs.healthy }} $ATTEMPTS"
`,
      { eventName: 'workflow_dispatch', inputs: { max: '2' } },
    )
    expect(trace.conclusion).toBe('success')
    expect(trace.steps.map((s) => [s.key, s.kind, s.outcome])).toEqual([
      ['actions/checkout@v4', 'stubbed', 'success'],
      ['first', 'flightdeck', 'success'],
      ['second', 'flightdeck', 'success'],
      ['Report', 'stubbed', 'success'],
    ])
    expect(step(trace, 'first').inputs).toEqual({
      url: `${app.origin}/health`,
      headers: 'Authorization: Bearer tok-0123456789',
      timeout: '5s',
    })
    expect(step(trace, 'second').inputs).toEqual({
      url: `${app.origin}/health?after=1`,
      'max-attempts': '2',
      timeout: '5s',
    })
    const report = step(trace, 'Report')
    expect(report.run).toBe('echo "true $ATTEMPTS"')
    expect(report.env).toEqual({ ATTEMPTS: '1' })
    expect(trace.stubbed).toEqual([
      'check › actions/checkout@v4 (actions/checkout@v4)',
      'check › Report',
    ])
    // The secret reached the app as the header the example wrote.
    const first = app.requests.find((request) => request.path === '/health')
    expect(first?.headers.authorization).toBe('Bearer tok-0123456789')
    expect(app.requests.some((request) => request.path === '/health?after=1')).toBe(true)
  })

  it('carries what a step exports through GITHUB_ENV to the later steps, as the runner does', async () => {
    const { calls, runStepAction } = recordingRunner()
    const exporting = async (action: string, options: { inputs?: Record<string, string> }) => {
      const result = await runStepAction(action, options)
      return action === 'setup' ? { ...result, exportedEnv: { FLY_API_TOKEN: 'fly-tok' } } : result
    }
    const trace = await run(
      `
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: ./actions/setup
        with:
          tools: flyctl
      - uses: ${HEALTH_CHECK}
        with:
          url: \${{ vars.APP_URL }}
          body: \${{ env.FLY_API_TOKEN }}
`,
      { runStepAction: exporting },
    )
    expect(trace.conclusion).toBe('success')
    expect(calls.map((call) => [call.action, call.inputs])).toEqual([
      ['setup', { tools: 'flyctl' }],
      ['health-check', { url: app.url, body: 'fly-tok' }],
    ])
  })

  it('hands a stubbed step’s outputs on only when the run gives them, explicitly', async () => {
    const yaml = `
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - id: build
        run: echo "url=https://my-app.fly.dev/health" >> "$GITHUB_OUTPUT"
      - uses: ${HEALTH_CHECK}
        with:
          url: \${{ steps.build.outputs.url }}
          timeout: 5s
`
    await expect(run(yaml)).rejects.toThrow(
      /test\.yml: job deploy: step flightdeck-actions\/flightdeck\/actions\/health-check@v1: with\.url: unset output wired: \$\{\{ steps\.build\.outputs\.url \}\}: step build is stubbed \(not flightdeck's\) and the run gives no stub value for build\.outputs\.url/,
    )
    const trace = await run(yaml, {
      stubs: { 'build.outputs.url': 'https://my-app.fly.dev/health' },
      rewrite: { 'https://my-app.fly.dev': app.origin },
    })
    expect(trace.conclusion).toBe('success')
    expect(trace.steps[1]?.inputs).toEqual({ url: app.url, timeout: '5s' })
  })
})

describe('mistakes that fail the run', () => {
  it('an input the action does not declare, before anything runs (on a skipped path too)', async () => {
    const { calls, runStepAction } = recordingRunner()
    await expect(
      run(
        `
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: ${HEALTH_CHECK}
        with:
          url: \${{ vars.APP_URL }}
      - id: late
        if: failure()
        uses: ${HEALTH_CHECK}
        with:
          urls: \${{ vars.APP_URL }}
`,
        { runStepAction },
      ),
    ).rejects.toThrow(
      /test\.yml: job deploy: step late: actions\/health-check has no input "urls" \(it has url, method,/,
    )
    expect(calls).toEqual([])
  })

  it('a required input left out', async () => {
    const { runStepAction } = recordingRunner()
    await expect(
      run(
        `
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: ${HEALTH_CHECK}
        with:
          timeout: 5s
`,
        { runStepAction },
      ),
    ).rejects.toThrow(/actions\/health-check requires input "url"/)
  })

  it('an output the action never sets, before anything runs', async () => {
    const { calls, runStepAction } = recordingRunner()
    await expect(
      run(
        `
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - id: health
        uses: ${HEALTH_CHECK}
        with:
          url: \${{ vars.APP_URL }}
      - if: always()
        run: echo "\${{ steps.health.outputs.status }}"
`,
        { runStepAction },
      ),
    ).rejects.toThrow(
      /job deploy: \[1\]\.run reads steps\.health\.outputs\.status, an output actions\/health-check never sets \(it has healthy, attempts, duration-ms, latency-ms, report, analysis\)/,
    )
    expect(calls).toEqual([])
  })

  it('an output the action declares but the step, which succeeded, did not set', async () => {
    const { runStepAction } = recordingRunner({ 'health-check': { attempts: '1' } })
    await expect(
      run(
        `
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - id: health
        uses: ${HEALTH_CHECK}
        with:
          url: \${{ vars.APP_URL }}
      - if: steps.health.outputs.healthy != 'true'
        run: exit 1
`,
        { runStepAction },
      ),
    ).rejects.toThrow(
      /step exit 1: if: unset output wired: .*steps\.health\.outputs\.healthy.*: step health \(actions\/health-check\) succeeded without setting healthy/,
    )
  })

  it('a step read before it runs, a secret or var the run does not give, an unsupported function', async () => {
    const { runStepAction } = recordingRunner()
    const oneStep = (value: string) => `
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - id: first
        uses: ${HEALTH_CHECK}
        with:
          url: ${value}
      - id: later
        uses: ${HEALTH_CHECK}
        with:
          url: \${{ vars.APP_URL }}
`
    await expect(
      run(oneStep('${{ steps.later.outputs.healthy }}'), { runStepAction }),
    ).rejects.toThrow(
      /\$\{\{ steps\.later\.outputs\.healthy \}\}: no step later has run before this point of the job/,
    )
    await expect(run(oneStep('${{ secrets.NOPE }}'), { runStepAction })).rejects.toThrow(
      /the run gives no secret NOPE; add it to the stand-in setup/,
    )
    await expect(run(oneStep('${{ vars.NOPE }}'), { runStepAction })).rejects.toThrow(
      /the run gives no configuration variable NOPE/,
    )
    await expect(run(oneStep("${{ hashFiles('**/lock') }}"), { runStepAction })).rejects.toThrow(
      /cannot evaluate \$\{\{ hashFiles\('\*\*\/lock'\) \}\}: function hashFiles\(\) is not supported by the workflow runner/,
    )
    await expect(run(oneStep('${{ matrix.os }}'), { runStepAction })).rejects.toThrow(
      /the workflow runner does not support the matrix context/,
    )
  })
})

describe('if: and status functions', () => {
  const statusWorkflow = `
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - id: health
        uses: ${HEALTH_CHECK}
        with:
          url: \${{ vars.TARGET }}
          timeout: 1s
          interval: 200ms
      - id: after-failure
        if: failure()
        uses: ${HEALTH_CHECK}
        with:
          url: \${{ vars.APP_URL }}
          timeout: 5s
      - id: always
        if: always()
        env:
          HEALTHY: \${{ steps.health.outputs.healthy }}
        run: echo "$HEALTHY"
      - id: plain
        run: echo next
      - id: on-success
        if: success() && steps.health.outcome == 'success'
        run: echo ok
`

  it('runs failure() steps only after a failure, always() steps always', async () => {
    const failed = await run(statusWorkflow, {
      vars: { TARGET: sick.url, APP_URL: app.url },
    })
    expect(failed.conclusion).toBe('failure')
    expect(failed.steps.map((s) => [s.key, s.kind, s.outcome])).toEqual([
      ['health', 'flightdeck', 'failure'],
      ['after-failure', 'flightdeck', 'success'],
      ['always', 'stubbed', 'success'],
      ['plain', 'skipped', 'skipped'],
      ['on-success', 'skipped', 'skipped'],
    ])
    expect(step(failed, 'always').env).toEqual({ HEALTHY: 'false' })
    expect(step(failed, 'health').errors?.join('\n')).toMatch(/status 503/)

    const healthy = await run(statusWorkflow, { vars: { TARGET: app.url, APP_URL: app.url } })
    expect(healthy.conclusion).toBe('success')
    expect(healthy.steps.map((s) => [s.key, s.kind, s.outcome])).toEqual([
      ['health', 'flightdeck', 'success'],
      ['after-failure', 'skipped', 'skipped'],
      ['always', 'stubbed', 'success'],
      ['plain', 'stubbed', 'success'],
      ['on-success', 'stubbed', 'success'],
    ])
    expect(step(healthy, 'always').env).toEqual({ HEALTHY: 'true' })
  })

  it('honours continue-on-error: the outcome is failure, the job goes on as a success', async () => {
    const trace = await run(`
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - id: health
        continue-on-error: true
        uses: ${HEALTH_CHECK}
        with:
          url: \${{ vars.SICK_URL }}
          timeout: 1s
          interval: 200ms
      - id: after-failure
        if: failure()
        run: echo never
      - id: outcome
        if: steps.health.outcome == 'failure' && steps.health.conclusion == 'success'
        run: echo "\${{ job.status }}"
`)
    expect(trace.conclusion).toBe('success')
    expect(step(trace, 'health')).toMatchObject({ outcome: 'failure', conclusion: 'success' })
    expect(step(trace, 'after-failure').kind).toBe('skipped')
    expect(step(trace, 'outcome').run).toBe('echo "success"')
  })

  it('runs jobs in needs order, skips the dependants of a failed job unless their if: says otherwise', async () => {
    const { runStepAction } = recordingRunner()
    const failing = async (action: string, options: { inputs?: Record<string, string> }) => ({
      ...(await runStepAction(action, options)),
      exitCode: options.inputs?.url === sick.url ? 1 : 0,
    })
    const trace = await run(
      `
on: push
jobs:
  report:
    needs: [deploy, verify]
    if: always()
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ needs.deploy.result }} \${{ needs.verify.result }}"
  verify:
    needs: deploy
    runs-on: ubuntu-latest
    steps:
      - run: echo verify
  cleanup:
    needs: deploy
    if: failure()
    runs-on: ubuntu-latest
    steps:
      - run: echo cleanup
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: ${HEALTH_CHECK}
        with:
          url: \${{ vars.SICK_URL }}
`,
      { runStepAction: failing },
    )
    expect(trace.jobs.map((job) => [job.id, job.result])).toEqual([
      ['deploy', 'failure'],
      ['verify', 'skipped'],
      ['report', 'success'],
      ['cleanup', 'success'],
    ])
    expect(trace.steps.find((s) => s.job === 'report')?.run).toBe('echo "failure skipped"')
  })
})

describe('reusable workflows', () => {
  const caller = (extra = '') => `
on: push
jobs:
  probe:
    uses: ./.github/workflows/probe.yml
    with:
      url: \${{ vars.APP_URL }}
      strict: false
    secrets:
      token: \${{ secrets.HEALTH_TOKEN }}
  use:
    needs: probe
    runs-on: ubuntu-latest
    steps:
      - uses: ${HEALTH_CHECK}
        with:
          url: \${{ vars.APP_URL }}?healthy=\${{ needs.probe.outputs.healthy }}&strict=\${{ needs.probe.outputs.strictness }}
          timeout: 5s
${extra}`

  it('checks and types with: and secrets:, runs its jobs with inputs and secrets bound, and hands its outputs back', async () => {
    const trace = await run(caller())
    expect(trace.conclusion).toBe('success')
    const probe = trace.jobs[0]
    expect(probe).toMatchObject({
      id: 'probe',
      kind: 'workflow',
      result: 'success',
      with: { url: app.url, timeout: '5s', strict: false },
      outputs: { healthy: 'true', attempts: '1', strictness: 'false' },
    })
    expect(trace.steps.map((s) => [s.job, s.key, s.kind, s.outcome])).toEqual([
      ['probe/probe', 'check', 'flightdeck', 'success'],
      ['probe/probe', 'mark', 'flightdeck-run', 'success'],
      ['use', 'flightdeck-actions/flightdeck/actions/health-check@v1', 'flightdeck', 'success'],
    ])
    expect(step(trace, 'check').inputs).toMatchObject({
      url: app.url,
      headers: 'Authorization: Bearer tok-0123456789',
      timeout: '5s',
      'fail-on-unhealthy': 'false',
    })
    expect(
      app.requests.some((request) => request.path === '/health?healthy=true&strict=false'),
    ).toBe(true)
    // The caller's own steps are the consumer's: none here is stubbed; the callee's run: ran.
    expect(trace.stubbed).toEqual([])
  })

  it('fails on an input or secret it does not declare, or a required one left out', async () => {
    const { calls, runStepAction } = recordingRunner()
    const variant = (withBlock: string, secretsBlock: string) => `
on: push
jobs:
  probe:
    uses: ./.github/workflows/probe.yml
    with:
${withBlock}
    secrets:
${secretsBlock}
`
    const token = '      token: x'
    await expect(
      run(variant('      url: x\n      urls: y', token), { runStepAction }),
    ).rejects.toThrow(/job probe: probe\.yml has no input "urls" \(it has url, timeout, strict\)/)
    await expect(run(variant('      timeout: 1s', token), { runStepAction })).rejects.toThrow(
      /job probe: probe\.yml requires input "url", which is not given/,
    )
    await expect(
      run(variant('      url: x', `${token}\n      tokn: y`), { runStepAction }),
    ).rejects.toThrow(/probe\.yml has no secret "tokn" \(it has token, unused\)/)
    await expect(
      run(variant('      url: x', '      unused: y'), { runStepAction }),
    ).rejects.toThrow(/probe\.yml requires secret "token", which is not passed/)
    await expect(
      run(variant('      url: x\n      strict: maybe', token), { runStepAction }),
    ).rejects.toThrow(/input strict is a boolean; "maybe" is not/)
    expect(calls).toEqual([])
  })

  it('fails when the caller reads an output the workflow does not declare, or one it never sets', async () => {
    const { runStepAction } = recordingRunner()
    await expect(
      run(caller(`      - run: echo "\${{ needs.probe.outputs.status }}"`), { runStepAction }),
    ).rejects.toThrow(
      /job use: reads needs\.probe\.outputs\.status, an output job probe never sets \(it has healthy, attempts, strictness, extra\)/,
    )
    await expect(
      run(caller(`      - run: echo "\${{ needs.probe.outputs.extra }}"`)),
    ).rejects.toThrow(
      /job use: step echo "\$\{\{ needs\.probe\.outputs\.extra \}\}": run: unset output wired: .*job probe succeeded without setting output extra: .*step mark succeeded without setting never/,
    )
  })

  it('expands this repo’s rollback.yml: command provider, health check, GitHub Deployment, outputs', async () => {
    const api = await new FakeGitHubApi().start()
    const work = mkdtempSync(join(tmpdir(), 'flightdeck-workflow-runner-'))
    writeFileSync(
      join(work, 'releases.json'),
      JSON.stringify([
        { id: 'rel-44', version: 'v44', status: 'succeeded', image: 'shop:44', current: true },
        { id: 'rel-42', version: 'v42', status: 'succeeded', image: 'shop:42' },
      ]),
    )
    try {
      const trace = await runWorkflow(
        `
on: push
jobs:
  rollback:
    uses: flightdeck-actions/flightdeck/.github/workflows/rollback.yml@v1
    with:
      provider: command
      releases-command: cat '${join(work, 'releases.json')}'
      rollback-command: printf '%s' "$FLIGHTDECK_RELEASE_ID" > '${join(work, 'rolled-back')}'
      environment: production
      reason: error rate above 5%
      health-url: \${{ vars.APP_URL }}
      health-timeout: 10s
  report:
    needs: rollback
    if: always()
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ needs.rollback.outputs.rolled-back }} \${{ needs.rollback.outputs.from-release }} \${{ needs.rollback.outputs.to-release }} \${{ needs.rollback.outputs.healthy }}"
`,
        'rollback-caller.yml',
        { vars: { APP_URL: app.url }, apiUrl: api.url },
      )
      process.stdout.write(`${describeTrace(trace)}\n`)
      expect(trace.conclusion).toBe('success')
      // rollback.yml first checks flightdeck out at its own commit (v1's, here); its setup step
      // is skipped for the command provider (its if:); what ran:
      expect(trace.steps[0]).toMatchObject({
        key: 'flightdeck',
        kind: 'flightdeck-checkout',
        checkedOut: { repository: 'flightdeck-actions/flightdeck', sha: RELEASE_SHA },
      })
      expect(trace.steps[1]).toMatchObject({ action: 'setup', kind: 'skipped' })
      const ran = trace.steps.filter((s) => s.kind !== 'skipped')
      expect(ran.map((s) => [s.job, s.key, s.kind, s.outcome])).toEqual([
        ['rollback/rollback', 'flightdeck', 'flightdeck-checkout', 'success'],
        ['rollback/rollback', 'rollback', 'flightdeck', 'success'],
        ['rollback/rollback', 'post rollback', 'flightdeck-post', 'success'],
        ['report', expect.stringMatching(/^echo /), 'stubbed', 'success'],
      ])
      expect(step(trace, 'rollback').inputs).toMatchObject({
        provider: 'command',
        environment: 'production',
        'health-url': app.url,
        'health-timeout': '10s',
        'dry-run': 'false',
        token: '',
      })
      expect(readFileSync(join(work, 'rolled-back'), 'utf8')).toBe('rel-42')
      expect(trace.steps.at(-1)?.run).toBe('echo "true rel-44 rel-42 true"')
      expect(api.calls('POST /repos/{owner}/{repo}/deployments')).toHaveLength(1)
    } finally {
      await api.stop()
    }
    expect(api.violations).toEqual([])
  })
})

// flightdeck's reusable workflows check flightdeck out at their own commit and use the actions
// from there: the runner resolves that path only after the checkout step, and checks the step
// is given the commit the caller pinned.
describe('actions from the checkout of flightdeck at the workflow’s commit', () => {
  const PINNED = '0123456789abcdef0123456789abcdef01234567'
  const monitorCall = (ref: string) => `
on: push
jobs:
  monitor:
    uses: flightdeck-actions/flightdeck/.github/workflows/monitor.yml@${ref}
    with:
      name: shop
      url: \${{ vars.APP_URL }}
`

  it('checks out the SHA a caller pins, then runs the action from the checkout', async () => {
    const trace = await run(monitorCall(PINNED), {
      workflowsDir: new URL('../../.github/workflows/', import.meta.url).pathname,
    })
    expect(trace.steps[0]).toMatchObject({
      job: 'monitor/monitor',
      kind: 'flightdeck-checkout',
      checkedOut: { repository: 'flightdeck-actions/flightdeck', sha: PINNED },
    })
    expect(trace.steps.find((step) => step.key === 'health')).toMatchObject({
      uses: './../__flightdeck__/actions/health-check',
      action: 'health-check',
      kind: 'flightdeck',
      outcome: 'success',
    })
  })

  it('fails a checkout step that asks for the caller’s commit (github.sha) instead', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flightdeck-wrong-sha-'))
    const monitor = readFileSync(
      new URL('../../.github/workflows/monitor.yml', import.meta.url),
      'utf8',
    )
    const wrong = monitor.replace(/^( +FLIGHTDECK_SHA: ).*$/m, '$1$${{ github.sha }}')
    expect(wrong).not.toBe(monitor)
    writeFileSync(join(dir, 'monitor.yml'), wrong)
    await expect(run(monitorCall(PINNED), { workflowsDir: dir })).rejects.toThrow(
      `checks out flightdeck-actions/flightdeck@ffac537e6cbbf934b08745a378932722df287a53, but this job's workflow is flightdeck-actions/flightdeck@${PINNED}`,
    )
  })

  it('refuses a step that uses the checkout before the job has checked flightdeck out', async () => {
    const { calls, runStepAction } = recordingRunner()
    await expect(
      run(
        `
on: push
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: ./../__flightdeck__/actions/health-check
        with:
          url: \${{ vars.APP_URL }}
`,
        { runStepAction },
      ),
    ).rejects.toThrow(
      /uses \.\/\.\.\/__flightdeck__\/actions\/health-check before the step with id flightdeck has checked flightdeck out/,
    )
    expect(calls).toEqual([])
  })
})
