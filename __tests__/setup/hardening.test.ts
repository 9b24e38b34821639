// setup against a hostile or broken mirror, in process with short time limits: a download
// that stalls is given up on by name, an archive whose entries lead out of it is refused
// before anything in it is made executable, and on GitHub Enterprise Server the latest flyctl
// is looked up on github.com without the job token, never on the company's server.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FlyctlReleaseServer } from './servers.js'

// @actions/tool-cache reads these when called; set them before anything imports it.
const work = mkdtempSync(join(tmpdir(), 'flightdeck-setup-hardening-'))
process.env.RUNNER_TOOL_CACHE = join(work, 'tool-cache')
process.env.RUNNER_TEMP = join(work, 'temp')
mkdirSync(process.env.RUNNER_TEMP)

const tc = await import('@actions/tool-cache')
const { FlyctlInstaller } = await import('../../actions/setup/src/installers/flyctl.js')
const { DEFAULT_TIMEOUTS } = await import('../../actions/setup/src/installers/types.js')
const { flyctlReleasesApi } = await import('../../actions/setup/src/installers/releases-api.js')
const { run } = await import('../../actions/setup/src/main.js')

let mirror: FlyctlReleaseServer
beforeEach(async () => {
  mirror = await new FlyctlReleaseServer().start()
})
afterEach(async () => {
  await mirror.stop()
})

const asset = 'flyctl_0.3.200_Linux_x86_64.tar.gz'
function installer(timeouts: Partial<typeof DEFAULT_TIMEOUTS> = {}) {
  return new FlyctlInstaller(
    {
      downloadBaseUrl: mirror.downloadBase,
      releasesApi: { url: mirror.url },
      timeouts: { ...DEFAULT_TIMEOUTS, ...timeouts },
      log: () => undefined,
    },
    'linux',
    'x64',
  )
}

describe('stalled downloads', () => {
  // Limits far above the jest timeout: only the stall limit can end these.
  const long = { download: 120_000, checksums: 120_000 }

  it('gives up on an archive download that is accepted and never answered, naming it', async () => {
    mirror.addRelease('0.3.200')
    mirror.hang = (path) => path.endsWith('.tar.gz')
    await expect(installer({ ...long, downloadStall: 300 }).install('0.3.200')).rejects.toThrow(
      `could not download ${mirror.downloadBase}/v0.3.200/${asset}: flyctl download GET /download/v0.3.200/${asset} sent nothing for 300ms (stalled)`,
    )
  })

  it('gives up on a download that stops sending halfway', async () => {
    mirror.addRelease('0.3.200')
    mirror.stall = (path) => path.endsWith('.tar.gz')
    await expect(installer({ ...long, downloadStall: 300 }).install('0.3.200')).rejects.toThrow(
      `flyctl download GET /download/v0.3.200/${asset} sent nothing for 300ms (stalled)`,
    )
    expect(tc.find('flyctl', '0.3.200')).toBe('')
  })

  it('gives checksums.txt a time limit of its own, shorter than an archive', async () => {
    mirror.addRelease('0.3.200')
    mirror.stall = (path) => path.endsWith('checksums.txt')
    const slowTrickle = { download: 120_000, downloadStall: 120_000, checksums: 300 }
    await expect(installer(slowTrickle).install('0.3.200')).rejects.toThrow(
      `could not download ${mirror.downloadBase}/v0.3.200/checksums.txt: flyctl download GET /download/v0.3.200/checksums.txt did not answer within 300ms`,
    )
  })

  it('follows a release download to another origin (github.com sends assets to its CDN)', async () => {
    const cdn = await new FlyctlReleaseServer().start()
    try {
      cdn.addRelease('0.3.201')
      mirror.redirectDownloadsTo = `${cdn.url}/download`
      const dir = await installer().install('0.3.201')
      expect(readFileSync(join(dir, 'flyctl'), 'utf8')).toContain('"0.3.201"')
      expect(cdn.downloads().map((request) => request.authorization)).toEqual([
        undefined,
        undefined,
      ])
    } finally {
      await cdn.stop()
    }
  })
})

describe('redirects to another origin', () => {
  it('are followed only for a request that carries no header (no credential)', async () => {
    const { downloadFile } = await import('../../shared/http/client.js')
    const cdn = await new FlyctlReleaseServer().start()
    try {
      cdn.addRelease('0.3.202')
      mirror.redirectDownloadsTo = `${cdn.url}/download`
      const path = join(work, 'with-header')
      const url = `${mirror.downloadBase}/v0.3.202/checksums.txt`
      const request = { url, timeoutMs: 5000, service: 'mirror', anyOriginRedirects: true }
      await expect(
        downloadFile({ ...request, headers: { authorization: 'Bearer t' } }, path),
      ).rejects.toThrow(
        `mirror GET /download/v0.3.202/checksums.txt was redirected to another origin (${cdn.url}); flightdeck does not send credentials there`,
      )
      expect(cdn.requests).toEqual([])
      await downloadFile(request, path)
      expect(readFileSync(path, 'utf8')).toContain('flyctl_0.3.202_Linux_x86_64.tar.gz')
    } finally {
      await cdn.stop()
    }
  })
})

