// Every action.yml is a public contract: these checks keep them uniform.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { renderCatalog } from '../scripts/lib/catalog.mjs'

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

describe('action-catalog.md', () => {
  it('is what npm run bundle generates from the action.yml files', () => {
    expect(readFileSync(join(root, 'action-catalog.md'), 'utf8')).toBe(renderCatalog(root))
  })
})
