import * as core from '@actions/core'
import { runContext } from '../../../shared/github/context.js'
import { setOutputs } from '../../../shared/outputs.js'
import { maskSecret, maskUrlCredentials } from '../../../shared/secrets.js'
import { appendSummary } from '../../../shared/summary.js'
import { readSetupInputs } from './inputs.js'
import { installTool } from './installers/index.js'
import {
  DEFAULT_TIMEOUTS,
  type InstallContext,
  type InstalledTool,
  type Timeouts,
} from './installers/types.js'
import { setupOutputs, summaryMarkdown } from './report.js'
import { checkToken, TOKEN_CHECKS } from './token-check.js'

export interface SetupOptions {
  timeouts?: Partial<Timeouts>
}

export async function run(options: SetupOptions = {}): Promise<void> {
  const inputs = readSetupInputs()
  maskSecret(inputs.token)
  maskSecret(inputs.githubToken)
  maskUrlCredentials(inputs.downloadBaseUrl)
  const ctx: InstallContext = {
    downloadBaseUrl: inputs.downloadBaseUrl,
    githubApiUrl: runContext().apiUrl,
    githubToken: inputs.githubToken,
    timeouts: { ...DEFAULT_TIMEOUTS, ...options.timeouts },
    log: (line) => core.info(line),
  }

  const installed: InstalledTool[] = []
  for (const request of inputs.tools) {
    const tool = await core.group(`${request.tool}@${request.spec}`, () =>
      installTool(request, ctx, { cache: inputs.cache }),
    )
    installed.push(tool)
  }

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
