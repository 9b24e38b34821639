// A stateful fake of the vercel CLI 60.1.3. State, in $FAKE_CLI_STATE/vercel.json:
//   { contextName, projects: { <name>: { id, deployments: [deployment, newest first],
//     env: [{ key, value, target }] } }, nextDeploy?: 'fail', nextBuild?: 'fail',
//     rollbackFails?: true, rolledBackTo?: <dpl id> }
// A deployment is a list.json item plus the `id` the API knows it by (the CLI's list JSON has
// none: see the fixtures' README). With no state yet it holds the fixtures' project,
// `flightdeck-web`, with list.json. Outputs follow ../fixtures/providers/vercel, checked against
// the real CLI in __tests__/real-cli/vercel.test.ts: progress and messages on stderr, only the
// deployment URL or the JSON on stdout.
import { randomBytes } from 'node:crypto'
import { dashedValue, fakeCli, fixture, flag, positionalWords } from './cli-lib.mjs'

const TOOL = 'vercel'
const FIXTURE_PROJECT = 'flightdeck-web'
const FIXTURE_PROJECT_ID = 'prj_Fl1ghtD3ckW3bPr0j3ct0000'
const HEADER = 'Vercel CLI 60.1.3 (Node.js 20.20.2)\n'
// Flags that take a value, so that their value is not read as a subcommand or an argument.
const VALUE_FLAGS = [
  '--project',
  '--target',
  '--local-config',
  '-A',
  '--format',
  '-F',
  '--timeout',
  '--scope',
  '-S',
  '--cwd',
  '--global-config',
  '-Q',
  '--token',
  '-t',
  '--limit',
  '--environment',
  '--status',
  '-s',
  '--next',
  '-N',
  '--meta',
  '-m',
  '--build-env',
  '-b',
  '--env',
  '-e',
  '--git-branch',
  '--value',
  '--type',
  '--archive',
  '--regions',
]
// Every flag the fake knows, with or without a value (vercel refuses others).
const KNOWN_FLAGS = [
  ...VALUE_FLAGS,
  '--api',
  '--yes',
  '-y',
  '--prod',
  '--prebuilt',
  '--force',
  '--json',
  '--wait',
  '--logs',
  '-l',
  '--safe',
  '--hard',
  '--debug',
  '-d',
  '--no-color',
  '--non-interactive',
  '--sensitive',
  '--no-sensitive',
  '--all',
  '-a',
  '--help',
  '-h',
  '--version',
  '-v',
]
const ALIASES = { ls: 'list', rm: 'remove' }
// The ids the API gives the deployments of list.json (as `uid`), which the CLI's list JSON leaves out.
const FIXTURE_IDS = {
  'flightdeck-web-z1x2c3v4b-example-team.vercel.app': 'dpl_5Ee4Dd3Cc2Bb1Aa0Zz9Yy8Xx7Ww6Vv',
  'flightdeck-web-8x2kq1m9z-example-team.vercel.app': 'dpl_7Hk2mQ9xLpR4sT6vW8yZ1aB3cD5e',
  'flightdeck-web-2m7n4b1v6-example-team.vercel.app': 'dpl_3Qw8eR5tY2uI9oP1aS4dF7gH0jK6',
  'flightdeck-web-5t4r3e2w1-example-team.vercel.app': 'dpl_9Zx8Cv7Bn6Mm5Ll4Kk3Jj2Hh1Gg0Ff',
  'flightdeck-web-q9w8e7r6t-example-team.vercel.app': 'dpl_1Aa2Bb3Cc4Dd5Ee6Ff7Gg8Hh9Ii0Jj',
}
// What `vercel list --format json` prints of each deployment (commands/list: `id: dep.id`, which
// the documented list item does not have, so it is left out).
const LISTED_KEYS = [
  'url',
  'name',
  'state',
  'target',
  'customEnvironment',
  'createdAt',
  'buildingAt',
  'ready',
  'creator',
  'meta',
]

