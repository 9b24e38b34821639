// Traffic steps on Vercel: the real vercel CLI (node_modules/.bin/vercel) run through the Vercel
// provider's `traffic` against the local REST API stand-in (../fakes/vercel-api.ts, rolling
// releases in ../fakes/vercel-rolling-release.ts). Checks the command lines vercel accepts, the
// requests and bodies it sends for each step, and where production traffic ends up.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ProviderConfig, Release } from '../../shared/providers/types.js'
import { createVercelProvider } from '../../shared/providers/vercel.js'
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

function traffic(app: string, cwd: string, overrides: Partial<ProviderConfig> = {}) {
  const provider = createVercelProvider({
    app,
    token: api.token,
    apiUrl: api.url,
    cwd,
    timeoutMs: 30_000,
    settings: {},
    log: (line) => session.logs.push(line),
    ...overrides,
  })
  if (!provider.traffic) throw new Error('the Vercel provider has no traffic operations')
  return provider.traffic
}

/** A project serving one READY production deployment, and a folder to deploy from. */
function servingProject(name: string): {
  project: StandInProject
  previous: Release
  site: string
} {
  const project = api.addProject(name)
  const serving = api.addDeployment(project, 'production', 'READY')
  const site = join(session.dir, name)
  mkdirSync(site, { recursive: true })
  writeFileSync(join(site, 'index.html'), `<h1>${name}</h1>\n`)
  const url = `https://${serving.url}`
  // As the provider's releases() lists it: by URL, which is all `vercel list` shows.
  return {
    project,
    previous: { id: url, url, status: 'succeeded', rawStatus: 'READY', current: true },
    site,
  }
}

/** The rolling-release requests of a project, as `METHOD path` with their bodies. */
function rollingRequests(project: StandInProject, from: number) {
  return api.requests
    .slice(from)
    .filter(
      (r) =>
        r.path.startsWith(`/v1/projects/${project.id}/rolling-release`) ||
        r.path.startsWith(`/v9/projects/${project.id}/rollback/`),
    )
    .map((r) => [`${r.method} ${r.path}`, r.body])
}

const describeReal = VERCEL ? describe : describe.skip

