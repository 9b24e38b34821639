import { readFileSync } from 'node:fs'
import { InputError } from '../../shared/errors.js'
import { planRollback } from '../../shared/providers/select.js'
import { createVercelProvider } from '../../shared/providers/vercel.js'
import { vercelSpec } from '../../shared/providers/specs/vercel.js'
import {
  deploymentRef,
  parseVercelList,
  readDeployJson,
  vercelStatus,
} from '../../shared/providers/vercel-output.js'
import {
  UnsupportedOperationError,
  type ProviderConfig,
  type Release,
} from '../../shared/providers/types.js'
import { useFakeClis } from '../fakes/provider-test.js'

const TOKEN = 'vercelFakeToken0123456789abcdef'
const APP = 'flightdeck-web'
const PROJECT_ID = 'prj_Fl1ghtD3ckW3bPr0j3ct0000'
const ORG_ID = 'team_Ex4mpl3T34m'
const fixturePath = new URL('../fixtures/providers/vercel/', import.meta.url).pathname
const fixture = (name: string) => readFileSync(`${fixturePath}${name}`, 'utf8')

interface VercelState {
  contextName: string
  projects: Record<
    string,
    {
      id: string
      deployments: Array<{ id: string; url: string; state: string; target: string | null }>
      env: Array<{ key: string; value: string; target: string }>
    }
  >
  nextDeploy?: string
  rollbackFails?: boolean
  rolledBackTo?: string
}

const fake = useFakeClis('vercel', ['VERCEL_TOKEN', 'VERCEL_ORG_ID', 'VERCEL_PROJECT_ID'])
const { logs, output } = fake

function vercel(overrides: Partial<ProviderConfig> = {}) {
  return createVercelProvider({
    app: APP,
    token: TOKEN,
    timeoutMs: 10_000,
    settings: {},
    log: (line) => logs.push(line),
    ...overrides,
  })
}

const argvs = () => fake.argvs()

function state() {
  return fake.clis.state<VercelState>('vercel')
}

/** Loads the fake's seed state so that a test can change it. */
function seeded(): VercelState {
  const sample = JSON.parse(fixture('list.json')) as {
    contextName: string
    deployments: VercelState['projects'][string]['deployments']
  }
  return {
    contextName: sample.contextName,
    projects: { [APP]: { id: PROJECT_ID, deployments: sample.deployments, env: [] } },
  }
}

const LIST_ARGS = ['--environment=production', '--limit=100', '--format=json']
const CURRENT_URL = 'https://flightdeck-web-5t4r3e2w1-example-team.vercel.app'
const FAILED_URL = 'https://flightdeck-web-2m7n4b1v6-example-team.vercel.app'

