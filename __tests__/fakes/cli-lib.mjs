// The shared half of every fake CLI in fakes/bin: each call is recorded (argv, the credential
// and API-base variables it saw, stdin when read) in $FAKE_CLI_STATE/calls.jsonl, state persists in
// $FAKE_CLI_STATE/<tool>.json, and a test can make the next calls misbehave through
// $FAKE_CLI_STATE/<tool>.behaviour.json: {"<subcommand or *>": {"exitCode", "stderr",
// "stdout", "hangMs", "malformed"}}.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const CREDENTIAL_VARS = [
  'FLY_API_TOKEN',
  'FLY_ACCESS_TOKEN',
  'CLOUDFLARE_API_TOKEN',
  'CLOUDFLARE_ACCOUNT_ID',
  'CLOUDFLARE_API_BASE_URL',
  'VERCEL_TOKEN',
  'VERCEL_ORG_ID',
  'VERCEL_PROJECT_ID',
  'RAILWAY_TOKEN',
  'RAILWAY_API_TOKEN',
  'RENDER_API_KEY',
]

export const fixturesDir = new URL('../fixtures/providers/', import.meta.url).pathname

/** Reads a provider fixture as text. */
export function fixture(path) {
  return readFileSync(join(fixturesDir, path), 'utf8')
}

/**
 * Runs a fake CLI. `handle(args, ctx)` returns { stdout, stderr, exitCode } or undefined (exit 0,
 * no output). `subcommand(args)` names the call for behaviour overrides (default: first two
 * words that do not start with -).
 */
export async function fakeCli(tool, handle, subcommand = defaultSubcommand) {
  const stateDir = process.env.FAKE_CLI_STATE
  if (!stateDir) {
    process.stderr.write(`fake ${tool}: FAKE_CLI_STATE is not set\n`)
    process.exit(97)
  }
  const args = process.argv.slice(2)
  const statePath = join(stateDir, `${tool}.json`)
  const state = existsSync(statePath) ? JSON.parse(readFileSync(statePath, 'utf8')) : {}
  // When the call began and ended, so that a test can tell whether two calls overlapped.
  const call = { tool, args, env: {}, startedAt: Date.now() }
  for (const name of CREDENTIAL_VARS)
    if (process.env[name] !== undefined) call.env[name] = process.env[name]
  let stdinText
  const ctx = {
    state,
    save() {
      writeFileSync(statePath, JSON.stringify(state, null, 2))
    },
    async stdin() {
      if (stdinText !== undefined) return stdinText
      const chunks = []
      for await (const chunk of process.stdin) chunks.push(chunk)
      stdinText = Buffer.concat(chunks).toString('utf8')
      call.stdin = stdinText
      return stdinText
    },
    fixture,
  }
  const name = subcommand(args)
  const behaviourPath = join(stateDir, `${tool}.behaviour.json`)
  const behaviours = existsSync(behaviourPath)
    ? JSON.parse(readFileSync(behaviourPath, 'utf8'))
    : {}
  const behaviour = behaviours[name] ?? behaviours['*']
  let result
  if (behaviour) {
    if (behaviour.hangMs) await new Promise((resolve) => setTimeout(resolve, behaviour.hangMs))
    result = behaviour.malformed
      ? {
          stdout: 'Error: unexpected end of JSON input\n{"ID": "01J',
          exitCode: behaviour.exitCode ?? 0,
        }
      : {
          stdout: behaviour.stdout ?? '',
          stderr: behaviour.stderr ?? '',
          exitCode: behaviour.exitCode ?? 0,
        }
  } else {
    result = (await handle(args, ctx)) ?? {}
  }
  call.endedAt = Date.now()
  appendFileSync(join(stateDir, 'calls.jsonl'), `${JSON.stringify(call)}\n`)
  if (result.stdout) process.stdout.write(result.stdout)
  if (result.stderr) process.stderr.write(result.stderr)
  process.exitCode = result.exitCode ?? 0
}

function defaultSubcommand(args) {
  return args
    .filter((arg) => !arg.startsWith('-'))
    .slice(0, 2)
    .join(' ')
}

/** The value after a flag: `--app x` or `--app=x` (only before a `--`, which ends the flags). */
export function flag(args, ...names) {
  for (let i = 0; i < args.length && args[i] !== '--'; i++) {
    for (const name of names) {
      if (args[i] === name) return args[i + 1]
      if (args[i]?.startsWith(`${name}=`)) return args[i].slice(name.length + 1)
    }
  }
  return undefined
}

/**
 * The words of a command line that are not flags or the values of `valueFlags`. Everything after
 * `--` is a word, as every argument parser the fakes stand in for (yargs, arg, pflag, clap) reads it.
 */
export function positionalWords(args, valueFlags) {
  const out = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--') {
      out.push(...args.slice(i + 1))
      break
    }
    if (valueFlags.includes(arg)) i++
    else if (!arg.startsWith('-')) out.push(arg)
  }
  return out
}

/**
 * The first value flag given as `--flag VALUE` whose VALUE starts with `-`, as `[flag, value]`.
 * yargs (wrangler), arg (vercel) and clap (railway) read such a value as more flags, not as the
 * value, so their fakes refuse it the way the real CLI does.
 */
export function dashedValue(args, valueFlags) {
  for (let i = 0; i < args.length - 1 && args[i] !== '--'; i++) {
    const next = args[i + 1]
    if (valueFlags.includes(args[i]) && next.startsWith('-') && next !== '-') {
      return [args[i], next]
    }
  }
  return undefined
}