describeReal('real vercel: traffic steps through rolling releases', () => {
  beforeAll(async () => {
    await api.start()
  })
  afterAll(async () => {
    await api.stop()
  })
  afterEach(() => {
    expect(api.unknown.splice(0).map((r) => `${r.method} ${r.path}`)).toEqual([])
  })

  it('configures 10% and 50%, deploys, confirms the first stage, approves 50%, completes at 100%, and can still roll back after', async () => {
    const { project, previous, site } = servingProject('steps-app')
    const previousId = project.productionDeploymentId
    const from = api.requests.length
    const rollout = await traffic(project.name, site).start(
      { environment: 'production' },
      { steps: [10, 50, 100], previous },
    )
    const canary = rollout.release.releaseId
    expect(canary).not.toBe(previousId)
    // Vercel started the rollout itself when the production deployment was READY.
    expect(api.rollingReleases.serving(project)).toEqual({
      current: previousId,
      canary,
      percent: 10,
    })

    await rollout.shift(10, 0)
    await rollout.shift(50, 1)
    expect(api.rollingReleases.serving(project)).toEqual({
      current: previousId,
      canary,
      percent: 50,
    })
    await rollout.shift(100, 2)
    expect(project.productionDeploymentId).toBe(canary)
    expect(api.rollingReleases.releases.get(project.id)?.state).toBe('COMPLETE')
    // Turned off again: a later plain deploy is not a rollout nobody approves.
    expect(api.rollingReleases.configs.has(project.id)).toBe(false)

    const rolling = `/v1/projects/${project.id}/rolling-release`
    expect(rollingRequests(project, from)).toEqual([
      [
        `PATCH ${rolling}/config`,
        {
          enabled: true,
          advancementType: 'manual-approval',
          stages: [{ targetPercentage: 10 }, { targetPercentage: 50 }, { targetPercentage: 100 }],
        },
      ],
      [`GET ${rolling}`, undefined],
      [
        `POST ${rolling}/approve-stage`,
        { activeStageIndex: 0, nextStageIndex: 1, canaryDeploymentId: canary },
      ],
      [`GET ${rolling}`, undefined],
      [`POST ${rolling}/complete`, { canaryDeploymentId: canary }],
      [`PATCH ${rolling}/config`, { enabled: false }],
    ])
    const shown = session.output.join('')
    // `--api` goes last for rolling-release: vercel finds that command's subcommand at a fixed
    // place in argv.
    const api_ = `--api=${api.url}`
    for (const line of [
      `rolling-release configure --enable --advancement-type=manual-approval --stage=10 --stage=50 --project=${project.name} ${api_}`,
      `${api_} deploy --yes --prod --project=${project.name} --format=json`,
      `rolling-release fetch --project=${project.name} ${api_}`,
      `rolling-release approve --currentStageIndex=0 --dpl=${canary} --project=${project.name} ${api_}`,
      `rolling-release complete --dpl=${canary} --project=${project.name} ${api_}`,
      `rolling-release configure --disable --project=${project.name} ${api_}`,
    ]) {
      expect(shown).toContain(`[command]vercel ${line}\n`)
    }
    // The last step is watched too: failing it rolls back all at once, rolling releases off.
    const before = api.requests.length
    await rollout.abort()
    expect(project.productionDeploymentId).toBe(previousId)
    expect(rollingRequests(project, before)).toEqual([
      [`POST /v9/projects/${project.id}/rollback/${previousId}`, {}],
    ])

    // The token is only ever masked, never shown (it reaches vercel by its environment).
    expect(shown.replace(/::add-mask::.*\n/g, '')).not.toContain(api.token)
  })

  it('rolls out a built deployment by promoting it, and aborts after the first step: all production traffic back on the previous deployment at once', async () => {
    const { project, previous, site } = servingProject('abort-app')
    const previousId = project.productionDeploymentId
    // A production deployment built earlier that serves nothing (`image`: promoted, not built).
    const staged = api.addDeployment(project, 'production', 'READY')
    project.productionDeploymentId = previousId
    const rollout = await traffic(project.name, site).start(
      // By URL, as people name deployments: vercel promote then says the stage, not the id.
      { image: `https://${staged.url}` },
      { steps: [10, 100], previous },
    )
    expect(rollout.release.releaseId).toBe(staged.id)
    expect(api.requestsTo('POST', /\/promote\//).map((r) => r.path)).toEqual([
      `/v10/projects/${project.id}/promote/${staged.id}`,
    ])
    // vercel promote waits for the rollout's first stage (promoteStatus) instead of the domains.
    expect(session.output.join('')).toContain(
      'Rolling Release serving traffic at initial percentage 10',
    )
    await rollout.shift(10, 0)
    expect(api.rollingReleases.serving(project)).toEqual({
      current: previousId,
      canary: staged.id,
      percent: 10,
    })
    const from = api.requests.length
    await rollout.abort()
    expect(project.productionDeploymentId).toBe(previousId)
    expect(api.rollingReleases.releases.get(project.id)?.state).toBe('ABORTED')
    expect(api.rollingReleases.serving(project)).toEqual({ current: previousId, percent: 0 })
    expect(api.rollingReleases.configs.has(project.id)).toBe(false)
    // `abort --dpl` names the deployment to roll back to, as vercel's abortRollingRelease sends it.
    expect(rollingRequests(project, from)).toEqual([
      [`POST /v9/projects/${project.id}/rollback/${previousId}`, {}],
      [`PATCH /v1/projects/${project.id}/rolling-release/config`, { enabled: false }],
    ])
    expect(session.output.join('')).toContain(
      `rolling-release abort --dpl=${previous.url} --project=${project.name}`,
    )
  })

  it('names traffic-steps when the plan has no rolling releases, before deploying anything', async () => {
    const { project, previous, site } = servingProject('hobby-app')
    api.rollingReleases.refused.add(project.id)
    const deployments = api.deployments.length
    const error = await traffic(project.name, site)
      .start({}, { steps: [10, 100], previous })
      .catch((err: Error) => err)
    expect((error as Error).message).toBe(
      '`traffic-steps` needs Vercel rolling releases, which Vercel refused for this project (it answered: "Rolling Releases are only available on the Pro and Enterprise plans"); rolling releases need a Pro or Enterprise plan and a token that may change the project\'s settings: remove traffic-steps to deploy all at once, or use a team whose plan has them',
    )
    expect(api.deployments.length).toBe(deployments)
  })
})

if (!VERCEL) {
  describe('real vercel: traffic steps through rolling releases', () => {
    it.todo('needs the real vercel in node_modules/.bin: run `npm ci` (it is a dev dependency)')
  })
}
