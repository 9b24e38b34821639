// `flightdeck init`: finds what the repository deploys, asks what it cannot decide (or, with
// --yes, takes what it found), writes the workflows, and says what to set up next.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline/promises'
import { parseArgs } from 'node:util'
import { ConfigError, UsageError } from '../cli/errors.mjs'
import { findProject, findTargets, HEALTH_PATH, PLATFORMS, targetFromFlags } from './detect.mjs'
import { CHANNELS } from './platforms.mjs'
import { plan } from './render.mjs'
import { setupLines } from './yaml-text.mjs'

export const INIT_HELP = `flightdeck init: write this repository's deploy pipeline, calling flightdeck's reusable workflows

usage: flightdeck init [options]

It reads the platform's own config (fly.toml, wrangler.toml/.json/.jsonc, vercel.json and
.vercel/project.json, railway.json/.toml, render.yaml) and package.json, then writes
.github/workflows/deploy.yml (tests, then production with a health check and automatic
rollback), preview.yml where the platform has previews, and monitor.yml with --monitor.

options:
  --yes, -y              ask nothing: take what was found (--notify then defaults to none)
  --platform P[,P]       fly, cloudflare, vercel, railway, render; several for a repository
                         that deploys to more than one (deployed in the order given)
  --app NAME             which app, when several were found (or the app, when no config names it)
  --health-path PATH     the path that answers when the app is healthy, e.g. /health
  --notify CHANNEL       slack, teams, discord, email or none
  --monitor              also write monitor.yml (an hourly check of production)
  --branch NAME          the branch production deploys from (default: main)
  --dry-run              print the files instead of writing them
  --force                replace existing workflow files (without it they are never overwritten)
  --dir PATH             the repository (default: the current folder)

Exit codes: 0 written (or printed), 1 nothing written (no platform found, a config it cannot
read, a file that exists), 2 bad usage.
`

/**
 * @typedef {object} Io
 * @property {string} [cwd]
 * @property {(text: string) => void} [out] the files (--dry-run) and the summary
 * @property {(text: string) => void} [err] errors
 * @property {((question: string) => Promise<string>) | null} [ask] null: no one to ask
 */

/** @param {string[]} argv the arguments after `init` @param {Io} io @returns {Promise<number>} */
export async function runInit(argv, io = {}) {
  const out = io.out ?? ((text) => process.stdout.write(text))
  const err = io.err ?? ((text) => process.stderr.write(text))
  try {
    return await init(argv, { ...io, out, err })
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      err(`flightdeck init: ${error.message}\n`)
      if (error instanceof UsageError) err('(see flightdeck init --help)\n')
      return error.exitCode
    }
    throw error
  }
}

/** @param {string[]} argv */
function parse(argv) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        yes: { type: 'boolean', short: 'y' },
        platform: { type: 'string' },
        app: { type: 'string' },
        'health-path': { type: 'string' },
        notify: { type: 'string' },
        monitor: { type: 'boolean' },
        branch: { type: 'string' },
        'dry-run': { type: 'boolean' },
        force: { type: 'boolean' },
        dir: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values
  } catch (error) {
    throw new UsageError(/** @type {Error} */ (error).message)
  }
}

/** @param {string[]} argv @param {Required<Pick<Io, 'out' | 'err'>> & Io} io */
async function init(argv, io) {
  const flags = parse(argv)
  if (flags.help) {
    io.out(INIT_HELP)
    return 0
  }
  const platforms = flags.platform
    ?.split(',')
    .map((p) => p.trim())
    .filter(Boolean)
  for (const platform of platforms ?? []) {
    if (!PLATFORMS.includes(/** @type {any} */ (platform))) {
      throw new UsageError(`--platform ${platform}: not one of ${PLATFORMS.join(', ')}`)
    }
  }
  if (flags.notify !== undefined && !(flags.notify in CHANNELS)) {
    throw new UsageError(`--notify ${flags.notify}: not one of ${Object.keys(CHANNELS).join(', ')}`)
  }
  if (flags['health-path'] !== undefined && !HEALTH_PATH.test(flags['health-path'])) {
    throw new UsageError(`--health-path ${flags['health-path']}: not a URL path (e.g. /health)`)
  }
  if (flags.branch !== undefined && !/^[\w./-]+$/.test(flags.branch)) {
    throw new UsageError(`--branch ${flags.branch}: not a branch name (e.g. main)`)
  }
  const root = resolve(io.cwd ?? process.cwd(), flags.dir ?? '.')
  if (!existsSync(root)) throw new UsageError(`--dir ${flags.dir}: no such folder`)
  const ask = flags.yes ? null : io.ask === undefined ? terminalQuestion() : io.ask

  let targets = await choose(findTargets(root), platforms, flags.app, ask)
  if (flags['health-path'])
    targets = targets.map((t) => ({ ...t, healthPath: flags['health-path'] }))
  const project = findProject(root, [...new Set(targets.map((t) => t.dir).filter(Boolean))])
  let notify = flags.notify
  if (notify === undefined && ask) {
    const answer = (
      await ask('Tell whom about deploys? slack, teams, discord, email or none [none]: ')
    )
      .trim()
      .toLowerCase()
    notify = answer || 'none'
    if (!(notify in CHANNELS))
      throw new UsageError(`${notify}: not one of ${Object.keys(CHANNELS).join(', ')}`)
  }
  const version = JSON.parse(
    readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  ).version
  const result = plan(targets, project, {
    branch: flags.branch ?? 'main',
    notify: /** @type {keyof typeof CHANNELS} */ (notify ?? 'none'),
    monitor: Boolean(flags.monitor),
    version,
  })

  if (flags['dry-run']) {
    for (const file of result.files) io.out(`--- ${file.path}\n${file.text}\n`)
  } else {
    const existing = result.files.filter((file) => existsSync(join(root, file.path)))
    if (existing.length > 0 && !flags.force) {
      throw new ConfigError(
        `${existing.map((f) => f.path).join(', ')} already exist${existing.length === 1 ? 's' : ''}: nothing written (--force replaces them, --dry-run shows what would be written)`,
      )
    }
    for (const file of result.files) {
      mkdirSync(dirname(join(root, file.path)), { recursive: true })
      writeFileSync(join(root, file.path), file.text)
    }
  }
  // With --dry-run stdout carries only the files, so that `> file` keeps just them.
  ;(flags['dry-run'] ? io.err : io.out)(summary(targets, result, Boolean(flags['dry-run'])))
  return 0
}

