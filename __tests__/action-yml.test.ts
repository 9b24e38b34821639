// Every action.yml is a public contract: these checks keep them uniform.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import {
  ACTION_EXAMPLES,
  WORKFLOW_EXAMPLES,
  readReusableWorkflows,
  renderCatalog,
  workflowDescription,
} from '../scripts/lib/catalog.mjs'
import { PROVIDER_SPECS } from '../shared/providers/registry.js'
import {
  actionlint,
  asWorkflow,
  checkUse,
  flightdeckUses,
  markdownExamples,
  parseExample,
} from './workflow-lib.js'

const root = new URL('..', import.meta.url).pathname
const actions = readdirSync(join(root, 'actions')).filter((name) =>
  existsSync(join(root, 'actions', name, 'action.yml')),
)

interface ActionSpec {
  name: string
  description: string
  branding?: { icon?: string; color?: string }
  inputs?: Record<string, { description?: string; required?: boolean; default?: unknown }>
  outputs?: Record<string, { description?: string }>
  runs: { using: string; main: string; post?: string; 'post-if'?: string }
}

describe.each(actions)('actions/%s/action.yml', (name) => {
  const text = readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8')
  const spec = parse(text) as ActionSpec

  it('runs its committed bundle on node24, and its post step whatever happened', () => {
    const hasPost = existsSync(join(root, 'actions', name, 'src', 'post.ts'))
    expect(spec.runs).toEqual({
      using: 'node24',
      main: `../../dist/${name}/index.js`,
      // A post step that cleans up (ends an open Deployment) must run after a failure or a
      // cancellation too.
      ...(hasPost ? { post: `../../dist/${name}/post/index.js`, 'post-if': 'always()' } : {}),
    })
    expect(existsSync(join(root, 'dist', name, 'index.js'))).toBe(true)
    if (hasPost) expect(existsSync(join(root, 'dist', name, 'post', 'index.js'))).toBe(true)
    expect(existsSync(join(root, 'actions', name, 'src', 'index.ts'))).toBe(true)
  })

  it('has a name, a description and branding', () => {
    expect(spec.name).toMatch(/^flightdeck /)
    expect(spec.description.length).toBeGreaterThan(20)
    expect(spec.branding?.icon).toBeTruthy()
    expect(spec.branding?.color).toBeTruthy()
  })

  it('describes every input and output, in kebab-case, with string defaults', () => {
    for (const [input, def] of Object.entries(spec.inputs ?? {})) {
      expect(input).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
      expect(def.description).toBeTruthy()
      if (def.required) expect(def.default).toBeUndefined()
      else expect(typeof def.default).toBe('string')
    }
    for (const [output, def] of Object.entries(spec.outputs ?? {})) {
      expect(output).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
      expect(def.description).toBeTruthy()
    }
  })

  it('quotes its defaults so YAML cannot turn them into numbers or booleans', () => {
    for (const line of text.split('\n').filter((l) => /^\s+default:/.test(l))) {
      expect(line).toMatch(/default: (['"]).*\1$|default: '\$\{\{/)
    }
  })
})

// The metadata syntax GitHub accepts for a JavaScript action, as documented in
// https://docs.github.com/en/actions/sharing-automations/creating-actions/metadata-syntax-for-github-actions
// (no maintained JSON schema of it is available offline: node_modules has none, and the
// SchemaStore one lags behind, e.g. it knows neither node20 nor node24).
const METADATA = {
  topLevel: ['name', 'author', 'description', 'inputs', 'outputs', 'runs', 'branding'],
  requiredTopLevel: ['name', 'description', 'runs'],
  input: ['description', 'required', 'default', 'deprecationMessage'],
  // `value` is for composite actions only.
  output: ['description'],
  javascriptRuns: ['using', 'main', 'pre', 'pre-if', 'post', 'post-if'],
  nodeRuntimes: ['node20', 'node24'],
  // An input or output id starts with a letter or _ and has only alphanumerics, - and _.
  id: /^[A-Za-z_][A-Za-z0-9_-]*$/,
  colors: ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark'],
  // The v4.28.0 Feather icons GitHub lists as supported (brand icons and coffee, columns,
  // divide-circle, divide-square, divide, frown, hexagon, key, meh, mouse-pointer, smile, tool
  // and x-octagon are not).
  icons: `activity airplay alert-circle alert-octagon alert-triangle align-center align-justify
    align-left align-right anchor aperture archive arrow-down-circle arrow-down-left
    arrow-down-right arrow-down arrow-left-circle arrow-left arrow-right-circle arrow-right
    arrow-up-circle arrow-up-left arrow-up-right arrow-up at-sign award bar-chart-2 bar-chart
    battery-charging battery bell-off bell bluetooth bold book-open book bookmark box briefcase
    calendar camera-off camera cast check-circle check-square check chevron-down chevron-left
    chevron-right chevron-up chevrons-down chevrons-left chevrons-right chevrons-up circle
    clipboard clock cloud-drizzle cloud-lightning cloud-off cloud-rain cloud-snow cloud code
    command compass copy corner-down-left corner-down-right corner-left-down corner-left-up
    corner-right-down corner-right-up corner-up-left corner-up-right cpu credit-card crop
    crosshair database delete disc dollar-sign download-cloud download droplet edit-2 edit-3 edit
    external-link eye-off eye fast-forward feather file-minus file-plus file-text file film
    filter flag folder-minus folder-plus folder gift git-branch git-commit git-merge
    git-pull-request globe grid hard-drive hash headphones heart help-circle home image inbox
    info italic layers layout life-buoy link-2 link list loader lock log-in log-out mail map-pin
    map maximize-2 maximize menu message-circle message-square mic-off mic minimize-2 minimize
    minus-circle minus-square minus monitor moon more-horizontal more-vertical move music
    navigation-2 navigation octagon package paperclip pause-circle pause percent phone-call
    phone-forwarded phone-incoming phone-missed phone-off phone-outgoing phone pie-chart
    play-circle play plus-circle plus-square plus pocket power printer radio refresh-ccw
    refresh-cw repeat rewind rotate-ccw rotate-cw rss save scissors search send server settings
    share-2 share shield-off shield shopping-bag shopping-cart shuffle sidebar skip-back
    skip-forward slash sliders smartphone speaker square star stop-circle sun sunrise sunset
    tablet tag target terminal thermometer thumbs-down thumbs-up toggle-left toggle-right
    trash-2 trash trending-down trending-up triangle truck tv type umbrella underline unlock
    upload-cloud upload user-check user-minus user-plus user-x user users video-off video
    voicemail volume-1 volume-2 volume-x volume watch wifi-off wifi wind x-circle x-square x
    zap-off zap zoom-in zoom-out`.split(/\s+/),
}

describe.each(actions)('actions/%s/action.yml against the GitHub metadata syntax', (name) => {
  const spec = parse(readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8')) as Record<
    string,
    unknown
  >
  const keys = (value: unknown) => Object.keys((value ?? {}) as object)
  const entries = (value: unknown) =>
    Object.entries((value ?? {}) as Record<string, Record<string, unknown>>)

  it('has only the documented top-level keys, and the required ones', () => {
    expect(keys(spec).filter((key) => !METADATA.topLevel.includes(key))).toEqual([])
    for (const key of METADATA.requiredTopLevel)
      expect(typeof spec[key]).toBe(key === 'runs' ? 'object' : 'string')
  })

  it('declares inputs and outputs with valid ids and only the documented keys', () => {
    for (const [id, def] of entries(spec.inputs)) {
      expect(id).toMatch(METADATA.id)
      expect(keys(def).filter((key) => !METADATA.input.includes(key))).toEqual([])
      expect(typeof def.description).toBe('string')
      if ('required' in def) expect(typeof def.required).toBe('boolean')
      if ('default' in def) expect(typeof def.default).toBe('string')
    }
    for (const [id, def] of entries(spec.outputs)) {
      expect(id).toMatch(METADATA.id)
      expect(keys(def).filter((key) => !METADATA.output.includes(key))).toEqual([])
      expect(typeof def.description).toBe('string')
    }
  })

  it('runs as a JavaScript action on a supported Node runtime', () => {
    const runs = spec.runs as Record<string, unknown>
    expect(keys(runs).filter((key) => !METADATA.javascriptRuns.includes(key))).toEqual([])
    expect(METADATA.nodeRuntimes).toContain(runs.using)
    expect(typeof runs.main).toBe('string')
  })

  it('brands itself with a supported icon and color', () => {
    const branding = spec.branding as Record<string, unknown>
    expect(keys(branding).filter((key) => key !== 'icon' && key !== 'color')).toEqual([])
    expect(METADATA.icons).toContain(branding.icon)
    expect(METADATA.colors).toContain(branding.color)
  })
})

describe('action-catalog.md', () => {
  const catalog = renderCatalog(root, Object.values(PROVIDER_SPECS))
  const examples = markdownExamples('action-catalog.md', catalog)
  const workflows = readReusableWorkflows(root)

  it('is what npm run bundle generates from the action.yml files and reusable workflows', () => {
    expect(readFileSync(join(root, 'action-catalog.md'), 'utf8')).toBe(catalog)
  })

  it('has a section, an example and a table for every action and reusable workflow', () => {
    for (const name of actions) {
      expect(catalog).toContain(`### \`${name}\``)
      expect(catalog).toContain(`- uses: flightdeck-actions/flightdeck/actions/${name}@v1`)
    }
    expect(workflows.map((workflow) => workflow.file)).toContain('rollback.yml')
    for (const { file } of workflows) {
      expect(catalog).toContain(`### \`${file}\``)
      expect(catalog).toContain(`uses: flightdeck-actions/flightdeck/.github/workflows/${file}@v1`)
    }
    expect(examples).toHaveLength(actions.length + workflows.length)
  })

  it('has a hand-picked minimal example for every action, and none for one that is gone', () => {
    expect(Object.keys(ACTION_EXAMPLES).sort()).toEqual([...actions].sort())
    const files = workflows.map((workflow) => workflow.file)
    expect(Object.keys(WORKFLOW_EXAMPLES).filter((file) => !files.includes(file))).toEqual([])
  })

  describe.each(examples.map((example) => [example.where, example] as const))(
    'example at %s',
    (_where, example) => {
      it('passes only inputs and secrets its target declares, and every required one', () => {
        const uses = flightdeckUses(parseExample(example))
        expect(uses).toHaveLength(1)
        expect(uses.flatMap(checkUse)).toEqual([])
      })

      it('passes actionlint as a workflow', async () => {
        const workflow = asWorkflow(parseExample(example))
        const path = `${example.where.replace(/[:/.]/g, '_')}.yml`
        expect(await actionlint(workflow, path)).toEqual([])
      })
    },
  )

  it("takes a workflow's description from its opening comment, without the usage lead-in", () => {
    const text = [
      '# Reusable: one preview per pull request. It installs the CLI.',
      '# Call it from your workflow (all four types: closed is the teardown):',
      '#',
      '#   jobs:',
      'name: preview',
    ].join('\n')
    expect(workflowDescription(text, 'preview')).toBe(
      'One preview per pull request. It installs the CLI.',
    )
    expect(workflowDescription('name: x\n', 'x')).toBe('x')
  })
})
