// A workflow file read for `flightdeck lint`: its triggers, jobs and steps with the line each
// starts on, taken from the YAML library's source ranges (LineCounter), so that a finding
// points at the line in the file, comments and blank lines included.
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml'

/**
 * @typedef {object} Script a run: script or a github-script `script:`
 * @property {string} text
 * @property {(index: number) => number} lineOf the file line of the script's line `index` (0-based)
 *
 * @typedef {object} Step
 * @property {number} index
 * @property {number} line
 * @property {string} name the name, else the run's first line or the uses
 * @property {string} [uses]
 * @property {number} [usesLine]
 * @property {string} [if]
 * @property {Script} [run]
 * @property {Record<string, string>} with the `with:` values that are scalars
 * @property {Record<string, Script>} withScripts the same, with their lines
 *
 * @typedef {object} Job
 * @property {string} id
 * @property {number} line
 * @property {string} name
 * @property {string} [if]
 * @property {string} [uses] a reusable workflow
 * @property {Step[]} steps
 *
 * @typedef {object} Workflow
 * @property {string} file as given to the reader (relative to where lint runs)
 * @property {string} name
 * @property {Map<string, number>} triggers event name → line
 * @property {Job[]} jobs
 */

/** @typedef {{ message: string, line: number }} ReadError */

/**
 * @param {string} text @param {string} file
 * @returns {{ workflow?: Workflow, error?: ReadError }}
 */
export function readWorkflow(text, file) {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false })
  const lineAt = (/** @type {number | undefined} */ offset) => lineCounter.linePos(offset ?? 0).line
  if (doc.errors.length > 0) {
    const first = doc.errors[0]
    return {
      error: {
        message: `not valid YAML (${first?.code ?? 'error'})`,
        line: lineAt(first?.pos?.[0]),
      },
    }
  }
  const root = doc.contents
  if (!isMap(root)) return { error: { message: 'not a workflow (no mapping at the top)', line: 1 } }

  /** @param {any} node */
  const startLine = (node) => lineAt(node?.range?.[0])
  /** @param {any} map @param {string} key */
  const pair = (map, key) =>
    isMap(map) ? map.items.find((item) => isScalar(item.key) && item.key.value === key) : undefined
  /** @param {any} map @param {string} key */
  const text_ = (map, key) => {
    const value = pair(map, key)?.value
    return isScalar(value) && value.value !== null ? String(value.value) : undefined
  }
  /** @param {any} node @returns {Script | undefined} */
  const script = (node) => {
    if (!isScalar(node) || node.value === null) return undefined
    const value = String(node.value)
    const first = startLine(node)
    // A block scalar's text starts on the line after its `|` or `>`; a folded one's lines do
    // not map one to one, so they all point at its first line.
    const block = node.type === 'BLOCK_LITERAL'
    const folded = node.type === 'BLOCK_FOLDED'
    return {
      text: value,
      lineOf: (index) => (block ? first + 1 + index : folded ? first + 1 : first + index),
    }
  }

  /** @type {Map<string, number>} */
  const triggers = new Map()
  const on = pair(root, 'on') ?? pair(root, 'true') // YAML 1.1 readers turn `on` into true
  if (on) {
    const value = on.value
    if (isScalar(value)) triggers.set(String(value.value), startLine(value))
    else if (isSeq(value)) {
      for (const item of value.items)
        if (isScalar(item)) triggers.set(String(item.value), startLine(item))
    } else if (isMap(value)) {
      for (const item of value.items) {
        if (isScalar(item.key)) triggers.set(String(item.key.value), startLine(item.key))
      }
    }
  }

  /** @type {Job[]} */
  const jobs = []
  const jobsNode = pair(root, 'jobs')?.value
  for (const item of isMap(jobsNode) ? jobsNode.items : []) {
    if (!isScalar(item.key)) continue
    const id = String(item.key.value)
    const job = item.value
    const stepsNode = pair(job, 'steps')?.value
    /** @type {Step[]} */
    const steps = (isSeq(stepsNode) ? stepsNode.items : []).map((step, index) => {
      const usesNode = pair(step, 'uses')?.value
      const run = script(pair(step, 'run')?.value)
      const withNode = pair(step, 'with')?.value
      /** @type {Record<string, string>} */
      const withValues = {}
      /** @type {Record<string, Script>} */
      const withScripts = {}
      for (const entry of isMap(withNode) ? withNode.items : []) {
        const value = script(entry.value)
        if (isScalar(entry.key) && value) {
          withValues[String(entry.key.value)] = value.text
          withScripts[String(entry.key.value)] = value
        }
      }
      const uses = text_(step, 'uses')
      const name = text_(step, 'name') ?? run?.text.split('\n')[0] ?? uses ?? `step ${index + 1}`
      return {
        index,
        line: startLine(step),
        name,
        ...(uses ? { uses, usesLine: startLine(usesNode) } : {}),
        ...(text_(step, 'if') !== undefined ? { if: text_(step, 'if') } : {}),
        ...(run ? { run } : {}),
        with: withValues,
        withScripts,
      }
    })
    const jobIf = text_(job, 'if')
    const jobUses = text_(job, 'uses')
    jobs.push({
      id,
      line: startLine(item.key),
      name: text_(job, 'name') ?? id,
      ...(jobIf !== undefined ? { if: jobIf } : {}),
      ...(jobUses ? { uses: jobUses } : {}),
      steps,
    })
  }
  return { workflow: { file, name: text_(root, 'name') ?? file, triggers, jobs } }
}
