// A stateful fake of wrangler 4.86. State, in $FAKE_CLI_STATE/wrangler.json:
//   { workers: { <name>: { versions: [Worker Version, oldest first],
//                          deployments: [Deployment, oldest first], secrets: {NAME: value} } },
//     nextDeploy?: 'fail', nextVersionId?: <uuid>, lastOutputFile?: <WRANGLER_OUTPUT_FILE_PATH> }
// Commands: deploy, versions list/upload/deploy, deployments list, rollback, delete, secret bulk.
// With no state yet it holds the fixtures' Worker, `flightdeck-demo`. Outputs follow
// ../fixtures/providers/cloudflare (see its README for their sources).
import { randomUUID } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { dashedValue, fakeCli, fixture, flag, positionalWords } from './cli-lib.mjs'

const TOOL = 'wrangler'
const FIXTURE_WORKER = 'flightdeck-demo'
const FIXTURE_VERSION = 'c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f'
const ACCOUNT_DOMAIN = 'example-team'
// Flags that take a value, so that their value is not read as a subcommand or an argument.
const VALUE_FLAGS = [
  '--name',
  '--env',
  '-e',
  '--config',
  '-c',
  '-m',
  '--message',
  '--cwd',
  '--version-id',
]
const GROUPS = ['versions', 'deployments', 'secret']
const BANNER = ' ⛅️ wrangler 4.86.0\n───────────────────\n'
const NO_TOKEN =
  "In a non-interactive environment, it's necessary to set a CLOUDFLARE_API_TOKEN environment variable for wrangler to work. Please go to https://developers.cloudflare.com/fundamentals/api/get-started/create-token/ for instructions on how to create an api token, and assign its value to CLOUDFLARE_API_TOKEN."

export function runWranglerFake() {
  return fakeCli(TOOL, handle, subcommand)
}

const words = (args) => positionalWords(args, VALUE_FLAGS)

/** `deploy`, `rollback`, `delete`, `versions list`, `secret bulk` ... (for behaviour overrides). */
function subcommand(args) {
  const [first, second] = words(args)
  return GROUPS.includes(first) && second ? `${first} ${second}` : (first ?? '')
}

const has = (args, ...names) => names.some((name) => args.includes(name))

const BUG_NOTE =
  'If you think this is a bug, please open an issue at: https://github.com/cloudflare/workers-sdk/issues/new/choose'

/**
 * wrangler's error format (checked against the real wrangler in __tests__/real-cli): a
 * `✘ [ERROR] <message>` block on stderr with its notes indented by two spaces, and a
 * `command-failed` record in WRANGLER_OUTPUT_FILE_PATH carrying the message and the API's code.
 */
function fail(message, { notes = [], code, exitCode = 1, parser = false } = {}) {
  const outputFile = process.env.WRANGLER_OUTPUT_FILE_PATH
  // yargs refuses a command line before wrangler's handler runs, which is what writes the record.
  if (outputFile && !parser) {
    const record = {
      type: 'command-failed',
      version: 1,
      code,
      message,
      timestamp: new Date().toISOString(),
    }
    appendFileSync(outputFile, `${JSON.stringify(record)}\n`)
  }
  const [headline, ...rest] = message.split('\n')
  const body = [
    ...rest,
    ...notes.flatMap((note) => ['', note]),
    ...(notes.length ? ['', BUG_NOTE] : []),
  ]
  return {
    stderr: `✘ [ERROR] ${headline}\n${body.map((line) => (line ? `  ${line}` : '  ')).join('\n')}\n\n`,
    exitCode,
  }
}

/** An error of the Cloudflare API as wrangler reports it: which request, then the API's words. */
function apiError(resource, error) {
  return fail(`A request to the Cloudflare API (${resource}) failed.`, {
    notes: [`${error.message} [code: ${error.code}]`],
    code: error.code,
  })
}

function notFound(resource) {
  return apiError(resource, { code: 10007, message: 'workers.api.error.script_not_found' })
}

