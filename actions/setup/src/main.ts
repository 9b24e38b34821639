import * as core from '../../../shared/runner-protocol.js'
import { runContext } from '../../../shared/github/context.js'
import { setOutputs } from '../../../shared/outputs.js'
import { maskSecret, maskUrlCredentials } from '../../../shared/secrets.js'
import { appendSummary } from '../../../shared/summary.js'
import { readSetupInputs } from './inputs.js'
import {
  DEFAULT_TIMEOUTS,
  type InstallContext,
  type InstalledTool,
  type Timeouts,
} from './installers/types.js'
import { flyctlReleasesApi } from './installers/releases-api.js'
import { setupOutputs, summaryMarkdown } from './report.js'
import { checkToken, TOKEN_CHECKS } from './token-check.js'
import { runMain } from '../../../shared/action-main.js'

export interface SetupOptions {
  timeouts?: Partial<Timeouts>
  /** github.com's API, asked for flyctl's latest release off github.com (tests: a local one). */
  publicApiUrl?: string
}

async function main(options: SetupOptions = {}): Promise<void> {
  const inputs = readSetupInputs()
  maskSecret(inputs.token)
  maskSecret(inputs.githubToken)
  maskUrlCredentials(inputs.downloadBaseUrl)
  const ctx: InstallContext = {
    downloadBaseUrl: inputs.downloadBaseUrl,
    releasesApi: flyctlReleasesApi(runContext(), inputs.githubToken, options.publicApiUrl),
    timeouts: { ...DEFAULT_TIMEOUTS, ...options.timeouts },
    log: (line) => core.info(line),
  }

  // The installers load @actions/tool-cache (and with it undici); a run that fails on its
  // inputs never pays for that.
  const { installTool } = await import('./installers/index.js')
  // Tools install in parallel; each one's log is kept and shown as its own group afterwards,
  // so parallel downloads never interleave in the log.
  const results = await Promise.all(
    inputs.tools.map(async (request) => {
      const lines: string[] = []
      const log = (line: string) => lines.push(line)
      try {
        const tool = await installTool(request, { ...ctx, log }, { cache: inputs.cache })
        return { request, lines, tool }
      } catch (error) {
        return { request, lines, error }
      }
    }),
  )
  const installed: InstalledTool[] = []
  for (const result of results) {
    core.startGroup(`${result.request.tool}@${result.request.spec}`)
    for (const line of result.lines) core.info(line)
    core.endGroup()
    if (result.tool) installed.push(result.tool)
  }
  const failure = results.find((result) => result.tool === undefined)
  if (failure) throw failure.error

  let tokenLine: string | undefined
  const checker = installed.find((tool) => tool.tool === inputs.tokenTool)
  if (inputs.token && checker) {
    const token = inputs.token
    const { identity, command } = await core.group(`token check with ${checker.tool}`, () =>
      checkToken(checker.tool, checker.executable, token, ctx.timeouts.tokenCheck),
    )
    const variable = TOKEN_CHECKS[checker.tool].env
    core.info(`\`${command}\` accepted the token: ${identity}`)
    tokenLine = `Token checked with \`${command}\` and exported as \`${variable}\`.`
    core.exportVariable(variable, token)
  }

  // Only once every tool is installed (and the token passed): a failed step leaves PATH as it was.
  for (const tool of installed) core.addPath(tool.binDir)
  core.info(installed.map((tool) => `${tool.tool} ${tool.version} (${tool.source})`).join(', '))
  setOutputs({ ...setupOutputs(installed, inputs.cache) })
  await appendSummary(summaryMarkdown(installed, tokenLine))
}

/** The whole action, failure handling included: what the runner, local-action and tests run. */
export function run(options: SetupOptions = {}): Promise<void> {
  return runMain(() => main(options))
}
