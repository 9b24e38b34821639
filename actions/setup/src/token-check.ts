import { ActionFailure, errorMessage } from '../../../shared/errors.js'
import { CliError, failureReason, parseCliJson, runCli } from '../../../shared/process.js'
import type { ToolName } from './tools.js'

interface TokenCheck {
  /** The variable the CLI reads the token from (and later steps get). */
  env: string
  /** Variables that would win over `env` in the CLI, unset for the check. */
  unset: string[]
  args: string[]
  /** Who the token belongs to, from the CLI's output; throws when the output says "nobody". */
  identity: (stdout: string, args: string[]) => string
}

function jsonField(tool: string, field: string) {
  return (stdout: string, args: string[]): string => {
    const parsed = parseCliJson<Record<string, unknown> | null>(tool, args, stdout)
    const value = parsed?.[field]
    if (typeof value !== 'string' || value === '') {
      throw new Error(`\`${tool} ${args.join(' ')}\` printed no ${field}`)
    }
    return value
  }
}

const lastLine = (stdout: string): string =>
  stdout
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .at(-1) ?? 'unknown user'

/**
 * How each CLI proves a token works. Railway's project tokens (RAILWAY_TOKEN, what the railway
 * provider uses) cannot read the user, so `railway whoami` rejects them; `railway status` reads
 * the token's project instead.
 */
export const TOKEN_CHECKS: Record<ToolName, TokenCheck> = {
  flyctl: {
    env: 'FLY_API_TOKEN',
    unset: ['FLY_ACCESS_TOKEN'],
    args: ['auth', 'whoami', '--json'],
    identity: jsonField('flyctl', 'email'),
  },
  wrangler: {
    env: 'CLOUDFLARE_API_TOKEN',
    unset: ['CLOUDFLARE_API_KEY', 'CLOUDFLARE_EMAIL'],
    // Plain `wrangler whoami` exits 0 when not logged in; with --json it fails.
    args: ['whoami', '--json'],
    identity: (stdout, args) => {
      const parsed = parseCliJson<Record<string, unknown> | null>('wrangler', args, stdout)
      if (parsed?.loggedIn !== true) throw new Error('wrangler says the token is not logged in')
      const accounts = Array.isArray(parsed.accounts) ? parsed.accounts : []
      const account = (accounts[0] as { name?: unknown } | undefined)?.name
      return String(parsed.email ?? account ?? parsed.authType ?? 'an API token')
    },
  },
  vercel: {
    env: 'VERCEL_TOKEN',
    unset: [],
    args: ['whoami'],
    identity: lastLine,
  },
  railway: {
    env: 'RAILWAY_TOKEN',
    unset: ['RAILWAY_API_TOKEN'],
    args: ['status', '--json'],
    identity: (stdout, args) => `project ${jsonField('railway', 'name')(stdout, args)}`,
  },
}

/**
 * Runs the CLI's identity command with the token in its environment (never in argv) and says
 * whom the token belongs to; a rejected token fails the step with the CLI's own message.
 */
export async function checkToken(
  tool: ToolName,
  executable: string,
  token: string,
  timeoutMs: number,
): Promise<{ identity: string; command: string }> {
  const check = TOKEN_CHECKS[tool]
  const env: Record<string, string | undefined> = { [check.env]: token }
  for (const name of check.unset) env[name] = undefined
  const command = `${tool} ${check.args.join(' ')}`
  try {
    const result = await runCli(executable, check.args, { env, timeoutMs, echo: false })
    return { identity: check.identity(result.stdout, check.args), command }
  } catch (err) {
    const why =
      err instanceof CliError && err.result && !err.timedOut
        ? `exited ${err.result.exitCode}: ${failureReason(err.result)}`
        : `failed: ${errorMessage(err).replaceAll(executable, tool)}`
    throw new ActionFailure(
      `the token did not pass its check: \`${command}\` with the token in ${check.env} ${why}`,
      'setup: token check failed',
    )
  }
}
