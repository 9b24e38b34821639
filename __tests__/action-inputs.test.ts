// An action.yml input that the action never reads is a lie in the public contract; a schema
// input that action.yml lacks can never be set by a workflow. Each action's `src/inputs.ts`
// exports its schema (`<something>Schema`); the two sets of names must be the same.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'

const root = new URL('..', import.meta.url).pathname
const actions = readdirSync(join(root, 'actions')).filter((name) =>
  existsSync(join(root, 'actions', name, 'src', 'inputs.ts')),
)

describe.each(actions)('actions/%s', (name) => {
  it('reads exactly the inputs its action.yml declares', async () => {
    const spec = parse(readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8')) as {
      inputs?: Record<string, unknown>
    }
    const module = (await import(`../actions/${name}/src/inputs.js`)) as Record<string, unknown>
    const schemas = Object.entries(module).filter(([key]) => /Schema$/.test(key))
    expect(schemas).toHaveLength(1)
    const schema = schemas[0]?.[1] as Record<string, unknown>
    expect(Object.keys(schema).sort()).toEqual(Object.keys(spec.inputs ?? {}).sort())
  })
})
