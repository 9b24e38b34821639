import * as tc from '@actions/tool-cache'
import { CLI_SPECS, NPM_PACKAGES, type ToolName, type ToolRequest } from '../tools.js'
import { FlyctlInstaller } from './flyctl.js'
import { NpmCliInstaller } from './npm-cli.js'
import type { InstallContext, InstalledTool, Installer } from './types.js'

/** The installer the tool's spec names: flyctl's GitHub releases, or its npm package. */
export function installerFor(tool: ToolName, ctx: InstallContext): Installer {
  if (CLI_SPECS[tool].install.from === 'npm' && tool in NPM_PACKAGES) {
    return new NpmCliInstaller(tool as keyof typeof NPM_PACKAGES, ctx)
  }
  return new FlyctlInstaller(ctx)
}

/**
 * Resolves a requested version and takes it from the tool cache when it is there (no download),
 * else installs it and caches it. An exact version is looked up before any network call.
 */
export async function installTool(
  request: ToolRequest,
  ctx: InstallContext,
  options: { cache: boolean },
  installer: Installer = installerFor(request.tool, ctx),
): Promise<InstalledTool> {
  const version = await installer.resolve(request.spec)
  if (options.cache) {
    const cached = tc.find(request.tool, version)
    if (cached) {
      ctx.log(`${request.tool} ${version} found in the tool cache: ${cached}`)
      return { tool: request.tool, version, source: 'cache', ...installer.locate(cached) }
    }
    ctx.log(`${request.tool} ${version} is not in the tool cache`)
  }
  const toolDir = await installer.install(version)
  ctx.log(`${request.tool} ${version} cached at ${toolDir}`)
  return {
    tool: request.tool,
    version,
    source: installer.freshSource,
    ...installer.locate(toolDir),
  }
}
