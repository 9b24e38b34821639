// `flightdeck init` on the seeds' own configs (copied into __tests__/fixtures/seeds/): what it
// detects, what it writes (every file passes actionlint 1.7.7, calls flightdeck's reusable
// workflows with inputs they declare, and lints clean), what it says to do next, and how it
// refuses: several apps with --yes, a fly.toml without app, TOML it cannot read, files that exist.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { runInit } from '../../bin/init/command.mjs'
import { runLint } from '../../bin/lint/command.mjs'
import { actionlint, checkUse, flightdeckUses } from '../workflow-lib.js'

const root = new URL('../..', import.meta.url).pathname
const seeds = join(root, '__tests__', 'fixtures', 'seeds')

/** A copy of a seed fixture (or an empty folder) to run init in. */
function repo(fixture?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'flightdeck-init-'))
  if (fixture) cpSync(join(seeds, fixture), dir, { recursive: true })
  return dir
}

async function init(dir: string, args: string[], ask?: (question: string) => Promise<string>) {
  let out = ''
  let err = ''
  const code = await runInit(args, {
    cwd: dir,
    out: (text) => (out += text),
    err: (text) => (err += text),
    ask: ask ?? null,
  })
  return { code, out, err }
}

const read = (dir: string, file: string) =>
  readFileSync(join(dir, '.github/workflows', file), 'utf8')

/** Every written file: actionlint-clean, flightdeck calls valid, and nothing for lint to find. */
async function expectSound(dir: string, files: string[]) {
  for (const file of files) {
    const text = read(dir, file)
    expect(await actionlint(text, `.github/workflows/${file}`)).toEqual([])
    expect(flightdeckUses(parse(text)).flatMap(checkUse)).toEqual([])
    // Every uses: is pinned: @v1 for flightdeck, a tag for the others.
    for (const [, ref] of text.matchAll(/uses: \S+@(\S+)/g)) expect(ref).toMatch(/^v\d+$/)
  }
  let out = ''
  const code = await runLint(['--format', 'json', '.github/workflows'], {
    cwd: dir,
    out: (text) => (out += text),
  })
  expect(JSON.parse(out)).toEqual([])
  expect(code).toBe(0)
}

