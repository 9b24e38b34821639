// gated-deploy's traffic steps on Vercel as the runner runs them: the bundle (dist/) with the
// real vercel CLI on PATH, against the local REST API stand-in with rolling releases
// (../fakes/vercel-api.ts), and a local app whose answers follow the stand-in's rollout (the
// release Vercel would route a request to is the one that answers). Proves the wiring end to
// end: configure, deploy, each stage approved only after its window passed, complete, or abort
// back to the previous production deployment.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runBundledAction } from '../support/bundle-runner.mjs'
import { startFakeApp } from '../fakes/fake-app.mjs'
import { FakeVercelApi, type StandInProject } from '../fakes/vercel-api.js'
import { installedCli, useRealCliEnv } from './real-cli.js'

const VERCEL = installedCli('vercel')
const api = new FakeVercelApi()

const session = useRealCliEnv(
  (dir) => ({
    CI: 'true',
    VERCEL_TELEMETRY_DISABLED: '1',
    NO_UPDATE_NOTIFIER: '1',
    HOME: dir,
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_CACHE_HOME: join(dir, 'tmp'),
  }),
  ['VERCEL_TOKEN', 'VERCEL_ORG_ID', 'VERCEL_PROJECT_ID'],
)

/** A project serving one READY production deployment, and a folder to deploy from. */
function servingProject(name: string): { project: StandInProject; site: string } {
  const project = api.addProject(name)
  api.addDeployment(project, 'production', 'READY')
  const site = join(session.dir, name)
  mkdirSync(site, { recursive: true })
  writeFileSync(join(site, 'index.html'), `<h1>${name}</h1>\n`)
  return { project, site }
}

/** An app that fails every other request the new release serves while it is the canary. */
async function appFollowing(project: StandInProject, canaryFails: boolean) {
  let canaryRequests = 0
  return startFakeApp({
    respond: () => {
      const { canary, percent } = api.rollingReleases.serving(project)
      if (!canary || !canaryFails) return { status: 200, json: { ok: true } }
      // The share the rollout gives the canary, spread evenly.
      canaryRequests++
      const toCanary =
        Math.floor((canaryRequests * percent) / 100) >
        Math.floor(((canaryRequests - 1) * percent) / 100)
      return toCanary && canaryRequests % 2 === 0
        ? { status: 500, text: 'canary broke' }
        : { status: 200, json: { ok: true } }
    },
  })
}

function deploy(project: StandInProject, site: string, appUrl: string) {
  return runBundledAction('gated-deploy', {
    inputs: {
      provider: 'vercel',
      app: project.name,
      token: api.token,
      'api-url': api.url,
      'working-directory': site,
      'health-url': `${appUrl}/health`,
      'health-timeout': '5s',
      'traffic-steps': '10%,50%,100%',
      'analysis-duration': '1s',
      'analysis-interval': '100ms',
      'max-error-rate': '1%',
      'github-token': '',
    },
    env: {
      CI: 'true',
      VERCEL_TELEMETRY_DISABLED: '1',
      NO_UPDATE_NOTIFIER: '1',
      XDG_DATA_HOME: join(session.dir, 'data'),
      XDG_CONFIG_HOME: join(session.dir, 'config'),
      XDG_CACHE_HOME: join(session.dir, 'tmp'),
    },
    timeoutMs: 120_000,
  })
}

const describeReal = VERCEL ? describe : describe.skip

describeReal('gated-deploy on Vercel with traffic steps (real vercel, bundled action)', () => {
  beforeAll(async () => {
    await api.start()
  })
  afterAll(async () => {
    await api.stop()
  })
  afterEach(() => {
    expect(api.unknown.splice(0).map((r) => `${r.method} ${r.path}`)).toEqual([])
  })

  it('takes a good release through 10%, 50% and 100%, each step watched', async () => {
    const { project, site } = servingProject('gated-good')
    const previous = project.productionDeploymentId
    const app = await appFollowing(project, false)
    try {
      const result = await deploy(project, site, app.origin)
      expect(result.exitCode).toBe(0)
      expect(result.outputs).toMatchObject({ status: 'deployed', 'traffic-step': '100%' })
      const analysis = JSON.parse(result.outputs.analysis ?? '') as {
        steps: Array<{ percent: number; verdict: string }>
      }
      expect(analysis.steps.map((step) => [step.percent, step.verdict])).toEqual([
        [10, 'pass'],
        [50, 'pass'],
        [100, 'pass'],
      ])
      expect(project.productionDeploymentId).not.toBe(previous)
      expect(project.productionDeploymentId).toBe(result.outputs.release)
      expect(api.rollingReleases.releases.get(project.id)?.state).toBe('COMPLETE')
      expect(api.rollingReleases.configs.has(project.id)).toBe(false)
      expect(`${result.stdout}${result.stderr}`.replace(/::add-mask::.*\n/g, '')).not.toContain(
        api.token,
      )
    } finally {
      await app.close()
    }
  })

  it('stops a failing release at 10% and returns production to the previous deployment at once', async () => {
    const { project, site } = servingProject('gated-bad')
    const previous = project.productionDeploymentId
    const app = await appFollowing(project, true)
    try {
      const result = await deploy(project, site, app.origin)
      expect(result.exitCode).toBe(1)
      expect(result.outputs).toMatchObject({
        status: 'rolled-back',
        'traffic-step': '10%',
        'rolled-back': 'true',
      })
      expect(project.productionDeploymentId).toBe(previous)
      expect(api.rollingReleases.releases.get(project.id)?.state).toBe('ABORTED')
      expect(api.rollingReleases.configs.has(project.id)).toBe(false)
      const approvals = api
        .requestsTo('POST', /\/approve-stage$/)
        .filter((request) => request.path.includes(project.id))
      expect(approvals).toEqual([])
    } finally {
      await app.close()
    }
  })
})
