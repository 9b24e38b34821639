// A stateful fake of flyctl (also installed as `fly`; both share one state, as the real `fly` is
// the same binary). State, in $FAKE_CLI_STATE/flyctl.json:
//   { apps: { <name>: { org, releases: [fly-go Release, newest first], secrets: {NAME: value},
//                       nextDeploy?: 'fail' } } }
// With no state yet, it holds the app of the fixtures, `flightdeck-demo`, with releases.json.
// Outputs follow the fixtures in ../fixtures/providers/fly (see its README for their sources).
import { randomBytes } from 'node:crypto'
import { fakeCli, fixture, flag, positionalWords } from './cli-lib.mjs'

const TOOL = 'flyctl'
const FIXTURE_APP = 'flightdeck-demo'
const STRATEGIES = ['rolling', 'immediate', 'canary', 'bluegreen']
// Flags that take a value, so that their value is not read as a subcommand or an argument.
const VALUE_FLAGS = ['-a', '--app', '--org', '-o', '--image', '-i', '--strategy', '--config', '-c']
const GROUPS = ['apps', 'secrets', 'auth']

export function runFlyctlFake() {
  return fakeCli(TOOL, handle, subcommand)
}

const words = (args) => positionalWords(args, VALUE_FLAGS)

/** `deploy`, `releases`, `status`, `apps create`, `secrets import` ... (for behaviour overrides). */
function subcommand(args) {
  const [first, second] = words(args)
  return GROUPS.includes(first) && second ? `${first} ${second}` : (first ?? '')
}

const has = (args, ...names) => names.some((name) => args.includes(name))

function fail(message, exitCode = 1) {
  return { stderr: `Error: ${message}\n`, exitCode }
}

function seed(state) {
  if (state.apps) return
  state.apps = {
    [FIXTURE_APP]: {
      org: 'example-org',
      releases: JSON.parse(fixture('fly/releases.json')),
      secrets: {},
    },
  }
}

async function handle(args, ctx) {
  const { state } = ctx
  seed(state)
  const command = subcommand(args)
  if (command === 'version')
    return {
      stdout: 'flyctl v0.3.140 linux/amd64 Commit: 0a1b2c3d BuildDate: 2025-05-28T12:00:00Z\n',
    }
  if (!process.env.FLY_ACCESS_TOKEN && !process.env.FLY_API_TOKEN) {
    return fail("No access token available. Please login with 'flyctl auth login'")
  }
  switch (command) {
    case 'auth whoami':
      return {
        stdout: fixture(has(args, '--json', '-j') ? 'fly/auth-whoami.json' : 'fly/auth-whoami.txt'),
      }
    case 'releases':
      return withApp(state, args, (name, app) => releases(app, args))
    case 'status':
      return withApp(state, args, (name, app) => status(name, app, args))
    case 'deploy':
      return withApp(state, args, (name, app) => deploy(name, app, args, ctx))
    case 'apps list':
      return appsList(state, args)
    case 'apps create':
      return appsCreate(state, args, ctx)
    case 'apps destroy':
      return appsDestroy(state, args, ctx)
    case 'secrets import':
      return withApp(state, args, (name, app) => secretsImport(name, app, args, ctx))
    default:
      return fail(`unknown command "${words(args).join(' ')}" for "flyctl"`)
  }
}

function withApp(state, args, run) {
  const name = flag(args, '-a', '--app')
  if (!name)
    return fail(
      'the config for your app is missing an app name, add an app field to the fly.toml file or specify with the -a flag',
    )
  const app = state.apps[name]
  if (!app) return fail(`Could not find App "${name}"`)
  return run(name, app)
}

/** Go's render.JSON: four-space indent and a newline. */
function json(value) {
  return { stdout: `${JSON.stringify(value, null, 4)}\n` }
}

function releases(app, args) {
  if (has(args, '--json', '-j')) return json(app.releases.length ? app.releases : null)
  const rows = app.releases.map(
    (r) => `  v${r.Version}\t${r.Status}\t${r.Description}\t${r.User?.Email ?? ''}\t${r.CreatedAt}`,
  )
  return { stdout: ['  VERSION\tSTATUS\tDESCRIPTION\tUSER\tDATE', ...rows].join('\n') + '\n' }
}

function status(name, app, args) {
  if (!has(args, '--json', '-j'))
    return { stdout: `App\n  Name     = ${name}\n  Hostname = ${name}.fly.dev\n` }
  const sample = JSON.parse(fixture('fly/status.json'))
  const serving = app.releases.find((r) => r.Status === 'complete')
  const machines = serving
    ? sample.Machines.map((machine) => ({
        ...machine,
        config: {
          ...machine.config,
          image: serving.ImageRef,
          metadata: {
            ...machine.config.metadata,
            fly_release_id: serving.ID,
            fly_release_version: String(serving.Version),
          },
        },
      }))
    : []
  // A Go map: keys come out sorted, as in the fixture.
  return json({
    ...sample,
    Deployed: Boolean(serving),
    Hostname: `${name}.fly.dev`,
    ID: name,
    Machines: machines,
    Name: name,
    Organization: { ...sample.Organization, Slug: app.org, RawSlug: app.org },
    Status: serving ? 'deployed' : 'pending',
    Version: serving?.Version ?? 0,
  })
}

function newId(length) {
  return randomBytes(length).toString('base64url').replace(/[-_]/g, 'x').slice(0, length)
}

function ulid() {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
  return Array.from(randomBytes(26), (byte) => alphabet[byte % 32]).join('')
}