describe('flightdeck init', () => {
  it("seed 000's fly.toml: deploy.yml with the /health check, preview.yml with an org token, monitor.yml", async () => {
    const dir = repo('fly-app-with-health-check')
    const { code, out } = await init(dir, ['--yes', '--notify', 'slack', '--monitor'])
    expect(code).toBe(0)
    await expectSound(dir, ['deploy.yml', 'preview.yml', 'monitor.yml'])
    const deploy = parse(read(dir, 'deploy.yml'))
    expect(deploy.on.push.branches).toEqual(['main'])
    expect(deploy.permissions).toEqual({ contents: 'read' })
    expect(deploy.concurrency).toEqual({ group: 'deploy-production', 'cancel-in-progress': false })
    expect(deploy.jobs.production).toEqual({
      needs: 'test',
      permissions: { contents: 'read', deployments: 'write', checks: 'read', statuses: 'read' },
      uses: 'flightdeck-actions/flightdeck/.github/workflows/deploy.yml@v1',
      with: {
        provider: 'fly',
        app: 'kaiwa-v2',
        'health-url': 'https://kaiwa-v2.fly.dev/health',
        'auto-rollback': true,
      },
      secrets: {
        token: '${{ secrets.FLY_API_TOKEN }}',
        'slack-webhook-url': '${{ secrets.SLACK_WEBHOOK_URL }}',
      },
    })
    // pnpm 8 from the lockfile, the guide's test and build.
    const steps = deploy.jobs.test.steps.map(
      (s: { run?: string; uses?: string }) => s.run ?? s.uses,
    )
    expect(steps).toEqual([
      'actions/checkout@v4',
      'pnpm/action-setup@v4',
      'actions/setup-node@v4',
      'pnpm install --frozen-lockfile',
      'pnpm run test',
      'pnpm run build',
    ])
    expect(deploy.jobs.test.steps[1].with).toEqual({ version: 8 })
    const preview = parse(read(dir, 'preview.yml'))
    expect(preview.jobs.preview.with).toEqual({
      provider: 'fly',
      'app-name': 'kaiwa-v2-pr-{pr}',
      region: 'nrt',
      'health-url': '/health',
    })
    expect(preview.jobs.preview.secrets).toEqual({ token: '${{ secrets.FLY_ORG_TOKEN }}' })
    expect(parse(read(dir, 'monitor.yml')).jobs.monitor.with.url).toBe(
      'https://kaiwa-v2.fly.dev/health\n',
    )
    // What to do next: in the terminal and at the top of the file.
    for (const text of [out, read(dir, 'deploy.yml')]) {
      expect(text).toMatch(/gh secret set FLY_API_TOKEN +# fly tokens create deploy -a kaiwa-v2/)
      expect(text).toContain('gh secret set SLACK_WEBHOOK_URL')
    }
    expect(out).toContain('gh secret set FLY_ORG_TOKEN')
    expect(read(dir, 'preview.yml')).toContain('gh secret set FLY_ORG_TOKEN')
    expect(out).toContain('`production` environment')
  })

  it("seed 001's Worker: the custom domain's /health, CLOUDFLARE_API_TOKEN and the CLOUDFLARE_ACCOUNT_ID variable", async () => {
    const dir = repo('cloudflare-worker-custom-domain')
    const { code, out } = await init(dir, ['--yes', '--health-path', '/health'])
    expect(code).toBe(0)
    await expectSound(dir, ['deploy.yml', 'preview.yml'])
    const deploy = parse(read(dir, 'deploy.yml'))
    expect(deploy.jobs.production.with).toEqual({
      provider: 'cloudflare',
      app: 'kikaku-os-api',
      'account-id': '${{ vars.CLOUDFLARE_ACCOUNT_ID }}',
      'health-url': 'https://api.your-domain.com/health',
      'auto-rollback': true,
    })
    expect(deploy.jobs.production.secrets).toEqual({ token: '${{ secrets.CLOUDFLARE_API_TOKEN }}' })
    expect(deploy.jobs.test.steps.map((s: { run?: string }) => s.run).filter(Boolean)).toEqual([
      'npm ci',
      'npm test',
    ])
    expect(out).toContain("gh variable set CLOUDFLARE_ACCOUNT_ID --body '…'")
    expect(parse(read(dir, 'preview.yml')).jobs.preview.with).toMatchObject({
      provider: 'cloudflare',
      app: 'kikaku-os-api',
    })
  })

  it('a wrangler.jsonc with comments and an account_id: no variable needed', async () => {
    const dir = repo()
    writeFileSync(
      join(dir, 'wrangler.jsonc'),
      '{\n  // the API\n  "name": "shop-api",\n  "account_id": "0123456789abcdef0123456789abcdef",\n  "routes": [{ "pattern": "api.shop.example/*", "zone_name": "shop.example" }],\n}\n',
    )
    expect((await init(dir, ['--yes', '--health-path', '/ready'])).code).toBe(0)
    expect(parse(read(dir, 'deploy.yml')).jobs.production.with).toMatchObject({
      'account-id': '0123456789abcdef0123456789abcdef',
      config: 'wrangler.jsonc',
      'health-url': 'https://api.shop.example/ready',
    })
  })

  it("seed 004's Vercel + Railway with --platform vercel,railway: both, in that order, each from its folder", async () => {
    const dir = repo('vercel-and-railway-monorepo')
    const { code, out } = await init(dir, ['--yes', '--platform', 'vercel,railway'])
    expect(code).toBe(0)
    await expectSound(dir, ['deploy.yml', 'preview.yml'])
    const deploy = parse(read(dir, 'deploy.yml'))
    expect(Object.keys(deploy.jobs)).toEqual(['test', 'production-flightpro-web', 'production-api'])
    expect(deploy.jobs['production-api'].needs).toBe('production-flightpro-web')
    expect(deploy.jobs['production-flightpro-web'].with).toEqual({
      provider: 'vercel',
      app: 'flightpro-web',
      'project-id': 'prj_FlightProWeb000000000000',
      'org-id': 'team_FlightPro00000000000000',
      'auto-rollback': true,
    })
    expect(deploy.jobs['production-api'].with).toEqual({
      provider: 'railway',
      app: '${{ vars.RAILWAY_SERVICE_ID }}',
      'working-directory': 'api',
      'environment-id': '${{ vars.RAILWAY_ENVIRONMENT_ID }}',
      'health-url': '${{ vars.RAILWAY_PRODUCTION_URL }}/health',
      'auto-rollback': true,
    })
    expect(deploy.jobs['production-api'].secrets.token).toBe('${{ secrets.RAILWAY_TOKEN }}')
    expect(deploy.jobs['production-flightpro-web'].secrets.token).toBe(
      '${{ secrets.VERCEL_TOKEN }}',
    )
    // The packageManager field names pnpm's version: no version input.
    expect(deploy.jobs.test.steps[1]).toEqual({ uses: 'pnpm/action-setup@v4' })
    // Railway has no previews in preview-app: only the web app gets one.
    expect(Object.keys(parse(read(dir, 'preview.yml')).jobs)).toEqual(['test', 'preview'])
    // vercel.json names no health path: written without one, and it says where to add it.
    expect(read(dir, 'deploy.yml')).toContain(
      '# health-url: ${{ vars.VERCEL_PRODUCTION_URL }}/health',
    )
    expect(out).toMatch(/No health check path found for flightpro-web in apps\/web\/vercel\.json/)
    // vercel runs from the repository root in both files; the project's Root Directory builds apps/web.
    expect(read(dir, 'deploy.yml')).toContain(
      "# Set the Vercel project's Root Directory to apps/web",
    )
    expect(read(dir, 'preview.yml')).toContain(
      "# Set the Vercel project's Root Directory to apps/web",
    )
    expect(out).toContain("Set the Vercel project's Root Directory to apps/web")
    for (const name of ['RAILWAY_SERVICE_ID', 'RAILWAY_ENVIRONMENT_ID', 'RAILWAY_PRODUCTION_URL']) {
      expect(out).toContain(`gh variable set ${name}`)
    }
  })

  it('several apps and --yes: stops, names them, writes nothing', async () => {
    for (const [fixture, args, names] of [
      ['vercel-and-railway-monorepo', ['--yes'], ['flightpro-web (vercel', 'api (railway']],
      ['two-fly-apps', ['--yes', '--platform', 'fly'], ['nuzantara-rag', 'nuzantara-mouth']],
    ] as const) {
      const dir = repo(fixture)
      const { code, err } = await init(dir, [...args])
      expect(code).toBe(1)
      for (const name of names) expect(err).toContain(name)
      expect(existsSync(join(dir, '.github'))).toBe(false)
    }
  })

  it('several apps: --app picks one; asked, the answer picks them in order', async () => {
    const picked = repo('two-fly-apps')
    expect((await init(picked, ['--yes', '--app', 'nuzantara-mouth'])).code).toBe(0)
    expect(parse(read(picked, 'deploy.yml')).jobs.production.with).toMatchObject({
      app: 'nuzantara-mouth',
      'working-directory': 'apps/mouth',
      'health-url': 'https://nuzantara-mouth.fly.dev/',
    })
    const asked = repo('two-fly-apps')
    const questions: string[] = []
    const answers = ['2,1', 'discord']
    const result = await init(asked, [], async (question) => {
      questions.push(question)
      return answers.shift() ?? ''
    })
    expect(result.code).toBe(0)
    expect(questions[0]).toContain('1. nuzantara-rag (fly, apps/backend-rag/fly.toml)')
    const deploy = parse(read(asked, 'deploy.yml'))
    expect(Object.keys(deploy.jobs)).toEqual([
      'production-nuzantara-mouth',
      'production-nuzantara-rag',
    ])
    expect(deploy.jobs['production-nuzantara-rag'].secrets['discord-webhook-url']).toBe(
      '${{ secrets.DISCORD_WEBHOOK_URL }}',
    )
    // The same app twice is not an answer.
    const twice = await init(repo('two-fly-apps'), [], async () => '1,1')
    expect(twice.code).toBe(2)
    expect(twice.err).toContain('each once')
  })

  it('render.yaml (each web service, its healthCheckPath) and railway.toml; a Worker in a folder', async () => {
    const dir = repo()
    writeFileSync(
      join(dir, 'render.yaml'),
      'services:\n  - type: web\n    name: shop-web\n    healthCheckPath: /healthz\n  - type: worker\n    name: shop-jobs\n',
    )
    expect((await init(dir, ['--yes'])).code).toBe(0)
    await expectSound(dir, ['deploy.yml'])
    expect(existsSync(join(dir, '.github/workflows/preview.yml'))).toBe(false) // no Render previews
    expect(parse(read(dir, 'deploy.yml')).jobs.production).toMatchObject({
      with: {
        provider: 'render',
        app: '${{ vars.RENDER_SERVICE_ID }}',
        'health-url': 'https://shop-web.onrender.com/healthz',
      },
      secrets: { token: '${{ secrets.RENDER_API_KEY }}' },
    })

    const railway = repo()
    writeFileSync(join(railway, 'railway.toml'), '[deploy]\nhealthcheckPath = "/up"\n')
    expect((await init(railway, ['--yes'])).code).toBe(0)
    expect(parse(read(railway, 'deploy.yml')).jobs.production.with).toMatchObject({
      'health-url': '${{ vars.RAILWAY_PRODUCTION_URL }}/up',
      'environment-id': '${{ vars.RAILWAY_ENVIRONMENT_ID }}',
    })

    const worker = repo()
    cpSync(join(seeds, 'cloudflare-worker-custom-domain'), join(worker, 'api'), { recursive: true })
    expect((await init(worker, ['--yes'])).code).toBe(0)
    await expectSound(worker, ['deploy.yml', 'preview.yml'])
    expect(parse(read(worker, 'deploy.yml')).jobs.production.with['working-directory']).toBe('api')
    expect(parse(read(worker, 'preview.yml')).jobs.preview.with.config).toBe('api/wrangler.toml')
  })

  it('a fly.toml without a health check: written without one, the file and the terminal say where to add it', async () => {
    const dir = repo('fly-app-without-health-check')
    const { code, out } = await init(dir, ['--yes'])
    expect(code).toBe(0)
    const text = read(dir, 'deploy.yml')
    expect(parse(text).jobs.production.with).toEqual({
      provider: 'fly',
      app: 'hotdash-production',
      config: 'fly.production.toml',
      'auto-rollback': true,
    })
    expect(text).toContain('# No health check path found in fly.production.toml: add one, e.g.')
    expect(text).toContain('# health-url: https://hotdash-production.fly.dev/health')
    expect(out).toContain(
      'No health check path found for hotdash-production in fly.production.toml',
    )
  })

  it('bad or missing config: one error naming the file and what is wrong, nothing written', async () => {
    const cases: Array<[string | undefined, string[], RegExp]> = [
      ['fly-toml-without-app', ['--yes'], /^flightdeck init: fly\.toml has no `app`: add app = /],
      ['fly-toml-unparseable', ['--yes'], /^flightdeck init: fly\.toml: not valid TOML at line 2/],
      [undefined, ['--yes'], /^flightdeck init: no platform config found: looked for fly\.toml/],
      ['fly-app-with-health-check', ['--yes', '--platform', 'render'], /no render\.yaml found/],
    ]
    for (const [fixture, args, message] of cases) {
      const dir = repo(fixture)
      const { code, err } = await init(dir, args)
      expect({ code, lines: err.trim().split('\n').length }).toEqual({ code: 1, lines: 1 })
      expect(err).toMatch(message)
      expect(existsSync(join(dir, '.github'))).toBe(false)
    }
  })

  it('values from the config that would not be a name are refused, never written', async () => {
    const dir = repo()
    writeFileSync(join(dir, 'fly.toml'), 'app = "shop\\n  evil: ${{ secrets.X }}"\n')
    const { code, err } = await init(dir, ['--yes'])
    expect(code).toBe(1)
    expect(err).toContain('fly.toml: `app` is')
    expect(existsSync(join(dir, '.github'))).toBe(false)
  })

  it('existing files are never overwritten without --force; --dry-run prints and writes nothing', async () => {
    const dir = repo('fly-app-with-health-check')
    const dry = await init(dir, ['--yes', '--dry-run'])
    expect(dry.code).toBe(0)
    expect(dry.out).toMatch(/^--- \.github\/workflows\/deploy\.yml\n# Written by/)
    expect(dry.err).toContain('Would write .github/workflows/deploy.yml')
    expect(existsSync(join(dir, '.github'))).toBe(false)

    expect((await init(dir, ['--yes'])).code).toBe(0)
    writeFileSync(join(dir, '.github/workflows/deploy.yml'), 'mine\n')
    const again = await init(dir, ['--yes', '--notify', 'slack'])
    expect(again.code).toBe(1)
    expect(again.err).toContain('.github/workflows/deploy.yml')
    expect(again.err).toContain('--force')
    expect(read(dir, 'deploy.yml')).toBe('mine\n')
    expect((await init(dir, ['--yes', '--force'])).code).toBe(0)
    expect(read(dir, 'deploy.yml')).toContain(
      'uses: flightdeck-actions/flightdeck/.github/workflows/deploy.yml@v1',
    )
  })

  it('bad usage exits 2', async () => {
    for (const args of [
      ['--notify', 'pigeon'],
      ['--platform', 'heroku'],
      ['--health-path', 'health'],
      ['--bogus'],
    ]) {
      const { code, err } = await init(repo('fly-app-with-health-check'), ['--yes', ...args])
      expect({ args, code }).toEqual({ args, code: 2 })
      expect(err).toContain('flightdeck init --help')
    }
  })

  it('runs from the CLI as documented: npx flightdeck init', () => {
    const dir = repo('fly-app-with-health-check')
    const result = spawnSync(
      process.execPath,
      [join(root, 'bin/flightdeck.mjs'), 'init', '--yes'],
      {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    expect(result.status).toBe(0)
    expect(result.stdout).toContain(
      'Wrote .github/workflows/deploy.yml, .github/workflows/preview.yml',
    )
    expect(existsSync(join(dir, '.github/workflows/deploy.yml'))).toBe(true)
  })
})