function seed(state) {
  if (state.workers) return
  state.workers = {
    [FIXTURE_WORKER]: {
      versions: JSON.parse(fixture('cloudflare/versions-list.json')),
      deployments: JSON.parse(fixture('cloudflare/deployments-list.json')),
      secrets: {},
    },
  }
}

async function handle(args, ctx) {
  const { state } = ctx
  seed(state)
  const command = subcommand(args)
  if (has(args, '--version', '-v')) return { stdout: '4.86.0\n' }
  // yargs reads a value that starts with a dash (`-m -5xx spike`) as more flags.
  const dashed = dashedValue(args, VALUE_FLAGS)
  if (dashed) return fail(`Unknown arguments: ${dashed[1].replace(/^-+/, '')}`, { parser: true })
  if (!process.env.CLOUDFLARE_API_TOKEN) return fail(NO_TOKEN)
  const name = flag(args, '--name')
  if (!name && command !== '') {
    return fail(
      'Required Worker name missing. Please specify the Worker name in your wrangler.toml file, or pass it as an argument with `--name <worker-name>`',
    )
  }
  const resource = `/accounts/0123456789abcdef/workers/scripts/${name}`
  switch (command) {
    case 'deploy':
      return deploy(state, name, args, ctx)
    case 'versions list':
      return withWorker(state, name, `${resource}/versions`, (worker) => json(worker.versions))
    case 'deployments list':
      return withWorker(state, name, `${resource}/deployments`, (worker) =>
        json(worker.deployments),
      )
    case 'versions upload':
      return versionsUpload(state, name, args, ctx)
    case 'versions deploy':
      return withWorker(state, name, `${resource}/deployments`, (worker) =>
        versionsDeploy(worker, name, args, ctx),
      )
    case 'rollback':
      return withWorker(state, name, `${resource}/deployments`, (worker) =>
        rollback(worker, args, ctx),
      )
    case 'delete':
      return remove(state, name, args, ctx)
    case 'secret bulk':
      return secretBulk(state, name, ctx)
    default:
      return fail(`Unknown arguments: ${words(args).join(', ')}`, { parser: true })
  }
}

function withWorker(state, name, resource, run) {
  const worker = state.workers[name]
  if (!worker) return notFound(resource)
  return run(worker)
}

/** wrangler prints --json output with JSON.stringify(value, null, 2) and no banner. */
function json(value) {
  return { stdout: `${JSON.stringify(value, null, 2)}\n` }
}

function deploy(state, name, args, ctx) {
  const outputFile = process.env.WRANGLER_OUTPUT_FILE_PATH
  // Kept so that tests can check where the file was and that it is gone afterwards.
  state.lastOutputFile = outputFile ?? null
  const session = {
    version: 1,
    type: 'wrangler-session',
    wrangler_version: '4.86.0',
    command_line_args: args,
    log_file_path: '/home/runner/.config/.wrangler/logs/wrangler.log',
    timestamp: new Date().toISOString(),
  }
  if (outputFile) appendFileSync(outputFile, `${JSON.stringify(session)}\n`)
  ctx.save()
  if (state.nextDeploy === 'fail') {
    delete state.nextDeploy
    ctx.save()
    const message =
      'Build failed with 1 error:\nsrc/index.ts:3:8: ERROR: Could not resolve "./missing"'
    return fail(message)
  }
  const worker = (state.workers[name] ??= { versions: [], deployments: [], secrets: {} })
  const versionId = state.nextVersionId ?? randomUUID()
  delete state.nextVersionId
  const now = new Date().toISOString()
  const number = Math.max(0, ...worker.versions.map((v) => v.number ?? 0)) + 1
  worker.versions.push({
    id: versionId,
    number,
    metadata: {
      author_email: 'ci@example.com',
      author_id: '8f3c2a1b9d7e6f5a4b3c2d1e0f9a8b7c',
      created_on: now,
      modified_on: now,
      source: 'wrangler',
      hasPreview: false,
    },
    annotations: { 'workers/triggered_by': 'upload' },
  })
  worker.deployments.push({
    id: randomUUID(),
    source: 'wrangler',
    strategy: 'percentage',
    author_email: 'ci@example.com',
    created_on: now,
    versions: [{ version_id: versionId, percentage: 100 }],
    annotations: { 'workers/triggered_by': 'upload' },
  })
  ctx.save()
  const workersDev = `https://${name}.${ACCOUNT_DOMAIN}.workers.dev`
  const environment = flag(args, '--env', '-e')
  if (outputFile) {
    const entry = {
      type: 'deploy',
      version: 1,
      worker_name: name,
      worker_tag: '5a1b2c3d4e5f60718293a4b5c6d7e8f9',
      version_id: versionId,
      targets: [workersDev, 'flightdeck.example.com/* (zone name: example.com)'],
      ...(environment ? { wrangler_environment: environment } : {}),
      worker_name_overridden: true,
      timestamp: new Date().toISOString(),
    }
    appendFileSync(outputFile, `${JSON.stringify(entry)}\n`)
  }
  const stdout = fixture('cloudflare/deploy.txt')
    .replaceAll(`https://${FIXTURE_WORKER}.${ACCOUNT_DOMAIN}.workers.dev`, workersDev)
    .replaceAll(FIXTURE_WORKER, name)
    .replace(FIXTURE_VERSION, versionId)
  return { stdout }
}