describe('archive entries that lead out of it', () => {
  function outsideFile(): string {
    const file = join(mkdtempSync(join(tmpdir(), 'flightdeck-setup-victim-')), 'tool')
    writeFileSync(file, '#!/bin/sh\necho not flyctl\n')
    chmodSync(file, 0o644)
    return file
  }

  it('refuses a flyctl that links out of the archive, and never makes its target executable', async () => {
    const victim = outsideFile()
    mirror.addRelease('0.3.210', { links: { flyctl: victim } })
    await expect(installer().install('0.3.210')).rejects.toThrow(
      `flyctl_0.3.210_Linux_x86_64.tar.gz has flyctl linking to ${JSON.stringify(victim)}, outside the archive; nothing was installed`,
    )
    expect(statSync(victim).mode & 0o777).toBe(0o644)
    expect(tc.find('flyctl', '0.3.210')).toBe('')
  })

  it('refuses any other entry that climbs out of the extract folder', async () => {
    mirror.addRelease('0.3.211', { links: { docs: '../../..' } })
    await expect(installer().install('0.3.211')).rejects.toThrow(
      'flyctl_0.3.211_Linux_x86_64.tar.gz has docs linking to "../../..", outside the archive; nothing was installed',
    )
    expect(tc.find('flyctl', '0.3.211')).toBe('')
  })

  it('refuses a flyctl that is a link even within the archive, and keeps links that stay inside', async () => {
    mirror.addRelease('0.3.212', { links: { flyctl: 'README' } })
    await expect(installer().install('0.3.212')).rejects.toThrow(
      'flyctl_0.3.212_Linux_x86_64.tar.gz has flyctl as a symbolic link, not the program itself; nothing was installed',
    )
    mirror.addRelease('0.3.213', { links: { latest: 'flyctl' } })
    const dir = await installer().install('0.3.213')
    expect(readFileSync(join(dir, 'latest'), 'utf8')).toContain('"0.3.213"')
  })
})

describe('flyctl latest off github.com', () => {
  it('asks the run’s own API with the token on github.com only', () => {
    const dotCom = { serverUrl: 'https://github.com', apiUrl: 'https://api.github.com' }
    expect(flyctlReleasesApi(dotCom, 'ghs_job')).toEqual({
      url: 'https://api.github.com',
      token: 'ghs_job',
    })
    for (const serverUrl of ['https://ghe.acme.test', 'https://acme.ghe.com']) {
      const api = flyctlReleasesApi({ serverUrl, apiUrl: `${serverUrl}/api/v3` }, 'ghs_job')
      expect(api.url).toBe('https://api.github.com')
      expect(api.token).toBeUndefined()
    }
  })

  describe('a whole run on GitHub Enterprise Server', () => {
    const token = 'ghs_enterprise_job_token_7d6c5b4a'
    let ghes: FlyctlReleaseServer
    const saved = { ...process.env }
    beforeEach(async () => {
      ghes = await new FlyctlReleaseServer().start()
      const files = mkdtempSync(join(tmpdir(), 'flightdeck-setup-ghes-'))
      for (const name of ['GITHUB_OUTPUT', 'GITHUB_PATH', 'GITHUB_ENV', 'GITHUB_STEP_SUMMARY']) {
        process.env[name] = join(files, name)
        writeFileSync(join(files, name), '')
      }
      Object.assign(process.env, {
        GITHUB_SERVER_URL: 'https://ghe.acme.test',
        GITHUB_API_URL: ghes.url,
        INPUT_TOOLS: 'flyctl@latest',
        'INPUT_DOWNLOAD-BASE-URL': mirror.downloadBase,
        'INPUT_GITHUB-TOKEN': token,
      })
      process.exitCode = undefined
    })
    afterEach(async () => {
      await ghes.stop()
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
      Object.assign(process.env, saved)
      process.exitCode = undefined
    })

    it('looks latest up on github.com without the job token, and never asks the company API', async () => {
      mirror.latest = '0.3.220'
      mirror.addRelease('0.3.220')
      await run({ publicApiUrl: mirror.url })
      expect(process.exitCode).toBeUndefined()
      expect(ghes.requests).toEqual([])
      expect(mirror.requests.map((request) => request.path)).toEqual([
        '/repos/superfly/flyctl/releases/latest',
        '/download/v0.3.220/checksums.txt',
        `/download/v0.3.220/flyctl_0.3.220_Linux_x86_64.tar.gz`,
      ])
      expect(mirror.requests.map((request) => request.authorization)).toEqual([
        undefined,
        undefined,
        undefined,
      ])
      expect(JSON.stringify(mirror.requests)).not.toContain(token)
      expect(readFileSync(process.env.GITHUB_OUTPUT ?? '', 'utf8')).toContain('0.3.220')
    })

    it('says where it looked and that the token stayed home when github.com fails', async () => {
      mirror.latestAnswer = { status: 403, body: '{"message":"API rate limit exceeded"}' }
      await run({ publicApiUrl: mirror.url, timeouts: { api: 2000 } })
      expect(process.exitCode).toBe(1)
      expect(ghes.requests).toEqual([])
      expect(mirror.requests.map((request) => request.authorization)).toEqual([undefined])
      // The message the step fails with, from the same pieces main() puts together.
      const api = flyctlReleasesApi(
        { serverUrl: 'https://ghe.acme.test', apiUrl: ghes.url },
        token,
        mirror.url,
      )
      const resolving = new FlyctlInstaller({
        downloadBaseUrl: mirror.downloadBase,
        releasesApi: api,
        timeouts: DEFAULT_TIMEOUTS,
        log: () => undefined,
      }).resolve('latest')
      await expect(resolving).rejects.toThrow(
        `could not look up the latest flyctl release on ${new URL(mirror.url).host}, without a token (this run is on https://ghe.acme.test, whose job token is not sent to github.com): `,
      )
      await expect(resolving).rejects.toThrow(
        /; pin a version instead \(example: flyctl@0\.3\.200\)$/,
      )
    })
  })
})
