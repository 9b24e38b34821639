// Where gated-deploy's deployment record goes: one file per step, even when two steps of one
// job share RUNNER_TEMP, and never through a link someone planted in a shared temp folder.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { recordPath, writeRecord, type DeployRecord } from '../../shared/deploy-record.js'

function record(app: string): DeployRecord {
  return {
    version: 1,
    status: 'deployed',
    repository: 'acme/shop',
    sha: 'ffac537e6cbbf934b08745a378932722df287a53',
    ref: 'refs/heads/main',
    actor: 'octocat',
    runUrl: 'https://github.com/acme/shop/actions/runs/1',
    provider: 'command',
    app,
    environment: 'production',
    gates: [],
    releases: {},
    startedAt: '2026-12-06T10:00:00.000Z',
    finishedAt: '2026-12-06T10:01:00.000Z',
    durationMs: 60_000,
  }
}

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as DeployRecord

describe('deployment record path', () => {
  it('gives two steps of one job (one RUNNER_TEMP) a record each', () => {
    const temp = mkdtempSync(join(tmpdir(), 'flightdeck-record-temp-'))
    const api = writeRecord(record('api'), recordPath({ RUNNER_TEMP: temp, GITHUB_ACTION: 'api' }))
    const web = writeRecord(record('web'), recordPath({ RUNNER_TEMP: temp, GITHUB_ACTION: 'web' }))
    expect(api).not.toBe(web)
    expect(read(api).app).toBe('api')
    expect(read(web).app).toBe('web')
    expect(dirname(api)).toBe(join(temp, 'flightdeck'))
    expect(api).toMatch(/\/deployment-api-[0-9a-f]{12}\.json$/)
  })

  it('is unique even when the step id repeats or is missing', () => {
    const env = { RUNNER_TEMP: '/t', GITHUB_ACTION: '__acme_deploy' }
    expect(recordPath(env)).not.toBe(recordPath(env))
    expect(recordPath({ RUNNER_TEMP: '/t' })).toMatch(
      /^\/t\/flightdeck\/deployment-[0-9a-f]{12}\.json$/,
    )
    expect(recordPath({ RUNNER_TEMP: '/t', GITHUB_ACTION: '../../x y' })).toMatch(
      /^\/t\/flightdeck\/deployment-\.\.-\.\.-x-y-[0-9a-f]{12}\.json$/,
    )
  })

  it('never writes through a link planted at the path, and leaves its target alone', () => {
    const temp = mkdtempSync(join(tmpdir(), 'flightdeck-record-shared-'))
    const victim = join(mkdtempSync(join(tmpdir(), 'flightdeck-record-victim-')), 'bashrc')
    writeFileSync(victim, 'untouched\n')
    mkdirSync(join(temp, 'flightdeck'))
    const path = join(temp, 'flightdeck', 'deployment.json')
    symlinkSync(victim, path)
    expect(() => writeRecord(record('api'), path)).toThrow(/EEXIST/)
    expect(readFileSync(victim, 'utf8')).toBe('untouched\n')
  })

  it('refuses a record folder that is a link to somewhere else', () => {
    const temp = mkdtempSync(join(tmpdir(), 'flightdeck-record-shared-'))
    const elsewhere = mkdtempSync(join(tmpdir(), 'flightdeck-record-elsewhere-'))
    symlinkSync(elsewhere, join(temp, 'flightdeck'))
    expect(() => writeRecord(record('api'), recordPath({ RUNNER_TEMP: temp }))).toThrow(
      `${join(temp, 'flightdeck')} is a symbolic link; the deployment record is not written through it`,
    )
    expect(readdirSync(elsewhere)).toEqual([])
    expect(existsSync(join(temp, 'flightdeck', 'deployment.json'))).toBe(false)
  })
})
