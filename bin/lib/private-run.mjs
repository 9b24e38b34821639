// What keeps a flightdeck CLI run private to the user who started it, on a machine other users
// share: credentials from the environment instead of the command line, and a temp folder of
// its own instead of the shared system one.
//
// Every local user can read a process's command line (`ps`, /proc/<pid>/cmdline); only its
// owner can read its environment (/proc/<pid>/environ is mode 0400). So any input can also be
// given as FLIGHTDECK_INPUT_<NAME>, and a flag that looks like a credential gets a note saying
// so. Files an action leaves for later (gated-deploy's record) go into a folder made for this
// run with mkdtemp (mode 0700, a fresh random name): nobody else can plant a link there.
import { chmodSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The prefix of an input given through the environment: FLIGHTDECK_INPUT_GITHUB_TOKEN. */
export const ENV_INPUT_PREFIX = 'FLIGHTDECK_INPUT_'

/**
 * The variable an input is read from: the prefix, then the name upper-cased with `-` and
 * spaces turned into `_` (a shell cannot `export` a name with `-`).
 * @param {string} name
 */
export function inputEnvName(name) {
  return `${ENV_INPUT_PREFIX}${name.toUpperCase().replace(/[- ]/g, '_')}`
}

/**
 * The inputs of `action` set in the environment, by input name (an empty variable counts as
 * not set). Flags given on the command line win over these.
 * @param {{ inputs: Record<string, unknown> }} action
 * @param {Record<string, string | undefined>} env
 * @returns {Record<string, string>}
 */
export function inputsFromEnvironment(action, env = process.env) {
  /** @type {Record<string, string>} */
  const inputs = {}
  for (const name of Object.keys(action.inputs)) {
    const value = env[inputEnvName(name)]
    if (value !== undefined && value !== '') inputs[name] = value
  }
  return inputs
}

/** Lines of `flightdeck --help`: under "inputs:", and at the end. */
export const PRIVATE_RUN_HELP = {
  inputs: [
    '  Any input can come from the environment instead: FLIGHTDECK_INPUT_ and its name in',
    '  capitals with - as _ (FLIGHTDECK_INPUT_SLACK_BOT_TOKEN for --slack-bot-token); a flag',
    '  wins. Give credentials that way, or through the variables the providers read',
    '  (FLY_API_TOKEN, CLOUDFLARE_API_TOKEN, VERCEL_TOKEN, RAILWAY_TOKEN, RENDER_API_KEY;',
    '  GITHUB_TOKEN or GH_TOKEN): every user of this machine can read a command line, only',
    '  you your environment.',
  ],
  temp: [
    'RUNNER_TEMP, unless set, is a new private folder (mode 0700) under the system temp dir,',
    "kept after the run for the files an action reports (gated-deploy's record).",
  ],
}

/**
 * FLIGHTDECK_INPUT_* variables that name no input of the action: a typo would otherwise go
 * unnoticed and the action run without the credential.
 * @param {{ name: string, inputs: Record<string, unknown> }} action
 * @param {Record<string, string | undefined>} env
 * @returns {string[]}
 */
export function unknownEnvInputs(action, env = process.env) {
  const known = new Set(Object.keys(action.inputs).map(inputEnvName))
  return Object.keys(env)
    .filter((key) => key.startsWith(ENV_INPUT_PREFIX) && !known.has(key))
    .sort()
}

// Inputs that carry a credential: tokens, keys, passwords, secrets, webhook URLs (the URL is
// the secret) and request headers (Authorization).
const CREDENTIAL_INPUT = /(?:^|-)(?:token|key|password|secret|webhook-url|headers)$/

/**
 * Whether an input carries a credential: the CLI masks its value in everything it shows, on
 * top of what the action itself masks.
 * @param {string} name
 */
export function isCredentialInput(name) {
  return CREDENTIAL_INPUT.test(name)
}

/**
 * A note for each credential-like input given as a flag: it is readable by every local user.
 * @param {string[]} names inputs given on the command line
 * @returns {string[]}
 */
export function credentialFlagNotes(names) {
  return names
    .filter(isCredentialInput)
    .map(
      (name) =>
        `--${name} on the command line can be read by every user of this machine (ps, /proc/<pid>/cmdline); set ${inputEnvName(name)} instead`,
    )
}

/**
 * The inputs of a run: the flags over the FLIGHTDECK_INPUT_* variables. `notes` warn about
 * credential flags and name variables that are no input of this action (a typo, or one meant
 * for another action: ignored, not an error, so a shell can keep several exported).
 * @param {{ name: string, inputs: Record<string, unknown> }} action
 * @param {Record<string, string>} flags
 * @param {Record<string, string | undefined>} env
 * @returns {{ inputs: Record<string, string>, notes: string[] }}
 */
export function withEnvironmentInputs(action, flags, env = process.env) {
  const strays = unknownEnvInputs(action, env)
  const notes = credentialFlagNotes(Object.keys(flags))
  if (strays.length > 0) {
    notes.push(
      `${strays.join(', ')} ${strays.length === 1 ? 'is no input' : 'are no inputs'} of ${action.name}, ignored (see flightdeck ${action.name} --help)`,
    )
  }
  return { inputs: { ...inputsFromEnvironment(action, env), ...flags }, notes }
}

/**
 * The environment of the action without the FLIGHTDECK_INPUT_* variables: their values reach
 * it as INPUT_* once, not twice.
 * @param {Record<string, string | undefined>} env
 */
export function withoutEnvInputs(env) {
  for (const key of Object.keys(env)) if (key.startsWith(ENV_INPUT_PREFIX)) delete env[key]
  return env
}

/**
 * A temp folder only this user can enter, for RUNNER_TEMP outside a runner. It is kept after
 * the run: a path an action reports (gated-deploy's `record`) must still be there to read.
 */
export function privateTempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'flightdeck-run-'))
  // mkdtemp already makes it 0700; said again so a umask or platform quirk cannot widen it.
  chmodSync(dir, 0o700)
  return dir
}
