import { chmod, copyFile, readFile, rm, symlink } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as tc from '@actions/tool-cache'
import { downloadFile, HttpError } from '../../../../shared/http/client.js'
import { errorMessage } from '../../../../shared/errors.js'
import { requestJson } from '../../../../shared/providers/api.js'
import { maskUrlCredentials } from '../../../../shared/secrets.js'
import { isExactVersion } from '../tools.js'
import { assertContained, assertRegularFile } from './archive-check.js'
import { checksumFor, sha256File } from './checksums.js'
import type { InstallContext, Installer } from './types.js'

// Release asset names, as goreleaser publishes them: flyctl_<version>_<OS>_<arch>.<ext>.
const ASSET_OS: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'Linux',
  darwin: 'macOS',
  win32: 'Windows',
}
const ASSET_ARCH: Partial<Record<string, string>> = { x64: 'x86_64', arm64: 'arm64' }
const FLYCTL_RELEASES = 'https://github.com/superfly/flyctl/releases'

export function flyctlAsset(version: string, platform: NodeJS.Platform, arch: string): string {
  const os = ASSET_OS[platform]
  const cpu = ASSET_ARCH[arch]
  if (!os || !cpu) {
    throw new Error(
      `flyctl publishes no release for ${platform}/${arch}; it has Linux, macOS and Windows on x64 and arm64`,
    )
  }
  return `flyctl_${version}_${os}_${cpu}.${platform === 'win32' ? 'zip' : 'tar.gz'}`
}

interface GitHubRelease {
  tag_name?: unknown
}

/** flyctl from its GitHub release archives (or a mirror of them), checked against checksums.txt. */
export class FlyctlInstaller implements Installer {
  readonly tool = 'flyctl' as const
  readonly freshSource = 'download' as const

  constructor(
    private readonly ctx: InstallContext,
    private readonly platform: NodeJS.Platform = process.platform,
    private readonly arch: string = process.arch,
  ) {}

  async resolve(spec: string): Promise<string> {
    if (spec !== 'latest') return spec
    const path = '/repos/superfly/flyctl/releases/latest'
    const api = this.ctx.releasesApi
    const where = api.note ? ` ${api.note}` : ''
    let release: GitHubRelease | undefined
    try {
      release = await requestJson<GitHubRelease>({
        method: 'GET',
        url: `${api.url.replace(/\/+$/, '')}${path}`,
        token: api.token,
        headers: { accept: 'application/vnd.github+json' },
        timeoutMs: this.ctx.timeouts.api,
        service: 'GitHub API',
      })
    } catch (err) {
      throw new Error(
        `could not look up the latest flyctl release${where}: ${errorMessage(err)}; pin a version instead (example: flyctl@0.3.200)`,
      )
    }
    const tag = release?.tag_name
    const version = typeof tag === 'string' ? tag.replace(/^v/, '') : ''
    if (!isExactVersion(version)) {
      throw new Error(
        `GitHub API GET ${path} answered without a version tag (tag_name: ${JSON.stringify(tag ?? null)}); pin a version instead (example: flyctl@0.3.200)`,
      )
    }
    this.ctx.log(`latest flyctl release${where}: v${version}`)
    return version
  }

  locate(toolDir: string): { binDir: string; executable: string } {
    return { binDir: toolDir, executable: join(toolDir, this.executableName('flyctl')) }
  }

  async install(version: string): Promise<string> {
    const asset = flyctlAsset(version, this.platform, this.arch)
    const base = `${this.ctx.downloadBaseUrl}/v${version}`
    const checksums = await this.downloadText(`${base}/checksums.txt`, version, {
      timeoutMs: this.ctx.timeouts.checksums,
    })
    const expected = checksumFor(checksums, asset)
    if (!expected) {
      throw new Error(`checksums.txt of flyctl v${version} has no line for ${asset}`)
    }
    const archive = await this.download(`${base}/${asset}`, version, {
      timeoutMs: this.ctx.timeouts.download,
    })
    try {
      const actual = await sha256File(archive)
      if (actual !== expected) {
        throw new Error(
          `checksum mismatch for ${asset}: expected ${expected}, got ${actual}; nothing was installed`,
        )
      }
      this.ctx.log(`sha256 ${actual} matches checksums.txt`)
      const dir = asset.endsWith('.zip')
        ? await tc.extractZip(archive)
        : await tc.extractTar(archive)
      try {
        await assertContained(dir, asset)
        await this.addFlyAlias(dir, asset)
        return await tc.cacheDir(dir, 'flyctl', version)
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    } finally {
      await rm(archive, { force: true })
    }
  }

  private executableName(name: string): string {
    return this.platform === 'win32' ? `${name}.exe` : name
  }

  /** flyctl ships one binary; `fly` is the name most docs and scripts use. */
  private async addFlyAlias(dir: string, asset: string): Promise<void> {
    const flyctl = join(dir, this.executableName('flyctl'))
    const fly = join(dir, this.executableName('fly'))
    // Before chmod, which follows links: only the archive's own file is made executable.
    await assertRegularFile(flyctl, this.executableName('flyctl'), asset)
    if (this.platform === 'win32') {
      await copyFile(flyctl, fly).catch(() => undefined)
      return
    }
    await chmod(flyctl, 0o755)
    await symlink(this.executableName('flyctl'), fly).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err
    })
  }

  /**
   * Downloads to a file of its own under RUNNER_TEMP, within a time limit and failing after
   * `downloadStall` without a byte (the tool cache's downloadTool has neither: a mirror that
   * accepts the connection and never answers would hold the step until the job's timeout).
   * Redirects may leave the origin (github.com sends release assets to its CDN): the request
   * carries no credential.
   */
  private async download(
    url: string,
    version: string,
    limit: { timeoutMs: number },
  ): Promise<string> {
    const shown = maskUrlCredentials(url)
    this.ctx.log(`downloading ${shown}`)
    const path = join(process.env.RUNNER_TEMP || tmpdir(), `flightdeck-${randomUUID()}`)
    try {
      await downloadFile(
        {
          url,
          timeoutMs: limit.timeoutMs,
          stallMs: this.ctx.timeouts.downloadStall,
          anyOriginRedirects: true,
          service: 'flyctl download',
        },
        path,
      )
      return path
    } catch (err) {
      await rm(path, { force: true })
      const notFound = err instanceof HttpError && err.status === 404
      const hint = notFound ? ` (is ${version} a flyctl release? see ${FLYCTL_RELEASES})` : ''
      throw new Error(`could not download ${shown}: ${errorMessage(err)}${hint}`)
    }
  }

  private async downloadText(
    url: string,
    version: string,
    limit: { timeoutMs: number },
  ): Promise<string> {
    const file = await this.download(url, version, limit)
    try {
      return await readFile(file, 'utf8')
    } finally {
      await rm(file, { force: true })
    }
  }
}