describe('vercel provider: releases', () => {
  it('lists production deployments newest first; the newest READY one is current', async () => {
    const releases = await vercel().releases()
    expect(argvs()).toEqual([['list', APP, ...LIST_ARGS]])
    // vercel 60 prints no id for a listed deployment (see the fixtures' README): its URL names it.
    expect(releases.map((r) => [r.id, r.status, r.rawStatus, r.current])).toEqual([
      [FAILED_URL, 'failed', 'ERROR', false],
      [CURRENT_URL, 'succeeded', 'READY', true],
    ])
    expect(releases[1]).toEqual({
      id: CURRENT_URL,
      status: 'succeeded',
      rawStatus: 'READY',
      createdAt: new Date(1748856000000).toISOString(),
      current: true,
      description: 'production deployment of main (abc1234)',
      url: CURRENT_URL,
    })
  })

  it('reads every environment of the fixture, keeping previews out of rollback choices', () => {
    const releases = parseVercelList(JSON.parse(fixture('list.json')), 'vercel list')
    expect(releases.map((r) => [r.status, r.rawStatus, r.current])).toEqual([
      ['in-progress', 'BUILDING (preview)', false],
      ['unknown', 'READY (preview)', false],
      ['failed', 'ERROR', false],
      ['succeeded', 'READY', true],
      ['failed', 'CANCELED (preview)', false],
    ])
    expect(releases[1]?.description).toBe(
      'preview deployment of feature/login (def5678); not a production rollback target',
    )
    expect(() => planRollback(releases, releases[1]?.id as string, APP)).toThrow(
      'has status "READY (preview)", which is not known to have succeeded',
    )
  })

  it('takes `id`, else the documented `uid`, else the URL as the id', () => {
    const releases = parseVercelList(
      {
        deployments: [
          { id: 'dpl_A', uid: 'dpl_B', url: 'a.vercel.app', state: 'READY', createdAt: 3 },
          { uid: 'dpl_C', url: 'c.vercel.app', state: 'READY', createdAt: 2 },
          { url: 'https://d.vercel.app', state: 'READY', createdAt: 1 },
        ],
      },
      'x',
    )
    expect(releases.map((r) => [r.id, r.url])).toEqual([
      ['dpl_A', 'https://a.vercel.app'],
      ['dpl_C', 'https://c.vercel.app'],
      ['https://d.vercel.app', 'https://d.vercel.app'],
    ])
  })

  it('pages further with --next until two production deployments are READY', async () => {
    const base = seeded()
    const project = base.projects[APP] as VercelState['projects'][string]
    // 100 failed production deployments newer than the two good ones.
    for (let i = 0; i < 100; i++) {
      project.deployments.unshift({
        id: `dpl_Bad${i}`,
        url: `flightdeck-web-bad${i}-example-team.vercel.app`,
        state: 'ERROR',
        target: 'production',
        createdAt: 1749000000000 + i * 1000,
      } as never)
    }
    project.deployments.push({
      id: 'dpl_OlderProd',
      url: 'flightdeck-web-old-example-team.vercel.app',
      state: 'READY',
      target: 'production',
      createdAt: 1748000000000,
    } as never)
    fake.clis.setState('vercel', base)
    const releases = await vercel().releases()
    expect(argvs()).toEqual([
      ['list', APP, ...LIST_ARGS],
      ['list', APP, ...LIST_ARGS, '--next=1749000000000'],
    ])
    expect(releases).toHaveLength(103)
    expect(releases.filter((r) => r.status === 'succeeded').map((r) => [r.id, r.current])).toEqual([
      [CURRENT_URL, true],
      ['https://flightdeck-web-old-example-team.vercel.app', false],
    ])
    expect(planRollback(releases, 'previous', APP).to.url).toBe(
      'https://flightdeck-web-old-example-team.vercel.app',
    )
  })

  it('names custom environments and sorts by creation time', () => {
    const releases = parseVercelList(
      {
        deployments: [
          {
            id: 'dpl_a',
            state: 'READY',
            target: null,
            customEnvironment: { slug: 'staging' },
            createdAt: 1,
          },
          { id: 'dpl_b', state: 'QUEUED', target: 'production', createdAt: 3, url: 'b.vercel.app' },
          { id: 'dpl_c', state: 'WEIRD', target: 'production', createdAt: 2 },
        ],
      },
      'vercel list x --format json',
    )
    expect(releases.map((r) => [r.id, r.status, r.rawStatus, r.current, r.url])).toEqual([
      ['dpl_b', 'in-progress', 'QUEUED', false, 'https://b.vercel.app'],
      ['dpl_c', 'unknown', 'WEIRD', false, undefined],
      ['dpl_a', 'unknown', 'READY (staging)', false, undefined],
    ])
  })

  it('reads state words leniently', () => {
    expect(['READY', 'ready'].map(vercelStatus)).toEqual(['succeeded', 'succeeded'])
    expect(['ERROR', 'CANCELED', 'BLOCKED'].map(vercelStatus)).toEqual(Array(3).fill('failed'))
    expect(['BUILDING', 'QUEUED', 'INITIALIZING'].map(vercelStatus)).toEqual(
      Array(3).fill('in-progress'),
    )
    expect(vercelStatus('')).toBe('unknown')
  })

  it('returns an empty list for a project with no deployments', async () => {
    const base = seeded()
    if (base.projects[APP]) base.projects[APP].deployments = []
    fake.clis.setState('vercel', base)
    await expect(vercel().releases()).resolves.toEqual([])
  })

  it('says which command printed malformed or misshapen JSON', async () => {
    fake.clis.behave('vercel', { list: { malformed: true } })
    await expect(vercel().releases()).rejects.toThrow(
      /^`vercel list flightdeck-web --environment=production --limit=100 --format=json` did not print JSON .*it began: "Error: unexpected end/,
    )
    fake.clis.behave('vercel', { list: { stdout: '[]' } })
    await expect(vercel().releases()).rejects.toThrow(
      '`vercel list flightdeck-web --environment=production --limit=100 --format=json` printed JSON without a list of deployments',
    )
    fake.clis.behave('vercel', { list: { stdout: '{"deployments":[{"state":"READY"}]}' } })
    await expect(vercel().releases()).rejects.toThrow(
      'printed a deployment without an id or URL (item 0)',
    )
  })

  it("names the command, exit code and vercel's own Error: headline when it fails", async () => {
    await expect(vercel({ app: 'no-such-project' }).releases()).rejects.toThrow(
      '`vercel list no-such-project --environment=production --limit=100 --format=json` failed with exit code 1: Error: The provided argument "no-such-project" is not a valid project name',
    )
  })

  it('names a dotted project by its id, as vercel list reads a dotted word as a deployment host', async () => {
    await expect(vercel({ app: 'shop.example' }).releases()).rejects.toThrow(
      '`vercel list` reads "shop.example" as a deployment host because of its dot; set `project-id` and `org-id`',
    )
    expect(argvs()).toEqual([])
    await vercel({
      app: 'shop.example',
      settings: { 'org-id': ORG_ID, 'project-id': PROJECT_ID },
    }).releases()
    expect(argvs()).toEqual([['list', ...LIST_ARGS]])
  })

  it('gives up on a hanging vercel after timeoutMs', async () => {
    fake.clis.behave('vercel', { list: { hangMs: 2_000 } })
    await expect(vercel({ timeoutMs: 500 }).releases()).rejects.toThrow(
      /^`vercel list flightdeck-web --environment=production --limit=100 --format=json` was stopped after \d+ms: it did not finish within its time limit of 500ms; its last output: none$/,
    )
  })
})

