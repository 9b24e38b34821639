// The actions the CLI can run and what each one's action.yml says, read with the `yaml` library
// (a runtime dependency): the package's actions/<name>/action.yml, next to bin/.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

/** The folder holding bin/ and actions/. */
export const packageRoot = fileURLToPath(new URL('../..', import.meta.url))

/**
 * @typedef {object} InputSpec
 * @property {string} [description]
 * @property {boolean} [required]
 * @property {string} [default]
 * @property {string} [deprecationMessage]
 */

/**
 * @typedef {object} ActionSpec
 * @property {string} name the folder under actions/
 * @property {string} dir
 * @property {string} [title] action.yml `name`
 * @property {string} description
 * @property {Record<string, InputSpec>} inputs
 * @property {Record<string, { description?: string }>} outputs
 * @property {{ using?: string, main?: string, post?: string, 'post-if'?: string }} runs
 */

/** @returns {string[]} the actions, by folder name */
export function listActions(root = packageRoot) {
  const dir = join(root, 'actions')
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'action.yml')))
    .sort()
}

/** @returns {ActionSpec} */
export function readAction(name, root = packageRoot) {
  const dir = join(root, 'actions', name)
  const spec = parse(readFileSync(join(dir, 'action.yml'), 'utf8')) ?? {}
  const asRecord = (value) => (value && typeof value === 'object' ? value : {})
  return {
    name,
    dir,
    title: typeof spec.name === 'string' ? spec.name : undefined,
    description: String(spec.description ?? ''),
    inputs: asRecord(spec.inputs),
    outputs: asRecord(spec.outputs),
    runs: asRecord(spec.runs),
  }
}

/** True for an input whose default says it takes true or false. */
export function isBooleanInput(spec) {
  return spec.default === 'true' || spec.default === 'false'
}