/**
 * `versions upload`: a new Version that serves nothing (checked against the real wrangler in
 * __tests__/real-cli/wrangler-traffic.test.ts). stdout as fixtures/cloudflare/versions-upload.txt;
 * the output file gets a `version-upload` record. `nextVersionId` in the state names the Version.
 */
function versionsUpload(state, name, args, ctx) {
  const worker = (state.workers[name] ??= { versions: [], deployments: [], secrets: {} })
  const versionId = state.nextVersionId ?? randomUUID()
  delete state.nextVersionId
  const now = new Date().toISOString()
  const message = flag(args, '-m', '--message')
  worker.versions.push({
    id: versionId,
    number: Math.max(0, ...worker.versions.map((v) => v.number ?? 0)) + 1,
    metadata: {
      author_email: 'ci@example.com',
      author_id: '8f3c2a1b9d7e6f5a4b3c2d1e0f9a8b7c',
      created_on: now,
      modified_on: now,
      source: 'wrangler',
      hasPreview: false,
    },
    annotations: {
      'workers/triggered_by': 'upload',
      ...(message ? { 'workers/message': message } : {}),
    },
  })
  ctx.save()
  const outputFile = process.env.WRANGLER_OUTPUT_FILE_PATH
  if (outputFile) {
    const entry = {
      type: 'version-upload',
      version: 1,
      worker_name: name,
      worker_tag: '5a1b2c3d4e5f60718293a4b5c6d7e8f9',
      version_id: versionId,
      worker_name_overridden: false,
      timestamp: now,
    }
    appendFileSync(outputFile, `${JSON.stringify(entry)}\n`)
  }
  const stdout = fixture('cloudflare/versions-upload.txt')
    .replaceAll(FIXTURE_WORKER, name)
    .replace('d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70', versionId)
  return { stdout }
}

/**
 * `versions deploy <id>@<percent>... --yes` as wrangler's src/versions/deploy.ts checks it: each
 * spec split on `@`, its share read with parseFloat (0-100; a spec without one takes the rest),
 * at most 2 Versions, adding up to 100 ± 0.001, each a known Version.
 */
