// The real vercel CLI (node_modules/.bin/vercel, a dev dependency) run through the Vercel
// provider against a local stand-in of the Vercel REST API (../fakes/vercel-api.ts), reached
// through vercel's global `--api` option (the provider's `api-url`). These tests check what our
// fakes and fixtures only assume: the command lines vercel accepts, what it asks the API, what it
// prints and how it fails.
import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { planRollback } from '../../shared/providers/select.js'
import type { ProviderConfig } from '../../shared/providers/types.js'
import { createVercelProvider } from '../../shared/providers/vercel.js'
import { PREVIEW_META_KEY } from '../../shared/providers/vercel-output.js'
import { FakeVercelApi, type StandInProject } from '../fakes/vercel-api.js'
import { installedCli, useRealCliEnv } from './real-cli.js'

const VERCEL = installedCli('vercel')
const api = new FakeVercelApi()
const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/providers/vercel/${name}`, import.meta.url), 'utf8')

const session = useRealCliEnv(
  (dir) => ({
    CI: 'true',
    VERCEL_TELEMETRY_DISABLED: '1',
    // vercel checks npm for a newer version in a background process unless told not to.
    NO_UPDATE_NOTIFIER: '1',
    // Its global config and auth live under the XDG data folder (or ~/.now): kept in the session.
    HOME: dir,
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_CACHE_HOME: join(dir, 'tmp'),
  }),
  ['VERCEL_TOKEN', 'VERCEL_ORG_ID', 'VERCEL_PROJECT_ID'],
)

function vercel(app: string, overrides: Partial<ProviderConfig> = {}) {
  return createVercelProvider({
    app,
    token: api.token,
    apiUrl: api.url,
    cwd: session.dir,
    timeoutMs: 30_000,
    settings: {},
    log: (line) => session.logs.push(line),
    ...overrides,
  })
}

/** Runs the CLI directly, as a user would, against the stand-in. */
async function runVercel(
  args: string[],
  env: Record<string, string> = { VERCEL_TOKEN: api.token },
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      VERCEL as string,
      [`--api=${api.url}`, ...args],
      { env: { ...process.env, ...env }, cwd: session.dir },
    )
    return { code: 0, stdout, stderr }
  } catch (err) {
    const failed = err as { code?: number; stdout?: string; stderr?: string }
    return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' }
  }
}

/** The API requests about one project, as `METHOD path?query` (the user lookup left out). */
function seen(project: StandInProject, from = 0): string[] {
  const ids = new Set(api.deployments.filter((d) => d.projectId === project.id).map((d) => d.id))
  return api.requests
    .slice(from)
    .filter((r) => r.path !== '/v2/user')
    .filter(
      (r) =>
        r.path.includes(project.id) ||
        r.path.includes(project.name) ||
        [...ids].some((id) => r.path.includes(id)) ||
        r.query.projectId === project.id,
    )
    .map((r) => {
      const query = new URLSearchParams(r.query).toString()
      return `${r.method} ${r.path}${query ? `?${query}` : ''}`
    })
}

/**
 * A project whose newest deployments are mostly previews: 3 READY production deployments among
 * 30, one of them among the newest 20 (the page `vercel list` shows by default).
 */
function busyProject(name: string) {
  const project = api.addProject(name)
  const production = []
  for (let i = 0; i < 30; i++) {
    if ([0, 5, 25].includes(i)) production.push(api.addDeployment(project, 'production', 'READY'))
    else api.addDeployment(project, null, 'READY', { githubCommitRef: `pr-${i}` })
  }
  return { project, production }
}

const describeReal = VERCEL ? describe : describe.skip

describeReal('real vercel through the vercel provider', () => {
  beforeAll(async () => {
    await api.start()
  })
  afterAll(async () => {
    await api.stop()
  })
  afterEach(() => {
    expect(api.unknown.splice(0).map((r) => `${r.method} ${r.path}`)).toEqual([])
  })

  it('lists production deployments only, which the default list of a busy project hides', async () => {
    const { project, production } = busyProject('busy-app')
    const dotted = api.addProject('shop.example')
    const dottedProduction = api.addDeployment(dotted, 'production', 'READY')
    const from = api.requests.length
    const [releases, plainRun, dottedReleases] = await Promise.all([
      vercel(project.name).releases(),
      // What vercel list shows by default: 20 deployments, previews and production mixed.
      runVercel(['list', project.name, '--format=json']),
      // vercel list reads a dotted word as a deployment host: the project goes by its id instead.
      vercel(dotted.name, {
        settings: { 'org-id': api.user.id, 'project-id': dotted.id },
      }).releases(),
    ])
    expect(dottedReleases.map((r) => r.url)).toEqual([`https://${dottedProduction.url}`])
    const plain = JSON.parse(plainRun.stdout) as { deployments: Array<Record<string, unknown>> }
    expect(plain.deployments).toHaveLength(20)
    expect(plain.deployments.filter((d) => d.target === 'production')).toHaveLength(1)
    // vercel 60 copies `id` from the list items, and the documented items have `uid` instead.
    expect(plain.deployments.every((d) => !('id' in d) && !('uid' in d))).toBe(true)

    expect(seen(project, from).sort()).toEqual([
      `GET /v6/deployments?limit=100&projectId=${project.id}&target=production`,
      `GET /v6/deployments?limit=20&projectId=${project.id}`,
      `GET /v9/projects/${project.name}`,
      `GET /v9/projects/${project.name}`,
    ])
    const urls = production.map((d) => `https://${d.url}`).reverse()
    expect(releases.map((r) => [r.id, r.url, r.status, r.current])).toEqual([
      [urls[0], urls[0], 'succeeded', true],
      [urls[1], urls[1], 'succeeded', false],
      [urls[2], urls[2], 'succeeded', false],
    ])
    expect(planRollback(releases, 'previous', project.name).to.url).toBe(urls[1])
  })

  it('pages further with --next when the newest 100 production deployments hold fewer than two READY', async () => {
    const project = api.addProject('paged-app')
    const good = [
      api.addDeployment(project, 'production', 'READY'),
      api.addDeployment(project, 'production', 'READY'),
    ]
    for (let i = 0; i < 100; i++) api.addDeployment(project, 'production', 'ERROR')
    const from = api.requests.length
    const releases = await vercel(project.name).releases()
    const lists = seen(project, from).filter((line) => line.startsWith('GET /v6/deployments'))
    expect(lists).toHaveLength(2)
    expect(lists[1]).toMatch(/[?&]until=\d+(&|$)/)
    expect(releases).toHaveLength(102)
    expect(releases.filter((r) => r.status === 'succeeded').map((r) => r.url)).toEqual([
      `https://${good[1]?.url}`,
      `https://${good[0]?.url}`,
    ])
  })

  it('rolls back to an older production deployment by its URL', async () => {
    const { project, production } = busyProject('rollback-app')
    const target = production[1]
    const from = api.requests.length
    // As planRollback picks it from the list: named by its URL, which is all vercel list shows.
    const result = await vercel(project.name).rollback({
      id: `https://${target?.url}`,
      url: `https://${target?.url}`,
      status: 'succeeded',
      rawStatus: 'READY',
      current: false,
    })
    expect(result).toEqual({ releaseId: target?.id })
    expect(project.productionDeploymentId).toBe(target?.id)
    expect(seen(project, from)).toEqual([
      `GET /v13/deployments/${target?.url}`,
      `GET /v9/projects/${project.id}`,
      `POST /v9/projects/${project.id}/rollback/${target?.id}`,
      `GET /v9/projects/${project.id}?rollbackInfo=true`,
      `GET /v13/deployments/${target?.id}`,
    ])
    expect(session.output.join('')).toContain(
      `[command]vercel --api=${api.url} rollback https://${target?.url} --yes --timeout=20s`,
    )
    // Checked against the fixture: the same success line, bar names, ids and the elapsed time.
    const success = /> Success! .* was rolled back to .* \(dpl_\w+\) \[\d+m?s\]/
    expect(session.output.join('')).toMatch(success)
    expect(fixture('rollback.txt')).toMatch(success)
  })

  it("fails a rollback whose aliases did not move with vercel's own headline", async () => {
    const { project, production } = busyProject('stuck-app')
    api.nextAliasJob = 'failed'
    const target = production[0]
    const error = await vercel(project.name)
      .rollback({
        id: `https://${target?.url}`,
        url: `https://${target?.url}`,
        status: 'succeeded',
        rawStatus: 'READY',
        current: false,
      })
      .catch((err: Error) => err)
    expect((error as Error).message).toBe(
      `\`vercel --api=${api.url} rollback https://${target?.url} --yes --timeout=20s\` failed with exit code 1: Error: Failed to remap all aliases to the requested deployment ${target?.url} (${target?.id})`,
    )
    expect(fixture('rollback-failed.txt')).toContain(
      'Error: Failed to remap all aliases to the requested deployment',
    )
  })

  it('promotes a production deployment in place', async () => {
    const { project, production } = busyProject('promote-app')
    const target = production[0]
    const result = await vercel(project.name).deploy({ image: `https://${target?.url}` })
    expect(result).toEqual({ releaseId: target?.id, url: `https://${target?.url}` })
    expect(project.productionDeploymentId).toBe(target?.id)
    expect(api.requestsTo('POST', /\/promote\//).map((r) => r.path)).toEqual([
      `/v10/projects/${project.id}/promote/${target?.id}`,
    ])
  })

  it('waits for the production deployment Vercel builds from a promoted preview, and reports it', async () => {
    const project = api.addProject('preview-app')
    api.addDeployment(project, 'production', 'READY')
    const preview = api.addDeployment(project, null, 'READY')
    const from = api.requests.length
    const result = await vercel(project.name).deploy({ image: preview.id })
    const built = api.deployments.find((d) => d.projectId === project.id)
    expect(built?.id).not.toBe(preview.id)
    expect(built).toMatchObject({ target: 'production', readyState: 'READY' })
    expect(result).toEqual({ releaseId: built?.id, url: `https://${built?.url}` })
    expect(api.requestsTo('POST', /^\/v13\/deployments$/).at(-1)?.body).toEqual({
      deploymentId: preview.id,
      name: project.name,
      target: 'production',
      meta: { action: 'promote' },
    })
    // vercel promote exits once Vercel accepts the new deployment; vercel inspect --wait then
    // looks until it is READY.
    const polls = seen(project, from).filter((line) => line === `GET /v13/deployments/${built?.id}`)
    expect(polls.length).toBeGreaterThanOrEqual(2)
    expect(project.productionDeploymentId).toBe(built?.id)
  })

  it('deploys a folder as a preview, or to production, and reports a failed build with its logs link', async () => {
    const project = api.addProject('site-app')
    const broken = api.addProject('broken-app')
    api.buildErrors.set(broken.name, 'Command "npm run build" exited with 1')
    const site = join(session.dir, 'site')
    mkdirSync(site, { recursive: true })
    writeFileSync(join(site, 'index.html'), '<h1>flightdeck</h1>\n')
    // A config path that starts with a dash stays a path: vercel reads it as `--local-config=…`.
    writeFileSync(join(site, '-vercel.json'), '{}\n')
    const provider = vercel(project.name, { cwd: site })
    // Three deploys that do not depend on each other, at once.
    const [preview, production, error] = await Promise.all([
      provider.deploy({ config: '-vercel.json' }),
      provider.deploy({ environment: 'production' }),
      vercel(broken.name, { cwd: site })
        .deploy({})
        .catch((err: Error) => err),
    ])
    const made = api.deployments.find((d) => d.id === preview.releaseId)
    expect(preview).toEqual({ releaseId: made?.id, url: `https://${made?.url}` })
    expect(made).toMatchObject({ projectId: project.id, target: null, readyState: 'READY' })
    // The config file is uploaded too; the order of files is the CLI's walk of the folder.
    const uploaded = api.uploads.filter((u) => u.project === project.name)
    expect(uploaded.map((u) => [...u.files].sort())).toEqual([
      ['-vercel.json', 'index.html'],
      ['-vercel.json', 'index.html'],
    ])
    expect(api.deployments.find((d) => d.id === production.releaseId)).toMatchObject({
      target: 'production',
      readyState: 'READY',
    })

    const failed = api.deployments.find((d) => d.projectId === broken.id)
    expect(failed?.readyState).toBe('ERROR')
    expect((error as Error).message).toBe(
      `\`vercel --api=${api.url} deploy --yes --project=${broken.name} --format=json\` failed with exit code 1: BUILD_ERROR: Command "npm run build" exited with 1 (build logs: https://vercel.com/${api.user.username}/${broken.name}/${failed?.id.replace(/^dpl_/, '')})`,
    )
  })

  it("makes a pull request's previews as tagged preview deployments and removes every one of them, never production", async () => {
    const project = api.addProject('tagged-previews-app')
    // Deployments that must survive: production (even with the same tag) and another PR's.
    const production = api.addDeployment(project, 'production', 'READY', {
      [PREVIEW_META_KEY]: 'shop-pr-12',
    })
    const other = api.addDeployment(project, null, 'READY', { [PREVIEW_META_KEY]: 'shop-pr-13' })
    const site = join(session.dir, 'preview-site')
    mkdirSync(site, { recursive: true })
    writeFileSync(join(site, 'index.html'), '<h1>preview</h1>\n')
    const provider = vercel(project.name, { cwd: site })
    const request = {
      name: 'shop-pr-12',
      vars: { LOG_LEVEL: 'debug' },
      secrets: { API_KEY: 'pr3v1ew-s3cr3t' },
      message: 'flightdeck preview of #12 at a1b2c3d',
    }
    const first = await provider.previews!.deploy(request)
    const second = await provider.previews!.deploy(request)
    const made = api.deployments.filter(
      (d) => d.meta[PREVIEW_META_KEY] === 'shop-pr-12' && !d.target,
    )
    expect(made).toHaveLength(2)
    expect([first, second]).toEqual(
      [...made].reverse().map((d) => ({ id: d.id, url: `https://${d.url}` })),
    )
    const created = api.requestsTo('POST', /^\/v13\/deployments$/).at(-1)?.body as {
      target?: unknown
      env?: unknown
      meta?: unknown
    }
    expect(created.target).toBeUndefined()
    expect(created.meta).toMatchObject({ [PREVIEW_META_KEY]: 'shop-pr-12' })
    expect(created.env).toEqual({ LOG_LEVEL: 'debug' })
    // The secret goes to the project's Preview environment, by stdin.
    expect(project.env.map((e) => [e.key, e.value, e.target])).toEqual([
      ['API_KEY', 'pr3v1ew-s3cr3t', ['preview']],
    ])

    const removed = await provider.previews!.remove('shop-pr-12', 'the pull request was closed')
    expect(removed.removed).toHaveLength(2)
    expect(
      api.deployments
        .filter((d) => d.projectId === project.id)
        .map((d) => d.id)
        .sort(),
    ).toEqual([production.id, other.id].sort())
    const listed = api.requestsTo('GET', /^\/v6\/deployments$/).at(-1)
    expect(listed?.query).toMatchObject({ [`meta-${PREVIEW_META_KEY}`]: 'shop-pr-12' })
    // Gone already: nothing to remove, and no failure.
    await expect(provider.previews!.remove('shop-pr-12', 'again')).resolves.toEqual({ removed: [] })
    const shown = session.output.join('').replace(/::add-mask::.*\n/g, '')
    expect(shown).not.toContain('pr3v1ew-s3cr3t')
  })

  it('removes deployments by URL and is calm about one already gone', async () => {
    const project = api.addProject('remove-app')
    const preview = api.addDeployment(project, null, 'READY')
    const deletesBefore = api.requestsTo('DELETE', /deployments/).length
    await vercel(project.name, {
      settings: {
        'deployment-url': `https://${preview.url}\nhttps://remove-app-gone-x.vercel.app`,
      },
    }).destroyApp()
    expect(api.deployments.some((d) => d.id === preview.id)).toBe(false)
    expect(
      api
        .requestsTo('DELETE', /deployments/)
        .slice(deletesBefore)
        .map((r) => `${r.path}?hard=${r.query.hard}`),
    ).toEqual([`/now/deployments/${preview.id}?hard=0`])
    expect(session.logs).toContain(
      'Vercel deployment https://remove-app-gone-x.vercel.app does not exist; nothing to remove',
    )
    // The project itself is looked up by the argument too, and must not match.
    expect(api.projects.get(project.id)).toBeDefined()
  })

  it('adds secrets with their values on stdin only', async () => {
    const project = api.addProject('env-app')
    await vercel(project.name).setSecrets({ API_KEY: '-s3cr3t-starts-with-a-dash' })
    expect(project.env.map((e) => [e.key, e.value, e.target])).toEqual([
      ['API_KEY', '-s3cr3t-starts-with-a-dash', ['preview']],
    ])
    const shown = session.output.join('')
    expect(shown).toContain(
      `[command]vercel --api=${api.url} env add API_KEY preview --project=${project.name} --force --yes`,
    )
    expect(shown.replace(/::add-mask::.*\n/g, '')).not.toContain('s3cr3t')
  })

  it('fails plainly for a project that does not exist, and refuses the tokens vercel refuses', async () => {
    const [error, refused] = await Promise.all([
      vercel('no-such-app')
        .releases()
        .catch((err: Error) => err),
      // vercel checks VERCEL_TOKEN as it checks --token, so the provider refuses such a token first.
      runVercel(['list', 'x', '--format=json'], { VERCEL_TOKEN: 'abc-def' }),
    ])
    expect((error as Error).message).toBe(
      `\`vercel --api=${api.url} list no-such-app --environment=production --limit=100 --format=json\` failed with exit code 1: Error: The provided argument "no-such-app" is not a valid project name`,
    )
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('Must not contain: "-"')
    await expect(vercel('x', { token: 'abc-def' }).releases()).rejects.toThrow(
      'the Vercel token has characters other than letters, digits and _',
    )
  })
})

if (!VERCEL) {
  // A note in the summary (as a todo) rather than a silent skip.
  describe('real vercel through the vercel provider', () => {
    it.todo('needs the real vercel in node_modules/.bin: run `npm ci` (it is a dev dependency)')
  })
}
