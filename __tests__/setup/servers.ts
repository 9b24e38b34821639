// Local stand-ins for what setup downloads from, on 127.0.0.1: the GitHub releases API and
// release downloads of flyctl, and an npm registry. Both build real archives of the fake tool
// in fixtures/setup, and record every request so tests can count downloads.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const fakeTool = new URL('../fixtures/setup/fake-tool.mjs', import.meta.url).href
const releaseFixture = new URL('../fixtures/providers/fly/github-release.json', import.meta.url)

/** A script that runs the fake tool; CommonJS with a dynamic import, so it runs from any folder. */
export function toolScript(tool: string, version: string): string {
  return `#!/usr/bin/env node\nimport(${JSON.stringify(fakeTool)}).then((m) => m.runFakeTool(${JSON.stringify(tool)}, ${JSON.stringify(version)}))\n`
}

function tarGz(dir: string, entries: string[]): Buffer {
  const out = join(mkdtempSync(join(tmpdir(), 'flightdeck-setup-archive-')), 'archive.tar.gz')
  execFileSync('tar', ['-czf', out, '-C', dir, ...entries])
  return readFileSync(out)
}

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex')

export interface RecordedRequest {
  method: string
  path: string
  authorization?: string
  /** Epoch ms when the request arrived. */
  at: number
}

type Answer =
  { status: number; body: Buffer | string; type?: string; location?: string } | undefined

abstract class LocalServer {
  readonly requests: RecordedRequest[] = []
  /** Requests the server never answers (to test time limits). */
  hang?: (path: string) => boolean
  /** Requests answered with the headers and the first bytes of the body, then nothing more. */
  stall?: (path: string) => boolean
  /** Milliseconds to wait before answering a path (to test that work overlaps). */
  delay?: (path: string) => number
  private server?: Server
  url = ''

  protected abstract answer(path: string): Answer

  async start(): Promise<this> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const path = req.url ?? '/'
      this.requests.push({
        method: req.method ?? 'GET',
        path,
        authorization: req.headers.authorization,
        at: Date.now(),
      })
      if (this.hang?.(path)) return
      const answer = this.answer(path) ?? { status: 404, body: '{"message":"Not Found"}' }
      setTimeout(
        () => {
          res.writeHead(answer.status, {
            'content-type': answer.type ?? 'application/json',
            ...(answer.location ? { location: answer.location } : {}),
          })
          if (this.stall?.(path)) res.write(Buffer.from(answer.body).subarray(0, 16))
          else res.end(answer.body)
        },
        this.delay?.(path) ?? 0,
      )
    })
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    )
  }
}

export interface FlyctlRelease {
  archive: Buffer
  checksums: string
}

/** The GitHub API (`/repos/superfly/flyctl/releases/latest`) and `/download/v<version>/<asset>`. */
export class FlyctlReleaseServer extends LocalServer {
  latest = '0.3.200'
  /** Replaces the answer of the releases API, e.g. an error or a malformed body. */
  latestAnswer?: { status: number; body: string }
  /** Answers downloads with a redirect to this base (another origin: a CDN) instead. */
  redirectDownloadsTo?: string
  readonly releases = new Map<string, FlyctlRelease>()

  get downloadBase(): string {
    return `${this.url}/download`
  }

  /** Assets fetched from the download base (checksums.txt included). */
  downloads(): RecordedRequest[] {
    return this.requests.filter((request) => request.path.startsWith('/download/'))
  }

  /**
   * Publishes a Linux x86_64 archive with a flyctl that reports `version`; `links` adds
   * symbolic links (name: target) to it, `flyctl` among them replacing the program.
   */
  addRelease(
    version: string,
    options: { checksum?: string; links?: Record<string, string> } = {},
  ): FlyctlRelease {
    const dir = mkdtempSync(join(tmpdir(), 'flightdeck-setup-flyctl-'))
    const links = options.links ?? {}
    if (!('flyctl' in links)) {
      writeFileSync(join(dir, 'flyctl'), toolScript('flyctl', version))
      chmodSync(join(dir, 'flyctl'), 0o755)
    }
    for (const [name, target] of Object.entries(links)) symlinkSync(target, join(dir, name))
    const archive = tarGz(dir, ['flyctl', ...Object.keys(links).filter((n) => n !== 'flyctl')])
    const asset = `flyctl_${version}_${process.platform === 'darwin' ? 'macOS' : 'Linux'}_${process.arch === 'arm64' ? 'arm64' : 'x86_64'}.tar.gz`
    const checksums = [
      `${'0'.repeat(64)}  flyctl_${version}_Windows_x86_64.zip`,
      `${options.checksum ?? sha256(archive)}  ${asset}`,
      `${'f'.repeat(64)}  flyctl_${version}_macOS_arm64.tar.gz`,
    ].join('\n')
    const release = { archive, checksums: `${checksums}\n` }
    this.releases.set(version, release)
    return release
  }

