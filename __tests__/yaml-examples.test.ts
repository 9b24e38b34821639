// Every YAML example a reader may copy: the ```yaml fences of README.md and the commented usage
// blocks of the workflow files. Each parses as YAML, passes actionlint 1.7.7 once wrapped into a
// workflow, and each flightdeck `uses:` in it passes only inputs (and secrets) its target
// declares, and all the ones it requires.
import {
  actionSpec,
  actionlint,
  asWorkflow,
  checkUse,
  commentExamples,
  flightdeckUses,
  markdownExamples,
  parseExample,
  readRepoFile,
  workflowFiles,
  type Example,
} from './workflow-lib.js'

const readme = markdownExamples('README.md', readRepoFile('README.md'))
const comments = workflowFiles().flatMap((file) => commentExamples(file, readRepoFile(file)))
const examples: Example[] = [...readme, ...comments]

describe('finding the examples', () => {
  it('finds the README fences and the reusable workflow usage block', () => {
    expect(readme.length).toBeGreaterThanOrEqual(2)
    expect(comments.map((example) => example.where)).toContainEqual(
      expect.stringMatching(/^\.github\/workflows\/rollback\.yml:\d+$/),
    )
  })

  it('reads a commented block as YAML and skips indented comment code without uses:', () => {
    const found = commentExamples(
      'x.yml',
      [
        '# Replaces:',
        '#   sleep 30 && curl -f https://app/health',
        '# Call it:',
        '#',
        '#   jobs:',
        '#     rollback:',
        '#       uses: flightdeck-actions/flightdeck/.github/workflows/rollback.yml@v1',
        '#',
        '#       with:',
        '#         app: my-app',
        'name: x',
      ].join('\n'),
    )
    expect(found).toEqual([
      {
        where: 'x.yml:5',
        text: 'jobs:\n  rollback:\n    uses: flightdeck-actions/flightdeck/.github/workflows/rollback.yml@v1\n\n    with:\n      app: my-app',
      },
    ])
  })

  it('catches an input the action does not declare and a missing required one', () => {
    const uses = flightdeckUses([
      { uses: 'flightdeck-actions/flightdeck/actions/health-check@v1', with: { urls: 'x' } },
    ])
    expect(uses.flatMap(checkUse)).toEqual([
      expect.stringMatching(/no input `urls`/),
      expect.stringMatching(/required input `url` is missing/),
    ])
  })
})

describe.each(examples.map((example) => [example.where, example] as const))(
  'example at %s',
  (_where, example) => {
    it('is valid YAML', () => {
      expect(() => parseExample(example)).not.toThrow()
    })

    it('uses flightdeck actions and workflows with inputs they declare', () => {
      const uses = flightdeckUses(parseExample(example))
      expect(uses.length).toBeGreaterThan(0)
      expect(uses.flatMap(checkUse)).toEqual([])
    })

    it('passes actionlint 1.7.7 as a workflow', async () => {
      const workflow = asWorkflow(parseExample(example))
      expect(await actionlint(workflow, `${example.where.replace(/[:/]/g, '_')}.yml`)).toEqual([])
    })
  },
)

describe('.env.example (inputs for running health-check locally)', () => {
  const spec = actionSpec('health-check')
  const variable = (input: string) => `INPUT_${input.replace(/ /g, '_').toUpperCase()}`
  const lines = readRepoFile('.env.example').split('\n')
  // Set and commented-out ones alike: `INPUT_X=...` or `# INPUT_X=...`.
  const named = lines.flatMap((line) => /^(?:#\s*)?(INPUT_[^=\s]+)=/.exec(line)?.[1] ?? [])
  const set = lines.flatMap((line) => /^(INPUT_[^=\s]+)=/.exec(line)?.[1] ?? [])

  it('names only inputs health-check declares, as the runner names them', () => {
    const known = Object.keys(spec?.inputs ?? {}).map(variable)
    expect(named.length).toBeGreaterThan(0)
    expect(named.filter((name) => !known.includes(name))).toEqual([])
  })

  it('sets every required input', () => {
    const required = Object.entries(spec?.inputs ?? {})
      .filter(([, def]) => def.required)
      .map(([input]) => variable(input))
    expect(required.filter((name) => !set.includes(name))).toEqual([])
  })
})