export function runVercelFake() {
  return fakeCli(TOOL, handle, subcommand)
}

const words = (args) => positionalWords(args, VALUE_FLAGS)

/** `deploy`, `list`, `rollback`, `remove`, `env add` ... (for behaviour overrides). */
function subcommand(args) {
  const [first, second] = words(args)
  const command = ALIASES[first] ?? first ?? 'deploy'
  return command === 'env' && second ? `env ${second}` : command
}

const has = (args, ...names) => names.some((name) => args.includes(name))

function fail(message, exitCode = 1) {
  return { stderr: `${HEADER}Error: ${message}\n`, exitCode }
}

function seed(state) {
  // A test may set the state from list.json, whose deployments carry no id.
  for (const project of Object.values(state.projects ?? {})) {
    for (const d of project.deployments) d.id ??= FIXTURE_IDS[d.url]
  }
  if (state.projects) return
  const sample = JSON.parse(fixture('vercel/list.json'))
  state.contextName = sample.contextName
  const deployments = sample.deployments.map((d) => ({ id: FIXTURE_IDS[d.url], ...d }))
  state.projects = {
    [FIXTURE_PROJECT]: { id: FIXTURE_PROJECT_ID, deployments, env: [] },
  }
}

async function handle(args, ctx) {
  const { state } = ctx
  seed(state)
  if (has(args, '--version', '-v')) return { stdout: '60.1.3\n' }
  // vercel's argument parser (arg) refuses a value that starts with a dash after a flag, and
  // an argument that starts with one where it knows no such flag.
  const dashed = dashedValue(args, VALUE_FLAGS)
  if (dashed) return { stderr: `Error: option requires argument: ${dashed[0]}\n`, exitCode: 1 }
  const stray = args.find(
    (arg) => arg.startsWith('-') && arg !== '--' && !KNOWN_FLAGS.includes(arg.split('=')[0]),
  )
  if (stray) {
    return { stderr: `${HEADER}✗ unknown or unexpected option: ${stray}\n`, exitCode: 1 }
  }
  if (!process.env.VERCEL_TOKEN && !flag(args, '--token', '-t')) {
    return fail('No existing credentials found. Please run `vercel login` or pass "--token"')
  }
  const orgId = process.env.VERCEL_ORG_ID
  const projectId = process.env.VERCEL_PROJECT_ID
  if (Boolean(orgId) !== Boolean(projectId) && !flag(args, '--project')) {
    return fail(
      `You specified ${orgId ? '`VERCEL_ORG_ID`' : '`VERCEL_PROJECT_ID`'} but you forgot to specify ${orgId ? '`VERCEL_PROJECT_ID`' : '`VERCEL_ORG_ID`'}. You need to specify both to deploy to a custom project.`,
    )
  }
  const command = subcommand(args)
  switch (command) {
    case 'deploy':
      return withLinkedProject(state, args, (name, project) =>
        deploy(state, name, project, args, ctx),
      )
    case 'list':
      return list(state, args)
    case 'rollback':
      return rollback(state, args, ctx)
    case 'promote':
      return promote(state, args, ctx)
    case 'inspect':
      return inspect(state, args, ctx)
    case 'remove':
      return remove(state, args, ctx)
    case 'env add':
      return withLinkedProject(state, args, (name, project) => envAdd(name, project, args, ctx))
    default:
      return fail(`The ${command} subcommand does not exist`)
  }
}

function findProject(state, nameOrId) {
  return Object.entries(state.projects).find(
    ([name, project]) => name === nameOrId || project.id === nameOrId,
  )
}

/** The project of --project, else of VERCEL_PROJECT_ID; a fake has no linked directory. */
function withLinkedProject(state, args, run) {
  const wanted = flag(args, '--project') ?? process.env.VERCEL_PROJECT_ID
  if (!wanted) {
    return fail("Your codebase isn't linked to a project on Vercel. Run `vercel link` to begin.")
  }
  const found = findProject(state, wanted)
  if (!found) return fail(`There is no project for "${wanted}"`)
  return run(...found)
}

