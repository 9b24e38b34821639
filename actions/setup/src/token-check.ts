import { ActionFailure, errorMessage } from '../../../shared/errors.js'
import { CliError, failureReason, runCli } from '../../../shared/process.js'
import type { TokenCheckSpec } from '../../../shared/providers/spec.js'
import { CLI_SPECS, TOOL_NAMES, type ToolName } from './tools.js'

/**
 * How each CLI proves a token works: its provider's spec says (shared/providers/specs/), e.g.
 * Railway's project tokens cannot read the user, so `railway status` reads their project.
 */
export const TOKEN_CHECKS = Object.fromEntries(
  TOOL_NAMES.map((tool) => [tool, CLI_SPECS[tool].tokenCheck]),
) as Record<ToolName, TokenCheckSpec>

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
    const args = [...check.args]
    const result = await runCli(executable, args, { env, timeoutMs, echo: false })
    return { identity: check.identity(result.stdout, args), command }
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