/**
 * The targets to deploy: those of --platform (each must be found, or named by --app), narrowed
 * by --app; several left with no choice made: asked, or (no one to ask) a stop naming them.
 * @param {import('./detect.mjs').Target[]} found
 * @param {string[] | undefined} platforms
 * @param {string | undefined} app
 * @param {((question: string) => Promise<string>) | null} ask
 */
async function choose(found, platforms, app, ask) {
  const matchesApp = (t) => app !== undefined && [t.app, t.label, t.dir].includes(app)
  let targets = found
  if (platforms) {
    targets = []
    for (const platform of platforms) {
      const mine = found.filter((t) => t.platform === platform)
      if (mine.length > 0) targets.push(...mine)
      else if (app !== undefined && platforms.length === 1) {
        targets.push(targetFromFlags(/** @type {any} */ (platform), app))
      } else {
        throw new ConfigError(
          `--platform ${platform}: no ${configNames(platform)} found in this repository`,
        )
      }
    }
  }
  if (targets.length === 0) {
    throw new ConfigError(
      'no platform config found: looked for fly.toml, wrangler.toml/.json/.jsonc, vercel.json or .vercel/project.json, railway.json/.toml and render.yaml (here and two folders down); name the platform and app with --platform and --app',
    )
  }
  if (app !== undefined) {
    const picked = targets.filter(matchesApp)
    if (picked.length > 0) targets = picked
    else if (targets.length === 1) {
      const only = /** @type {import('./detect.mjs').Target} */ (targets[0])
      targets = [
        {
          ...only,
          ...targetFromFlags(only.platform, app),
          dir: only.dir,
          source: only.source,
          ...keepFrom(only),
        },
      ]
    } else {
      throw new ConfigError(
        `--app ${app}: none of the apps found is named so (${describe(targets)})`,
      )
    }
  }
  // Several of one platform (two Fly apps) or several platforms without --platform: a choice.
  const platformsFound = new Set(targets.map((t) => t.platform))
  const ambiguous =
    (platforms === undefined && platformsFound.size > 1) ||
    [...platformsFound].some(
      (p) => targets.filter((t) => t.platform === p).length > 1 && app === undefined,
    )
  if (!ambiguous) return targets
  if (!ask) {
    throw new ConfigError(
      `found several apps: ${describe(targets)}. Say which with --platform (several: --platform vercel,railway) and --app; nothing written`,
    )
  }
  const list = targets
    .map((t, i) => `  ${i + 1}. ${t.label} (${t.platform}, ${t.source || 'flags'})`)
    .join('\n')
  const answer = await ask(
    `Found several apps:\n${list}\nDeploy which, in order? (e.g. 1 or 2,1; "all" for all): `,
  )
  const picked =
    answer.trim().toLowerCase() === 'all'
      ? targets
      : answer.split(',').map((n) => targets[Number(n.trim()) - 1])
  if (
    picked.length === 0 ||
    picked.some((t) => t === undefined) ||
    new Set(picked).size < picked.length
  ) {
    throw new UsageError(
      `"${answer.trim()}": give numbers from the list, each once, comma-separated`,
    )
  }
  return /** @type {import('./detect.mjs').Target[]} */ (picked)
}

/** What a config found gives beyond the app's name (region, checks, ids), kept under --app. */
function keepFrom(target) {
  const { region, healthPath, accountId, config } = target
  return Object.fromEntries(
    Object.entries({ region, healthPath, accountId, config }).filter(([, v]) => v),
  )
}

const describe = (targets) =>
  targets.map((t) => `${t.label} (${t.platform}, ${t.source || 'flags'})`).join(', ')

/** @param {string} platform */
function configNames(platform) {
  return {
    fly: 'fly.toml',
    cloudflare: 'wrangler.toml, wrangler.json or wrangler.jsonc',
    vercel: 'vercel.json or .vercel/project.json',
    railway: 'railway.json or railway.toml',
    render: 'render.yaml',
  }[platform]
}

/** What was written and what to do next, for the terminal. */
function summary(targets, result, dryRun) {
  const lines = [
    '',
    `${dryRun ? 'Would write' : 'Wrote'} ${result.files.map((f) => f.path).join(', ')}`,
    `for ${targets.map((t) => `${t.label} (${t.platform}${t.source ? `, from ${t.source}` : ''})`).join(', ')}.`,
    '',
    'Next:',
    '  1. Create the secrets and variables the workflows read:',
    ...setupLines(result.settings).map((line) => `       ${line}`),
    ...result.notes.map((note, i) => `  ${i + 2}. ${note}`),
    `  ${result.notes.length + 2}. Commit .github/workflows and push: \`flightdeck lint\` checks the workflows you already had.`,
    '',
  ]
  return lines.join('\n')
}

/** A question on the terminal, or null when stdin is not one (then nothing is asked). */
function terminalQuestion() {
  if (!process.stdin.isTTY) return null
  return async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr })
    try {
      return await rl.question(question)
    } finally {
      rl.close()
    }
  }
}
