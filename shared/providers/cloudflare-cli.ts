// Running wrangler for one Worker: the credential and API base by environment (never argv),
// its ND-JSON output file in a private temporary folder, and failures in plain words.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { maskSecret } from '../secrets.js'
import { commandLine, parseCliJson, runCli, type CliResult } from '../process.js'
import type { ProviderConfig } from './types.js'
import {
  ACCOUNT_ENV,
  API_BASE_ENV,
  OUTPUT_FILE_ENV,
  TOKEN_ENV,
  TOOL,
  WranglerError,
  checkedWorkerName,
  readCommandFailed,
  wranglerFailureReason,
} from './cloudflare-output.js'

export interface WranglerRunOptions {
  input?: string
  echo?: boolean
  cwd?: string
}

export type WranglerCli = ReturnType<typeof createWranglerCli>

export function createWranglerCli(config: ProviderConfig) {
  const token = config.token ?? process.env[TOKEN_ENV]
  const accountId = config.settings['account-id'] ?? process.env[ACCOUNT_ENV]
  maskSecret(token)
  const env: Record<string, string | undefined> = {}
  if (token) env[TOKEN_ENV] = token
  if (accountId) env[ACCOUNT_ENV] = accountId
  if (config.apiUrl) env[API_BASE_ENV] = config.apiUrl

  /**
   * `--name=APP`, or nothing when the Worker's name comes from its wrangler config. Every value
   * goes in the `--flag=value` form: yargs reads `--name -x` or `-m -5xx spike` as more flags.
   */
  function nameArgs(): string[] {
    return config.app ? [`--name=${checkedWorkerName(config.app)}`] : []
  }

  /**
   * Runs wrangler with its output file in a temporary folder, and returns what it wrote there.
   * A failure says wrangler's own headline and the API's reason, in plain text.
   */
  async function wrangler(
    args: string[],
    options: WranglerRunOptions = {},
  ): Promise<{ result: CliResult; output: string }> {
    const dir = mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'flightdeck-wrangler-'))
    const outputFile = join(dir, 'output.ndjson')
    try {
      const result = await runCli(TOOL, args, {
        env: { ...env, [OUTPUT_FILE_ENV]: outputFile },
        cwd: options.cwd ?? config.cwd,
        timeoutMs: config.timeoutMs,
        input: options.input,
        echo: options.echo,
        allowFailure: true,
      })
      let output = ''
      try {
        output = readFileSync(outputFile, 'utf8')
      } catch {
        // An older wrangler, or one that stopped before writing anything.
      }
      if (result.exitCode !== 0) {
        const failed = readCommandFailed(output)
        throw new WranglerError(
          `\`${commandLine(TOOL, args)}\` failed with exit code ${result.exitCode}: ${wranglerFailureReason(result, failed)}`,
          result,
          failed?.code,
        )
      }
      return { result, output }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }

  async function wranglerJson(args: string[]): Promise<unknown> {
    const { result } = await wrangler(args, { echo: false })
    return parseCliJson(TOOL, args, result.stdout, result.truncated)
  }

  return { nameArgs, wrangler, wranglerJson }
}