function randomId(length) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('')
}

function randomHostPart() {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'
  return Array.from(randomBytes(9), (byte) => alphabet[byte % alphabet.length]).join('')
}

const wantsJson = (args) => flag(args, '--format', '-F') === 'json' || has(args, '--json')

function deploymentJson(state, name, deployment, error) {
  const bare = deployment.id.replace(/^dpl_/, '')
  return {
    id: deployment.id,
    url: `https://${deployment.url}`,
    inspectorUrl: `https://vercel.com/${state.contextName}/${name}/${bare}`,
    readyState: deployment.state,
    target: deployment.target,
    deploymentApiUrl: `https://api.vercel.com/v13/deployments/${deployment.id}`,
    ...(error ? { error } : {}),
  }
}

function deploy(state, name, project, args, ctx) {
  const failing = state.nextDeploy === 'fail'
  delete state.nextDeploy
  const target =
    has(args, '--prod') || flag(args, '--target') === 'production'
      ? 'production'
      : (flag(args, '--target') ?? null)
  const now = Date.now()
  const deployment = {
    id: `dpl_${randomId(28)}`,
    url: `${name}-${randomHostPart()}-${state.contextName}.vercel.app`,
    name,
    state: failing ? 'ERROR' : 'READY',
    target: target === 'preview' ? null : target,
    createdAt: now,
    buildingAt: now + 1500,
    ready: now + 40_000,
    creator: { uid: 'Xk2mQ9xLpR4sT6vW8yZ1aB3c', username: 'ci-example' },
    meta: { prebuilt: has(args, '--prebuilt') ? 'true' : undefined },
  }
  project.deployments.unshift(deployment)
  ctx.save()
  if (failing) {
    const error = { name: 'BUILD_ERROR', message: 'Command "npm run build" exited with 1' }
    return {
      stdout: wantsJson(args)
        ? `${JSON.stringify(deploymentJson(state, name, deployment, error), null, 2)}\n`
        : '',
      stderr: `${HEADER}Error: Command "npm run build" exited with 1\n`,
      exitCode: 1,
    }
  }
  const sample = JSON.parse(fixture('vercel/deploy.json'))
  const stderr = fixture('vercel/deploy.stderr.txt')
    .replaceAll(sample.url, `https://${deployment.url}`)
    .replaceAll(sample.inspectorUrl, deploymentJson(state, name, deployment).inspectorUrl)
    .replace('  Preview  ', target === 'production' ? '  Production' : '  Preview  ')
  if (wantsJson(args)) {
    return {
      stdout: `${JSON.stringify(deploymentJson(state, name, deployment), null, 2)}\n`,
      stderr,
    }
  }
  // Not a TTY and no JSON: the bare URL, with no newline.
  return { stdout: `https://${deployment.url}`, stderr }
}

function list(state, args) {
  const app = words(args)[1] ?? process.env.VERCEL_PROJECT_ID
  const found = app ? findProject(state, app) : undefined
  // With --format json vercel prints no header.
  if (!found) {
    return {
      stderr: `Error: The provided argument "${app}" is not a valid project name\n`,
      exitCode: 1,
    }
  }
  const [name, project] = found
  const environment = flag(args, '--environment')
  const limit = Number(flag(args, '--limit') ?? 20)
  const until = flag(args, '--next', '-N')
  const matching = [...project.deployments]
    .sort((a, b) => b.createdAt - a.createdAt)
    .filter((d) => !environment || (d.target ?? 'preview') === environment)
    .filter((d) => until === undefined || d.createdAt < Number(until))
  const deployments = matching.slice(0, limit)
  if (wantsJson(args)) {
    const listed = deployments.map((d) =>
      Object.fromEntries(LISTED_KEYS.filter((key) => key in d).map((key) => [key, d[key]])),
    )
    const last = deployments.at(-1)
    const output = {
      contextName: state.contextName,
      deployments: listed,
      pagination: {
        count: deployments.length,
        next: matching.length > limit && last ? last.createdAt : null,
        prev: deployments[0]?.createdAt ?? null,
      },
    }
    return { stdout: `${JSON.stringify(output, null, 2)}\n` }
  }
  return {
    stdout: deployments.map((d) => `https://${d.url}\n`).join(''),
    stderr: `${HEADER}Fetching deployments in ${state.contextName}\n> Deployments for ${state.contextName}/${name}\n`,
  }
}