describe('vercel provider: credentials', () => {
  it('passes the token only as VERCEL_TOKEN, never in argv, and masks it', async () => {
    const provider = vercel()
    await provider.deploy({})
    await provider.releases()
    for (const call of fake.clis.calls('vercel')) {
      expect(call.env).toEqual({ VERCEL_TOKEN: TOKEN })
      expect(call.args).not.toContain('--token')
      expect(call.args.join(' ')).not.toContain(TOKEN)
    }
    const lines = output.join('').split('\n')
    expect(lines.filter((line) => line.includes(TOKEN))).toEqual([`::add-mask::${TOKEN}`])
  })

  it('passes org-id and project-id as VERCEL_ORG_ID and VERCEL_PROJECT_ID, and then no --project', async () => {
    const provider = vercel({ settings: { 'org-id': ORG_ID, 'project-id': PROJECT_ID } })
    await provider.deploy({})
    expect(argvs()[0]).toEqual(['deploy', '--yes', '--format=json'])
    expect(fake.clis.calls('vercel')[0]?.env).toEqual({
      VERCEL_TOKEN: TOKEN,
      VERCEL_ORG_ID: ORG_ID,
      VERCEL_PROJECT_ID: PROJECT_ID,
    })
  })

  it('takes the token and ids from the environment too', async () => {
    process.env.VERCEL_TOKEN = 'envToken'
    process.env.VERCEL_ORG_ID = ORG_ID
    process.env.VERCEL_PROJECT_ID = PROJECT_ID
    await vercel({ token: undefined }).releases()
    expect(fake.clis.calls('vercel')[0]?.env).toEqual({
      VERCEL_TOKEN: 'envToken',
      VERCEL_ORG_ID: ORG_ID,
      VERCEL_PROJECT_ID: PROJECT_ID,
    })
  })

  it('refuses a token vercel would refuse (anything but letters, digits and _), running nothing', async () => {
    const error = await vercel({ token: 'abc-123' })
      .releases()
      .catch((err: Error) => err)
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message).toContain('letters, digits and _')
    expect((error as Error).message).not.toContain('abc-123')
    expect(argvs()).toEqual([])
  })

  it('passes api-url as the global --api=URL, first, to every command', async () => {
    const provider = vercel({ apiUrl: 'http://127.0.0.1:9/' })
    await provider.releases()
    await provider.deploy({})
    expect(argvs().map((args) => args.slice(0, 2))).toEqual([
      ['--api=http://127.0.0.1:9', 'list'],
      ['--api=http://127.0.0.1:9', 'deploy'],
    ])
    fake.clis.behave('vercel', { rollback: { exitCode: 1, stderr: 'Error: Not authorized\n' } })
    await expect(
      provider.rollback({ id: 'dpl_X', status: 'succeeded', rawStatus: 'READY', current: false }),
    ).rejects.toThrow(
      '`vercel --api=http://127.0.0.1:9 rollback dpl_X --yes` failed with exit code 1: Error: Not authorized',
    )
  })

  it('refuses to run without a token, or with only one of the two ids', async () => {
    await expect(vercel({ token: undefined }).releases()).rejects.toThrow(
      'provider `vercel` needs a token: set the `token` input or VERCEL_TOKEN',
    )
    await expect(vercel({ settings: { 'org-id': ORG_ID } }).releases()).rejects.toThrow(
      'provider `vercel` needs both `org-id` and `project-id` (or VERCEL_ORG_ID and VERCEL_PROJECT_ID), or neither',
    )
    expect(argvs()).toEqual([])
  })

  it('declares its CLI and credential variable', () => {
    const provider = vercel()
    expect([provider.name, provider.cli, provider.tokenEnv]).toEqual([
      'vercel',
      'vercel',
      ['VERCEL_TOKEN'],
    ])
  })
})

