// The real wrangler (node_modules/.bin/wrangler, a dev dependency) run through the Cloudflare
// provider against a local stand-in of the Cloudflare API (../fakes/cloudflare-api.ts). These
// tests check what our fakes and fixtures only assume: the command lines wrangler accepts, what
// it sends to the API, what it prints and how it fails.
import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { createCloudflareProvider } from '../../shared/providers/cloudflare.js'
import { planRollback } from '../../shared/providers/select.js'
import type { ProviderConfig } from '../../shared/providers/types.js'
import { CF_ERRORS, FakeCloudflareApi, multipartField } from '../fakes/cloudflare-api.js'
import { installedCli, useRealCliEnv } from './real-cli.js'

const WRANGLER = installedCli('wrangler')
const WORKER = 'flightdeck-real'
const fixture = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../fixtures/providers/cloudflare/${name}`, import.meta.url), 'utf8'),
  ) as Array<Record<string, unknown>>

// One stand-in API for the file; each test adds the Workers it needs under its own name.
const api = new FakeCloudflareApi()

const session = useRealCliEnv(
  (dir) => ({
    // GitHub Actions sets CI; wrangler then answers its own prompts and colours its errors.
    CI: 'true',
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_LOG_PATH: join(dir, 'logs'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    // wrangler's update check asks the npm registry named by rc's `npm_registry`, and caches the
    // answer under the temp folder: both kept local.
    npm_registry: api.registryUrl,
    TMPDIR: join(dir, 'tmp'),
    RUNNER_TEMP: join(dir, 'runner-temp'),
  }),
  [
    'CLOUDFLARE_API_TOKEN',
    'CLOUDFLARE_ACCOUNT_ID',
    'CLOUDFLARE_API_BASE_URL',
    'CLOUDFLARE_API_KEY',
  ],
)

function cloudflare(app: string, overrides: Partial<ProviderConfig> = {}) {
  return createCloudflareProvider({
    app,
    token: api.token,
    apiUrl: api.baseUrl,
    cwd: session.dir,
    timeoutMs: 30_000,
    settings: { 'account-id': api.accountId },
    log: (line) => session.logs.push(line),
    ...overrides,
  })
}

/** The requests the API saw for one Worker, as `METHOD path?query`. */
function seen(worker: string): string[] {
  return api.requests
    .filter((r) => r.path.includes(`/${worker}`))
    .map((r) => {
      const query = new URLSearchParams(r.query).toString()
      return `${r.method} ${r.path.replace(`/accounts/${api.accountId}`, '')}${query ? `?${query}` : ''}`
    })
}

/** A folder with a wrangler.toml and src/index.js: what `wrangler deploy` builds. */
function workerProject(folder: string, source: string): string {
  const dir = join(session.dir, folder)
  mkdirSync(join(dir, 'src'), { recursive: true })
  writeFileSync(
    join(dir, 'wrangler.toml'),
    `name = "placeholder"\nmain = "src/index.js"\ncompatibility_date = "2025-01-01"\n`,
  )
  writeFileSync(join(dir, 'src/index.js'), source)
  return dir
}

/** Runs wrangler directly, as a user would, against the stand-in. */
async function runWrangler(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    ...process.env,
    CLOUDFLARE_API_BASE_URL: api.baseUrl,
    CLOUDFLARE_API_TOKEN: api.token,
    CLOUDFLARE_ACCOUNT_ID: api.accountId,
  }
  try {
    const { stdout, stderr } = await promisify(execFile)(WRANGLER as string, args, {
      env,
      cwd: session.dir,
    })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const failed = err as { code?: number; stdout?: string; stderr?: string }
    return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' }
  }
}

const describeReal = WRANGLER ? describe : describe.skip

describeReal('real wrangler through the cloudflare provider', () => {
  beforeAll(async () => {
    await api.start()
  })
  afterAll(async () => {
    await api.stop()
  })
  afterEach(() => {
    // Every request wrangler made must be one the stand-in knows.
    expect(api.unknown.splice(0).map((r) => `${r.method} ${r.path}`)).toEqual([])
  })

  // Independent wrangler runs go at once in these tests: each run costs a second or two of
  // start-up, and the file should stay short.

  it('lists the 10 newest Versions, marks the one serving the most traffic current, and prints them as our fixtures say', async () => {
    const name = `${WORKER}-list`
    const versions = api.addWorker(name, 12, { 11: 'deploy abc1234' })
    const [v12, v11] = [versions[11], versions[10]] as const
    if (!v12 || !v11) throw new Error('stand-in made too few versions')
    api.deployGradually(name, [
      [v11.id, 80],
      [v12.id, 20],
    ])
    const [releases, printedVersions, printedDeployments] = await Promise.all([
      cloudflare(name).releases(),
      runWrangler(['versions', 'list', `--name=${name}`, '--json']).then(
        (run) => JSON.parse(run.stdout) as Array<Record<string, unknown>>,
      ),
      runWrangler(['deployments', 'list', `--name=${name}`, '--json']).then(
        (run) => JSON.parse(run.stdout) as Array<Record<string, unknown>>,
      ),
    ])
    expect(seen(name).sort()).toEqual([
      ...Array(2).fill(`GET /workers/scripts/${name}/deployments`),
      ...Array(2).fill(`GET /workers/scripts/${name}/versions?deployable=true`),
    ])
    // wrangler asks for the default page: the 10 newest, which it prints oldest first.
    expect(printedVersions.map((v) => v.number)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    expect(keysOf(printedVersions[0])).toEqual(keysOf(fixture('versions-list.json')[0]))
    const created = printedDeployments.map((d) => d.created_on)
    expect(created).toEqual([...created].sort())
    expect(keysOf(printedDeployments[0])).toEqual(keysOf(fixture('deployments-list.json')[0]))
    expect(printedDeployments.at(-1)?.versions).toEqual([
      { version_id: v11.id, percentage: 80 },
      { version_id: v12.id, percentage: 20 },
    ])

    expect(releases.map((r) => r.version)).toEqual([
      'v12',
      'v11',
      'v10',
      'v9',
      'v8',
      'v7',
      'v6',
      'v5',
      'v4',
      'v3',
    ])
    expect(releases[1]).toMatchObject({
      id: v11.id,
      current: true,
      rawStatus: 'upload',
      description: 'deploy abc1234; serves 80% of traffic',
    })
    expect(releases.filter((r) => r.current)).toHaveLength(1)
    expect(planRollback(releases, 'previous', name).to.version).toBe('v10')
  })

  it('rolls back with a reason that starts with a dash (which `-m` cannot pass), and says when secrets changed since', async () => {
    const plain = `${WORKER}-rollback`
    const argv = `${WORKER}-argv`
    const secrets = `${WORKER}-secrets`
    const [plainTarget] = api.addWorker(plain, 3)
    const [argvTarget] = api.addWorker(argv, 2)
    const [secretsTarget] = api.addWorker(secrets, 2)
    if (!plainTarget || !argvTarget || !secretsTarget) throw new Error('stand-in made no versions')
    api.changeSecretsAfter(secrets, secretsTarget.id, ['API_KEY', 'DATABASE_URL'])
    const target = (id: string) => ({
      id,
      status: 'succeeded' as const,
      rawStatus: 'upload',
      current: false,
    })
    const [result, refused] = await Promise.all([
      cloudflare(plain, {
        settings: { 'account-id': api.accountId, reason: '-5xx spike after deploy' },
      }).rollback(target(plainTarget.id)),
      // The old command line: yargs reads `-5xx spike` as flags, before any request.
      runWrangler(['rollback', argvTarget.id, '--name', argv, '-m', '-5xx spike', '-y']),
      cloudflare(secrets).rollback(target(secretsTarget.id)),
    ])

    expect(result).toEqual({ releaseId: plainTarget.id })
    const posted = api.requestsTo('POST', new RegExp(`/scripts/${plain}/deployments$`))
    expect(posted.map((r) => r.body)).toEqual([
      {
        strategy: 'percentage',
        versions: [{ version_id: plainTarget.id, percentage: 100 }],
        annotations: { 'workers/message': '-5xx spike after deploy' },
      },
    ])
    expect(api.serving(plain)).toEqual([{ version_id: plainTarget.id, percentage: 100 }])
    expect(session.output.join('')).toContain(
      `[command]wrangler rollback --version-id=${plainTarget.id} --name=${plain} --message=-5xx spike after deploy --yes`,
    )

    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/Unknown arguments: 5, x/)
    expect(seen(argv)).toEqual([])

    // In CI wrangler answers its own "continue anyway?" with yes and retries with force=true.
    expect(seen(secrets).filter((line) => line.startsWith('POST'))).toEqual([
      `POST /workers/scripts/${secrets}/deployments`,
      `POST /workers/scripts/${secrets}/deployments?force=true`,
    ])
    expect(session.logs).toContain(
      `wrangler rolled back although these secrets changed since version ${secretsTarget.id}: API_KEY, DATABASE_URL`,
    )
  })

  it("fails with wrangler's headline and the API's reason, as plain text", async () => {
    const name = `${WORKER}-errors`
    api.addWorker(name, 1)
    const unknownVersion = '00000000-0000-4000-8000-000000000000'
    // Two independent failures, run at once to keep the test short.
    const [rollback, missing] = await Promise.all([
      cloudflare(name)
        .rollback({ id: unknownVersion, status: 'succeeded', rawStatus: 'upload', current: false })
        .catch((err: Error) => err),
      cloudflare(`${WORKER}-missing`)
        .releases()
        .catch((err: Error) => err),
    ])
    expect((rollback as Error).message).toBe(
      `\`wrangler rollback --version-id=${unknownVersion} --name=${name} --message=flightdeck rollback --yes\` failed with exit code 1: A request to the Cloudflare API (/accounts/${api.accountId}/workers/scripts/${name}/versions/${unknownVersion}) failed. ${CF_ERRORS.versionNotFound.message} [code: ${CF_ERRORS.versionNotFound.code}]`,
    )
    expect((missing as Error).message).toBe(
      `\`wrangler versions list --name=${WORKER}-missing --json\` failed with exit code 1: A request to the Cloudflare API (/accounts/${api.accountId}/workers/scripts/${WORKER}-missing/versions?deployable=true) failed. workers.api.error.script_not_found [code: 10007]`,
    )
    // Colours (wrangler colours stderr in CI) never reach the message.
    expect((missing as Error).message).not.toContain('\u001b')
  })

  it('deploys a Worker from source, reading the new Version and URL from the output file', async () => {
    const name = `${WORKER}-deploy`
    const project = workerProject(
      'project',
      'export default { fetch() { return new Response("ok") } }\n',
    )
    const broken = workerProject('broken', 'import x from "./missing"\nexport default x\n')
    const provider = cloudflare(name, { cwd: project })
    // A new Worker: wrangler uploads and deploys it in one unversioned upload. A Worker that
    // does not build fails before any upload: both at once.
    const [first, failed] = await Promise.all([
      provider.deploy({}),
      cloudflare(`${name}-broken`, { cwd: broken })
        .deploy({})
        .catch((err: Error) => err),
    ])
    const firstVersion = api.workers.get(name)?.versions[0]?.id
    expect(first).toEqual({
      releaseId: firstVersion,
      url: `https://${name}.${api.subdomain}.workers.dev`,
    })
    await expect(provider.url()).resolves.toBe(first.url)
    const put = api.requestsTo('PUT', new RegExp(`/scripts/${name}$`))
    expect(put.map((r) => r.query)).toEqual([{ excludeScript: 'true', bindings_inherit: 'strict' }])
    expect((failed as Error).message).toBe(
      `\`wrangler deploy --name=${name}-broken\` failed with exit code 1: Build failed with 1 error: src/index.js:1:14: ERROR: Could not resolve "./missing"`,
    )
    expect(api.workers.has(`${name}-broken`)).toBe(false)

    // An existing Worker: a new Version, then a Deployment of it at 100%.
    const second = await provider.deploy({})
    const secondVersion = api.workers.get(name)?.versions[0]?.id
    expect(second.releaseId).toBe(secondVersion)
    expect(secondVersion).not.toBe(firstVersion)
    const upload = api.requestsTo('POST', new RegExp(`/scripts/${name}/versions$`))[0]
    expect(upload?.query).toEqual({ bindings_inherit: 'strict' })
    expect(JSON.parse(multipartField(upload as never, 'metadata') ?? '{}')).toMatchObject({
      main_module: 'index.js',
      compatibility_date: '2025-01-01',
    })
    expect(api.serving(name)).toEqual([{ version_id: secondVersion, percentage: 100 }])
    expect(session.logs).toEqual([])
  })

  it('deletes a Worker, and is calm when it is already gone', async () => {
    const name = `${WORKER}-delete`
    api.addWorker(name, 1)
    await Promise.all([cloudflare(name).destroyApp(), cloudflare(`${name}-gone`).destroyApp()])
    expect(seen(name).filter((line) => !line.includes(`${name}-gone`))).toEqual([
      `DELETE /workers/services/${name}?force=true`,
    ])
    expect(api.workers.has(name)).toBe(false)
    expect(session.logs).toEqual([`Worker ${name}-gone does not exist; nothing to delete`])
  })

  it('sets secrets through stdin: the values reach the API and never argv', async () => {
    const name = `${WORKER}-secret`
    api.addWorker(name, 1)
    const secrets = { DATABASE_URL: 'postgres://u:s3cr3t@db/app', API_KEY: '-starts-with-dash' }
    await cloudflare(name).setSecrets(secrets)
    expect(api.workers.get(name)?.secrets).toEqual(secrets)
    const patch = api.requestsTo('PATCH', new RegExp(`/scripts/${name}/settings$`))[0]
    expect(JSON.parse(multipartField(patch as never, 'settings') ?? '{}')).toEqual({
      bindings: [
        { type: 'secret_text', name: 'DATABASE_URL', text: secrets.DATABASE_URL },
        { type: 'secret_text', name: 'API_KEY', text: secrets.API_KEY },
      ],
    })
    const shown = session.output.join('')
    expect(shown).toContain(`[command]wrangler secret bulk --name=${name}`)
    expect(shown.replace(/::add-mask::.*\n/g, '')).not.toContain('s3cr3t')
  })

  it('uploads a preview behind an alias with its own secrets, and replaces it with a removal page', async () => {
    const name = `${WORKER}-preview`
    const [production] = api.addWorker(name, 1)
    api.enablePreviews(name)
    const project = workerProject(
      'preview-project',
      'export default { fetch() { return new Response("preview") } }\n',
    )
    const provider = cloudflare(name, { cwd: project })
    const secrets = { DATABASE_URL: 'postgres://u:pr3v1ew@db/app' }
    const made = await provider.previews!.deploy({
      name: 'shop-pr-12',
      vars: { LOG_LEVEL: 'debug' },
      secrets,
      message: 'flightdeck preview of #12 at a1b2c3d',
    })
    const uploaded = api.versionsOf(name)[0]
    expect(made).toEqual({
      id: uploaded?.id,
      url: `https://shop-pr-12-${name}.${api.subdomain}.workers.dev`,
    })
    expect(uploaded?.annotations).toMatchObject({
      'workers/alias': 'shop-pr-12',
      'workers/message': 'flightdeck preview of #12 at a1b2c3d',
    })
    // Production still serves what it served; the preview's secret lives in its version only.
    expect(api.serving(name)).toEqual([{ version_id: production?.id, percentage: 100 }])
    expect(api.uploadedBindings.get(uploaded?.id ?? '')).toEqual(
      expect.arrayContaining([
        { type: 'secret_text', name: 'DATABASE_URL', text: secrets.DATABASE_URL },
        { type: 'plain_text', name: 'LOG_LEVEL', text: 'debug' },
      ]),
    )
    expect(api.workers.get(name)?.secrets).toEqual({})
    // The preview version is never a production rollback target.
    const listed = await provider.releases()
    expect(listed.find((release) => release.id === uploaded?.id)).toMatchObject({
      status: 'unknown',
      rawStatus: 'upload (preview alias shop-pr-12)',
    })

    const removed = await provider.previews!.remove('shop-pr-12', 'the pull request was closed')
    expect(removed).toEqual({ removed: ['shop-pr-12'] })
    const page = api.versionsOf(name)[0]
    expect(page?.annotations?.['workers/alias']).toBe('shop-pr-12')
    const upload = api.requestsTo('POST', new RegExp(`/scripts/${name}/versions$`)).at(-1)
    const metadata = JSON.parse(multipartField(upload as never, 'metadata') ?? '{}') as {
      main_module?: string
      bindings?: unknown[]
    }
    expect(metadata.bindings ?? []).toEqual([])
    const source = multipartField(upload as never, metadata.main_module ?? '') ?? ''
    expect(source).toContain('status: 410')
    expect(source).toContain('the pull request was closed')
    expect(api.serving(name)).toEqual([{ version_id: production?.id, percentage: 100 }])
    const shown = session.output.join('').replace(/::add-mask::.*\n/g, '')
    expect(shown).not.toContain('pr3v1ew')
  })

  it('says how to turn preview URLs on when the Worker has them off', async () => {
    const name = `${WORKER}-nopreview`
    api.addWorker(name, 1)
    const project = workerProject(
      'nopreview',
      'export default { fetch() { return new Response("x") } }\n',
    )
    const failed = await cloudflare(name, { cwd: project })
      .previews!.deploy({ name: 'shop-pr-3', vars: {}, secrets: {}, message: 'pr 3' })
      .catch((err: Error) => err)
    expect((failed as Error).message).toMatch(
      /gave it no preview URL: preview URLs are off for this Worker\. Set `preview_urls = true`/,
    )
  })
})

if (!WRANGLER) {
  // A note in the summary (as a todo) rather than a silent skip.
  describe('real wrangler through the cloudflare provider', () => {
    it.todo('needs the real wrangler in node_modules/.bin: run `npm ci` (it is a dev dependency)')
  })
}

/** The keys of an object and of its nested objects, sorted, as `a`, `a.b`. */
function keysOf(value: unknown, prefix = ''): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return []
  return Object.entries(value)
    .flatMap(([key, inner]) => [`${prefix}${key}`, ...keysOf(inner, `${prefix}${key}.`)])
    .sort()
}
