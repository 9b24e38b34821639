import { access, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import * as tc from '@actions/tool-cache'
import { type CliResult, parseCliJson, runCli, tail } from '../../../../shared/process.js'
import { compareVersions, isExactVersion, NPM_PACKAGES, type NpmPackage } from '../tools.js'
import type { InstallContext, Installer } from './types.js'

type NpmTool = keyof typeof NPM_PACKAGES

/**
 * The version `npm view <pkg>@<spec> version --json` chose: one string, or an array when a
 * range matches several (then the highest), or nothing when none matches.
 */
export function parseNpmViewVersion(pkg: string, spec: string, stdout: string): string {
  const args = ['view', `${pkg}@${spec}`, 'version', '--json']
  if (stdout.trim() === '') {
    throw new Error(`npm has no version of ${pkg} matching ${spec} (\`npm ${args.join(' ')}\`)`)
  }
  const parsed = parseCliJson<unknown>('npm', args, stdout)
  const candidates = (Array.isArray(parsed) ? parsed : [parsed]).filter(
    (value): value is string => typeof value === 'string' && isExactVersion(value),
  )
  const highest = candidates.sort(compareVersions).at(-1)
  if (!highest) {
    throw new Error(
      `\`npm ${args.join(' ')}\` printed no version: ${JSON.stringify(stdout.trim().slice(0, 80))}`,
    )
  }
  return highest
}

/**
 * Why `npm view` failed. With --json npm prints its error as `{"error": {code, summary}}` on
 * stdout; stderr has the same plus log-file noise.
 */
export function npmViewFailure(pkg: string, spec: string, result: CliResult): Error {
  const command = `npm view ${pkg}@${spec} version --json`
  let error: { code?: unknown; summary?: unknown } | undefined
  try {
    error = (JSON.parse(result.stdout) as { error?: typeof error }).error
  } catch {
    error = undefined
  }
  const summary = typeof error?.summary === 'string' ? error.summary.split('\n')[0] : undefined
  if (error?.code === 'ETARGET' || (error?.code === 'E404' && /no match/i.test(summary ?? ''))) {
    return new Error(`npm has no version of ${pkg} matching ${spec} (\`${command}\`)`)
  }
  const why = summary
    ? `${String(error?.code ?? 'error')}: ${summary}`
    : tail(result.stderr) || tail(result.stdout) || 'no output'
  return new Error(`\`${command}\` failed with exit code ${result.exitCode}: ${why}`)
}

function tempRoot(): string {
  const temp = process.env.RUNNER_TEMP
  if (!temp) throw new Error('RUNNER_TEMP is not set; setup runs on a GitHub Actions runner')
  return temp
}

/** A CLI from the npm registry, installed with the runner's npm into its own prefix. */
export class NpmCliInstaller implements Installer {
  readonly freshSource = 'npm' as const
  private readonly pkg: NpmPackage

  constructor(
    readonly tool: NpmTool,
    private readonly ctx: InstallContext,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.pkg = NPM_PACKAGES[tool]
  }

  async resolve(spec: string): Promise<string> {
    if (isExactVersion(spec)) return spec
    const args = ['view', `${this.pkg.name}@${spec}`, 'version', '--json']
    const result = await runCli('npm', args, {
      timeoutMs: this.ctx.timeouts.npmView,
      echo: false,
      allowFailure: true,
    })
    if (result.exitCode !== 0) throw npmViewFailure(this.pkg.name, spec, result)
    const version = parseNpmViewVersion(this.pkg.name, spec, result.stdout)
    this.ctx.log(`${this.pkg.name}@${spec} is ${version}`)
    return version
  }

  locate(toolDir: string): { binDir: string; executable: string } {
    const binDir = join(toolDir, 'node_modules', '.bin')
    const name = this.platform === 'win32' ? `${this.pkg.bin}.cmd` : this.pkg.bin
    return { binDir, executable: join(binDir, name) }
  }

  async install(version: string): Promise<string> {
    const root = join(tempRoot(), 'flightdeck-setup')
    await mkdir(root, { recursive: true })
    const prefix = await mkdtemp(join(root, `${this.tool}-`))
    try {
      const args = ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund']
      // Quiet: installs run in parallel; a failure's message carries npm's last lines.
      const result = await runCli('npm', [...args, `${this.pkg.name}@${version}`], {
        cwd: prefix,
        timeoutMs: this.ctx.timeouts.npmInstall,
        echo: false,
      })
      const summary = tail(result.stdout, 1)
      if (summary) this.ctx.log(summary)
      const { executable } = this.locate(prefix)
      try {
        await access(executable)
      } catch {
        throw new Error(
          `npm installed ${this.pkg.name}@${version} but it has no ${this.pkg.bin} executable in node_modules/.bin`,
        )
      }
      return await tc.cacheDir(prefix, this.tool, version)
    } finally {
      await rm(prefix, { recursive: true, force: true })
    }
  }
}