describe('vercel provider: deploy', () => {
  it('promotes an already-built production deployment when given one as the image', async () => {
    const result = await vercel({ timeoutMs: 600_000 }).deploy({
      image: 'flightdeck-web-5t4r3e2w1-example-team.vercel.app',
    })
    expect(argvs()).toEqual([
      [
        'promote',
        'https://flightdeck-web-5t4r3e2w1-example-team.vercel.app',
        '--yes',
        '--timeout=590s',
      ],
    ])
    expect(result).toEqual({
      releaseId: 'dpl_9Zx8Cv7Bn6Mm5Ll4Kk3Jj2Hh1Gg0Ff',
      url: 'https://flightdeck-web-5t4r3e2w1-example-team.vercel.app',
    })
    expect((state() as { promoted?: string }).promoted).toBe('dpl_9Zx8Cv7Bn6Mm5Ll4Kk3Jj2Hh1Gg0Ff')
    for (const call of fake.clis.calls('vercel')) expect(call.args.join(' ')).not.toContain(TOKEN)
  })

  it('waits for the production deployment Vercel builds from a promoted preview, and reports that one', async () => {
    const preview = 'dpl_7Hk2mQ9xLpR4sT6vW8yZ1aB3cD5e'
    const result = await vercel().deploy({ image: preview })
    const built = state().projects[APP]?.deployments[0]
    expect(built).toMatchObject({ target: 'production', state: 'READY' })
    expect(built?.id).not.toBe(preview)
    expect(argvs()).toEqual([
      ['promote', preview, '--yes'],
      ['inspect', built?.id, '--wait', expect.stringMatching(/^--timeout=\d+s$/), '--format=json'],
    ])
    expect(result).toEqual({ releaseId: built?.id, url: `https://${built?.url}` })
    expect(logs).toContain(
      `${preview} was a preview deployment: Vercel is building a new production deployment from it, ${built?.id}; waiting until it is ready`,
    )
  })

  it('fails when the production deployment built from a preview fails', async () => {
    fake.clis.setState('vercel', { ...seeded(), nextBuild: 'fail' })
    const error = await vercel()
      .deploy({ image: 'dpl_7Hk2mQ9xLpR4sT6vW8yZ1aB3cD5e' })
      .catch((err: Error) => err)
    const built = state().projects[APP]?.deployments[0]
    expect((error as Error).message).toMatch(
      new RegExp(
        `^the production deployment ${built?.id} that Vercel built from dpl_7Hk2mQ9xLpR4sT6vW8yZ1aB3cD5e ended ERROR when \`vercel inspect ${built?.id} --wait --timeout=\\d+s --format=json\` stopped waiting \\(build logs: https://vercel\\.com/example-team/flightdeck-web/${built?.id.replace('dpl_', '')}\\)$`,
      ),
    )
  })

  it('says which deployment Vercel did not finish building within the time limit', async () => {
    fake.clis.behave('vercel', { inspect: { stdout: '{"id":"dpl_New","readyState":"BUILDING"}' } })
    await expect(vercel().deploy({ image: 'dpl_7Hk2mQ9xLpR4sT6vW8yZ1aB3cD5e' })).rejects.toThrow(
      /^the production deployment dpl_\w+ that Vercel built from dpl_7Hk2mQ9xLpR4sT6vW8yZ1aB3cD5e was still BUILDING when `vercel inspect/,
    )
  })

  it('refuses an image that is not a deployment, running nothing', async () => {
    await expect(vercel().deploy({ image: 'my-project' })).rejects.toThrow(
      /is not a Vercel deployment URL or dpl_ id/,
    )
    expect(argvs()).toEqual([])
  })

  it('makes a preview deployment and returns its id and URL', async () => {
    const result = await vercel().deploy({ extraArgs: ['--force'] })
    expect(argvs()).toEqual([['deploy', '--yes', `--project=${APP}`, '--format=json', '--force']])
    const newest = state().projects[APP]?.deployments[0]
    expect(newest).toMatchObject({ state: 'READY', target: null })
    expect(result).toEqual({ releaseId: newest?.id, url: `https://${newest?.url}` })
  })

  it('adds --prod, --prebuilt and --local-config when asked', async () => {
    await vercel({ settings: { prebuilt: 'true' } }).deploy({
      environment: 'production',
      config: 'vercel.prod.json',
    })
    expect(argvs()[0]).toEqual([
      'deploy',
      '--yes',
      '--prod',
      '--prebuilt',
      '--local-config=vercel.prod.json',
      `--project=${APP}`,
      '--format=json',
    ])
    const releases = await vercel().releases()
    expect(releases[0]).toMatchObject({ status: 'succeeded', current: true })
  })

  it('targets a custom environment, and treats preview as the default', async () => {
    await vercel().deploy({ environment: 'staging' })
    await vercel().deploy({ environment: 'preview' })
    expect(argvs().map((args) => args.slice(0, 4))).toEqual([
      ['deploy', '--yes', '--target=staging', `--project=${APP}`],
      ['deploy', '--yes', `--project=${APP}`, '--format=json'],
    ])
  })

  it('passes an environment and config path that start with a dash as values', async () => {
    await vercel().deploy({ environment: '-x', config: '--prod' })
    expect(argvs()).toEqual([
      [
        'deploy',
        '--yes',
        '--target=-x',
        '--local-config=--prod',
        `--project=${APP}`,
        '--format=json',
      ],
    ])
  })

  it("reports a failed build with Vercel's error and the build logs link", async () => {
    fake.clis.setState('vercel', { ...seeded(), nextDeploy: 'fail' })
    await expect(vercel().deploy({})).rejects.toThrow(
      /^`vercel deploy --yes --project=flightdeck-web --format=json` failed with exit code 1: BUILD_ERROR: Command "npm run build" exited with 1 \(build logs: https:\/\/vercel\.com\/example-team\/flightdeck-web\/\w+\)$/,
    )
  })

  it("reports a failure without JSON by vercel's own Error: headline", async () => {
    fake.clis.behave('vercel', {
      deploy: {
        exitCode: 1,
        stderr: 'Retrieving project…\nError: Project not found\n> more help\n',
      },
    })
    await expect(vercel().deploy({})).rejects.toThrow(
      '`vercel deploy --yes --project=flightdeck-web --format=json` failed with exit code 1: Error: Project not found',
    )
  })

  it('fails clearly when a successful deploy prints no JSON', async () => {
    fake.clis.behave('vercel', { deploy: { malformed: true } })
    await expect(vercel().deploy({})).rejects.toThrow(
      /did not print the deployment as JSON; it began: "Error: unexpected end/,
    )
  })

  it('reads the agent-mode wrapping of the same JSON', () => {
    const plain = JSON.parse(fixture('deploy.json')) as Record<string, unknown>
    expect(readDeployJson(JSON.stringify({ status: 'ok', deployment: plain }))).toMatchObject({
      id: 'dpl_7Hk2mQ9xLpR4sT6vW8yZ1aB3cD5e',
    })
    expect(
      readDeployJson(JSON.stringify({ status: 'error', reason: 'deploy_failed', message: 'nope' })),
    ).toMatchObject({ error: { name: 'deploy_failed', message: 'nope' } })
    expect(readDeployJson(fixture('deploy-build-error.json'))?.error).toEqual({
      name: 'BUILD_ERROR',
      message: 'Command "npm run build" exited with 1',
    })
    expect(readDeployJson('https://x.vercel.app')).toBeUndefined()
  })

  it('gives up on a deploy that hangs past timeoutMs', async () => {
    fake.clis.behave('vercel', { deploy: { hangMs: 2_000 } })
    await expect(vercel({ timeoutMs: 500 }).deploy({})).rejects.toThrow(
      /^`vercel deploy --yes --project=flightdeck-web --format=json` was stopped after \d+ms: it did not finish within its time limit of 500ms/,
    )
  })

  it('refuses a project name that could read as a flag, running nothing', async () => {
    await expect(vercel({ app: '--prod' }).deploy({})).rejects.toBeInstanceOf(InputError)
    expect(argvs()).toEqual([])
  })
})

describe('vercel provider: rollback', () => {
  it('rolls back to the target production deployment, with --yes and a timeout within ours', async () => {
    const provider = vercel({ timeoutMs: 600_000 })
    const releases = await provider.releases()
    const target = releases[1] as Release
    const result = await provider.rollback(target)
    expect(argvs()[1]).toEqual([
      'rollback',
      'https://flightdeck-web-5t4r3e2w1-example-team.vercel.app',
      '--yes',
      '--timeout=590s',
    ])
    expect(result).toEqual({ releaseId: 'dpl_9Zx8Cv7Bn6Mm5Ll4Kk3Jj2Hh1Gg0Ff' })
    expect(state().rolledBackTo).toBe('dpl_9Zx8Cv7Bn6Mm5Ll4Kk3Jj2Hh1Gg0Ff')
    expect(logs.join('\n')).toContain('run `vercel promote <deployment>` to resume')
  })

  it('uses the id when the release has no URL, and leaves the timeout to vercel for short limits', async () => {
    const target: Release = {
      id: 'dpl_9Zx8Cv7Bn6Mm5Ll4Kk3Jj2Hh1Gg0Ff',
      status: 'succeeded',
      rawStatus: 'READY',
      current: false,
    }
    await vercel().rollback(target)
    expect(argvs()).toEqual([['rollback', 'dpl_9Zx8Cv7Bn6Mm5Ll4Kk3Jj2Hh1Gg0Ff', '--yes']])
  })

  it("fails with vercel's message when the aliases cannot be moved", async () => {
    fake.clis.setState('vercel', { ...seeded(), rollbackFails: true })
    const target = (await vercel().releases())[1] as Release
    await expect(vercel().rollback(target)).rejects.toThrow(
      '`vercel rollback https://flightdeck-web-5t4r3e2w1-example-team.vercel.app --yes` failed with exit code 1: Error: Failed to remap all aliases to the requested deployment flightdeck-web-5t4r3e2w1-example-team.vercel.app (dpl_9Zx8Cv7Bn6Mm5Ll4Kk3Jj2Hh1Gg0Ff)',
    )
  })

  it('explains the Hobby plan limit when Vercel mentions it', async () => {
    fake.clis.behave('vercel', {
      rollback: {
        exitCode: 1,
        stderr:
          'Error: Hobby teams can only roll back to the previous production deployment (400)\n',
      },
    })
    const target: Release = {
      id: 'dpl_Old',
      status: 'succeeded',
      rawStatus: 'READY',
      current: false,
    }
    await expect(vercel().rollback(target)).rejects.toThrow(
      /failed with exit code 1: Error: Hobby teams .* \(on the Hobby plan Vercel rolls back only to the previous production deployment\)$/,
    )
  })

  it('refuses a target that is not a deployment reference', async () => {
    const target: Release = { id: APP, status: 'succeeded', rawStatus: 'READY', current: false }
    await expect(vercel().rollback(target)).rejects.toBeInstanceOf(InputError)
    expect(argvs()).toEqual([])
  })

  it('gives up on a rollback that hangs past timeoutMs', async () => {
    fake.clis.behave('vercel', { rollback: { hangMs: 2_000 } })
    const target: Release = { id: 'dpl_X', status: 'succeeded', rawStatus: 'READY', current: false }
    await expect(vercel({ timeoutMs: 500 }).rollback(target)).rejects.toThrow(
      /^`vercel rollback dpl_X --yes` was stopped after \d+ms: it did not finish within its time limit of 500ms/,
    )
  })
})

describe('vercel provider: apps', () => {
  it('cannot create a project', () => {
    // Absent, not throwing: previews live inside the project (spec: previews 'project').
    expect(vercel()).not.toHaveProperty('ensureApp')
    expect(vercelSpec.capabilities.previews).toBe('project')
    expect(argvs()).toEqual([])
  })

  it('destroyApp removes only the deployments named in deployment-url', async () => {
    const url = 'https://flightdeck-web-8x2kq1m9z-example-team.vercel.app'
    await vercel({
      settings: { 'deployment-url': `${url}\ndpl_5Ee4Dd3Cc2Bb1Aa0Zz9Yy8Xx7Ww6Vv` },
    }).destroyApp()
    expect(argvs()).toEqual([
      ['remove', url, '--yes'],
      ['remove', 'dpl_5Ee4Dd3Cc2Bb1Aa0Zz9Yy8Xx7Ww6Vv', '--yes'],
    ])
    const project = state().projects[APP]
    expect(project).toBeDefined()
    expect(project?.deployments.map((d) => d.id)).not.toContain('dpl_7Hk2mQ9xLpR4sT6vW8yZ1aB3cD5e')
    expect(project?.deployments).toHaveLength(3)
  })

  it('destroyApp adds https:// to a bare deployment host and is calm about one already gone', async () => {
    await vercel({
      settings: { 'deployment-url': 'flightdeck-web-gone00000-example-team.vercel.app' },
    }).destroyApp()
    expect(argvs()).toEqual([
      ['remove', 'https://flightdeck-web-gone00000-example-team.vercel.app', '--yes'],
    ])
    expect(logs).toContain(
      'Vercel deployment https://flightdeck-web-gone00000-example-team.vercel.app does not exist; nothing to remove',
    )
  })

  it('destroyApp never passes a project name, and refuses without deployment-url', async () => {
    const refused = await vercel({ settings: { 'deployment-url': APP } })
      .destroyApp()
      .catch((err: Error) => err)
    expect(refused).toBeInstanceOf(InputError)
    const unsupported = await vercel()
      .destroyApp()
      .catch((err: Error) => err)
    expect(unsupported).toBeInstanceOf(UnsupportedOperationError)
    expect((unsupported as Error).message).toContain('flightdeck never removes a Vercel project')
    expect(argvs()).toEqual([])
    expect(state().projects?.[APP] ?? seeded().projects[APP]).toBeDefined()
  })

  it('destroyApp fails on other errors', async () => {
    fake.clis.behave('vercel', { remove: { exitCode: 1, stderr: 'Error: Not authorized\n' } })
    await expect(
      vercel({ settings: { 'deployment-url': 'dpl_abc' } }).destroyApp(),
    ).rejects.toThrow(
      '`vercel remove dpl_abc --yes` failed with exit code 1: Error: Not authorized',
    )
  })

  it('accepts only deployment ids and https deployment URLs as references', () => {
    expect(deploymentRef('dpl_abc123')).toBe('dpl_abc123')
    expect(deploymentRef(' https://a-b.vercel.app/ ')).toBe('https://a-b.vercel.app')
    expect(deploymentRef('a-b.vercel.app')).toBe('https://a-b.vercel.app')
    for (const bad of [
      'flightdeck-web',
      'http://a.vercel.app',
      'https://a.vercel.app/path',
      'https://u:p@a.vercel.app',
      '--yes',
      '',
    ]) {
      expect(() => deploymentRef(bad)).toThrow(InputError)
    }
  })
})

describe('vercel provider: setSecrets', () => {
  it('adds each secret with its value on stdin only, for the preview environment by default', async () => {
    const secrets = { DATABASE_URL: 'postgres://u:s3cr3t@db/app', PEM: 'a\nb\n' }
    await vercel().setSecrets(secrets)
    const calls = fake.clis.calls('vercel')
    expect(calls.map((c) => c.args)).toEqual([
      ['env', 'add', 'DATABASE_URL', 'preview', `--project=${APP}`, '--force', '--yes'],
      ['env', 'add', 'PEM', 'preview', `--project=${APP}`, '--force', '--yes'],
    ])
    expect(calls.map((c) => c.stdin)).toEqual(['postgres://u:s3cr3t@db/app', 'a\nb\n'])
    for (const call of calls) expect(call.args.join(' ')).not.toContain('s3cr3t')
    expect(state().projects[APP]?.env).toEqual([
      { key: 'DATABASE_URL', value: 'postgres://u:s3cr3t@db/app', target: 'preview' },
      { key: 'PEM', value: 'a\nb\n', target: 'preview' },
    ])
    const shown = output.join('')
    expect(shown).toContain('::add-mask::postgres://u:s3cr3t@db/app')
    expect(shown.replace(/::add-mask::.*\n/g, '')).not.toContain('s3cr3t')
  })

  it('uses the environment setting and replaces existing values', async () => {
    const provider = vercel({ settings: { environment: 'production' } })
    await provider.setSecrets({ API_KEY: 'one' })
    await provider.setSecrets({ API_KEY: 'two' })
    expect(argvs()[0]).toEqual([
      'env',
      'add',
      'API_KEY',
      'production',
      `--project=${APP}`,
      '--force',
      '--yes',
    ])
    expect(state().projects[APP]?.env).toEqual([
      { key: 'API_KEY', value: 'two', target: 'production' },
    ])
  })

  it('refuses names and values vercel env add would not store as given, running nothing', async () => {
    const error = await vercel()
      .setSecrets({ '1BAD': 'x', EMPTY: '', TRAILING: 'value\n', BIG: 'x'.repeat(70_000) })
      .catch((err: Error) => err)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).problems).toEqual([
      'secret name "1BAD" is not a valid environment variable name',
      'the value of secret EMPTY is empty, which vercel env add cannot read',
      'the value of secret TRAILING ends with a newline, which vercel env add would strip',
      'the value of secret BIG is longer than vercel env add reads from stdin (64 KiB)',
    ])
    expect((error as Error).message).not.toContain('value\n')
    expect(argvs()).toEqual([])
  })

  it('refuses an environment that would read as a flag, running nothing', async () => {
    const error = await vercel({ settings: { environment: '--yes' } })
      .setSecrets({ A: '1' })
      .catch((err: Error) => err)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).problems).toEqual([
      '"--yes" is not a Vercel environment (production, preview, development or a custom environment\'s name)',
    ])
    expect(argvs()).toEqual([])
  })

  it('does nothing for no secrets', async () => {
    await vercel().setSecrets({})
    expect(logs).toContain('No secrets to set')
    expect(argvs()).toEqual([])
  })

  it("fails with vercel's message and no value in it", async () => {
    fake.clis.behave('vercel', { 'env add': { exitCode: 1, stderr: 'Error: Not authorized\n' } })
    const error = await vercel()
      .setSecrets({ API_KEY: 'very-secret-value' })
      .catch((err: Error) => err)
    expect((error as Error).message).toBe(
      '`vercel env add API_KEY preview --project=flightdeck-web --force --yes` failed with exit code 1: Error: Not authorized',
    )
  })

  it('gives up on env add hanging past timeoutMs', async () => {
    fake.clis.behave('vercel', { 'env add': { hangMs: 2_000 } })
    await expect(vercel({ timeoutMs: 500 }).setSecrets({ A: '1' })).rejects.toThrow(
      /did not finish within/,
    )
  })
})

describe('vercel provider: url', () => {
  it('is the URL of the current production deployment', async () => {
    await expect(vercel().url()).resolves.toBe(
      'https://flightdeck-web-5t4r3e2w1-example-team.vercel.app',
    )
  })

  it('falls back to the newest READY deployment, and is undefined when there is none', async () => {
    const base = seeded()
    const project = base.projects[APP]
    if (project) project.deployments = project.deployments.filter((d) => d.target !== 'production')
    fake.clis.setState('vercel', base)
    await expect(vercel().url()).resolves.toBe(
      'https://flightdeck-web-8x2kq1m9z-example-team.vercel.app',
    )
    if (project) project.deployments = []
    fake.clis.setState('vercel', base)
    await expect(vercel().url()).resolves.toBeUndefined()
  })
})