function findDeployment(state, ref) {
  const host = ref.replace(/^https?:\/\//, '').replace(/\/$/, '')
  for (const [name, project] of Object.entries(state.projects)) {
    const deployment = project.deployments.find((d) => d.id === ref || d.url === host)
    if (deployment) return { name, project, deployment }
  }
  return undefined
}

function rollback(state, args, ctx) {
  const ref = words(args)[1]
  if (!ref) return fail('Missing required deployment id or URL')
  const found = findDeployment(state, ref)
  if (!found)
    return fail(`Can't find the deployment "${ref}" under the context "${state.contextName}"`)
  const { name, deployment } = found
  const sample = fixture('vercel/rollback.txt')
  const host = 'flightdeck-web-5t4r3e2w1-example-team.vercel.app'
  const shown = sample
    .replaceAll(host, deployment.url)
    .replaceAll('dpl_9Zx8Cv7Bn6Mm5Ll4Kk3Jj2Hh1Gg0Ff', deployment.id)
    .replaceAll(`! ${FIXTURE_PROJECT} was`, `! ${name} was`)
  if (deployment.target !== 'production' || deployment.state !== 'READY') {
    return fail(
      `Deployment "${deployment.url}" is not a ready production deployment and cannot be rolled back to`,
    )
  }
  if (state.rollbackFails) {
    const failed = fixture('vercel/rollback-failed.txt')
      .replaceAll(host, deployment.url)
      .replaceAll('dpl_9Zx8Cv7Bn6Mm5Ll4Kk3Jj2Hh1Gg0Ff', deployment.id)
    return { stderr: failed, exitCode: 1 }
  }
  state.rolledBackTo = deployment.id
  ctx.save()
  return { stderr: shown }
}

function promote(state, args, ctx) {
  const ref = words(args)[1]
  if (!ref) return fail('Missing required deployment id or URL')
  const found = findDeployment(state, ref)
  if (!found)
    return fail(`Can't find the deployment "${ref}" under the context "${state.contextName}"`)
  const { name, project, deployment } = found
  const sampleId = 'dpl_7Hk2mQ9xLpR4sT6vW8yZ1aB3cD5e'
  if (deployment.target !== 'production') {
    // As the real CLI does with --yes: a preview is rebuilt as a new production deployment,
    // and vercel says where to inspect it and exits without waiting for it.
    const id = `dpl_${randomId(28)}`
    const url = `${name}-${randomHostPart()}-${state.contextName}.vercel.app`
    const building = state.nextBuild === 'fail' ? 'ERROR' : 'READY'
    delete state.nextBuild
    project.deployments.unshift({
      ...deployment,
      id,
      url,
      target: 'production',
      state: 'BUILDING',
      builds: building,
      createdAt: Date.now(),
    })
    ctx.save()
    const shown = fixture('vercel/promote-preview.txt')
      .replaceAll(sampleId, deployment.id)
      .replace('Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9S', id.replace(/^dpl_/, ''))
      .replaceAll(FIXTURE_PROJECT, name)
    return { stderr: shown }
  }
  state.promoted = deployment.id
  ctx.save()
  const shown = fixture('vercel/promote.txt')
    .replaceAll(sampleId, deployment.id)
    .replaceAll('flightdeck-web-8x2kq1m9z-example-team.vercel.app', deployment.url)
    .replaceAll(`! ${FIXTURE_PROJECT} was`, `! ${name} was`)
  return { stderr: shown }
}

/** `vercel inspect <ref> [--wait] --format json`: the JSON of printJson; exit 1 for ERROR. */
function inspect(state, args, ctx) {
  const ref = words(args)[1]
  const found = ref ? findDeployment(state, ref) : undefined
  if (!found) {
    return fail(`Can't find the deployment "${ref}" under the context "${state.contextName}"`)
  }
  const { name, deployment } = found
  if (has(args, '--wait') && deployment.state === 'BUILDING' && deployment.builds) {
    deployment.state = deployment.builds
    delete deployment.builds
    ctx.save()
  }
  const json = {
    id: deployment.id,
    name,
    url: deployment.url,
    target: deployment.target ?? 'preview',
    readyState: deployment.state,
    createdAt: deployment.createdAt,
    contextName: state.contextName,
  }
  return {
    stdout: `${JSON.stringify(json, null, 2)}\n`,
    stderr: `Fetching deployment "${ref}" in ${state.contextName}\n`,
    exitCode: ['ERROR', 'CANCELED'].includes(deployment.state) ? 1 : 0,
  }
}

function remove(state, args, ctx) {
  const refs = words(args).slice(1)
  if (refs.length === 0) return fail('`vercel rm` expects at least one argument')
  const deployments = []
  const projects = []
  for (const ref of refs) {
    // As the real CLI does, an argument is looked up as a deployment AND as a project.
    const deployment = findDeployment(state, ref)
    if (deployment) deployments.push(deployment)
    if (state.projects[ref]) projects.push(ref)
  }
  const fetching = `${HEADER}Fetching deployment(s) ${refs.map((r) => `"${r}"`).join(' ')} in ${state.contextName}\n`
  if (deployments.length === 0 && projects.length === 0) {
    return {
      stderr: `${fetching}> Could not find any deployments or projects matching ${refs.map((r) => `"${r}"`).join(', ')}. Run \`vercel projects ls\` to list.\n`,
      exitCode: 1,
    }
  }
  if (!has(args, '--yes', '-y')) return { stderr: `${fetching}> Canceled\n`, exitCode: 1 }
  for (const { project, deployment } of deployments) {
    project.deployments = project.deployments.filter((d) => d.id !== deployment.id)
  }
  for (const name of projects) delete state.projects[name]
  ctx.save()
  const count = deployments.length + projects.length
  return {
    stderr: `${fetching}> Found ${count} deployment for removal in ${state.contextName} [380ms]\n> Success! Removed ${count} deployment [1s]\n${deployments.map(({ deployment }) => `- ${deployment.url}\n`).join('')}${projects.map((p) => `- ${p}\n`).join('')}`,
  }
}

/** vercel's normalizeStdinEnvValue: one trailing newline of a one-line value is dropped. */
function normalizeStdin(value) {
  const stripped = value.replace(/\r?\n$/, '')
  return stripped !== value && !/[\r\n]/.test(stripped) ? stripped : value
}

async function envAdd(name, project, args, ctx) {
  const [, , key, target] = words(args)
  const input = await ctx.stdin()
  if (!key || !target) {
    return fail('Invalid number of arguments. Usage: `vercel env add <name> <target> < <file>`')
  }
  if (!input) return fail(`No value given for ${key}; pass it on stdin or with --value`)
  if (target === 'preview' && !has(args, '--yes', '-y') && !flag(args, '--git-branch')) {
    return fail('User force closed the prompt (Git branch?)')
  }
  const existing = project.env.find((e) => e.key === key && e.target === target)
  if (existing && !has(args, '--force')) {
    return fail(
      `The variable "${key}" has already been added to ${target}. To remove, run \`vercel env rm ${key}\`.`,
    )
  }
  const value = normalizeStdin(input)
  if (existing) existing.value = value
  else project.env.push({ key, value, target })
  ctx.save()
  return {
    stderr: `${HEADER}Retrieving project…\nSaving\n> Success! ${existing ? 'Overrode' : 'Added'} Environment Variable ${key} to Project ${name} [241ms]\n`,
  }
}
