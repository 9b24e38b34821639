// This repo's workflows and the consumer examples: valid for actionlint 1.7.7, every flightdeck
// step uses an action that exists with inputs it declares, and each reusable workflow
// (on: workflow_call) passes on everything its actions take and give.
import { parse } from 'yaml'
import {
  actionSpec,
  actionlint,
  checkUse,
  flightdeckUses,
  readRepoFile,
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
 * with the reason; and actions whose outputs it deliberately does not pass on.
 */
const DELIBERATE: Record<
  string,
  Record<string, { fixed?: Record<string, string>; outputsNotExposed?: string }>
> = {
  'rollback.yml': {
    setup: {
      fixed: {
        token: 'setup only installs the CLI here; the rollback step uses and checks the token',
        'download-base-url': 'the flyctl GitHub release downloads',
        cache: 'always reuse the tool cache',
        'github-token': "the job's own token, the action's default",
      },
      outputsNotExposed: 'an installer step: its versions and paths are in its log',
    },
    rollback: {
      fixed: {
        'github-token':
          "the called workflow's own token, which has deployments: write; the action's default",
      },
    },
  },
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

  it('runs flightdeck actions', () => {
    expect(steps.length).toBeGreaterThan(0)
  })

  it.each(steps.map((s) => [s.use.name, s] as const))(
    'lets the caller set every input of %s, credentials as secrets, with the same defaults',
    (action, { step }) => {
      const spec = actionSpec(action)
      expect(spec).toBeDefined()
      const fixed = DELIBERATE[name]?.[action]?.fixed ?? {}
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

  it.each(steps.map((s) => [s.use.name, s] as const))(
    'passes on every output of %s',
    (action, { jobId, job, step }) => {
      if (DELIBERATE[name]?.[action]?.outputsNotExposed) return
      const spec = actionSpec(action)
      expect(step.id).toBeTruthy()
      const problems: string[] = []
      for (const output of Object.keys(spec?.outputs ?? {})) {
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