function deploy(name, app, args, ctx) {
  const strategy = flag(args, '--strategy') ?? 'rolling'
  if (!STRATEGIES.includes(strategy)) return fail(`unsupported deployment strategy '${strategy}'`)
  const image = flag(args, '--image', '-i') ?? `registry.fly.io/${name}:deployment-${ulid()}`
  const failing = app.nextDeploy === 'fail'
  delete app.nextDeploy
  const version = Math.max(0, ...app.releases.map((r) => r.Version)) + 1
  app.releases.unshift({
    ID: newId(16),
    Version: version,
    Stable: !failing,
    InProgress: false,
    Reason: 'deploy',
    Description: 'Release',
    Status: failing ? 'failed' : 'complete',
    DeploymentStrategy: '',
    Metadata: null,
    User: {
      ID: 'Um9vdDo5MDEy',
      Name: 'ci-deploy-token',
      Email: 'ci@example.com',
      EnablePaidHobby: false,
    },
    EvaluationID: '',
    CreatedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    ImageRef: image,
  })
  ctx.save()
  const sample = fixture(failing ? 'fly/deploy-failed.txt' : 'fly/deploy.txt')
    .replaceAll(FIXTURE_APP, name)
    .replace(/registry\.fly\.io\/[^' ]+/, image)
    .replace('with rolling strategy', `with ${strategy} strategy`)
  if (failing) return { stderr: sample, exitCode: 1 }
  // Progress goes to stderr; the closing lines to stdout.
  const cut = sample.indexOf('Checking DNS configuration')
  return { stderr: sample.slice(0, cut), stdout: sample.slice(cut) }
}

function appRecord(name, app) {
  // The fields of fly-go's App that `apps list` fills in; it has no json tags, so PascalCase.
  return {
    ID: name,
    InternalNumericID: 0,
    Name: name,
    State: '',
    Status: app.releases.length ? 'deployed' : 'pending',
    Deployed: app.releases.some((r) => r.Status === 'complete'),
    Hostname: `${name}.fly.dev`,
    AppURL: '',
    Version: 0,
    NetworkID: 0,
    Network: '',
    Release: null,
    Organization: {
      ID: '',
      InternalNumericID: '',
      Name: app.org,
      Slug: app.org,
      RawSlug: app.org,
      Type: '',
      PaidPlan: false,
    },
    CurrentRelease: null,
    PlatformVersion: 'machines',
  }
}

function appsList(state, args) {
  const org = flag(args, '--org', '-o')
  const apps = Object.entries(state.apps)
    .filter(([, app]) => !org || app.org === org)
    .map(([name, app]) => appRecord(name, app))
  if (has(args, '--json', '-j')) return json(apps)
  const rows = apps.map((app) => `${app.Name}\t${app.Organization.Slug}\t${app.Status}\tmachines\t`)
  return { stdout: ['NAME\tOWNER\tSTATUS\tPLATFORM\tLATEST DEPLOY', ...rows].join('\n') + '\n' }
}

function appsCreate(state, args, ctx) {
  const name = words(args)[2] ?? flag(args, '--name')
  if (!name) return fail('an app name is required when not running interactively')
  const org = flag(args, '--org', '-o')
  if (!org) return fail('org slug must be specified when not running interactively')
  if (state.apps[name]) return { stderr: fixture('fly/apps-create-taken.txt'), exitCode: 1 }
  state.apps[name] = { org, releases: [], secrets: {} }
  ctx.save()
  if (has(args, '--json', '-j')) return json(appRecord(name, state.apps[name]))
  return { stdout: fixture('fly/apps-create.txt').replace('flightdeck-pr-123', name) }
}

function appsDestroy(state, args, ctx) {
  const name = words(args)[2]
  if (!name) return fail('accepts 1 arg(s), received 0')
  if (!has(args, '--yes', '-y'))
    return fail('yes flag must be specified when not running interactively')
  if (!state.apps[name]) return fail(`Could not find App "${name}"`)
  delete state.apps[name]
  ctx.save()
  return { stdout: `Destroyed app ${name}\n` }
}

/** flyctl's import format: NAME=VALUE lines, NAME="""...""" across lines; # comments. */
function parseImport(text) {
  const secrets = {}
  let key
  let value = ''
  for (const line of text.split('\n').map((l) => l.replace(/\r$/, ''))) {
    if (key === undefined) {
      if (line.startsWith('#') || line.trim() === '') continue
      const at = line.indexOf('=')
      if (at < 0)
        throw new Error(`Secrets must be provided as NAME=VALUE pairs (${line} is invalid)`)
      const name = line.slice(0, at)
      const rest = line.slice(at + 1)
      if (rest.startsWith('"""')) {
        key = name
        value = `${rest.slice(3)}\n`
      } else secrets[name] = rest
    } else if (line.endsWith('"""')) {
      secrets[key] = value + line.slice(0, -3)
      key = undefined
    } else value += `${line}\n`
  }
  return secrets
}

async function secretsImport(name, app, args, ctx) {
  let secrets
  try {
    secrets = parseImport(await ctx.stdin())
  } catch (err) {
    return fail(err.message)
  }
  if (Object.keys(secrets).length === 0) return fail('requires at least one SECRET=VALUE pair')
  Object.assign(app.secrets, secrets)
  ctx.save()
  if (has(args, '--stage')) return { stdout: fixture('fly/secrets-import.txt') }
  return {
    stdout: `Updating existing machines in '${name}' with rolling strategy\n\n-------\n ✔ Machine 148ed193b95389 [app] update succeeded\n-------\n`,
  }
}