  protected answer(path: string): Answer {
    if (path === '/repos/superfly/flyctl/releases/latest') {
      if (this.latestAnswer) return this.latestAnswer
      const release = JSON.parse(readFileSync(releaseFixture, 'utf8')) as Record<string, unknown>
      return {
        status: 200,
        body: JSON.stringify({ ...release, tag_name: `v${this.latest}`, name: `v${this.latest}` }),
      }
    }
    if (this.redirectDownloadsTo && path.startsWith('/download/')) {
      const location = `${this.redirectDownloadsTo}${path.slice('/download'.length)}`
      return { status: 302, body: '', type: 'text/html', location }
    }
    const download = /^\/download\/v([^/]+)\/([^/]+)$/.exec(path)
    const release = download && this.releases.get(download[1] ?? '')
    if (!download || !release) return undefined
    if (download[2] === 'checksums.txt')
      return { status: 200, body: release.checksums, type: 'text/plain' }
    if (download[2]?.startsWith(`flyctl_${download[1]}_`)) {
      return { status: 200, body: release.archive, type: 'application/gzip' }
    }
    return undefined
  }
}

interface PublishedVersion {
  manifest: Record<string, unknown>
  tarball: Buffer
}

/** An npm registry serving packuments and tarballs of packages whose bin is the fake tool. */
export class FakeNpmRegistry extends LocalServer {
  private readonly packages = new Map<string, Map<string, PublishedVersion>>()
  private readonly home = mkdtempSync(join(tmpdir(), 'flightdeck-setup-npm-'))

  /** npm settings that send every registry request here and keep npm's cache apart. */
  env(): Record<string, string> {
    const userconfig = join(this.home, 'npmrc')
    writeFileSync(userconfig, '')
    return {
      npm_config_registry: `${this.url}/`,
      npm_config_cache: join(this.home, 'cache'),
      npm_config_userconfig: userconfig,
      npm_config_update_notifier: 'false',
      npm_config_fetch_retries: '0',
      npm_config_fetch_timeout: '5000',
    }
  }

  /** Tarball downloads (not packument lookups). */
  tarballs(): RecordedRequest[] {
    return this.requests.filter((request) => request.path.includes('/-/'))
  }

  publish(name: string, version: string, tool: string, bin = tool): void {
    const dir = mkdtempSync(join(tmpdir(), 'flightdeck-setup-pkg-'))
    mkdirSync(join(dir, 'package', 'bin'), { recursive: true })
    const manifest = { name, version, bin: { [bin]: 'bin/cli.js' } }
    writeFileSync(join(dir, 'package', 'package.json'), JSON.stringify(manifest, null, 2))
    writeFileSync(join(dir, 'package', 'bin', 'cli.js'), toolScript(tool, version))
    chmodSync(join(dir, 'package', 'bin', 'cli.js'), 0o755)
    const tarball = tarGz(dir, ['package'])
    const versions = this.packages.get(name) ?? new Map<string, PublishedVersion>()
    versions.set(version, { manifest, tarball })
    this.packages.set(name, versions)
  }

  protected answer(path: string): Answer {
    const at = path.indexOf('/-/')
    if (at !== -1) {
      const name = decodeURIComponent(path.slice(1, at))
      const file = path.slice(at + 3)
      for (const [version, published] of this.packages.get(name) ?? []) {
        if (file === `${name.split('/').pop()}-${version}.tgz`) {
          return { status: 200, body: published.tarball, type: 'application/octet-stream' }
        }
      }
      return undefined
    }
    const name = decodeURIComponent(path.slice(1).split('?')[0] ?? '')
    const versions = this.packages.get(name)
    if (!versions) return undefined
    const packument = {
      name,
      'dist-tags': { latest: [...versions.keys()].at(-1) },
      versions: Object.fromEntries(
        [...versions].map(([version, { manifest, tarball }]) => [
          version,
          {
            ...manifest,
            dist: {
              tarball: `${this.url}/${name}/-/${name.split('/').pop()}-${version}.tgz`,
              shasum: createHash('sha1').update(tarball).digest('hex'),
              integrity: `sha512-${createHash('sha512').update(tarball).digest('base64')}`,
            },
          },
        ]),
      ),
    }
    return { status: 200, body: JSON.stringify(packument) }
  }
}