function versionsDeploy(worker, name, args, ctx) {
  const specs = words(args).slice(2)
  const traffic = []
  for (const spec of specs) {
    const [versionId, text] = spec.split('@')
    const percentage = text === undefined || text === '' ? null : parseFloat(text)
    if (percentage !== null && Number.isNaN(percentage)) {
      return fail(`Could not parse percentage value from version-spec positional arg "${spec}"`)
    }
    if (percentage !== null && (percentage < 0 || percentage > 100)) {
      return fail(
        `Percentage value (${percentage}%) parsed from version-spec positional arg "${spec}" must be between 0 and 100.`,
      )
    }
    traffic.push({ version_id: versionId, percentage })
  }
  if (traffic.length === 0) return fail('You must select at least 1 version to deploy.')
  if (traffic.length > 2) return fail('You must select at most 2 versions to deploy.')
  const given = traffic.reduce((sum, t) => sum + (t.percentage ?? 0), 0)
  const open = traffic.filter((t) => t.percentage === null).length
  for (const t of traffic) t.percentage ??= open && given <= 100 ? (100 - given) / open : 0
  const total = traffic.reduce((sum, t) => sum + t.percentage, 0)
  if (Math.abs(total - 100) > 0.001) {
    return fail(`Sum of specified percentages (${total}%) must be 100%`)
  }
  for (const t of traffic) {
    if (!worker.versions.some((v) => v.id === t.version_id)) {
      return apiError(
        `/accounts/0123456789abcdef/workers/scripts/${name}/versions/${t.version_id}`,
        {
          code: 10217,
          message: 'workers.api.error.version_not_found',
        },
      )
    }
  }
  const message = flag(args, '-m', '--message')
  worker.deployments.push({
    id: randomUUID(),
    source: 'wrangler',
    strategy: 'percentage',
    author_email: 'ci@example.com',
    created_on: new Date().toISOString(),
    versions: traffic,
    annotations: {
      'workers/triggered_by': 'deployment',
      ...(message ? { 'workers/message': message } : {}),
    },
  })
  ctx.save()
  const said = new Intl.ListFormat('en-US').format(
    traffic.map((t) => `version ${t.version_id} at ${t.percentage}%`),
  )
  return { stdout: `${BANNER}╰\u200a SUCCESS \u200aDeployed ${name} ${said} (0.08 sec)\n` }
}

function rollback(worker, args, ctx) {
  const versionId = words(args)[1] ?? flag(args, '--version-id')
  const version = worker.versions.find((v) => v.id === versionId)
  if (!versionId || !version) {
    return apiError(
      `/accounts/0123456789abcdef/workers/scripts/${flag(args, '--name')}/versions/${versionId}`,
      {
        code: 10217,
        message: 'workers.api.error.version_not_found',
      },
    )
  }
  const message = flag(args, '-m', '--message') ?? 'Rollback'
  worker.deployments.push({
    id: randomUUID(),
    source: 'wrangler',
    strategy: 'percentage',
    author_email: 'ci@example.com',
    created_on: new Date().toISOString(),
    versions: [{ version_id: versionId, percentage: 100 }],
    annotations: { 'workers/triggered_by': 'rollback', 'workers/message': message },
  })
  ctx.save()
  const sample = fixture('cloudflare/rollback.txt')
  const target = '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d'
  return { stdout: sample.replaceAll(target, versionId) }
}

function remove(state, name, args, ctx) {
  if (!state.workers[name]) {
    return notFound(`/accounts/0123456789abcdef/workers/services/${name}`)
  }
  delete state.workers[name]
  ctx.save()
  const prompt = has(args, '--force')
    ? ''
    : `? Are you sure you want to delete ${name}? This action cannot be undone.\n🤖 Using fallback value in non-interactive context: yes\n`
  return { stdout: `${BANNER}${prompt}Successfully deleted ${name}\n` }
}

/** `secret bulk` with no file: stdin lines are joined without newlines, then read as JSON. */
async function secretBulk(state, name, ctx) {
  const input = (await ctx.stdin()).split(/\r?\n/).join('')
  let content
  try {
    content = JSON.parse(input)
  } catch {
    content = undefined
  }
  const banner = `${BANNER}🌀 Creating the secrets for the Worker "${name}" \n`
  if (!content || typeof content !== 'object') {
    // wrangler logs this as an error but exits 0.
    return { stdout: banner, stderr: '✘ [ERROR] 🚨 No content found in file, or piped input.\n' }
  }
  const worker = (state.workers[name] ??= { versions: [], deployments: [], secrets: {} })
  Object.assign(worker.secrets, content)
  ctx.save()
  const lines = Object.keys(content).map((key) => `✨ Successfully created secret for key: ${key}`)
  return {
    stdout: `${banner}${lines.join('\n')}\n\nFinished processing secrets file:\n✨ ${lines.length} secrets successfully uploaded\n`,
  }
}
